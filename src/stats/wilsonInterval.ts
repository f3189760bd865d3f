/**
 * Wilson score interval for a proportion `successes / trials` (default 95%). Better than the normal
 * interval for small counts and rates near 0 or 1 (Brown, Cai & DasGupta 2001). Returns [0, 1] for 0 trials.
 *
 * @example
 * wilsonInterval(5, 10) // [0.2366, 0.7634]
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
