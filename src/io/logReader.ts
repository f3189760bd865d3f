import { createCallLogReader, type CallLogImport, type CallLogReadOptions } from './callLogReader';
import { isBlankRow, type RowSink } from './csvRows';
import type { ImportKind } from './fields';
import { normalizeHeader } from './fields';
import { chooseKind } from './kindScore';
import { createLeadStreamReader, type LeadStreamImport } from './leadStreamReader';
import { createLeadSummaryReader, type LeadSummaryImport } from './leadSummaryReader';

/** Any read file. */
export type LogImport = CallLogImport | LeadSummaryImport | LeadStreamImport;

/** Options for {@link createLogReader}: those of a call log, plus which kind to expect. */
export interface LogReadOptions extends CallLogReadOptions {
  /** "auto" (default): the kind whose reading of the header and first rows scores higher (see `chooseKind`). */
  kind?: ImportKind | 'auto';
  /** Lines above the header to skip (a title, a report date). Default: leading one-cell lines are skipped as titles. */
  skipLines?: number;
}

/** A {@link RowSink} for a file whose kind is decided by its header. */
export interface LogReader extends RowSink {
  finish(): LogImport;
}

/** Data rows looked at to find the header and decide the kind. */
const SAMPLE_ROWS = 50;

type Row = { fields: string[]; line: number; problem?: string };

const filled = (fields: readonly string[]): number => fields.reduce((n, f) => n + (f.trim() !== '' ? 1 : 0), 0);

/**
 * A reader that finds the header row, picks the kind (see `chooseKind`) from the header and the first
 * rows, and hands every row to the reader of that kind. Lines above the header are skipped: `skipLines` of
 * them, or else leading lines of one cell (a spreadsheet's title) when a later line has more. Rows with NUL
 * bytes or bytes that are not UTF-8, and repeated header names, are warned about.
 */
export function createLogReader(options: LogReadOptions = {}): LogReader {
  let inner: (RowSink & { finish(): LogImport }) | undefined;
  let buffer: Row[] = [];
  const warnings: { message: string; count: number }[] = [];
  let explanation: string[] | undefined;
  const odd = { nul: 0, nulLine: 0, notUtf8: 0, notUtf8Line: 0 };

  function inspect(fields: readonly string[], line: number): void {
    let nul = false, bad = false;
    for (const f of fields) {
      if (f.includes('\u0000')) nul = true;
      if (f.includes('\uFFFD')) bad = true;
    }
    if (nul && odd.nul++ === 0) odd.nulLine = line;
    if (bad && odd.notUtf8++ === 0) odd.notUtf8Line = line;
  }

  function start(): void {
    let rows = buffer;
    buffer = [];
    if (options.skipLines !== undefined) rows = rows.filter((r) => r.line > options.skipLines!);
    else {
      const header = rows.findIndex((r) => filled(r.fields) >= 2);
      if (header > 0) {
        const last = rows[header - 1];
        const titles = rows.slice(0, header).filter((r) => !isBlankRow(r.fields));
        warnings.push({
          message: `line(s) ${titles.map((r) => r.line).join(', ')} (${titles.map((r) => `"${r.fields.join(' ').trim().slice(0, 40)}"`).join(', ')}) above the header were skipped as a title; state it with --skip-lines ${last.line}`,
          count: 1,
        });
        rows = rows.slice(header);
      }
    }
    if (rows.length === 0) return;
    const header = rows[0].fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
    const seen = new Map<string, number>();
    for (const h of header) seen.set(normalizeHeader(h), (seen.get(normalizeHeader(h)) ?? 0) + 1);
    const repeated = header.filter((h, i) => normalizeHeader(h) !== '' && seen.get(normalizeHeader(h))! > 1 && header.findIndex((g) => normalizeHeader(g) === normalizeHeader(h)) === i);
    if (repeated.length > 0) {
      warnings.push({
        message: `the header names ${repeated.map((h) => `"${h}"`).join(', ')} more than once (line ${rows[0].line}); the first of each is used unless --map names one by position (#3)`,
        count: repeated.length,
      });
    }
    let kind = options.kind && options.kind !== 'auto' ? options.kind : undefined;
    if (!kind) {
      const choice = chooseKind(header, rows.slice(1).map((r) => r.fields), options.map, options.outcomes);
      kind = choice.kind;
      explanation = choice.explanation;
    }
    inner = kind === 'calls' ? createCallLogReader(options) : kind === 'summary' ? createLeadSummaryReader(options) : createLeadStreamReader(options);
    for (const r of rows) inner.row(r.fields, r.line, r.problem);
  }

  return {
    row(fields, line, problem) {
      inspect(fields, line);
      if (inner) return inner.row(fields, line, problem);
      if (isBlankRow(fields) && buffer.length === 0) return;
      buffer.push({ fields, line, problem });
      if (buffer.filter((r) => !isBlankRow(r.fields)).length > SAMPLE_ROWS) start();
    },
    finish() {
      if (!inner) start();
      if (!inner) throw new RangeError('the file is empty (no header row)');
      const log = inner.finish();
      if (explanation) log.mapping.explanation = explanation;
      if (odd.nul > 0) {
        warnings.push({ message: `${odd.nul} row(s) hold NUL bytes (first at line ${odd.nulLine}): is the file UTF-16 or binary? Re-save it as UTF-8 text`, count: odd.nul });
      }
      if (odd.notUtf8 > 0) {
        warnings.push({
          message: `${odd.notUtf8} row(s) hold bytes that are not UTF-8 (first at line ${odd.notUtf8Line}), shown as "\uFFFD": the file is probably Latin-1 or Windows-1252; re-save it as UTF-8`,
          count: odd.notUtf8,
        });
      }
      log.report.warnings.unshift(...warnings);
      return log;
    },
  };
}
