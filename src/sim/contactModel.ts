import { HOURS_PER_WEEK } from './calendar';
import { FunctionCache } from './functionCache';

/**
 * How likely a call attempt is to be answered:
 *   P(answer) = min(1, contactability_i x hourOfWeek[h] x ageDecay(age))
 * where contactability_i is the lead's hidden trait drawn from Beta(alpha, beta), h is the hour of week of
 * the attempt (Monday 00:00 = 0) and age is minutes since the lead was created. This is the shape a fitted
 * model (`leadlab fit`) produces and a scenario's `contactModel` file holds.
 */
export interface ContactModel {
  contactability: { alpha: number; beta: number };
  /** 168 multipliers, one per hour of week, Monday 00:00-01:00 first. */
  hourOfWeek: readonly number[];
  ageDecay: AgeDecay;
}

/**
 * Multiplier on the answer probability by lead age.
 * - exponential: floor + (1 - floor) * 2^(-age / halfLifeMinutes)
 * - table: points [ageMinutes, multiplier], interpolated linearly in log(1 + age), flat beyond the ends.
 */
export type AgeDecay =
  | { kind: 'exponential'; halfLifeMinutes: number; floor: number }
  | { kind: 'table'; points: ReadonlyArray<readonly [number, number]> };

// Compiled decays by value (src/sim/functionCache.ts).
const compiled = new FunctionCache<(ageMinutes: number) => number>();

/**
 * A compiled age-decay function of age in minutes: the same function object for the same decay, so that the callers
 * (`startCall`, `conversation`) V8 compiled in a worker's first run stay compiled in its next ones.
 */
export function ageDecayFunction(decay: AgeDecay): (ageMinutes: number) => number {
  const key = decay.kind === 'exponential' ? `e ${decay.halfLifeMinutes} ${decay.floor}` : `t ${JSON.stringify(decay.points)}`;
  return compiled.get(key, () => compileAgeDecay(decay));
}

function compileAgeDecay(decay: AgeDecay): (ageMinutes: number) => number {
  if (decay.kind === 'exponential') {
    const { halfLifeMinutes, floor } = decay;
    if (!(halfLifeMinutes > 0) || halfLifeMinutes === Infinity) return () => 1;
    const k = Math.LN2 / halfLifeMinutes;
    return (age) => floor + (1 - floor) * Math.exp(-k * age);
  }
  const pts = [...decay.points].sort((a, b) => a[0] - b[0]);
  // log1p is increasing: the interval is found on the ages themselves, and log1p is taken only to interpolate on a
  // sloped interval (the same values as searching in log(1 + age), which cost a log1p per call before).
  const ages = pts.map((p) => p[0]);
  const xs = pts.map((p) => Math.log1p(p[0]));
  const ys = pts.map((p) => p[1]);
  const n = xs.length - 1;
  const first = ages[0], last = ages[n];
  return (age) => {
    if (age <= first) return ys[0];
    if (age >= last) return ys[n];
    let lo = 0, hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ages[mid] <= age) lo = mid;
      else hi = mid;
    }
    const y0 = ys[lo], y1 = ys[hi];
    if (y0 === y1) return y0;
    return y0 + ((y1 - y0) * (Math.log1p(age) - xs[lo])) / (xs[hi] - xs[lo]);
  };
}

/** 168 ones: no time-of-week effect. */
export function flatHourOfWeek(): number[] {
  return new Array<number>(HOURS_PER_WEEK).fill(1);
}
