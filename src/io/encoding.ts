/**
 * The text encoding of a file, decided from its first bytes, so that a UTF-16 export (Excel's "Unicode Text") or a
 * Latin-1 / Windows-1252 export is read as the text it holds instead of NUL-laden or "\uFFFD" values. Pure: runs in
 * Node and in a browser worker alike (TextDecoder).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes looked at to decide the encoding (a gzip stream's chunks are smaller: they are gathered up to this). */
export const SNIFF_BYTES = 1 << 16;

/** Bytes that end with a multi-byte UTF-8 character cut by the chunk boundary are still UTF-8. */
function isUtf8Head(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a text whose first bytes are `head` (a file's first chunk): a byte-order mark decides; else
 * ASCII-range UTF-16 shows as NUL bytes in every other position (odd positions: little-endian); else bytes that are
 * not valid UTF-8 mean a single-byte Western encoding, read as Windows-1252 (a superset of Latin-1's printable
 * characters); else UTF-8.
 */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 1024) & ~1;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddNul >= pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (pairs >= 2 && evenNul >= pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return isUtf8Head(head.subarray(0, SNIFF_BYTES)) ? 'utf-8' : 'windows-1252';
}

/** What the import report says about a file not read as UTF-8. */
function encodingWarning(encoding: TextEncodingName): string | undefined {
  if (encoding === 'windows-1252') {
    return 'the file is not UTF-8 (its first 64 KiB are not valid UTF-8): it was read as Windows-1252 (Latin-1); if names look wrong, re-save it as UTF-8';
  }
  if (encoding !== 'utf-8') return `the file is UTF-16 text (${encoding === 'utf-16le' ? 'little' : 'big'}-endian): it was read as such`;
  return undefined;
}

/** Puts the warning of a file not read as UTF-8 first among an import report's warnings (none for UTF-8). */
export function warnOfEncoding(report: { warnings: { message: string; count: number }[] }, encoding: TextEncodingName | undefined): void {
  const warning = encoding && encodingWarning(encoding);
  if (warning) report.warnings.unshift({ message: warning, count: 1 });
}

/** Decodes a byte stream chunk by chunk in the encoding sniffed from its first {@link SNIFF_BYTES} bytes. */
export class SniffingDecoder {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  encoding: TextEncodingName | undefined;

  private start(): string {
    const head = new Uint8Array(this.headBytes);
    let at = 0;
    for (const c of this.head) {
      head.set(c, at);
      at += c.length;
    }
    this.head = [];
    this.encoding = sniffEncoding(head);
    this.decoder = new TextDecoder(this.encoding);
    return this.decoder.decode(head, { stream: true });
  }

  /** Text of the next chunk of bytes ("" while the first bytes are gathered; characters cut by a chunk boundary are kept for the next one). */
  write(chunk: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    this.head.push(chunk);
    this.headBytes += chunk.length;
    return this.headBytes >= SNIFF_BYTES ? this.start() : '';
  }

  /** The text of the bytes still held at the end. */
  end(): string {
    const text = this.decoder ? '' : this.start();
    return text + this.decoder!.decode();
  }
}
