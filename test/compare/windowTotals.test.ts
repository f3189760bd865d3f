import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { compareScenarios, DAYS_PER_MONTH } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import type { ScenarioSummary } from '../../src/sim/summary';

/*
 * The same floor simulated for 30 and for 60 measured days funds about twice as many loans in the longer run, and
 * the same number a month. A comparison must not read the longer run as a better policy.
 */
const floor = { name: 'Short run', days: 37, warmupDays: 7, leads: { perDay: 30 } };
const longer = { ...floor, name: 'Same floor, longer run', days: 67 };

describe('paired differences of counts when the measured windows differ', () => {
  let summaries: ScenarioSummary[];
  beforeAll(() => {
    summaries = [floor, longer].map((s) => runScenario(loadScenario(s), { seed: 5, replications: 4 }).summary);
  });

  it('pairs funded loans a month of each scenario\'s own window, so the same floor shows no clear difference', () => {
    const c = compareScenarios(summaries, { windowDays: [30, 60] });
    expect(c.totals).toBe('per month');
    const d = c.scenarios[1].vsBaseline!.funded;
    expect(d.verdict).toBe('no clear difference');
    // Each side a month of its own window: the mean difference is the difference of the monthly means.
    const monthly = (i: number, days: number) => (summaries[i].metrics.funded.mean * DAYS_PER_MONTH) / days;
    expect(d.mean).toBeCloseTo(monthly(1, 60) - monthly(0, 30), 9);
    // Rates do not grow with the window and are paired as they are.
    expect(c.scenarios[1].vsBaseline!.fundedRate.mean).toBeCloseTo(summaries[1].metrics.fundedRate.mean - summaries[0].metrics.fundedRate.mean, 12);
  });

  it('pairs fulfillment cost a month too: it is funded loans times their fulfillment cost, a total over the window', () => {
    // Found by test/compare/randomScenarios.test.ts: fulfillment cost was paired as a window total, so the longer run
    // read as costlier by the fulfillment of a whole extra month of loans.
    const c = compareScenarios(summaries, { windowDays: [30, 60] });
    const d = c.scenarios[1].vsBaseline!;
    expect(d.fulfillmentCost.mean).toBeCloseTo(d.funded.mean * 5500, 6);
    expect(d.fulfillmentCost.verdict).toBe('no clear difference');
  });

  it('without the windows, the raw totals read the longer run as "better": the trap the windows avoid', () => {
    expect(compareScenarios(summaries).scenarios[1].vsBaseline!.funded.verdict).toBe('better');
  });

  it('keeps totals over the common window when the windows are equal', () => {
    const c = compareScenarios([summaries[0], summaries[0]], { windowDays: [30, 30] });
    expect(c.totals).toBe('window');
  });
});

describe('leadlab compare with different measured windows', () => {
  it('says the windows and that differences of counts are per month', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-windows-'));
    writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...floor, days: 21, leads: { perDay: 10 } }));
    writeFileSync(join(dir, 'long.json'), JSON.stringify({ ...longer, days: 35, leads: { perDay: 10 } }));
    const io: CliIO & { stdout: string } = { stdout: '', cwd: dir, isTTY: false, out: (t: string) => void (io.stdout += t), err: () => undefined };
    expect(await main(['compare', 'short.json', 'long.json', '--replications', '2', '--seed', '3', '--workers', '0'], io)).toBe(0);
    expect(io.stdout).toContain('A: Short run (baseline), 14 measured days');
    expect(io.stdout).toContain('B: Same floor, longer run, 28 measured days');
    expect(io.stdout).toMatch(/windows differ, so differences of counts and money .* are per month/);
    expect(io.stdout).toMatch(/^Funded .* \/month/m);
  });
});
