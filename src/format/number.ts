/**
 * Numbers as results show them. Each returns `missing` ("n/a" unless given) for a value that is not finite, so
 * an undefined ratio never reads as a number.
 */

/** A share as a percent with one decimal: 0.302 -> "30.2%". */
export function formatPercent(share: number, missing = 'n/a'): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : missing;
}

/** Dollars, rounded, with thousands separators: 1234.6 -> "$1,235". */
export function formatMoney(x: number, missing = 'n/a'): string {
  return Number.isFinite(x) ? `$${Math.round(x).toLocaleString('en-US')}` : missing;
}

/** A count: whole with thousands separators from 100 up (3,075), one decimal below (7.5), where a mean over replications is not whole. */
export function formatCount(x: number, missing = 'n/a'): string {
  if (!Number.isFinite(x)) return missing;
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
}

/** A plain number with a fixed number of decimals: 1.23456 -> "1.23". */
export function formatFixed(x: number, digits: number, missing = 'n/a'): string {
  return Number.isFinite(x) ? x.toFixed(digits) : missing;
}
