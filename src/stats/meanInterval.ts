import { tQuantile975 } from './tQuantile975';

/** Mean and two-sided 95% t interval of a sample; the interval is null with fewer than two values. */
export function meanInterval(values: readonly number[]): { mean: number; ci95: [number, number] | null; sd: number; n: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, ci95: null, sd: NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci95: null, sd: NaN, n };
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half], sd, n };
}
