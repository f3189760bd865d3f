import { chiSquaredPValue } from '../stats/chiSquaredPValue';

/** Pearson's chi-squared test of observed against fitted counts. */
export interface GoodnessOfFit {
  chiSquare: number;
  df: number;
  pValue: number;
  /** Cells after pooling (each with an expected count of at least `minExpected`). */
  cells: number;
  /** Parameters fitted to the cells (df is cells minus these, or 0 when they are as many or more). */
  fittedParameters: number;
  /** A plain reading of the result. */
  verdict: string;
}

/**
 * Pearson's chi-squared over cells of observed and expected counts of a binary event, each cell given as
 * (observed events, expected events, trials): the statistic sums both the event and the non-event side,
 * sum (O - E)^2 / (E (1 - E/n)). Adjacent cells are pooled, in order, until each expects at least
 * `minExpected` events and non-events. Degrees of freedom: cells minus `fittedParameters`.
 */
export function binaryGoodnessOfFit(
  cells: readonly { observed: number; expected: number; trials: number }[],
  fittedParameters: number,
  minExpected = 5,
): GoodnessOfFit {
  const pooled: { o: number; e: number; n: number }[] = [];
  let cur = { o: 0, e: 0, n: 0 };
  for (const c of cells) {
    cur.o += c.observed;
    cur.e += c.expected;
    cur.n += c.trials;
    if (cur.e >= minExpected && cur.n - cur.e >= minExpected) {
      pooled.push(cur);
      cur = { o: 0, e: 0, n: 0 };
    }
  }
  if (cur.n > 0) {
    if (pooled.length > 0) {
      const last = pooled[pooled.length - 1];
      last.o += cur.o;
      last.e += cur.e;
      last.n += cur.n;
    } else pooled.push(cur);
  }
  let chiSquare = 0;
  for (const { o, e, n } of pooled) {
    if (e <= 0 || e >= n) continue;
    chiSquare += ((o - e) * (o - e)) / (e * (1 - e / n));
  }
  // Fewer cells than fitted parameters leave nothing to test: no degrees of freedom (never a negative count).
  const df = Math.max(0, pooled.length - fittedParameters);
  const pValue = df > 0 ? chiSquaredPValue(chiSquare, df) : NaN;
  const verdict =
    df <= 0
      ? 'too few cells to test the fit'
      : pValue < 0.001
        ? 'the model departs clearly from the data (p < 0.001); read the observed and fitted columns'
        : pValue < 0.05
          ? 'the model departs from the data (p < 0.05), though perhaps not by much in practice'
          : 'no evidence against the model (p >= 0.05)';
  return { chiSquare, df, pValue, cells: pooled.length, fittedParameters, verdict };
}
