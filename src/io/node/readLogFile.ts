import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { LoneCrToLf, parseStream, type CsvOptions, type RowSink } from '../csvRows';
import { SniffingDecoder, warnOfEncoding, type TextEncodingName } from '../encoding';
import { createLogReader, type LogImport, type LogReadOptions } from '../logReader';

/** True when the file starts with the gzip magic bytes (whatever its name). */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * A text stream of a file, gunzipped when it is gzip, decoded in the encoding its first bytes show (UTF-8, UTF-16
 * or Windows-1252, see `sniffEncoding`; characters split across chunks are kept whole). `encoding()` tells which,
 * once the first chunk is read.
 */
export async function openTextStream(path: string): Promise<Readable & { encoding(): TextEncodingName | undefined }> {
  const gzip = await isGzipFile(path);
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const bytes: Readable = gzip ? file.pipe(createGunzip()) : file;
  const decoder = new SniffingDecoder();
  const text = new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const s = decoder.write(chunk);
      done(null, s === '' ? undefined : s);
    },
    flush(done) {
      const s = decoder.end();
      done(null, s === '' ? undefined : s);
    },
  });
  if (bytes !== file) file.on('error', (e) => bytes.destroy(e));
  bytes.on('error', (e) => text.destroy(e));
  bytes.pipe(text);
  return Object.assign(text, { encoding: () => decoder.encoding });
}

/**
 * Streams the rows of a text stream (chunks of decoded text, as {@link openTextStream} gives) into `sink`. An error
 * of the stream or thrown by the sink stops the read (the stream is destroyed) and rejects with that error. Lines
 * may end in CRLF, LF or CR in any mix, a CRLF split across two chunks included (see `LoneCrToLf`).
 */
export async function feedCsvStream(text: Readable, sink: RowSink, options: CsvOptions = {}): Promise<void> {
  const cr = new LoneCrToLf();
  const lines = new Transform({
    readableObjectMode: true,
    writableObjectMode: true,
    transform(chunk: string, _enc, done) {
      const s = cr.write(String(chunk));
      done(null, s === '' ? undefined : s);
    },
    flush(done) {
      const s = cr.end();
      done(null, s === '' ? undefined : s);
    },
  });
  await parseStream(
    (config, fail) => {
      text.on('error', fail);
      lines.on('error', fail);
      text.pipe(lines);
      Papa.parse(lines as unknown as File, config as Papa.ParseLocalConfig<string[], File>);
    },
    sink,
    options,
    () => {
      text.destroy();
      lines.destroy();
    },
  );
}

/** Streams the rows of a CSV file (plain or gzip) into `sink`; the file text is never held whole. Resolves to the encoding it was read in. */
export async function feedCsvFile(path: string, sink: RowSink, options: CsvOptions = {}): Promise<TextEncodingName | undefined> {
  const stream = await openTextStream(path);
  await feedCsvStream(stream, sink, options);
  return stream.encoding();
}

/**
 * Reads a call log, lead summary or lead stream from a file (plain or gzip), streaming.
 *
 * @example
 * const log = await readLogFile('calls.csv.gz', { timeZone: 'America/Chicago' });
 * if (log.kind === 'calls') fitCallLog(log.table, { timeZone: log.timeZone });
 */
export async function readLogFile(path: string, options: LogReadOptions & CsvOptions = {}): Promise<LogImport> {
  const reader = createLogReader(options);
  const encoding = await feedCsvFile(path, reader, options);
  const log = reader.finish();
  warnOfEncoding(log.report, encoding);
  return log;
}
