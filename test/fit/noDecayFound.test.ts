import { describe, expect, it } from 'vitest';
import { describeCallLogFit } from '../../src/cli/fitReport';
import { noDecayFound } from '../../src/fit/exponentialDecayFit';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { parseCallLogText } from '../../src/io/parseText';
import { fitKeyNumbers } from '../../src/ui/historyFormat';

/** A fit of a small real log, with its exponential summary set to what a log without decay gives. */
function fitWithFloor(floor: number) {
  const rows = ['lead,created,call time,result'];
  for (let i = 0; i < 40; i++) rows.push(`L${i},2026-03-04 09:00,2026-03-04 ${String(9 + (i % 8)).padStart(2, '0')}:30,${i % 3 === 0 ? 'contact' : 'no answer'}`);
  const { table } = parseCallLogText(rows.join('\n'));
  const fit = fitCallLog(table);
  fit.contactByLeadAge.exponential = { halfLifeMinutes: 14.1 * 1440, floor };
  return fit;
}

describe('an age decay whose floor is 1', () => {
  it('is no decay, whatever its half-life says', () => {
    expect(noDecayFound({ halfLifeMinutes: 20304, floor: 0.999 })).toBe(true);
    expect(noDecayFound({ halfLifeMinutes: 20304, floor: 0.99 })).toBe(false);
  });

  it('reads "no decay with age found" on the page and in leadlab fit, not a half-life with floor 1.00', () => {
    const flat = fitWithFloor(0.998);
    expect(fitKeyNumbers(flat).find((n) => n.key === 'age-decay')!.value).toBe('no decay with age found');
    expect(describeCallLogFit(flat)).toContain('exponential summary: no decay with age found');
    expect(describeCallLogFit(flat)).not.toContain('floor 1.00');
    // A real floor keeps its half-life.
    expect(fitKeyNumbers(fitWithFloor(0.4)).find((n) => n.key === 'age-decay')!.value).toBe('half-life 14.1 d, floor 0.40');
  });
});
