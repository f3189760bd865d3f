/** A simulated figure: the mean over independent replications and its 95% interval. */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
  replications: number;
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond. */
const T975 = [12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * Mean and t-interval of one value per independent replication.
 *
 * @example
 * meanInterval([0.4, 0.42, 0.38]).mean; // 0.4
 */
export function meanInterval(values: readonly number[]): Estimate {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, low: NaN, high: NaN, replications: n };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = (n - 1 <= T975.length ? T975[n - 2] : 1.96) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, replications: n };
}
