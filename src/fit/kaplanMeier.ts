/** One step of a Kaplan-Meier curve: the estimate just after time `t`. */
export interface KaplanMeierPoint {
  t: number;
  /** Subjects still at risk just before t. */
  atRisk: number;
  /** Events at t. */
  events: number;
  /** Estimated survival just after t. */
  survival: number;
  /** Greenwood standard error of `survival`. */
  se: number;
  /** Pointwise 95% band on the log(-log) scale (stays within [0, 1]). */
  lower: number;
  upper: number;
}

/**
 * The Kaplan-Meier product-limit estimate of a survival curve from right-censored times, with Greenwood's
 * variance: Var S(t) = S(t)^2 sum d_i / (n_i (n_i - d_i)). Subjects censored at the same time as an event are
 * taken to be at risk at that event (the usual convention). One point per distinct event time.
 *
 * @param times time of the event or of censoring, per subject
 * @param events 1 (or true) when the subject's event happened at its time, 0 when it was censored then
 * @example
 * kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]) // survival 0.75 at t=1, 0.5 at t=2, 0 at t=3
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number | boolean>, z = 1.959963984540054): KaplanMeierPoint[] {
  const n = times.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  const out: KaplanMeierPoint[] = [];
  let atRisk = n, survival = 1, greenwood = 0;
  for (let i = 0; i < n; ) {
    const t = times[order[i]];
    let d = 0, c = 0;
    while (i < n && times[order[i]] === t) {
      if (events[order[i]]) d++;
      else c++;
      i++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
      const se = survival * Math.sqrt(greenwood);
      let lower = 0, upper = 1;
      if (survival > 0 && survival < 1 && Number.isFinite(greenwood)) {
        const logS = Math.log(survival);
        const width = (z * Math.sqrt(greenwood)) / Math.abs(logS);
        lower = Math.pow(survival, Math.exp(width));
        upper = Math.pow(survival, Math.exp(-width));
      } else if (survival === 1) lower = upper = 1;
      else lower = upper = 0;
      out.push({ t, atRisk, events: d, survival, se: Number.isFinite(se) ? se : 0, lower, upper });
    }
    atRisk -= d + c;
  }
  return out;
}

/** The estimate at time t (1 before the first event). */
export function survivalAt(curve: readonly KaplanMeierPoint[], t: number): KaplanMeierPoint | undefined {
  let lo = 0, hi = curve.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : curve[lo - 1];
}

/**
 * The median survival time and its 95% interval read off the bands: the first times at which the
 * estimate, its lower band and its upper band fall to 0.5 or below (Brookmeyer & Crowley's approach on the
 * log(-log) bands). Undefined entries mean the curve never gets that low.
 */
export function medianSurvival(curve: readonly KaplanMeierPoint[]): { t?: number; lower?: number; upper?: number } {
  const first = (key: 'survival' | 'lower' | 'upper'): number | undefined => curve.find((p) => p[key] <= 0.5)?.t;
  return { t: first('survival'), lower: first('lower'), upper: first('upper') };
}

/**
 * At most `maxPoints` steps of a long curve, for reports and JSON: the steps closest to log-spaced times
 * between the first and last, always keeping both ends. The values are exact at the kept times.
 */
export function thinCurve<T extends { t: number }>(curve: readonly T[], maxPoints = 200): T[] {
  if (curve.length <= maxPoints) return curve.slice();
  const t0 = Math.max(curve[0].t, 1e-6), t1 = curve[curve.length - 1].t;
  const keep = new Set<number>([0, curve.length - 1]);
  let j = 0;
  for (let k = 1; k < maxPoints - 1; k++) {
    const target = t0 * Math.pow(t1 / t0, k / (maxPoints - 1));
    while (j < curve.length - 1 && curve[j + 1].t <= target) j++;
    keep.add(j);
  }
  return [...keep].sort((a, b) => a - b).map((i) => curve[i]);
}
