import { gammaln } from 'simple-statistics';

/** Regularized upper incomplete gamma Q(s, x), by series below s + 1 and continued fraction above. */
function upperGamma(s: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + s * Math.log(x) - gammaln(s);
  if (x < s + 1) {
    let term = 1 / s, sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (s + n);
      sum += term;
      if (term < sum * 1e-15) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - s, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lead) * h;
}

/**
 * P(X >= statistic) for X chi-squared with `df` degrees of freedom.
 *
 * @example
 * chiSquaredPValue(3.841, 1) // 0.05
 */
export function chiSquaredPValue(statistic: number, df: number): number {
  if (df <= 0) return NaN;
  return Math.min(1, Math.max(0, upperGamma(df / 2, statistic / 2)));
}
