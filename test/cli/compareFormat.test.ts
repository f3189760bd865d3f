import { describe, expect, it } from 'vitest';
import { formatDifference } from '../../src/cli/compareFormat';
import { formatMetric } from '../../src/format/metricValue';
import { METRIC_NAMES, METRICS } from '../../src/sim/runResult';

describe('a ratio difference in the comparison table', () => {
  const ratios = METRIC_NAMES.filter((m) => METRICS[m].unit === 'ratio');

  it('has the decimals of the values it is the difference of, for every ratio metric', () => {
    // Random values of any size: the difference of two values written with 2 decimals is written with 2 as well.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 40 - 20;
    for (const metric of ratios) {
      for (let k = 0; k < 50; k++) {
        const a = rnd(), b = rnd();
        const decimals = (s: string) => s.replace(/^[+-]/, '').split('.')[1]?.length ?? 0;
        if (Math.abs(b - a) >= 0.005) expect(decimals(formatDifference(metric, b - a)), `${metric} ${b - a}`).toBe(decimals(formatMetric(metric, a)));
      }
    }
  });

  it('keeps the first significant digit of a difference that would round to zero', () => {
    expect(formatDifference('attemptsPerLead', 0.003)).toBe('+0.003');
    expect(formatDifference('roi', -0.0004)).toBe('-0.0004');
  });
});
