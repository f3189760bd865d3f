import { describe, expect, it } from 'vitest';
import { signedFixed } from '../../src/stats/signedFixed';
import { int, mulberry32 } from '../helpers/random';

describe('signedFixed', () => {
  it('writes a sign and the decimals asked, and keeps a first significant digit where the value would read as zero', () => {
    expect(signedFixed(1.25)).toBe('+1.3');
    expect(signedFixed(-0.4)).toBe('-0.4');
    expect(signedFixed(0)).toBe('0.0');
    expect(signedFixed(0.031)).toBe('+0.03');
    expect(signedFixed(-0.0004, 1, '\u2212')).toBe('\u22120.0004');
    expect(signedFixed(0.00004, 3)).toBe('+0.00004');
  });

  it('never writes a non-zero value as zero, and reads back to the value within its last decimal, over random values', () => {
    const r = mulberry32(3);
    for (let k = 0; k < 2000; k++) {
      const x = (r() - 0.5) * 10 ** int(r, -9, 4);
      const digits = int(r, 0, 3);
      const text = signedFixed(x, digits);
      const value = Number(text);
      const decimals = (text.split('.')[1] ?? '').length;
      expect(decimals, text).toBeGreaterThanOrEqual(digits);
      expect(Math.abs(value - x), `${x} -> ${text}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-15);
      if (x !== 0) expect(value, `${x} -> ${text}`).not.toBe(0);
      if (x !== 0) expect(Math.sign(value)).toBe(Math.sign(x));
    }
  });
});
