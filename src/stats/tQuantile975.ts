/*
 * Student t quantiles for confidence intervals. simple-statistics has no t quantile, so the two-sided 97.5%
 * quantile is tabulated here.
 */

// Two-sided 95% Student t critical values t(0.975, df) for df = 1..30 (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the multiplier of the standard error for a two-sided 95% interval. */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[df - 1];
  // Cornish-Fisher expansion around the normal quantile; within 1e-3 of tables for df > 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}
