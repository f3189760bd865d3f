import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/load';
import { defaultWarmupDays } from '../../src/scenario/schema';
import { checkWarmup, STEADY_DRIFT, warmupSentence } from '../../src/sim/warmup';

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
      const pipelines = Array.from({ length: 10 }, () => Array.from({ length: 45 }, (_, t) => level * (1 - Math.exp(-t / tau)) * (1 + 0.01 * z())));
      // Over days 15..44 the curve rises by e^(-15/tau) - e^(-44/tau) of the level: 14% or more of the mean there.
      const c = checkWarmup(pipelines, { days: 45, warmupDays: 15 });
      expect(c.verdict, `tau ${tau.toFixed(1)}: ${warmupSentence(c)}`).toBe('not-settled');
      expect(c.driftInterval![0]).toBeGreaterThan(STEADY_DRIFT);
      expect(warmupSentence(c)).toMatch(/^Warm-up: the open pipeline still rises by \+\d+% from the first 2 measured weeks to the last 2 .*simulate more days/);
    }
  });

  it('still calls a settled pipeline settled: stationary AR(1) noise in each of 10 replications after a fill, every time', () => {
    for (let k = 0; k < 200; k++) {
      const z = normals(`ar ${k}`);
      const pipelines = Array.from({ length: 10 }, () => {
        let e = 0;
        return Array.from({ length: 120 }, (_, t) => {
          e = 0.7 * e + 3 * z();
          return 100 * Math.min(1, t / 30) + e;
        });
      });
      const c = checkWarmup(pipelines, { days: 120, warmupDays: 60 });
      expect(c.verdict, warmupSentence(c)).toBe('adequate');
    }
  });
});

describe('the advice', () => {
  // Fills linearly to 100 by day 50 and holds; replications alike.
  const ramp = (days: number, r = 4) => Array.from({ length: r }, () => Array.from({ length: days }, (_, t) => Math.min(100, 2 * t)));

  it('names --warmup-days when the warm-up came from the flag, and keeps the days of a replayed stream', () => {
    const flag = checkWarmup(ramp(200), { days: 200, warmupDays: 20, warmupFrom: 'flag' });
    expect(warmupSentence(flag)).toMatch(/raise --warmup-days to 50 \(and days by 30/);
    const replay = checkWarmup(ramp(200), { days: 200, warmupDays: 20, replay: true });
    expect(warmupSentence(replay)).toMatch(/raise warmupDays to 50 \(150 measured days of the replayed stream would remain\)\.$/);
    expect(warmupSentence(replay)).not.toMatch(/and days/);
    const shortReplay = checkWarmup(ramp(60), { days: 60, warmupDays: 20, replay: true });
    expect(warmupSentence(shortReplay)).toMatch(/replay a longer lead stream/);
    expect(warmupSentence(shortReplay)).not.toMatch(/simulate more days/);
  });

  it('says when the interval is too wide to call the pipeline steady, and reads right for one measured day and a flat pipeline', () => {
    // Replications that disagree: one rises by 20% over the window, one falls by as much.
    const days = 100, warmupDays = 30;
    const wide = checkWarmup(
      [1, -1].map((sign) => Array.from({ length: days }, (_, t) => 100 * (1 + (sign * 0.2 * Math.max(0, t - warmupDays)) / (days - warmupDays)))),
      { days, warmupDays },
    );
    expect(wide.verdict).toBe('adequate');
    expect(wide.shownSteady).toBe(false);
    expect(warmupSentence(wide)).toMatch(/^Warm-up: not shown to be too short: the open pipeline changes by 0\.0% from the first 5 measured weeks to the last 5 .*: no change beyond the 5% taken as steady is shown, nor ruled out \(more replications narrow the interval\)\.$/);
    expect(warmupSentence(checkWarmup(ramp(40, 2), { days: 40, warmupDays: 39 }))).toMatch(/the 1 measured day makes fewer than/);
    const flat = checkWarmup(ramp(100, 3).map((p) => p.map(() => 50)), { days: 100, warmupDays: 0 });
    expect(flat.settledAfterDays).toBe(0);
    expect(warmupSentence(flat)).toBe(
      'Warm-up: adequate: the open pipeline changes by 0.0% from the first 7 measured weeks to the last 7 (95% interval 0.0% to 0.0%, 3 replications), within the 5% taken as steady.',
    );
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
