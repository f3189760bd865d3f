import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import { isOnShift, minutesUntilShiftEnd, minutesUntilShiftStart, weeklyShift } from '../../src/sim/shift';
import { shiftMinutesBetween } from '../../src/sim/shiftTime';

describe('Calendar', () => {
  it('maps minutes to the civil calendar of the start date', () => {
    // 2026-01-05 is a Monday; 2026-02-01 is a Sunday, day 27 of the run.
    const cal = new Calendar('2026-01-05');
    expect(cal.weekday(0)).toBe(0);
    const feb1 = 27 * 1440 + 13 * 60 + 30;
    expect(cal.weekday(feb1)).toBe(6);
    expect(cal.dayOfMonth(feb1)).toBe(1);
    expect(cal.hour(feb1)).toBe(13);
    expect(cal.hourOfWeek(feb1)).toBe(6 * 24 + 13);
    expect(cal.daysInMonth(feb1)).toBe(28);
    expect(cal.isoDate(27)).toBe('2026-02-01');
  });

  it('knows leap years and starts on any weekday', () => {
    const cal = new Calendar('2028-02-28'); // a Monday; 2028 is a leap year
    expect(cal.weekday(0)).toBe(0);
    expect(cal.dayOfMonth(1440)).toBe(29);
    expect(cal.dayOfMonth(2 * 1440)).toBe(1);
    expect(new Calendar('2026-01-08').weekday(0)).toBe(3);
  });
});

describe('Weekly shifts', () => {
  it('handles a shift that passes midnight and the end of the week', () => {
    const s = weeklyShift([6], 22 * 60, 6 * 60); // Sunday 22:00 to Monday 06:00
    expect(isOnShift(s, 6 * 1440 + 23 * 60)).toBe(true);
    expect(isOnShift(s, 5 * 60)).toBe(true);
    expect(isOnShift(s, 7 * 60)).toBe(false);
    expect(minutesUntilShiftEnd(s, 6 * 1440 + 23 * 60)).toBe(7 * 60);
    expect(minutesUntilShiftStart(s, 7 * 60)).toBe(6 * 1440 + 22 * 60 - 7 * 60);
  });

  it('counts shift minutes over a period without walking minute by minute', () => {
    const cal = new Calendar('2026-01-05');
    const s = weeklyShift([0, 1, 2, 3, 4], 9 * 60, 17 * 60);
    expect(shiftMinutesBetween(s, cal, 0, 14 * 1440)).toBe(10 * 8 * 60);
    expect(shiftMinutesBetween(s, cal, 12 * 60, 1440)).toBe(5 * 60);
  });
});
