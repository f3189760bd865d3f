/**
 * `n` and the noun, singular for exactly one ("1 row", "0 rows", "2 rows", "45,211 rows": a whole number has thousands
 * separators, as counts have everywhere else in the output); `many` for a plural that is not the noun with an s.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${Number.isInteger(n) ? n.toLocaleString('en-US') : n} ${n === 1 ? one : many}`;
}
