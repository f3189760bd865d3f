import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/load';
import { defaultWarmupDays } from '../../src/scenario/schema';
import { checkWarmup, MAX_DRIFT_AFTER_CUT, warmupSentence } from '../../src/sim/warmup';

/*
 * The warm-up check on runs too short to tell, and the advice it gives: series whose shape is known by construction
 * (seeded with seedrandom, not the simulator's streams), and the default warm-up of runs of any length.
 */
function normals(seed: string) {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('a run much shorter than its pipeline takes to fill', () => {
  it('is never called settled while its pipeline still rises: L (1 - e^(-t/tau)) seen for 45 days, tau 20 to 40', () => {
    const rng = seedrandom('short runs');
    for (let k = 0; k < 100; k++) {
      const tau = 20 + 20 * rng(), level = 50 + 200 * rng(), z = normals(`short ${k}`);
      const series = Array.from({ length: 45 }, (_, t) => level * (1 - Math.exp(-t / tau)) * (1 + 0.01 * z()));
      // Over days 15..44 the curve rises by e^(-15/tau) - e^(-44/tau) of the level: 14% or more of the mean there.
      const c = checkWarmup(series, { days: 45, warmupDays: 15, replications: 10 });
      expect(c.verdict, `tau ${tau.toFixed(1)}: ${warmupSentence(c)}`).not.toBe('adequate');
      expect(c.verdict).not.toBe('too-short');
      if (c.drift !== null) {
        expect(c.drift).toBeGreaterThan(MAX_DRIFT_AFTER_CUT);
        expect(warmupSentence(c)).toMatch(new RegExp(`^Warm-up: the open pipeline still rises after day ${c.cutDay} \\(by \\d+% over the rest of the 45 arrival days`));
      }
    }
  });

  it('still calls a settled pipeline settled: a stationary AR(1) series after a fill, in 9 cases of 10', () => {
    // Noisy series (batch means with a 4.5% spread): MSER-5 stops at its search limit on about 5% of them and the drift
    // test sees a trend in about 4%; a floor's pipeline averaged over replications is far smoother.
    let adequate = 0;
    for (let k = 0; k < 200; k++) {
      const z = normals(`ar ${k}`);
      let e = 0;
      const series = Array.from({ length: 120 }, (_, t) => {
        e = 0.7 * e + 3 * z();
        return 100 * Math.min(1, t / 30) + e;
      });
      const c = checkWarmup(series, { days: 120, warmupDays: 60, replications: 10 });
      if (c.verdict === 'adequate') adequate++;
    }
    expect(adequate).toBeGreaterThanOrEqual(180);
  });
});

describe('the advice', () => {
  // Fills linearly to 100 by day 50 and holds.
  const ramp = (days: number) => Array.from({ length: days }, (_, t) => Math.min(100, 2 * t));

  it('names --warmup-days when the warm-up came from the flag, and keeps the days of a replayed stream', () => {
    const flag = checkWarmup(ramp(200), { days: 200, warmupDays: 20, replications: 4, warmupFrom: 'flag' });
    expect(warmupSentence(flag)).toMatch(/raise --warmup-days to 50 \(and days by 30/);
    const replay = checkWarmup(ramp(200), { days: 200, warmupDays: 20, replications: 4, replay: true });
    expect(warmupSentence(replay)).toMatch(/raise warmupDays to 50 \(150 measured days of the replayed stream would remain\)\.$/);
    expect(warmupSentence(replay)).not.toMatch(/and days/);
    const shortReplay = checkWarmup(ramp(60), { days: 60, warmupDays: 20, replications: 4, replay: true });
    expect(warmupSentence(shortReplay)).toMatch(/replay a longer lead stream/);
    expect(warmupSentence(shortReplay)).not.toMatch(/simulate more days/);
  });

  it('asks for more replications when few were run, and reads right for one measured day and a pipeline steady from the start', () => {
    const few = checkWarmup(ramp(60), { days: 60, warmupDays: 20, replications: 1 });
    expect(warmupSentence(few)).toMatch(/simulate more days \(and raise warmupDays to match\), or more replications: the mean of 1 replication is noisy\.$/);
    const many = checkWarmup(ramp(60), { days: 60, warmupDays: 20, replications: 10 });
    expect(warmupSentence(many)).not.toMatch(/replications: the mean/);
    expect(warmupSentence(checkWarmup(ramp(40), { days: 40, warmupDays: 39, replications: 2 }))).toMatch(/the 1 measured day makes fewer than/);
    const flat = checkWarmup(Array.from({ length: 100 }, () => 50), { days: 100, warmupDays: 0, replications: 3 });
    expect(flat.settledAfterDays).toBe(0);
    expect(warmupSentence(flat)).toBe('Warm-up: adequate: the open pipeline holds steady from the first days (MSER-5 over the mean daily pipeline of 3 replications).');
  });
});

describe('the default warm-up', () => {
  it('is 60 days, or half the days of a run shorter than 120, so that every run measures at least half its days', () => {
    for (const days of [1, 2, 30, 45, 60, 61, 79, 119, 120, 121, 365]) {
      const w = defaultWarmupDays(days);
      expect(w).toBe(Math.min(60, Math.floor(days / 2)));
      expect(days - w).toBeGreaterThanOrEqual(days / 2);
      expect(loadScenario({ days }).config.warmupDays).toBe(w);
    }
  });

  it('keeps a warm-up the scenario gives, and refuses one as long as the run, whatever its value', () => {
    expect(loadScenario({ days: 61, warmupDays: 60 }).config.warmupDays).toBe(60);
    expect(loadScenario({ days: 200, warmupDays: 30 }).config.warmupDays).toBe(30);
    for (const warmupDays of [40, 59, 60]) {
      let error: unknown;
      try {
        loadScenario({ days: 40, warmupDays });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as Error).message).toMatch(new RegExp(`warmupDays.*expected fewer warm-up days than days \\(40\\), got ${warmupDays}`));
    }
  });
});
