import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/fit/nelderMead';

/* The optimizer against test functions with known minima: Rosenbrock's from its classic start, and a bowl. */
describe('nelderMead', () => {
  it("finds the Rosenbrock function's minimum at (1, 1) from the classic start (-1.2, 1)", () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.value).toBeLessThan(1e-7);
  });

  it('finds the centre of a shifted, scaled quadratic bowl in three dimensions', () => {
    const bowl = ([a, b, c]: number[]) => (a - 3) ** 2 + 10 * (b + 2) ** 2 + 0.5 * (c - 0.25) ** 2;
    const r = nelderMead(bowl, [0, 0, 0]);
    expect(r.x.map((v) => Number(v.toFixed(3)))).toEqual([3, -2, 0.25]);
  });
});
