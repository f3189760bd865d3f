import Papa from 'papaparse';
import { createCallLogReader, type CallLogImport, type CallLogReadOptions } from './callLogReader';
import { LoneCrToLf, papaRowConfig, type CsvOptions, type RowSink } from './csvRows';
import { createLeadStreamReader, type LeadStreamImport, type LeadStreamReadOptions } from './leadStreamReader';
import { createLeadSummaryReader, type LeadSummaryImport, type LeadSummaryReadOptions } from './leadSummaryReader';
import { createLogReader, type LogImport, type LogReadOptions } from './logReader';

/** Feeds the rows of CSV text (any separator, quotes, lines ending in CRLF, LF or CR in any mix) into `sink`. Synchronous. */
export function feedCsvText(text: string, sink: RowSink, options: CsvOptions = {}): void {
  let failure: Error | undefined;
  const cr = new LoneCrToLf();
  Papa.parse<string[]>(cr.write(text) + cr.end(), papaRowConfig(sink, options, (e) => (failure = e)));
  if (failure) throw failure;
}

/**
 * Reads a call log from text. For files too large to hold as text, stream them instead
 * (`readLogFile` in src/io/node, or `feedCsvBlob(file, createCallLogReader())` in src/io/web for a browser).
 *
 * @example
 * const { table, report } = parseCallLogText('lead,created,call time,result\nA,2024-03-04 09:00,2024-03-04 09:02,no answer\n');
 */
export function parseCallLogText(text: string, options: CallLogReadOptions & CsvOptions = {}): CallLogImport {
  const reader = createCallLogReader(options);
  feedCsvText(text, reader, options);
  return reader.finish();
}

/** Reads a per-lead attempt summary from text. */
export function parseLeadSummaryText(text: string, options: LeadSummaryReadOptions & CsvOptions = {}): LeadSummaryImport {
  const reader = createLeadSummaryReader(options);
  feedCsvText(text, reader, options);
  return reader.finish();
}

/**
 * Reads a lead stream from text. `skipLines` lines above the header (a title, a report date) are skipped, as
 * `leadlab import --skip-lines` skips them (src/io/logReader.ts).
 */
export function parseLeadStreamText(text: string, options: LeadStreamReadOptions & CsvOptions & { skipLines?: number } = {}): LeadStreamImport {
  const reader = createLeadStreamReader(options);
  const skip = options.skipLines ?? 0;
  feedCsvText(text, skip > 0 ? { row: (fields, line, problem) => void (line > skip && reader.row(fields, line, problem)) } : reader, options);
  return reader.finish();
}

/** Reads text of a kind given in `options.kind` or decided by its header. */
export function parseLogText(text: string, options: LogReadOptions & CsvOptions = {}): LogImport {
  const reader = createLogReader(options);
  feedCsvText(text, reader, options);
  return reader.finish();
}
