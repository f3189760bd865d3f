import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { checkWarmup, STEADY_DRIFT, warmupSentence, windowDrift } from '../../src/sim/warmup';

/*
 * The warm-up verdict on replications whose truth is known by construction (not by the code under test): a pipeline
 * held at a level, one that approaches its level exponentially with a known time constant, one that keeps rising
 * slowly, each replication with its own AR(1) noise. The generators are seeded (seedrandom, not the simulator's own
 * streams) so a failure can be replayed.
 */

function generator(seed: string) {
  const rng = seedrandom(seed);
  const uniform = (a: number, b: number) => a + (b - a) * rng();
  const int = (a: number, b: number) => Math.floor(uniform(a, b + 1));
  // Box-Muller.
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  /** `r` replications of `curve(t)` plus AR(1) noise of standard deviation `sd` and lag-1 correlation `phi`, started stationary. */
  const replications = (r: number, days: number, curve: (t: number) => number, sd: number, phi: number) =>
    Array.from({ length: r }, () => {
      let e = sd * normal();
      return Array.from({ length: days }, (_, t) => {
        const x = curve(t) + e;
        e = phi * e + Math.sqrt(1 - phi * phi) * sd * normal();
        return x;
      });
    });
  return { uniform, int, normal, replications };
}

const flagged = (verdict: string) => verdict === 'too-short' || verdict === 'not-settled';

describe('windowDrift', () => {
  it('gives the closed-form change of a straight line between the first and last whole weeks, with no spread', () => {
    // a + b t over days 10..99: 90 days, halves of 6 weeks (42 days); the last half starts 48 days after the first.
    const line = Array.from({ length: 100 }, (_, t) => 20 + 0.5 * t);
    const d = windowDrift([line, line, line], 10, 100);
    const level = 20 + 0.5 * ((10 + 99) / 2);
    expect(d.weeks).toBe(6);
    expect(d.level).toBeCloseTo(level, 12);
    expect(d.drift).toBeCloseTo((0.5 * 48) / level, 12);
    expect(d.interval![0]).toBeCloseTo(d.drift, 12);
    expect(d.interval![1]).toBeCloseTo(d.drift, 12);
  });

  it('sees no drift in a weekly rhythm, whatever day of the week the window starts on', () => {
    for (let from = 0; from < 7; from++) {
      const weekly = Array.from({ length: 130 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 7) + (t % 7 === 5 ? 8 : 0));
      expect(Math.abs(windowDrift([weekly, weekly], from, 130 - from).drift)).toBeLessThan(1e-12);
    }
  });

  it('has a 95% interval that covers the true drift in 95% of random cases (the spread is over replications)', () => {
    const { uniform, int, replications } = generator('warmup-drift-coverage');
    const cases = 1000;
    let covered = 0;
    for (let i = 0; i < cases; i++) {
      const days = int(40, 200), from = int(0, days - 28), level = uniform(20, 200), slope = uniform(-0.2, 0.2) * (level / days);
      const half = 7 * Math.floor((days - from) / 14);
      // The true change of the line between the halves over its mean on the window.
      const truth = (slope * (days - from - half)) / (level + slope * ((from + days - 1) / 2));
      const d = windowDrift(replications(int(2, 30), days, (t) => level + slope * t, uniform(0.01, 0.2) * level, uniform(0, 0.9)), from, days);
      if (d.interval![0] <= truth && truth <= d.interval![1]) covered++;
    }
    expect(covered / cases).toBeGreaterThan(0.93);
    expect(covered / cases).toBeLessThan(0.97);
  });
});

