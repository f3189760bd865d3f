import { describe, expect, it } from 'vitest';
import { describeImportReport, ImportLedger } from '../../src/io/importReport';

/** A report of `rows` data rows of which `rejected` were rejected, after `blank` blank lines, with `examples` listed. */
function report(rows: number, rejected: number, blank: number, examples = rejected) {
  const ledger = new ImportLedger(examples);
  for (let i = 0; i < rows - rejected; i++) ledger.keep();
  for (let i = 0; i < rejected; i++) ledger.reject(2 + i, 'missing-field', 'leadId (column "id") is empty');
  for (let i = 0; i < blank; i++) ledger.blankLine();
  return ledger.report();
}

describe('describeImportReport', () => {
  it('says one row, one blank line, one more rejected row in the singular', () => {
    expect(describeImportReport(report(1, 1, 1, 0)).split('\n')).toEqual([
      '1 row read: 0 kept, 1 rejected, 1 blank line skipped.',
      'Rejected by reason: missing-field 1.',
      '  ... and 1 more rejected row',
    ]);
  });

  it('and in the plural from two', () => {
    expect(describeImportReport(report(3, 3, 2, 1)).split('\n')).toEqual([
      '3 rows read: 0 kept, 3 rejected, 2 blank lines skipped.',
      'Rejected by reason: missing-field 3.',
      '  line 2: leadId (column "id") is empty',
      '  ... and 2 more rejected rows',
    ]);
    expect(describeImportReport(report(0, 0, 0))).toBe('0 rows read: 0 kept, 0 rejected.');
  });
});
