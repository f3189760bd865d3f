/**
 * Callback periods: the radar cadence with one status's interval changed at a time, the two rows of
 * scripts/tradeoffs-table.mjs (docs/tradeoffs.md, "The field's policies, re-measured") on the notebooks' floor.
 */
import type { Comparison } from '../../compare/compareScenarios';
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

/**
 * The closing note on pairing, from the numbers on the page: each paired difference's 95% interval (funded, against
 * the best) beside the narrower of the two scenarios' own intervals. Common random numbers usually make the paired
 * one narrower, but with few replications not always; the note says which it was, never more than the runs show.
 */
export function pairingNote(comparisons: readonly Comparison[]): string {
  const width = (ci: [number, number] | null | undefined) => (ci ? ci[1] - ci[0] : NaN);
  const ratios = comparisons.flatMap((c) => c.scenarios.slice(1).flatMap((s) => {
    const paired = width(s.vsBaseline?.funded.ci95);
    const alone = Math.min(width(s.metrics.funded.ci95), width(c.scenarios[0].metrics.funded.ci95));
    return Number.isFinite(paired) && Number.isFinite(alone) && alone > 0 ? [paired / alone] : [];
  }));
  const lead = 'Every interval sees the same simulated leads (common random numbers)';
  if (ratios.length === 0) return `${lead}; these runs have too few replications for intervals to compare.`;
  const sorted = [...ratios].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const narrower = ratios.filter((r) => r < 1).length;
  const typical = `a typical paired interval is ${Math.round(median * 100)}% as wide as the narrower of the two alone`;
  if (narrower === ratios.length) return `${lead}, so the paired differences are ${median <= 0.5 ? 'much ' : ''}narrower than the intervals of each one alone: ${typical}.`;
  return `${lead}, yet here ${ratios.length - narrower} of the ${ratios.length} paired differences are as wide as or wider than the intervals of each one alone (${typical}): with so few replications the pairing cancels little of the luck, so read a bar across zero as no clear difference, not as no difference.`;
}
