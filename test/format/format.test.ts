import { describe, expect, it } from 'vitest';
import { formatValue as cliValue } from '../../src/cli/format';
import { mulberry32 } from '../helpers/random';
import { durationLabel, formatCount, formatDuration, formatMetric, formatMoney, formatPercent } from '../../src/format';
import { METRIC_NAMES } from '../../src/sim/runResult';
import { formatValue as pageValue } from '../../src/ui/format';

describe('formatDuration', () => {
  it('writes minutes under 2 hours, hours under 2 days, days beyond', () => {
    expect([formatDuration(45), formatDuration(119.9), formatDuration(120), formatDuration(2879), formatDuration(2880), formatDuration(3000)]).toEqual([
      '45.0 min',
      '119.9 min',
      '2.0 h',
      '48.0 h',
      '2.0 days',
      '2.1 days',
    ]);
  });

  it('says n/a, or the given word, for a value that is not finite', () => {
    expect(formatDuration(NaN)).toBe('n/a');
    expect(formatDuration(Infinity, 'none')).toBe('none');
  });
});

describe('durationLabel', () => {
  it('writes the short labels of lead ages and bins without trailing zeros', () => {
    expect([durationLabel(5), durationLabel(90), durationLabel(60), durationLabel(2880), durationLabel(10080)]).toEqual(['5 min', '1.5 h', '1 h', '2 d', '7 d']);
  });
});

describe('numbers', () => {
  it('writes percents, money and counts', () => {
    expect(formatPercent(0.302)).toBe('30.2%');
    expect(formatMoney(1234.6)).toBe('$1,235');
    expect([formatCount(3075.4), formatCount(7.46)]).toEqual(['3,075', '7.5']);
    expect(formatPercent(NaN, '-')).toBe('-');
  });
});

describe('values that round to zero', () => {
  it('print without a minus sign, whatever their sign before rounding', () => {
    expect(formatMetric('roi', -0.001)).toBe('0.00');
    expect(formatMetric('roi', -0.02)).toBe('-0.02');
    expect(formatPercent(-0.0004)).toBe('0.0%');
    expect(formatCount(-0.04)).toBe('0.0');
    expect(formatMoney(-0.4)).toBe('$0');
  });
});

describe('one formatter for the command line and the page', () => {
  it('gives every metric the same words on both, 3,000 minutes included', () => {
    for (const m of METRIC_NAMES) {
      for (const x of [0, 0.302, 7.46, 45, 3000, 123456, NaN]) expect(cliValue(m, x), `${m} ${x}`).toBe(pageValue(m, x));
    }
    expect(formatMetric('medianMinutesToFirstAttempt', 3000)).toBe('2.1 days');
  });
});

describe('intervals of durations', () => {
  it('write both ends in the unit of their mean, whatever the ends alone would choose', () => {
    expect(formatDuration(-160.2, 'n/a', -110.3)).toBe('-160.2 min');
    expect(formatMetric('meanMinutesToFirstAttempt', 2880, 600)).toBe('48.0 h');
    // Over random intervals: one unit for mean and ends, and each end reads back to its value within the rounding.
    const r = mulberry32(9);
    for (let k = 0; k < 500; k++) {
      const mean = (r() - 0.3) * 10 ** (1 + 3 * r()), half = Math.abs(mean) * r() * 1.5;
      const texts = [mean, mean - half, mean + half].map((v) => formatDuration(v, 'n/a', mean));
      const units = texts.map((t) => t.split(' ')[1]);
      expect(new Set(units).size, texts.join(', ')).toBe(1);
      const per = { min: 1, h: 60, days: 1440 }[units[0] as 'min' | 'h' | 'days'];
      [mean, mean - half, mean + half].forEach((v, i) => expect(Math.abs(Number(texts[i].split(' ')[0]) * per - v)).toBeLessThanOrEqual(0.05 * per + 1e-9));
    }
  });
});

describe('a sweep table cell of durations', () => {
  it('keeps one unit for the mean and both ends of its interval', async () => {
    const { formatSweep } = await import('../../src/cli/sweepOutput');
    const { METRIC_NAMES } = await import('../../src/sim/runResult');
    const summary = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number], sd: 1, n: 5 });
    const metrics = Object.fromEntries(METRIC_NAMES.map((m) => [m, summary(0.5, 0.4, 0.6)]));
    metrics.medianMinutesToFirstAttempt = summary(110.5, 78.7, 144);
    const text = formatSweep({ sweep: { name: 'S', parameters: [{ path: 'days', values: [30] }], replications: 5, seed: 1 }, combinations: [{ index: 0, values: { days: 30 }, metrics }] } as never);
    expect(text).toContain('110.5 min [78.7 min, 144.0 min]');
    expect(text).not.toMatch(/min, [\d.]+ h\]/);
  });
});

describe('plural', () => {
  it('writes a whole count with a thousands separator every three digits, and the noun singular for exactly one', async () => {
    const { plural } = await import('../../src/format');
    const random = mulberry32(11);
    for (let i = 0; i < 200; i++) {
      const n = Math.floor(random() * 10 ** Math.floor(random() * 9));
      const [digits, noun] = plural(n, 'row').split(' ');
      expect(digits).toMatch(/^\d{1,3}(,\d{3})*$/);
      expect(Number(digits.replaceAll(',', ''))).toBe(n);
      expect(noun).toBe(n === 1 ? 'row' : 'rows');
    }
  });
});
