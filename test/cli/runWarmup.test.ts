import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function run(scenario: unknown, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-warmup-'));
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario));
  let out = '', err = '';
  const code = await main(['run', path, ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, isTTY: false });
  return { code, out, err };
}

describe('leadlab run: the warm-up check', () => {
  it('reports the default floor with no warm-up as still filling, and a warm-up past the settling point as adequate', async () => {
    // The default floor with 210 days of arrivals: its pipelines take weeks to fill (loans are weeks in process).
    const short = await run({ days: 210, warmupDays: 0 }, '--json');
    expect(short.code).toBe(0);
    const check = JSON.parse(short.out).warmup;
    expect(check.verdict).toBe('too-short');
    expect(check.warmupTooShort).toBe(true);
    expect(check.settledAfterDays).toBeGreaterThan(0);
    expect(check.shortByDays).toBe(check.settledAfterDays);
    // Filling: the measured window's pipeline is below its settled level.
    expect(check.windowBias).toBeLessThan(0);
    expect(check.driftInterval[0]).toBeGreaterThan(check.steadyDrift);
    expect(check.message).toMatch(
      new RegExp(`^Warm-up: too short: the open pipeline still rises by \\+\\d+% from the first 15 measured weeks to the last 15 \\(95% interval .*, 10 replications\\).* It settles after about ${check.settledAfterDays} days .*still filling.*raise warmupDays to ${check.settledAfterDays}`),
    );

    const text = await run({ days: 210, warmupDays: 0 });
    expect(text.out.split('\n')).toContain(check.message);

    const warmupDays = check.settledAfterDays + 10;
    const long = await run({ days: 210 + warmupDays, warmupDays }, '--json');
    const adequate = JSON.parse(long.out).warmup;
    expect(adequate.verdict).toBe('adequate');
    expect(adequate.settledAfterDays).toBeLessThanOrEqual(warmupDays);
    expect(adequate.shownSteady).toBe(true);
    expect(adequate.message).toMatch(/^Warm-up: adequate: the open pipeline changes by .* from the first 15 measured weeks to the last 15 \(95% interval .*, 10 replications\), within the 5% taken as steady\.$/);
  });

  it('says it cannot judge when the measured days are too few, not a number', async () => {
    const r = await run({ days: 25, warmupDays: 10, cooldownDays: 5, replications: 2 });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Warm-up: cannot judge whether the 10-day warm-up is long enough: the 15 measured days make fewer than 4 batches of 5 days/m);
  });
});
