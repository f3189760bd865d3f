/**
 * Numbers as results show them. Each returns `missing` ("n/a" unless given) for a value that is not finite, so
 * an undefined ratio never reads as a number.
 */

/** A fixed-point text without the minus sign of a value that rounds to zero: -0.001 -> "0.00", not "-0.00". */
function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A share as a percent with one decimal: 0.302 -> "30.2%". */
export function formatPercent(share: number, missing = 'n/a'): string {
  return Number.isFinite(share) ? `${fixed(share * 100, 1)}%` : missing;
}

/** Dollars, rounded, with thousands separators: 1234.6 -> "$1,235". */
export function formatMoney(x: number, missing = 'n/a'): string {
  // `|| 0` turns the -0 of a small negative amount into 0 ("$0", not "$-0").
  return Number.isFinite(x) ? `$${(Math.round(x) || 0).toLocaleString('en-US')}` : missing;
}

/** A count: whole with thousands separators from 100 up (3,075), one decimal below (7.5), where a mean over replications is not whole. */
export function formatCount(x: number, missing = 'n/a'): string {
  if (!Number.isFinite(x)) return missing;
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : fixed(x, 1);
}

/** A mean count with one decimal and thousands separators, as the tables of leads and loans write it: 14883.92 -> "14,883.9". */
export function formatTenths(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A plain number with a fixed number of decimals: 1.23456 -> "1.23". */
export function formatFixed(x: number, digits: number, missing = 'n/a'): string {
  return Number.isFinite(x) ? fixed(x, digits) : missing;
}

/** "p = 0.0312"; a p-value that would round to 0.0000 is "p < 0.0001" (it is small, not zero). */
export function formatPValue(p: number, missing = 'n/a'): string {
  if (!Number.isFinite(p)) return `p ${missing}`;
  return p < 0.00005 ? 'p < 0.0001' : `p = ${fixed(p, 4)}`;
}
