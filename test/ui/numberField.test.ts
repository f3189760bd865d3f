// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeNumberProblem } from '../../src/ui/numberField';

/*
 * A bad run setting said only "Fix the replications before running.", the range being in the browser's tooltip
 * alone. The message says what the field takes, from the field's own bounds in the page.
 */
const page = new DOMParser().parseFromString(readFileSync(join(__dirname, '../../src/ui/index.html'), 'utf8'), 'text/html');
const input = (id: string, value: string) => {
  const i = page.getElementById(id) as HTMLInputElement;
  i.value = value;
  return i;
};

describe('the page\'s whole-number run settings', () => {
  it('say the range of the replications, from the field\'s own bounds', () => {
    expect(page.getElementById('replications')!.getAttribute('min')).toBe('2');
    expect(page.getElementById('replications')!.getAttribute('max')).toBe('200');
    for (const bad of ['0', '-1', '2.5', '100000', '201', '1']) {
      expect(wholeNumberProblem(input('replications', bad), 'Replications')).toBe(`Replications: a whole number from 2 to 200, got "${bad}"`);
    }
    expect(wholeNumberProblem(input('replications', ''), 'Replications')).toBe('Replications: a whole number from 2 to 200, got nothing');
    for (const good of ['2', '5', '200']) expect(wholeNumberProblem(input('replications', good), 'Replications')).toBeNull();
  });

  it('say the optimizer\'s budget range, and that a seed is a whole number', () => {
    expect(wholeNumberProblem(input('opt-budget', '1'), 'Budget (runs)')).toBe('Budget (runs): a whole number from 2 to 1,000, got "1"');
    expect(wholeNumberProblem(input('opt-budget', '60'), 'Budget (runs)')).toBeNull();
    expect(wholeNumberProblem(input('seed', '1.5'), 'Seed')).toBe('Seed: a whole number, got "1.5"');
    expect(wholeNumberProblem(input('seed', '-7'), 'Seed')).toBeNull();
    expect(wholeNumberProblem(input('f-days', '0'), 'Days simulated')).toBe('Days simulated: a whole number of at least 1, got "0"');
  });
});
