/**
 * The one bound on the parameters of a fitted Beta(alpha, beta), in the plain beta-geometric and in the joint
 * contact model alike. When the data show no spread between leads, the likelihood keeps rising as alpha and
 * beta grow together (the geometric is the limit), so they are stopped here and the fit is flagged.
 */
export const BETA_PARAMETER_BOUND = 1e4;

/** Mean probabilities at or above this are at the edge of [0, 1]: the fit put the scale elsewhere. */
export const MEAN_PROBABILITY_EDGE = 0.99;

/**
 * Why a fitted Beta(alpha, beta) is degenerate, or an empty list: a parameter at {@link BETA_PARAMETER_BOUND},
 * or a mean probability at the edge of [0, 1].
 *
 * @example
 * betaBoundNotes(500, 1e4) // ["beta reached the bound 10000: the data show no spread ..."]
 */
export function betaBoundNotes(alpha: number, beta: number): string[] {
  const notes: string[] = [];
  const bound = BETA_PARAMETER_BOUND * (1 - 1e-9);
  if (alpha >= bound || beta >= bound) {
    const which = alpha >= bound && beta >= bound ? 'alpha and beta' : alpha >= bound ? 'alpha' : 'beta';
    notes.push(`${which} reached the bound ${BETA_PARAMETER_BOUND}: the data show no spread between leads, so the fit is a plain geometric with p = ${(alpha / (alpha + beta)).toPrecision(3)}; alpha and beta themselves mean nothing`);
  }
  const mean = alpha / (alpha + beta);
  if (mean >= MEAN_PROBABILITY_EDGE) {
    notes.push(`the mean probability ${(100 * mean).toFixed(1)}% is at the edge of [0, 1]: the fit moved the overall scale into the multipliers, and its parameters are not a result`);
  }
  return notes;
}