describe('the warm-up verdict', () => {
  it('calls a stationary pipeline adequate at every replication count from 5 to 40 (random seeds, noise up to 10% of the level)', () => {
    // The default floor's pipeline (about 220 leads) wanders by about 5% of its level from one replication to the next.
    // From 5 replications the interval's width is itself well estimated; with 2 to 4 a settled run is flagged in at
    // most 2.5% of runs, as at any count (checked over 2 to 40 below, on far noisier pipelines).
    const { uniform, int, replications } = generator('warmup-stationary');
    for (let i = 0; i < 300; i++) {
      const days = int(40, 260), warmupDays = int(0, days - 20), r = int(5, 40), level = uniform(2, 300);
      const c = checkWarmup(replications(r, days, () => level, uniform(0, 0.1) * level, uniform(0, 0.95)), { days, warmupDays });
      expect(c.verdict, `case ${i}: ${warmupSentence(c)}`).toBe('adequate');
    }
  });

  it('keeps its verdict on a settled floor as replications are added (5 to 40 of the same runs)', () => {
    // The one-call firm's shape: filled by day 50 (tau 12) of a 75-day warm-up, then a slow rise of 2% over 75 measured
    // days, with noise of 5% of the level (as on the default floor). Adding replications must not flip the verdict.
    const { uniform, replications } = generator('warmup-prefixes');
    for (let i = 0; i < 30; i++) {
      const level = uniform(10, 200);
      const runs = replications(40, 150, (t) => level * (1 - Math.exp(-t / 12)) * (1 + (0.02 * Math.max(0, t - 75)) / 75), 0.05 * level, 0.95);
      for (let r = 5; r <= 40; r++) {
        const c = checkWarmup(runs.slice(0, r), { days: 150, warmupDays: 75 });
        expect(c.verdict, `case ${i}, ${r} replications: ${warmupSentence(c)}`).toBe('adequate');
      }
    }
  });

  it('flags a very noisy settled pipeline in at most 2.5% of runs, at any replication count', () => {
    // The one-call firm's noise: its floor's pipeline of about 16 leads wanders by a quarter of its level, slowly. With
    // the interval as wide as the steady band or wider, a 95% interval lies wholly beyond 5% in at most 2.5% of runs.
    const { uniform, int, replications } = generator('warmup-noisy');
    const cases = 1000;
    let alarms = 0;
    for (let i = 0; i < cases; i++) {
      const r = int(2, 40), level = uniform(5, 50);
      const c = checkWarmup(replications(r, 150, () => level, uniform(0.2, 0.3) * level, uniform(0.9, 0.98)), { days: 150, warmupDays: 75 });
      if (c.verdict !== 'adequate') alarms++;
    }
    expect(alarms / cases).toBeLessThanOrEqual(0.025);
  });

  it('flags a slow rise of 30% over the measured days at 10 to 40 replications, every time', () => {
    const { uniform, int, replications } = generator('warmup-slow-rise');
    for (let i = 0; i < 200; i++) {
      const level = uniform(10, 200), warmupDays = int(30, 90), days = warmupDays + int(60, 150), r = int(10, 40);
      const rise = (t: number) => level * (1 + (0.3 * Math.max(0, t - warmupDays)) / (days - warmupDays));
      const c = checkWarmup(replications(r, days, rise, uniform(0, 0.1) * level, uniform(0, 0.9)), { days, warmupDays });
      expect(flagged(c.verdict), `case ${i}: ${warmupSentence(c)}`).toBe(true);
      expect(c.driftInterval![0]).toBeGreaterThan(STEADY_DRIFT);
      expect(warmupSentence(c)).toMatch(/^Warm-up: (too short: )?the open pipeline still rises by \+\d+% from the first \d+ measured weeks/);
    }
  });

  it('flags a pipeline that falls to its level from an overfull start, and says it falls', () => {
    const { uniform, replications } = generator('warmup-fall');
    for (let i = 0; i < 50; i++) {
      // Over 100 days the first 7 weeks hold at least 20% more than the last 7.
      const level = uniform(20, 200), tau = uniform(10, 15);
      const c = checkWarmup(replications(10, 100, (t) => level * (1 + Math.exp(-t / tau)), 0.05 * level, 0.7), { days: 100, warmupDays: 0 });
      expect(flagged(c.verdict), warmupSentence(c)).toBe(true);
      expect(c.drift).toBeLessThan(-STEADY_DRIFT);
      expect(warmupSentence(c)).toMatch(/still falls/);
    }
  });

  it('advises a warm-up that covers a transient L (1 - e^(-t/tau)) of known tau, measured from day 0 (random cases)', () => {
    const { uniform, int, replications } = generator('warmup-transient');
    const cases = 300;
    let tooShort = 0, alarms = 0;
    for (let i = 0; i < cases; i++) {
      // Runs of 12 to 16 tau: long enough for MSER-5 to find the end in their first half, short enough that the
      // transient moves the first half of the days by more than 1 / 8 of the level against the last.
      const tau = uniform(5, 12), days = int(Math.ceil(12 * tau), Math.floor(16 * tau)), level = uniform(20, 300);
      const curve = (t: number) => level * (1 - Math.exp(-t / tau));
      const c = checkWarmup(replications(int(5, 30), days, curve, uniform(0.02, 0.15) * level, uniform(0.5, 0.95)), { days, warmupDays: 0 });
      if (flagged(c.verdict)) alarms++;
      if (c.verdict !== 'too-short') continue;
      tooShort++;
      const s = c.settledAfterDays!;
      // Covered: the noise-free curve after the advised warm-up moves by less than the size that matters, and at least
      // tau of the transient is skipped (37% of it left; the rule keeps a smaller part only when the noise hides it).
      const truth = windowDrift([Array.from({ length: days }, (_, t) => curve(t))], s, days).drift;
      expect(truth, `case ${i}: tau ${tau.toFixed(1)}, advised ${s}`).toBeLessThan(STEADY_DRIFT);
      expect(s).toBeGreaterThanOrEqual(tau);
      expect(c.shortByDays).toBe(s);
    }
    // Measured from day 0, the first half of the window is far below the last: flagged unless the noise of few
    // replications hides it. Not too-short: runs where MSER-5's point falls beyond half the days ("simulate more days").
    expect(alarms / cases).toBeGreaterThan(0.95);
    expect(tooShort / cases).toBeGreaterThan(0.8);
  });
});
