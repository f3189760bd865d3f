import Papa from 'papaparse';

/**
 * Receives the rows of a delimited file one at a time: the header first, then the data rows. `line` is the
 * 1-based line the row starts on (the header is line 1 when the file has no leading blank lines);
 * `problem` is set when the CSV parser found the row malformed (e.g. an unclosed quote).
 */
export interface RowSink {
  row(fields: string[], line: number, problem?: string): void;
}

/** Options of the CSV layer shared by every kind of import. */
export interface CsvOptions {
  /** Field separator; by default it is detected among `,` `;` tab and `|` from the start of the file. */
  delimiter?: string;
}

function countNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/** Quotes a field for re-reading when it holds the separator, a quote or a line break. */
function requote(field: string, delimiter: string): string {
  return field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r') ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A quote that is never closed makes the parser read every following line into one field, up to the next
 * quote or the end of the file. The row is cut at the end of the line where that quote opened (rejected, with
 * where and how many lines were swallowed), and the following lines are parsed again as rows, by the same rules
 * (so a legitimate multi-line quoted field among them is kept whole, and a second unclosed quote is cut again).
 *
 * The swallowing field is the one the error is about, not merely the last one holding a line break: an earlier
 * quoted field may hold line breaks of its own (kept as read), and a quote error confined to one field of one line
 * (`"ab"c"`) in a row that spans lines only for such a field swallows nothing, so the row is rejected whole. An
 * unterminated quote ("MissingQuotes") is always in the last field (the parser put the rest of the input there).
 * A malformed closing quote ("InvalidQuotes") stays in the field's text, so that field is the last one holding a
 * quote. (A later field of the same row whose text holds a quote written as `""` would be taken for it; the row is
 * rejected either way, only the cut could be wrong.) The swallowed text of an unterminated quote is the raw file
 * text; that of a malformed one had its `""` read as `"` by the parser, which cannot be undone.
 */
function recoverLines(fields: string[], at: number, delimiter: string, errors: Papa.ParseError[], sink: RowSink): void {
  const missing = errors.find((e) => e.code === 'MissingQuotes');
  const error = missing ?? errors[0];
  let k = -1;
  if (missing) k = fields.length - 1;
  else for (let i = 0; i < fields.length; i++) if (fields[i].includes('"')) k = i;
  if (k === -1 || !fields[k].includes('\n')) {
    sink.row(fields, at, error.message);
    return;
  }
  const head = fields.slice(0, k);
  const opened = at + countNewlines(head);
  // Put back the quotes the parser took: the opening one, and the closing one unless the field ran to the end.
  const swallowed = [`"${fields[k]}${missing ? '' : '"'}`, ...fields.slice(k + 1).map((f) => requote(f, delimiter))].join(delimiter);
  const cut = swallowed.indexOf('\n');
  const first = swallowed.slice(0, cut).replace(/\r$/, '');
  const rest = swallowed.slice(cut + 1);
  const restLines = rest === '' ? 0 : countNewlines([rest]) + (rest.endsWith('\n') ? 0 : 1);
  sink.row(
    [...head, ...first.split(delimiter)],
    at,
    `${error.message}: the quote opened on line ${opened} is not closed on its line; the row was cut there${rereadWords(restLines)}`,
  );
  if (rest === '') return;
  let failure: Error | undefined;
  Papa.parse<string[]>(rest, papaRowConfig({ row: (f, line, problem) => sink.row(f, opened + line, problem) }, { delimiter }, (e) => (failure = e)));
  if (failure) throw failure;
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The field separator of a delimited text, from its first records (up to 30 lines or 64 KiB): for each of `,` `;`
 * tab `|`, how many records hold the same, non-zero number of it outside quoted fields. The separator most
 * records agree on wins; on a tie, the one with more fields, then the first in that list. papaparse's own guess
 * parses the sample with each separator and misreads a file whose fields are all quoted when they hold another
 * candidate (`"1"|"x;y"` was read as comma-separated); a quote here opens a field only at its start, so a stray
 * quote inside a field does not hide the rest. A text with no separator at all is one column: `,`.
 */
export function detectDelimiter(text: string): string {
  const n = Math.min(text.length, 1 << 16);
  const records: number[][] = [];
  let counts = [0, 0, 0, 0];
  let fieldStart = true;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n && records.length < 30) {
    const c = text[i];
    if (c === '"' && fieldStart) {
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j === -1 || j >= n) { j = n; break; }
        if (text[j + 1] === '"') { j += 2; continue; }
        break;
      }
      i = j + 1;
      fieldStart = false;
      continue;
    }
    const d = CANDIDATES.indexOf(c);
    if (d !== -1) {
      counts[d]++;
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push(counts);
      counts = [0, 0, 0, 0];
      fieldStart = true;
    } else if (c !== ' ') fieldStart = false;
    i++;
  }
  // The last record counts when the text ends there, not when the sample cut it.
  if (i >= text.length && counts.some((x) => x > 0)) records.push(counts);
  let best = 0, bestAgree = 0, bestFields = 0;
  CANDIDATES.forEach((_, d) => {
    const freq = new Map<number, number>();
    for (const r of records) if (r[d] > 0) freq.set(r[d], (freq.get(r[d]) ?? 0) + 1);
    for (const [count, agree] of freq) {
      if (agree > bestAgree || (agree === bestAgree && count > bestFields)) [best, bestAgree, bestFields] = [d, agree, count];
    }
  });
  return CANDIDATES[best];
}

