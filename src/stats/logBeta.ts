import { gammaln } from 'simple-statistics';

/** log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b). */
export function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}
