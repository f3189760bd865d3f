/**
 * `n` and the noun, singular for exactly one ("1 row", "0 rows", "2 rows"); `many` for a plural that is not the noun
 * with an s.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
