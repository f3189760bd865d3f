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

/**
 * A quote that is never closed makes the parser read every following line into one field, up to the next
 * quote or the end of the file. The row is cut at the end of the line where that quote opened (rejected, with
 * where and how many lines were swallowed), and each following line is parsed again as a row of its own.
 * The swallowing field is the last one holding a line break: quoted fields before it may hold line breaks of
 * their own, and are kept as they were read.
 */
function recoverLines(fields: string[], at: number, delimiter: string, error: Papa.ParseError, sink: RowSink): void {
  let k = -1;
  for (let i = 0; i < fields.length; i++) if (fields[i].includes('\n')) k = i;
  const head = fields.slice(0, k);
  const opened = at + countNewlines(head);
  // Put back the quotes the parser took: the opening one, and the closing one unless the field ran to the end.
  const swallowed = [`"${fields[k]}${error.code === 'MissingQuotes' ? '' : '"'}`, ...fields.slice(k + 1)].join(delimiter);
  const lines = swallowed.split(/\r?\n/);
  const message = error.message;
  if (lines[lines.length - 1] === '') lines.pop();
  const rest = lines.length - 1;
  sink.row(
    [...head, ...lines[0].split(delimiter)],
    at,
    `${message}: the quote opened on line ${opened} is not closed on its line; the row was cut there and the ${rest} following line(s) were read again as rows`,
  );
  for (let j = 1; j < lines.length; j++) {
    const parsed = Papa.parse<string[]>(lines[j], { delimiter, header: false, skipEmptyLines: false });
    const row = parsed.data[0] ?? [''];
    const problem = parsed.errors.find((e) => e.type === 'Quotes');
    sink.row(row, opened + j, problem ? problem.message : undefined);
  }
}

/**
 * A papaparse configuration that streams rows into `sink` with their line numbers. Line numbers count the
 * newlines inside quoted fields, so they match what an editor shows. The same configuration serves a
 * string (`Papa.parse(text, config)`), a browser `File` and a Node readable stream.
 */
export function papaRowConfig(sink: RowSink, options: CsvOptions = {}, onDone?: (error?: Error) => void): Papa.ParseConfig<string[]> {
  let line = 1;
  // An empty last line is the file's final line end, not a blank line: an empty row is passed on only when another
  // row follows it, so that a file reads the same with or without a newline at its end.
  let pendingEmpty: number | undefined;
  return {
    delimiter: options.delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step(results: Papa.ParseStepResult<string[]>) {
      const fields = results.data;
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
      if (quoteError && line - at > 1) recoverLines(fields, at, results.meta.delimiter, quoteError, sink);
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
