import { describe, expect, it } from 'vitest';
import { parseCallLogText, parseLogText } from '../../src/io/parseText';
import { inPageWords } from '../../src/ui/historyFormat';

/** Day-first dates: the 4th to the 25th of March, so days above 12 cannot read month-first. */
const dayFirst = ['lead,created,call time,result', ...Array.from({ length: 22 }, (_, i) => `L${i},${i + 4}/03/2026 09:00,${i + 4}/03/2026 09:05,no answer`)].join('\n');

describe('a stated date order that rejects dates the other order reads', () => {
  it('suggests the other order when most rejected rows would read in it', () => {
    const { report } = parseCallLogText(dayFirst, { dateOrder: 'mdy' });
    // Days 4-12 read (wrongly) as months; days 13-25 cannot be months: 13 rejected, every one day-first.
    expect(report.rejected).toBe(13);
    const hint = report.warnings.find((w) => w.message.includes('rejected rows have a date that reads day-first'));
    expect(hint?.message).toBe('13 of the 13 rejected rows have a date that reads day-first (first: "13/03/2026 09:00"), not month-first as stated; the file\'s dates are likely day-first: state that order with --date-order dmy');
    expect(inPageWords(hint!.message)).toMatch(/: choose "day\/month\/year" as the "Order of numeric dates"$/);
  });

  it('says nothing when the stated order reads the file, or when no order was stated', () => {
    expect(parseCallLogText(dayFirst, { dateOrder: 'dmy' }).report.warnings.some((w) => w.message.includes('rejected rows have a date'))).toBe(false);
    expect(parseCallLogText(dayFirst).report.warnings.some((w) => w.message.includes('rejected rows have a date'))).toBe(false);
  });

  it('does the same for a lead stream, naming the scenario field and the flag', () => {
    const stream = ['lead_id,created_at', ...Array.from({ length: 22 }, (_, i) => `L${i},${i + 4}/03/2026 09:00`)].join('\n');
    const { report } = parseLogText(stream, { kind: 'leads', dateOrder: 'mdy' });
    expect(report.rejected).toBe(13);
    expect(report.warnings.map((w) => w.message)).toContain('13 of the 13 rejected rows have a date that reads day-first (first: "13/03/2026 09:00"), not month-first as stated; the file\'s dates are likely day-first: state that order with dateOrder (--date-order) dmy');
    expect(inPageWords(report.warnings.find((w) => w.message.includes('rejected rows'))!.message)).toMatch(/: choose "day\/month\/year" as the "Order of numeric dates"$/);
    expect(parseLogText(stream, { kind: 'leads', dateOrder: 'dmy' }).report.warnings.some((w) => w.message.includes('rejected rows have a date'))).toBe(false);
  });
});
