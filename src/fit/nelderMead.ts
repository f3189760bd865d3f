/** Result of {@link nelderMead}. */
export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimizes `f` by the Nelder-Mead simplex method (standard coefficients 1, 2, 0.5, 0.5), from `start`
 * with initial steps `step`. Stops when the simplex's values differ by less than `tolerance` (absolute) or
 * after `maxIterations`. Used for small smooth problems (two or three parameters) where gradients are a
 * nuisance.
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  { step = 0.5, tolerance = 1e-10, maxIterations = 2000 }: { step?: number; tolerance?: number; maxIterations?: number } = {},
): MinimizeResult {
  const n = start.length;
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  let iterations = 0;
  const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * (b[i] - ai));
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) < tolerance) return { x: simplex[0], value: values[0], iterations, converged: true };
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const reflected = combine(centroid, simplex[n], -1);
    const fr = f(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, simplex[n], -2);
      const fe = f(expanded);
      if (fe < fr) { simplex[n] = expanded; values[n] = fe; } else { simplex[n] = reflected; values[n] = fr; }
    } else if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const contracted = combine(centroid, outside ? reflected : simplex[n], 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(simplex[0], simplex[i], 0.5);
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], iterations, converged: false };
}
