import Papa from 'papaparse';
import { LoneCrToLf, parseStream, type CsvOptions, type RowSink } from '../csvRows';
import { SniffingDecoder, type TextEncodingName } from '../encoding';

/*
 * Streaming a CSV file held as a Blob (a browser File, or a Blob in Node): the counterpart of src/io/node for
 * web workers. Only Web APIs (Blob.stream, DecompressionStream, TextDecoderStream), so it runs in a browser
 * worker and in Node 20 alike. The text is never held whole.
 */

/** True when the blob starts with the gzip magic bytes (whatever its name). */
export async function isGzipBlob(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

type Listener = (arg?: unknown) => void;

/**
 * papaparse streams chunk by chunk from anything that looks like a Node readable; this is the least of one,
 * fed from a Web stream of text.
 */
function nodeLikeReadable(text: ReadableStream<string>): { readable: true; read(): void; on(e: string, f: Listener): void; removeListener(e: string, f: Listener): void; pause(): void; resume(): void; start(): void; cancel(): void } {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, arg?: unknown) => listeners.get(event)?.forEach((f) => f(arg));
  const reader = text.getReader();
  let cancelled = false;
  return {
    readable: true,
    read() {},
    on(event, f) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(f);
    },
    removeListener(event, f) {
      listeners.get(event)?.delete(f);
    },
    pause() {},
    resume() {},
    start() {
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (cancelled) return;
            if (done) break;
            if (value) emit('data', value);
          }
          emit('end');
        } catch (e) {
          if (!cancelled) emit('error', e);
        }
      })();
    },
    cancel() {
      cancelled = true;
      void reader.cancel().catch(() => undefined);
    },
  };
}

/** Options of {@link feedCsvBlob}. */
export interface BlobReadOptions extends CsvOptions {
  /** Called with bytes of the blob read so far (compressed bytes for gzip) and its size, at most every `progressMs`. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  progressMs?: number;
}

/**
 * Streams the rows of a CSV blob (plain or gzip, detected by content) into `sink`. An error thrown by the sink
 * stops the read and rejects with that error.
 *
 * @example
 * const reader = createLogReader({ timeZone: 'America/Chicago' });
 * await feedCsvBlob(file, reader);
 * const log = reader.finish();
 */
export async function feedCsvBlob(blob: Blob, sink: RowSink, options: BlobReadOptions = {}): Promise<{ gzip: boolean; encoding: TextEncodingName | undefined }> {
  const gzip = await isGzipBlob(blob);
  let bytesRead = 0;
  let lastReport = 0;
  const every = options.progressMs ?? 100;
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        const now = Date.now();
        if (options.onProgress && now - lastReport >= every) {
          lastReport = now;
          options.onProgress(bytesRead, blob.size);
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : counted;
  // Decoded in the encoding its first bytes show (UTF-8, UTF-16 or Windows-1252: see sniffEncoding), every lone CR
  // made LF (lines may end in CRLF, LF or CR in any mix: see LoneCrToLf).
  const decoder = new SniffingDecoder();
  const cr = new LoneCrToLf();
  const text = bytes.pipeThrough(
    new TransformStream<Uint8Array, string>({
      transform(chunk, controller) {
        const s = cr.write(decoder.write(chunk));
        if (s !== '') controller.enqueue(s);
      },
      flush(controller) {
        const s = cr.write(decoder.end()) + cr.end();
        if (s !== '') controller.enqueue(s);
      },
    }),
  );
  const source = nodeLikeReadable(text);
  await parseStream(
    (config) => {
      Papa.parse(source as unknown as File, config as Papa.ParseLocalConfig<string[], File>);
      source.start();
    },
    sink,
    options,
    () => source.cancel(),
  );
  options.onProgress?.(blob.size, blob.size);
  return { gzip, encoding: decoder.encoding };
}
