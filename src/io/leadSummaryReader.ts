import { resolveColumns, type ColumnMapping } from './columnMapping';
import { isBlankRow, type RowSink } from './csvRows';
import type { ImportField } from './fields';
import { parseFlag } from './flag';
import { ImportLedger, type ImportReport } from './importReport';

/**
 * Per-lead attempt counts: one entry per lead with how many calls it got and whether it was reached or
 * converted (-1 = column not given). This is what exports such as the UCI Bank Marketing data hold: no
 * timestamps, only the final count.
 */
export interface LeadSummaryTable {
  length: number;
  attempts: Int32Array;
  contacted: Int8Array;
  converted: Int8Array;
}

/** A read lead summary with its import report. */
export interface LeadSummaryImport {
  kind: 'summary';
  table: LeadSummaryTable;
  report: ImportReport;
  mapping: ColumnMapping;
}

/** Options for {@link createLeadSummaryReader}. */
export interface LeadSummaryReadOptions {
  map?: Readonly<Record<string, ImportField>>;
  maxExamples?: number;
}

/** A {@link RowSink} that builds a lead summary. */
export interface LeadSummaryReader extends RowSink {
  finish(): LeadSummaryImport;
}

/**
 * A reader for per-lead attempt summaries (`attempts` required; `contacted`, `converted`, `leadId`
 * optional). Rows with a missing or non-integer attempt count, or an unreadable yes/no, are rejected.
 *
 * @example
 * // UCI Bank Marketing: campaign = calls made, y = subscribed
 * createLeadSummaryReader({ map: { campaign: 'attempts', y: 'converted' } })
 */
export function createLeadSummaryReader(options: LeadSummaryReadOptions = {}): LeadSummaryReader {
  const ledger = new ImportLedger(options.maxExamples ?? 100);
  let mapping: ColumnMapping | undefined;
  let header: string[] = [];
  let n = 0, cap = 1024;
  let attempts = new Int32Array(cap), contacted = new Int8Array(cap), converted = new Int8Array(cap);

  function flag(fields: string[], field: ImportField, line: number): number | null {
    const i = mapping!.index[field];
    if (i === -1) return -1;
    const v = parseFlag(fields[i]);
    if (v === undefined) {
      ledger.reject(line, fields[i].trim() === '' ? 'missing-field' : 'bad-value', `${field} (column "${header[i]}"): expected yes/no, got "${fields[i]}"`);
      return null;
    }
    return v ? 1 : 0;
  }

  return {
    row(fields, line, problem) {
      if (isBlankRow(fields)) return ledger.blankLine();
      if (!mapping) {
        header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
        mapping = resolveColumns(header, 'summary', options.map);
        return;
      }
      if (problem) return ledger.reject(line, 'malformed-quotes', `malformed quotes: ${problem}`);
      if (fields.length !== header.length) return ledger.reject(line, 'wrong-field-count', `expected ${header.length} fields, got ${fields.length}`);
      const ai = mapping.index.attempts;
      const text = fields[ai].trim();
      if (text === '') return ledger.reject(line, 'missing-field', `attempts (column "${header[ai]}") is empty`);
      const a = Number(text);
      if (!Number.isInteger(a) || a < 0) return ledger.reject(line, 'bad-value', `attempts (column "${header[ai]}"): expected a whole number >= 0, got "${text}"`);
      const c = flag(fields, 'contacted', line);
      if (c === null) return;
      const v = flag(fields, 'converted', line);
      if (v === null) return;
      if (n === cap) {
        cap *= 2;
        const grow = <T extends Int32Array | Int8Array>(x: T, make: (k: number) => T): T => {
          const y = make(cap);
          y.set(x);
          return y;
        };
        attempts = grow(attempts, (k) => new Int32Array(k));
        contacted = grow(contacted, (k) => new Int8Array(k));
        converted = grow(converted, (k) => new Int8Array(k));
      }
      attempts[n] = a;
      contacted[n] = c;
      converted[n] = v;
      n++;
      ledger.keep();
    },
    finish() {
      if (!mapping) throw new RangeError('lead summary: the file is empty (no header row)');
      return {
        kind: 'summary',
        table: { length: n, attempts: attempts.slice(0, n), contacted: contacted.slice(0, n), converted: converted.slice(0, n) },
        report: ledger.report(),
        mapping,
      };
    },
  };
}
