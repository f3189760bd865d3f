import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progressBar';

describe('progressLine', () => {
  it('shows runs done, runs per second and the time left from the rate so far', () => {
    // 50 of 200 runs in 10 s: 5 runs/s, 150 runs left take 30 s.
    expect(progressLine(50, 200, 10_000, 'runs', 20)).toBe('[#####...............] 50/200 runs, 5.0/s, 30s left');
    // 10 of 1000 in 4 s: 2.5 runs/s, 990 left take 396 s = 6 min 36 s.
    expect(progressLine(10, 1000, 4000, 'runs', 10)).toBe('[..........] 10/1000 runs, 2.5/s, 6m36s left');
  });

  it('does not guess a time left before the first run finishes', () => {
    expect(progressLine(0, 8, 500, 'runs', 8)).toBe('[........] 0/8 runs, 0.0/s, ? left');
  });
});
