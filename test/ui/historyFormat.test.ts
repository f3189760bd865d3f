import { describe, expect, it } from 'vitest';
import { parseCallLogText } from '../../src/io/parseText';
import { inPageWords, REJECT_REASON_WORDS } from '../../src/ui/historyFormat';

describe('the History section words', () => {
  it('says what the page offers instead of the command line options the reader names', () => {
    const text = [
      'lead,created,call time,result',
      'A,03/04/2026 09:00,03/04/2026 09:05,Spoke to borrower, twice',
      'B,2026-03-04 09:00,2026-03-04 09:05,"Spoke to borrower, twice"',
      'C,2026-03-04 09:00,2026-03-04 09:05,no answer',
      'D,03/04/2026 09:00,03/04/2026 09:05,no answer',
    ].join('\n');
    const { report } = parseCallLogText(text, { maxExamples: 10 });
    const messages = [...report.examples.map((e) => e.message), ...report.warnings.map((w) => w.message)].map(inPageWords);
    expect(messages.join('\n')).not.toMatch(/--/);
    expect(messages).toContain('outcome (column "result"): unknown outcome "Spoke to borrower, twice"; say what it means under "Call outcomes this page does not know"');
    expect(messages.some((m) => m.startsWith('no time zone given: wall-clock times were read as UTC'))).toBe(true);
    expect(messages.some((m) => m.endsWith('could be month-first or day-first; choose the "Order of numeric dates"'))).toBe(true);
  });

  it('has words for every reason a row can be rejected', () => {
    for (const words of Object.values(REJECT_REASON_WORDS)) expect(words.length).toBeGreaterThan(5);
  });
});