/**
 * Turns every lone CR (a line end of old Mac files, or of a row among LF or CRLF ones) into LF, chunk by chunk, and
 * leaves CRLF as it is: text fed to {@link papaRowConfig} must have been through it. A chunk that ends in CR is
 * held back by that CR until the next one shows whether an LF follows (a CRLF split across two chunks stays one
 * line end). Quoted fields are not told apart: a lone CR inside one is read as LF too.
 */
export class LoneCrToLf {
  private heldCr = false;

  /** The text of the next chunk (without its last CR, held for the next chunk). */
  write(chunk: string): string {
    let s = this.heldCr ? `\r${chunk}` : chunk;
    this.heldCr = s.endsWith('\r');
    if (this.heldCr) s = s.slice(0, -1);
    return s.replace(/\r(?!\n)/g, '\n');
  }

  /** The text still held at the end of the input. */
  end(): string {
    const s = this.heldCr ? '\n' : '';
    this.heldCr = false;
    return s;
  }
}

/**
 * A papaparse configuration that streams rows into `sink` with their line numbers. Line numbers count the
 * newlines inside quoted fields, so they match what an editor shows. The same configuration serves a
 * string (`Papa.parse(text, config)`), a browser `File` and a Node readable stream, each passed through
 * {@link LoneCrToLf} first (as `feedCsvText`, `feedCsvStream` and `feedCsvBlob` do).
 *
 * Every LF outside quotes ends a row, and a CR before it is dropped, so that CRLF and LF end rows alike in any mix.
 * papaparse's own guess decides one line ending from the first chunk for the whole file, and a CRLF file with a
 * few rows ending in LF (a row appended by another tool) then read those rows as one. A CRLF inside a quoted field
 * is kept as read.
 */
export function papaRowConfig(sink: RowSink, options: CsvOptions = {}, onDone?: (error?: Error) => void): Papa.ParseConfig<string[]> {
  let line = 1;
  // An empty last line is the file's final line end, not a blank line: an empty row is passed on only when another
  // row follows it, so that a file reads the same with or without a newline at its end.
  let pendingEmpty: number | undefined;
  return {
    delimiter: options.delimiter || detectDelimiter,
    // After a closing quote papaparse skips blanks (CR among them) up to the line end; an unquoted last field keeps
    // the CR of a CRLF, dropped below.
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step(results: Papa.ParseStepResult<string[]>) {
      const fields = results.data;
      // The CR of a CRLF line end (text through LoneCrToLf has no other CR before a field's end outside quotes).
      const last = fields.length - 1;
      if (last >= 0 && fields[last].endsWith('\r')) fields[last] = fields[last].slice(0, -1);
      const at = line;
      line += 1 + countNewlines(fields);
      if (pendingEmpty !== undefined) {
        sink.row([''], pendingEmpty);
        pendingEmpty = undefined;
      }
      if (fields.length === 1 && fields[0] === '' && results.errors.length === 0) {
        pendingEmpty = at;
        return;
      }
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError && line - at > 1) recoverLines(fields, at, results.meta.delimiter, results.errors.filter((e) => e.type === 'Quotes'), sink);
      else sink.row(fields, at, quoteError ? `${quoteError.message}` : undefined);
    },
    complete() {
      onDone?.();
    },
    error(error: Error) {
      onDone?.(error);
    },
  } as Papa.ParseConfig<string[]>;
}

/**
 * Parses a streamed source with {@link papaRowConfig}, ending at the first error (thrown by the sink, or passed
 * to `fail` by the source): after it, no row reaches the sink and `stop` is called once (to cancel or destroy the
 * source). Resolves when the last row is in. Shared by the Node file reader and the browser Blob reader.
 */
export function parseStream(parse: (config: Papa.ParseConfig<string[]>, fail: (e: unknown) => void) => void, sink: RowSink, options: CsvOptions, stop: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      stop();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const guarded: RowSink = {
      row(fields, line, problem) {
        if (failed) return;
        try {
          sink.row(fields, line, problem);
        } catch (e) {
          fail(e);
        }
      },
    };
    try {
      parse(papaRowConfig(guarded, options, (e) => (e ? fail(e) : failed || resolve())), fail);
    } catch (e) {
      fail(e);
    }
  });
}

/** True for a row that is an empty line or holds only separators (",,,,", as spreadsheets write empty rows). */
export function isBlankRow(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** What became of the lines an unclosed quote had swallowed, in words that agree with their count. */
function rereadWords(lines: number): string {
  if (lines === 0) return ' (no line followed it)';
  return lines === 1 ? ' and the following line was read again as a row' : ` and the ${lines} following lines were read again as rows`;
}
