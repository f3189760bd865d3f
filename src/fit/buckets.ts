import { durationLabel } from '../format/duration';
/**
 * Bucket edges in minutes, shared by the fits and the reports. Lead-age buckets are fine at the start,
 * where contact probability changes fastest (the "rendezvous" of the first minutes), and coarse later.
 */
export const AGE_BUCKET_EDGES: readonly number[] = [0, 2, 5, 10, 20, 30, 60, 120, 240, 480, 1440, 2880, 10080, Infinity];

/** Speed-to-lead buckets (delay from lead creation to the first attempt). */
export const SPEED_BUCKET_EDGES: readonly number[] = [0, 5, 15, 30, 60, 120, 240, 1440, 4320, Infinity];

/** Index of the bucket of `x` among `edges` (the last bucket is open-ended). */
export function bucketOf(x: number, edges: readonly number[]): number {
  let lo = 0, hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** "5-15 min", "2-4 h", "1-3 d", "7 d+". */
export function bucketLabel(from: number, to: number): string {
  const unit = durationLabel;
  if (to === Infinity) return `${unit(from)}+`;
  return `${unit(from).replace(/ (min|h|d)$/, (_s, u) => (unit(to).endsWith(u) ? '' : ` ${u}`))}-${unit(to)}`;
}
