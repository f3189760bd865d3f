import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { checkWarmup, MIN_BATCHES_AFTER_WARMUP, MSER_BATCH_SIZE, mserTruncation, warmupSentence } from '../../src/sim/warmup';

/*
 * MSER-5 against series whose truth is known by construction (not by the code under test): an exponential approach
 * to a level with a known time constant, a stationary AR(1) series, a step. The generators are seeded (seedrandom, not
 * the simulator's own streams) so a failure can be replayed.
 */

function generator(seed: string) {
  const rng = seedrandom(seed);
  const uniform = (a: number, b: number) => a + (b - a) * rng();
  // Box-Muller.
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return { rng, uniform, normal };
}

const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

describe('mserTruncation', () => {
  it('computes MSER(d) as the sum of squared deviations of the kept batch means over the kept count squared', () => {
    // Batch means 0, 10, 10, 10: MSER(0) = (7.5^2 + 3 * 2.5^2) / 4^2 = 75 / 16; MSER(1) = MSER(2) = 0, the first kept.
    const series = [...Array(5).fill(0), ...Array(15).fill(10)];
    const m = mserTruncation(series);
    expect(m.batches).toBe(4);
    expect(m.searchLimit).toBe(2);
    expect(m.mser).toEqual([75 / 16, 0, 0]);
    expect(m.truncatedBatches).toBe(1);
    expect(m.truncation).toBe(5);
    expect(m.atSearchLimit).toBe(false);
  });

  it('drops a leftover shorter than a batch at the end, and truncates nothing from a constant series', () => {
    const m = mserTruncation(Array(23).fill(7));
    expect(m.batches).toBe(4);
    expect(m.truncation).toBe(0);
  });

  it('flags a series still moving at the end of its first half (a straight ramp)', () => {
    const m = mserTruncation(Array.from({ length: 100 }, (_, t) => t));
    expect(m.atSearchLimit).toBe(true);
    expect(m.truncation).toBe(m.searchLimit * MSER_BATCH_SIZE);
  });

  it('rejects input it cannot judge with a clear message', () => {
    expect(() => mserTruncation([1, 2, 3])).toThrow(/at least 2 batches of 5 observations \(10\), got 3 observations/);
    expect(() => mserTruncation([...Array(10).fill(1), NaN])).toThrow(/expected finite numbers, got NaN at index 10/);
    expect(() => mserTruncation(Array(20).fill(1), 0)).toThrow(/batch size that is a whole number >= 1, got 0/);
  });

  it('finds the end of an exponential approach L(1 - e^(-t/tau)) + noise between tau and 5 tau, in most random cases', () => {
    const { uniform, normal } = generator('warmup-exponential');
    const cases = 300;
    let inside = 0;
    for (let i = 0; i < cases; i++) {
      const level = uniform(50, 300), tau = uniform(5, 40), sd = level * uniform(0.02, 0.1);
      const series = Array.from({ length: 500 }, (_, t) => level * (1 - Math.exp(-t / tau)) + sd * normal());
      const { truncation } = mserTruncation(series);
      if (truncation >= tau && truncation <= 5 * tau) inside++;
    }
    // After tau, 37% of the transient remains, against noise of 2-10% of the level; after 5 tau, 0.7%.
    expect(inside / cases).toBeGreaterThanOrEqual(0.8);
  });

  it('truncates later the slower the approach (tau 5, 10, 20, 40; the same noise)', () => {
    const { normal } = generator('warmup-tau');
    const noise = Array.from({ length: 100 }, () => Array.from({ length: 500 }, () => 5 * normal()));
    const meanTruncation = [5, 10, 20, 40].map((tau) => mean(noise.map((e) => mserTruncation(e.map((x, t) => 100 * (1 - Math.exp(-t / tau)) + x)).truncation)));
    for (let i = 1; i < meanTruncation.length; i++) expect(meanTruncation[i]).toBeGreaterThan(meanTruncation[i - 1]);
  });

  it('truncates a stationary AR(1) series within its first 10% in most random cases', () => {
    const { uniform, normal } = generator('warmup-ar1');
    const cases = 300;
    let near = 0;
    for (let i = 0; i < cases; i++) {
      const phi = uniform(0, 0.8), sd = uniform(1, 10), mu = uniform(0, 200), n = Math.round(uniform(100, 500));
      // Started in its stationary distribution: there is no transient to find.
      let x = mu + (normal() * sd) / Math.sqrt(1 - phi * phi);
      const series: number[] = [];
      for (let t = 0; t < n; t++) {
        series.push(x);
        x = mu + phi * (x - mu) + sd * normal();
      }
      if (mserTruncation(series).truncation <= 0.1 * n) near++;
    }
    expect(near / cases).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a step at or after it, within a batch of it in most cases (and by the median)', () => {
    const { uniform, normal, rng } = generator('warmup-step');
    const cases = 300;
    const errors: number[] = [];
    for (let i = 0; i < cases; i++) {
      const step = Math.floor(uniform(10, 140)), before = uniform(0, 100), jump = uniform(5, 20) * (rng() < 0.5 ? -1 : 1);
      const series = Array.from({ length: 300 }, (_, t) => (t < step ? before : before + jump) + normal());
      errors.push(mserTruncation(series).truncation - step);
    }
    // Never keeps a batch from before the step; past it, the kept series is stationary, where MSER's minimum wanders a
    // few batches by chance (as in the AR(1) case above), so "within a batch" holds in most cases, not all.
    expect(Math.min(...errors)).toBeGreaterThanOrEqual(-MSER_BATCH_SIZE);
    expect(errors.filter((e) => Math.abs(e) <= MSER_BATCH_SIZE).length / cases).toBeGreaterThanOrEqual(0.6);
    const sorted = [...errors].sort((a, b) => a - b);
    expect(Math.abs(sorted[Math.floor(cases / 2)])).toBeLessThanOrEqual(MSER_BATCH_SIZE);
  });
});

