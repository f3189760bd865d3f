import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { parseStream, type CsvOptions, type RowSink } from '../csvRows';
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

/** A text stream of a file, gunzipped when it is gzip, decoded as UTF-8 (multi-byte characters split across chunks are kept whole). */
export async function openTextStream(path: string): Promise<Readable> {
  const gzip = await isGzipFile(path);
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const stream: Readable = gzip ? file.pipe(createGunzip()) : file;
  if (stream !== file) file.on('error', (e) => stream.destroy(e));
  stream.setEncoding('utf8');
  return stream;
}

/** Streams the rows of a CSV file (plain or gzip) into `sink`; the file text is never held whole. */
export async function feedCsvFile(path: string, sink: RowSink, options: CsvOptions = {}): Promise<void> {
  const stream = await openTextStream(path);
  await parseStream(
    (config, fail) => {
      stream.on('error', fail);
      Papa.parse(stream as unknown as File, config as Papa.ParseLocalConfig<string[], File>);
    },
    sink,
    options,
    () => stream.destroy(),
  );
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
  await feedCsvFile(path, reader, options);
  return reader.finish();
}
