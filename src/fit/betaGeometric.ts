import { BETA_PARAMETER_BOUND, betaBoundNotes } from './betaBound';
import { binaryGoodnessOfFit, type GoodnessOfFit } from './goodnessOfFit';
import { logBeta } from '../stats/logBeta';
import { nelderMead } from './nelderMead';

/**
 * Attempts until an event, per attempt number: `events[k - 1]` subjects had their event on attempt k,
 * `censored[k - 1]` subjects had k attempts and no event (their count stops there).
 */
export interface AttemptCounts {
  events: number[];
  censored: number[];
}

/** Observed against fitted events on one attempt. */
export interface AttemptFitRow {
  attempt: number;
  /** Subjects that reached this attempt without an event. */
  atRisk: number;
  observed: number;
  fitted: number;
  observedRate: number;
  fittedRate: number;
}

/** A fitted beta-geometric model. */
export interface BetaGeometricFit {
  alpha: number;
  beta: number;
  /** Standard errors from the observed information (NaN when the information matrix is singular). */
  se: { alpha: number; beta: number };
  logLik: number;
  /** Mean per-attempt event probability of a fresh subject, alpha / (alpha + beta). */
  meanProbability: number;
  subjects: number;
  events: number;
  converged: boolean;
  /** True when alpha or beta stopped at {@link BETA_PARAMETER_BOUND} or the mean is at the edge of [0, 1]. */
  atBound: boolean;
  /** Why the fit is degenerate (empty when it is not). */
  boundNotes: string[];
  perAttempt: AttemptFitRow[];
  goodnessOfFit: GoodnessOfFit;
}

/**
 * Counts per attempt from per-subject data: `attempts[i]` is the attempt of subject i's event when
 * `event[i]` is true, else the number of attempts it got. Subjects with 0 attempts are left out.
 */
export function attemptCounts(attempts: ArrayLike<number>, event: ArrayLike<number | boolean>): AttemptCounts {
  const events: number[] = [], censored: number[] = [];
  for (let i = 0; i < attempts.length; i++) {
    const k = attempts[i];
    if (!(k >= 1)) continue;
    while (events.length < k) {
      events.push(0);
      censored.push(0);
    }
    if (event[i]) events[k - 1]++;
    else censored[k - 1]++;
  }
  return { events, censored };
}

/**
 * Log-likelihood of the beta-geometric model: each subject has its own per-attempt event probability p,
 * drawn from Beta(alpha, beta), so P(first event on attempt k) = B(alpha + 1, beta + k - 1) / B(alpha, beta)
 * and P(no event in k attempts) = B(alpha, beta + k) / B(alpha, beta) (Fader & Hardie 2007, the
 * "shifted-beta-geometric").
 */
export function betaGeometricLogLik(alpha: number, beta: number, counts: AttemptCounts): number {
  const lb = logBeta(alpha, beta);
  let ll = 0;
  for (let k = 1; k <= counts.events.length; k++) {
    const e = counts.events[k - 1], c = counts.censored[k - 1];
    if (e > 0) ll += e * (logBeta(alpha + 1, beta + k - 1) - lb);
    if (c > 0) ll += c * (logBeta(alpha, beta + k) - lb);
  }
  return ll;
}

/** The hazard alpha / (alpha + beta + k - 1): P(event on attempt k | none before). */
export function betaGeometricHazard(alpha: number, beta: number, k: number): number {
  return alpha / (alpha + beta + k - 1);
}

/**
 * Fits the beta-geometric model by maximum likelihood (Nelder-Mead on log alpha and log beta) with
 * censored subjects, and reports observed against fitted events per attempt with a chi-squared test.
 * When the data show no heterogeneity (a constant rate) alpha and beta grow without bound along a ridge;
 * they stop at {@link BETA_PARAMETER_BOUND} (`atBound`), and the fit is then a geometric with p = alpha / (alpha + beta).
 *
 * @example
 * // Fader & Hardie (2007), "regular" customers, years 1-7 of 1000
 * fitBetaGeometric({ events: [369, 163, 86, 56, 37, 27, 21], censored: [0, 0, 0, 0, 0, 0, 241] })
 * // alpha 0.704, beta 1.182
 */