describe('checkWarmup', () => {
  // A pipeline that fills linearly to 100 over its first 50 days and then holds: it settles at day 50 by construction.
  const ramp = (days: number) => Array.from({ length: days + 30 }, (_, t) => (t >= days ? 100 - (t - days) : Math.min(100, 2 * t)));
  /** `r` replications alike: their drifts have no spread, so the interval is the drift itself. */
  const alike = (series: number[], r: number) => Array.from({ length: r }, () => series);

  it('reports a warm-up shorter than the settling point, with the drift, the gap and the window bias', () => {
    const days = 200, warmupDays = 20;
    const c = checkWarmup(alike(ramp(days), 4), { days, warmupDays });
    expect(c.verdict).toBe('too-short');
    expect(c.settledAfterDays).toBe(50);
    expect(c.warmupTooShort).toBe(true);
    expect(c.shortByDays).toBe(30);
    // Halves of 12 weeks (84 days) of the 180 measured: days 20..103 (30 days at 40..98, then 100) against 116..199 (100).
    const window = ramp(days).slice(warmupDays, days);
    const first = mean(ramp(days).slice(20, 104));
    expect(c.driftWeeks).toBe(12);
    expect(c.drift).toBeCloseTo((100 - first) / mean(window), 12);
    expect(c.driftInterval).toEqual([c.drift, c.drift]);
    // The window (days 20..199) against the steady level 100: days 20..49 hold 40..98.
    const bias = (mean(window) - 100) / 100;
    expect(c.windowBias).toBeCloseTo(bias, 12);
    expect(c.series).toHaveLength(days);
    const text = warmupSentence(c);
    expect(text).toMatch(/^Warm-up: too short: the open pipeline still rises by \+12% from the first 12 measured weeks to the last 12 \(95% interval \+12% to \+12%, 4 replications\), over the 5% taken as steady\. /);
    expect(text).toContain(
      `It settles after about 50 days (MSER-5 over the mean daily pipeline); the warm-up is 20 days, so the first 30 measured days are still filling (mean pipeline ${Math.round(-100 * bias)}% below its settled level): raise warmupDays to 50 (and days by 30, to 230, to keep 180 measured days)`,
    );
  });

  it('reads only the arrival days, not the cool-down where pipelines drain', () => {
    // 60 days of cool-down draining the pipeline to 0: a truncation of the whole series would end well before day 50.
    const drained = Array.from({ length: 260 }, (_, t) => (t >= 200 ? 100 * (1 - (t - 200) / 60) : Math.min(100, 2 * t)));
    expect(mserTruncation(drained).truncation).toBeLessThan(50);
    const c = checkWarmup(alike(drained, 2), { days: 200, warmupDays: 60 });
    expect(c.settledAfterDays).toBe(50);
    expect(c.verdict).toBe('adequate');
  });

  it('calls a warm-up that covers the settling point adequate, without alarm, and says the drift is shown small', () => {
    const c = checkWarmup(alike(ramp(200), 10), { days: 200, warmupDays: 60 });
    expect(c.verdict).toBe('adequate');
    expect(c.warmupTooShort).toBe(false);
    expect(c.shortByDays).toBe(0);
    expect(c.shownSteady).toBe(true);
    expect(warmupSentence(c)).toBe(
      'Warm-up: adequate: the open pipeline changes by 0.0% from the first 10 measured weeks to the last 10 (95% interval 0.0% to 0.0%, 10 replications), within the 5% taken as steady.',
    );
  });

  it('cannot judge with fewer than 4 batches of measured days, and says so instead of a number', () => {
    const days = 60, warmupDays = days - MIN_BATCHES_AFTER_WARMUP * MSER_BATCH_SIZE + 1;
    const c = checkWarmup(alike(ramp(days), 3), { days, warmupDays });
    expect(c.verdict).toBe('cannot-judge');
    expect(c.settledAfterDays).toBeNull();
    expect(warmupSentence(c)).toMatch(/^Warm-up: cannot judge whether the 41-day warm-up is long enough: the 19 measured days make fewer than 4 batches of 5 days/);
    expect(warmupSentence(c)).not.toMatch(/\d+%/);
  });

  it('cannot judge from one replication: the interval needs the spread of two or more', () => {
    const c = checkWarmup([ramp(200)], { days: 200, warmupDays: 20 });
    expect(c.verdict).toBe('cannot-judge');
    expect(c.driftInterval).toBeNull();
    expect(warmupSentence(c)).toMatch(/^Warm-up: cannot judge whether the 20-day warm-up is long enough from 1 replication: the open pipeline changes by \+12% from the first 12 measured weeks to the last 12, .*at least 2 replications/);
  });

  it('says the pipeline has not settled when it still grows at half the arrival days', () => {
    const c = checkWarmup(alike(ramp(60), 3), { days: 60, warmupDays: 20 });
    expect(c.verdict).toBe('not-settled');
    expect(c.settledAfterDays).toBeNull();
    expect(warmupSentence(c)).toMatch(/still rises by \+\d+% from the first 2 measured weeks to the last 2 \(95% interval .*, 3 replications\), over the 5% taken as steady, and MSER-5 finds no settling point in the first 30 arrival days; simulate more days/);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => checkWarmup([ramp(100)], { days: 100, warmupDays: 100 })).toThrow(/warmupDays, a whole number >= 0 and below days \(100\), got 100/);
    expect(() => checkWarmup([ramp(100), [1, 2]], { days: 100, warmupDays: 0 })).toThrow(/a pipeline value for each of the 100 arrival days, got 2 in replication 2/);
    expect(() => checkWarmup([], { days: 100, warmupDays: 0 })).toThrow(/at least 1 replication, got none/);
    expect(() => checkWarmup([[...ramp(100).slice(0, 50), NaN, ...ramp(100).slice(51)]], { days: 100, warmupDays: 0 })).toThrow(/finite numbers, got NaN on day 50 of replication 1/);
  });
});
