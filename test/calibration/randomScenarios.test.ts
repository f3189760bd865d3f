import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCalibration } from '../../src/calibration/calibrate';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * `leadlab calibrate scenario.json` over random valid scenarios (the generator of test/sim/randomScenarios.test.ts),
 * small (2 replications, 100 leads an arm). Checked from what a calibration row means: it never throws on a valid
 * scenario; every row has a finite target inside its band; a simulated figure is a number inside its own interval,
 * or undefined (NaN) with no interval claimed and not passed; a row passes exactly when its simulated figure lies
 * in the band (docs/assumptions.md).
 */

const SCENARIOS = Number(process.env.RANDOM_CALIBRATE ?? 30);
const MASTER_SEED = Number(process.env.RANDOM_CALIBRATE_SEED ?? 20261131);

describe('Calibration of random valid scenarios', () => {
  it(`runs every figure on ${SCENARIOS} random scenarios, with rows that mean what they say`, () => {
    const failures: string[] = [];
    for (let i = 0; i < SCENARIOS; i++) {
      const drawn = scenario(new Gen(mulberry32(MASTER_SEED + i * 7919)), i);
      const s = drawn.scenario;
      // The figure-2 experiment runs the scenario itself: keep it small.
      if (!(s.leads as { replay?: unknown }).replay) s.days = Math.max(2, Math.ceil((s.days as number) / 4));
      if (typeof s.warmupDays === 'number') s.warmupDays = Math.min(s.warmupDays, (s.days as number) - 1);
      const problems: string[] = [];
      try {
        const rows = runCalibration({ scenario: s, readFile: (name) => drawn.files[name], replications: 2, leads: 100, seed: `random ${i}` });
        if (rows.length === 0) problems.push('no rows');
        for (const r of rows) {
          const where = `figure ${r.figure} "${r.name}"`;
          if (!(Number.isFinite(r.target) && r.low <= r.target && r.target <= r.high)) problems.push(`${where}: target ${r.target} outside its band ${r.low}-${r.high}`);
          const m = r.simulated.mean, lo = r.simulated.low, hi = r.simulated.high;
          if (Number.isFinite(m)) {
            if (Number.isFinite(lo) && Number.isFinite(hi) && !(lo <= m + 1e-9 * Math.max(1, Math.abs(m)) && m <= hi + 1e-9 * Math.max(1, Math.abs(m)))) problems.push(`${where}: simulated ${m} outside its interval [${lo}, ${hi}]`);
            if (r.pass !== (m >= r.low && m <= r.high)) problems.push(`${where}: simulated ${m}, band ${r.low}-${r.high}, but pass is ${r.pass}`);
          } else {
            if (r.pass) problems.push(`${where}: undefined (${m}) but passed`);
            if (Number.isFinite(lo) || Number.isFinite(hi)) problems.push(`${where}: undefined (${m}) with an interval [${lo}, ${hi}]`);
          }
        }
      } catch (e) {
        problems.push(`threw ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
      }
      if (problems.length) failures.push(`scenario ${i}:\n  ${problems.slice(0, 6).join('\n  ')}\n  ${JSON.stringify(s)}`);
    }
    if (process.env.RANDOM_CALIBRATE_OUT) writeFileSync(process.env.RANDOM_CALIBRATE_OUT, JSON.stringify(failures, null, 1));
    expect(failures, `${failures.length} of ${SCENARIOS} scenarios failed:\n${failures.slice(0, 3).join('\n\n')}`).toEqual([]);
  });
});
