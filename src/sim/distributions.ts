import type { Rng } from './random';

/** Exponential variate with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return exponentialQuantile(rng(), mean);
}

/** The u-quantile of the exponential distribution with the given mean: {@link exponential} for a uniform drawn already. */
export function exponentialQuantile(u: number, mean: number): number {
  return -mean * Math.log(1 - u);
}

/** Uniform variate in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** Standard normal variate (Box-Muller; one of the pair is discarded to keep draws per call fixed). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal variate given its mean and standard deviation (not those of the log). */
export function lognormal(rng: Rng, mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * standardNormal(rng));
}

const LN4 = Math.log(4);
const ONE_PLUS_LN5 = 1 + Math.log(5);

/**
 * Beta(alpha, beta) variate, exact, by Cheng's rejection algorithms: BB when both shapes exceed 1, BC otherwise
 * (R. C. H. Cheng, "Generating beta variates with nonintegral shape parameters", Communications of the ACM 21(4),
 * 1978, 317-322; as in R's rbeta). A try costs two uniforms, a log and an exp, and most tries are accepted: about a
 * third of the work of two gamma variates (each a normal and a uniform or more).
 */
export function beta(rng: Rng, alpha: number, betaParam: number): number {
  const lo = Math.min(alpha, betaParam), hi = Math.max(alpha, betaParam), sum = lo + hi;
  if (lo > 1) {
    // Algorithm BB; Cheng's a is the smaller shape, b the larger.
    const bet = Math.sqrt((sum - 2) / (2 * lo * hi - sum));
    const gam = lo + 1 / bet;
    for (;;) {
      const u1 = rng();
      const u2 = rng();
      // u1 = 0 would give w = 0 and pass the last test (-Infinity >= -Infinity).
      if (u1 === 0) continue;
      const v = bet * Math.log(u1 / (1 - u1));
      const w = lo * Math.exp(v);
      const z = u1 * u1 * u2;
      const r = gam * v - LN4;
      const s = lo + r - w;
      // Two squeezes (ln z <= 5z - 1 - ln 5, and s <= the full test's left side), then the full test.
      if (s + ONE_PLUS_LN5 >= 5 * z) return alpha === lo ? w / (hi + w) : hi / (hi + w);
      const t = Math.log(z);
      if (s > t || r + sum * Math.log(sum / (hi + w)) >= t) return alpha === lo ? w / (hi + w) : hi / (hi + w);
    }
  }
  // Algorithm BC; Cheng's a is the larger shape, b the smaller. The decimals are Cheng's.
  const bet = 1 / lo;
  const delta = 1 + hi - lo;
  const k1 = (delta * (0.0138889 + 0.0416667 * lo)) / (hi * bet - 0.777778);
  const k2 = 0.25 + (0.5 + 0.25 / delta) * lo;
  for (;;) {
    const u1 = rng();
    const u2 = rng();
    if (u1 === 0) continue;
    let z: number;
    if (u1 < 0.5) {
      const y = u1 * u2;
      z = u1 * y;
      if (0.25 * u2 + z - y >= k1) continue;
    } else {
      z = u1 * u1 * u2;
      if (z >= k2) continue;
    }
    const v = bet * Math.log(u1 / (1 - u1));
    // exp overflows for a small shape and u1 near 1: the largest double stands in, as in R, and gives 1 or 0.
    const w = Math.min(hi * Math.exp(v), Number.MAX_VALUE);
    if ((u1 >= 0.5 && z <= 0.25) || sum * (Math.log(sum / (lo + w)) + v) - LN4 >= Math.log(z)) {
      return alpha === hi ? w / (lo + w) : lo / (lo + w);
    }
  }
}

/** Poisson variate (inversion for small means, normal approximation above 500). */
export function poisson(rng: Rng, mean: number): number {
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  const l = Math.exp(-mean);
  let k = 0, p = 1;
  for (;;) {
    p *= rng();
    if (p <= l) return k;
    k++;
  }
}

/** Index drawn with probability proportional to `weights` (which need not sum to 1). */
export function weightedIndex(rng: Rng, weights: readonly number[], total?: number): number {
  let sum = total ?? 0;
  // The same sum as weights.reduce((a, b) => a + b, 0), left to right, without a closure per call.
  if (total === undefined) for (let i = 0; i < weights.length; i++) sum += weights[i];
  let u = rng() * sum;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

// Acklam's coefficients, built once (normalQuantile runs for every call's talk time).
const QA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const QB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const QC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549671010862269, 4.374664141464968, 2.938163982698783];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * Quantile of the standard normal distribution (Acklam's rational approximation, relative error < 1.2e-9).
 */
export function normalQuantile(p: number): number {
  const a = QA, b = QB, c = QC, d = QD;
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5, r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The u-quantile of a log-normal distribution with the given mean and standard deviation. */
export function lognormalQuantile(u: number, mean: number, sd: number): number {
  if (sd <= 0) return mean;
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normalQuantile(u));
}
