import { describe, expect, it } from 'vitest';
import { bool, date, isCalendarDate, MAGNITUDE_LIMIT, num, str, validate } from '../../src/schema';

const messages = (r: ReturnType<typeof validate>) => (r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));

describe('num', () => {
  it('accepts a finite number within its bounds and rejects the rest with "expected X, got Y"', () => {
    const n = num({ int: true, min: 1, max: 10 });
    expect(validate(n, 3)).toEqual({ ok: true, value: 3 });
    expect(messages(validate(n, 0))).toEqual(['(root): expected an integer >= 1 and <= 10, got 0']);
    expect(messages(validate(n, 2.5))).toEqual(['(root): expected an integer >= 1 and <= 10, got 2.5']);
    expect(messages(validate(n, '3'))).toEqual(['(root): expected an integer >= 1 and <= 10, got "3"']);
  });

  it('rejects Infinity and NaN, which JSON.parse gives for 1e400', () => {
    expect(validate(num(), JSON.parse('1e400')).ok).toBe(false);
    expect(validate(num(), NaN).ok).toBe(false);
  });

  it('rejects a number above the magnitude limit unless the field sets its own maximum', () => {
    expect(validate(num({ min: 0 }), MAGNITUDE_LIMIT).ok).toBe(true);
    expect(messages(validate(num({ min: 0 }), 1e308))).toEqual(['(root): expected a number >= 0 of size at most 1e+9, got 1e+308']);
    expect(validate(num(), -1e308).ok).toBe(false);
    expect(validate(num({ max: 1e12 }), 1e11).ok).toBe(true);
  });

  it('treats exclusiveMin as strict', () => {
    expect(validate(num({ exclusiveMin: 0 }), 0).ok).toBe(false);
    expect(validate(num({ exclusiveMin: 0 }), 1e-9).ok).toBe(true);
  });
});

describe('str', () => {
  it('with values, accepts only them and names them all in the message', () => {
    const order = str({ values: ['fifo', 'lifo'], default: 'fifo' });
    expect(validate(order, 'lifo')).toEqual({ ok: true, value: 'lifo' });
    expect(messages(validate(order, 'toString'))).toEqual(['(root): expected one of "fifo", "lifo", got "toString"']);
  });

  it('says the pattern in the words of its hint', () => {
    const shift = str({ pattern: /^\d\d:\d\d-\d\d:\d\d$/, hint: '"HH:MM-HH:MM"' });
    expect(messages(validate(shift, '9-5'))).toEqual(['(root): expected "HH:MM-HH:MM", got "9-5"']);
  });

  it('rejects the empty string when nonEmpty', () => {
    expect(validate(str({ nonEmpty: true }), '').ok).toBe(false);
    expect(validate(str(), '').ok).toBe(true);
  });
});

describe('bool', () => {
  it('accepts only true and false', () => {
    expect(validate(bool(), false)).toEqual({ ok: true, value: false });
    expect(validate(bool(), 0).ok).toBe(false);
  });
});

describe('date', () => {
  it('accepts days that exist, February 29th only in leap years', () => {
    for (const d of ['2026-01-05', '2024-02-29', '2000-02-29', '1999-12-31']) expect(isCalendarDate(d), d).toBe(true);
  });

  it('rejects impossible days, year 0 and malformed text', () => {
    for (const d of ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '2026-1-5', '20260-01-01']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
    expect(messages(validate(date(), '2026-02-30'))[0]).toMatch(/^\(root\): expected a date "YYYY-MM-DD" that exists, .*got "2026-02-30"$/);
  });
});
