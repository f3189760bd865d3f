import { nelderMead } from './nelderMead';

/**
 * Fits floor + (1 - floor) 2^(-age / halfLife) to points (age, multiplier) by weighted least squares, the
 * exponential form a scenario's `ageDecay` also accepts. Returns halfLife Infinity and floor 1 when there are
 * fewer than two points.
 */
export function fitExponentialDecay(points: readonly (readonly [number, number])[], weights?: readonly number[]): { halfLifeMinutes: number; floor: number } {
  if (points.length < 2) return { halfLifeMinutes: Infinity, floor: 1 };
  const w = weights ?? points.map(() => 1);
  const loss = (x: number[]): number => {
    const half = Math.exp(x[0]), floor = 1 / (1 + Math.exp(-x[1]));
    let s = 0;
    points.forEach(([age, m], i) => {
      const r = floor + (1 - floor) * Math.pow(2, -age / half) - m;
      s += w[i] * r * r;
    });
    return s;
  };
  let best = { x: [0, 0], value: Infinity };
  for (const start of [1, 3, 5, 7, 9]) {
    const r = nelderMead(loss, [start, 0], { step: 1, tolerance: 1e-14 });
    if (r.value < best.value) best = r;
  }
  return { halfLifeMinutes: Math.exp(best.x[0]), floor: 1 / (1 + Math.exp(-best.x[1])) };
}

/**
 * True when a fitted decay is no decay as shown: a floor that reads 1.00 (a multiplier of 1 at every age), whatever
 * the half-life, which then says nothing. Reports say "no decay with age found" rather than a half-life.
 */
export const noDecayFound = (e: { halfLifeMinutes: number; floor: number }): boolean => !(e.floor < 0.995);
