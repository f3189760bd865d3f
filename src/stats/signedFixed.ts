/** The minus sign the page and the HTML reports write negative numbers with; a terminal writes "-". */
export const MINUS_SIGN = '\u2212';

/**
 * A signed number with `digits` decimals, as differences and the ends of their intervals are written ("+1.2",
 * "-0.4"). A value that is not zero but would round to zero keeps the decimals up to its first significant digit
 * ("+0.03", not "+0.0"), so that the end of an interval just above zero never reads as zero beside a verdict that
 * says the interval excludes zero; zero itself has no sign ("0.0"). `minus` is the sign of negatives: "-" in a
 * terminal, "\u2212" on the page.
 *
 * @example
 * signedFixed(0.031) // "+0.03"
 * signedFixed(-1.25, 1, '\u2212') // "\u22121.3"
 */
export function signedFixed(x: number, digits = 1, minus = '-'): string {
  if (x === 0) return (0).toFixed(digits);
  let text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) {
    const needed = Math.ceil(-Math.log10(Math.abs(x)));
    // Beyond 20 decimals (a difference of 1e-21), its power of ten says it better.
    text = needed <= 20 ? Math.abs(x).toFixed(Math.max(digits, needed)) : Math.abs(x).toExponential(0);
    if (Number(text) === 0) text = Math.abs(x).toFixed(Math.max(digits, needed + 1));
  }
  return `${x > 0 ? '+' : minus}${text}`;
}
