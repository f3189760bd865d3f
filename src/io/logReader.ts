import { createCallLogReader, type CallLogImport, type CallLogReadOptions } from './callLogReader';
import { ColumnMappingError, resolveColumns } from './columnMapping';
import type { RowSink } from './csvRows';
import type { ImportField, ImportKind } from './fields';
import { createLeadStreamReader, type LeadStreamImport } from './leadStreamReader';
import { createLeadSummaryReader, type LeadSummaryImport } from './leadSummaryReader';

/** Any read file. */
export type LogImport = CallLogImport | LeadSummaryImport | LeadStreamImport;

/** Options for {@link createLogReader}: those of a call log, plus which kind to expect. */
export interface LogReadOptions extends CallLogReadOptions {
  /** "auto" (default): a call log when the header has the call-log columns, else a per-lead summary. */
  kind?: ImportKind | 'auto';
}

/** A {@link RowSink} for a file whose kind is decided by its header. */
export interface LogReader extends RowSink {
  finish(): LogImport;
}

/**
 * Decides the kind of a file from its header: `--map` entries to summary-only fields ("attempts",
 * "contacted") mean a summary; otherwise a call log when its required columns are found, else a summary
 * when its are; else the call-log mapping error (it names what is missing).
 */
export function detectKind(header: readonly string[], map: Readonly<Record<string, ImportField>> = {}): ImportKind {
  if (Object.values(map).some((f) => f === 'attempts' || f === 'contacted')) return 'summary';
  try {
    resolveColumns(header, 'calls', map);
    return 'calls';
  } catch (e) {
    if (!(e instanceof ColumnMappingError)) throw e;
    try {
      resolveColumns(header, 'summary', map);
      return 'summary';
    } catch {
      throw e;
    }
  }
}

/**
 * A reader that looks at the header, picks the kind (see {@link detectKind}) and hands every row to the
 * reader of that kind.
 */
export function createLogReader(options: LogReadOptions = {}): LogReader {
  let inner: (RowSink & { finish(): LogImport }) | undefined;
  return {
    row(fields, line, problem) {
      if (!inner) {
        if (fields.length === 1 && fields[0].trim() === '') return;
        const kind = !options.kind || options.kind === 'auto' ? detectKind(fields, options.map) : options.kind;
        inner = kind === 'calls' ? createCallLogReader(options) : kind === 'summary' ? createLeadSummaryReader(options) : createLeadStreamReader(options);
      }
      inner.row(fields, line, problem);
    },
    finish() {
      if (!inner) throw new RangeError('the file is empty (no header row)');
      return inner.finish();
    },
  };
}
