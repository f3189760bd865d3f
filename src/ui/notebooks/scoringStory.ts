/**
 * Lead scoring, ownership and the drip: every lead to sales against scoring at three thresholds (leads below go to
 * the marketing drip, which hands them back to sales once ready), on the notebooks' floor and on the same floor
 * with three times the leads (docs/tradeoffs.md: with idle agents the drip costs a few loans).
 */
import { notebookFloor, type Story } from './story';

export const THRESHOLDS = [0.3, 0.5, 0.7];

const variants = (prefix: string, over: Record<string, unknown>) => [
  notebookFloor({ name: `${prefix}every lead to sales`, ...over }),
  ...THRESHOLDS.map((threshold) => notebookFloor({ name: `${prefix}scored, drip below ${threshold}`, scoring: { threshold }, ...over })),
];

export const quietScenarios = variants('40 leads a day: ', {});
export const busyScenarios = variants('120 leads a day: ', { leads: { perDay: 120 } });

export const scoringStory: Story = {
  seed: 12,
  replications: 4,
  scenarios: [...quietScenarios, ...busyScenarios],
};