export function fitBetaGeometric(counts: AttemptCounts): BetaGeometricFit {
  const K = counts.events.length;
  const subjects = counts.events.reduce((a, b) => a + b, 0) + counts.censored.reduce((a, b) => a + b, 0);
  const events = counts.events.reduce((a, b) => a + b, 0);
  const atRisk: number[] = [];
  for (let k = K, n = 0; k >= 1; k--) {
    n += counts.events[k - 1] + counts.censored[k - 1];
    atRisk[k - 1] = n;
  }
  // Start from the method of moments on the first two hazards: h1/h2 = (s + 1)/s with s = alpha + beta.
  let start = [0, 0];
  if (K >= 2 && atRisk[1] > 0 && counts.events[0] > 0 && counts.events[1] > 0) {
    const h1 = counts.events[0] / atRisk[0], h2 = counts.events[1] / atRisk[1];
    const s = 1 / (h1 / h2 - 1);
    if (s > 0 && Number.isFinite(s)) start = [Math.log(Math.max(1e-3, h1 * s)), Math.log(Math.max(1e-3, (1 - h1) * s))];
  }
  const cap = Math.log(BETA_PARAMETER_BOUND);
  const negLL = (x: number[]): number => {
    const a = Math.exp(Math.min(cap, x[0])), b = Math.exp(Math.min(cap, x[1]));
    const ll = betaGeometricLogLik(a, b, counts);
    return Number.isFinite(ll) ? -ll : 1e300;
  };
  let best = nelderMead(negLL, start, { step: 0.5, tolerance: 1e-12 });
  best = nelderMead(negLL, best.x, { step: 0.1, tolerance: 1e-13 });
  let alpha = Math.exp(Math.min(cap, best.x[0])), beta = Math.exp(Math.min(cap, best.x[1]));
  let logLik = -best.value;
  // Along the ridge toward no spread the likelihood is nearly flat and the search stops anywhere on it: when
  // the same mean at the bound is as likely (within 0.01), the fit is put at the bound, so every degenerate
  // fit ends at one place and is flagged.
  const scale = BETA_PARAMETER_BOUND / Math.max(alpha, beta);
  const atBoundLogLik = betaGeometricLogLik(alpha * scale, beta * scale, counts);
  if (scale > 1 && atBoundLogLik >= logLik - 0.01) {
    alpha *= scale;
    beta *= scale;
    logLik = atBoundLogLik;
  }
  const se = standardErrors(alpha, beta, counts);
  const perAttempt: AttemptFitRow[] = [];
  for (let k = 1; k <= K; k++) {
    const h = betaGeometricHazard(alpha, beta, k);
    perAttempt.push({
      attempt: k,
      atRisk: atRisk[k - 1],
      observed: counts.events[k - 1],
      fitted: atRisk[k - 1] * h,
      observedRate: atRisk[k - 1] > 0 ? counts.events[k - 1] / atRisk[k - 1] : NaN,
      fittedRate: h,
    });
  }
  const goodnessOfFit = binaryGoodnessOfFit(
    perAttempt.map((r) => ({ observed: r.observed, expected: r.fitted, trials: r.atRisk })),
    2,
  );
  const boundNotes = betaBoundNotes(alpha, beta);
  return {
    alpha, beta, se, logLik, meanProbability: alpha / (alpha + beta), subjects, events,
    converged: best.converged && boundNotes.length === 0, atBound: boundNotes.length > 0, boundNotes, perAttempt, goodnessOfFit,
  };
}

/** Standard errors from a finite-difference Hessian of the log-likelihood in (alpha, beta). */
function standardErrors(alpha: number, beta: number, counts: AttemptCounts): { alpha: number; beta: number } {
  const ha = alpha * 1e-4, hb = beta * 1e-4;
  const f = (a: number, b: number): number => betaGeometricLogLik(a, b, counts);
  const f0 = f(alpha, beta);
  const faa = (f(alpha + ha, beta) - 2 * f0 + f(alpha - ha, beta)) / (ha * ha);
  const fbb = (f(alpha, beta + hb) - 2 * f0 + f(alpha, beta - hb)) / (hb * hb);
  const fab = (f(alpha + ha, beta + hb) - f(alpha + ha, beta - hb) - f(alpha - ha, beta + hb) + f(alpha - ha, beta - hb)) / (4 * ha * hb);
  const det = faa * fbb - fab * fab;
  if (!(det > 0) || !(faa < 0)) return { alpha: NaN, beta: NaN };
  return { alpha: Math.sqrt(-fbb / det), beta: Math.sqrt(-faa / det) };
}
