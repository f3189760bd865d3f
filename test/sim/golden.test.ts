import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

const GOLDEN = new URL('./golden/default-summary.json', import.meta.url);

/** Rounds to 4 significant digits so the golden file reads well and survives float noise in formatting. */
function round(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(4));
}

describe('Golden run of the default scenario', () => {
  it('matches the reviewed summary (seed 1, 3 replications); run with UPDATE_GOLDEN=1 to accept a deliberate change', () => {
    const { summary } = runScenario(defaultScenario(), { seed: 1, replications: 3 });
    const actual = {
      metrics: Object.fromEntries(Object.entries(summary.metrics).map(([k, v]) => [k, { mean: round(v.mean), ci95: v.ci95 ? v.ci95.map(round) : null }])),
      funnel: JSON.parse(JSON.stringify(summary.funnel, (_k, v) => (typeof v === 'number' ? round(v) : v))),
      byAttempt: summary.byAttempt.firstContacts.slice(0, 10).map(round),
    };
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
    // A missing golden file is a failure, not a fresh start: writing it here would make the test pass on any output.
    if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN.pathname} is missing; run with UPDATE_GOLDEN=1 to write it, then review it`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
