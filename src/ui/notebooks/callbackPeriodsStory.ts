/**
 * Callback periods: the radar cadence with one status's interval changed at a time, the two rows of
 * scripts/tradeoffs-table.mjs (docs/tradeoffs.md, "The field's policies, re-measured") on the notebooks' floor.
 */
import { notebookFloor, type Story } from './story';

const radarWith = (statuses: Record<string, unknown>) => ({ preset: 'radar', statuses });

/** Hours between calls to a lead never reached (the radar: 2-4 h after the first hour's burst). */
export const ATTEMPTED_HOURS = [0.25, 1, 3, 8, 24];
/** Hours between calls to a reached lead without an application (the radar: 18-24 h). */
export const CONTACTED_HOURS: [number, number][] = [
  [1, 2],
  [4, 6],
  [18, 24],
  [48, 72],
  [120, 168],
];

export const attemptedScenarios = ATTEMPTED_HOURS.map((h) => notebookFloor({ name: `Unreached leads called every ${h} h`, callbacks: radarWith({ attempted: { intervalHours: [h, h] } }) }));
export const contactedScenarios = CONTACTED_HOURS.map(([lo, hi]) => notebookFloor({ name: `Reached leads called every ${lo}-${hi} h`, callbacks: radarWith({ contacted: { intervalHours: [lo, hi] } }) }));

export const callbackPeriodsStory: Story = {
  seed: 12,
  replications: 4,
  scenarios: [...attemptedScenarios, ...contactedScenarios],
};
