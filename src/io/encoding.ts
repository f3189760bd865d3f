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
    return 'the file is not UTF-8 (it holds bytes that are not valid UTF-8): it was read as Windows-1252 (Latin-1); if names look wrong, re-save it as UTF-8';
  }
  if (encoding !== 'utf-8') return `the file is UTF-16 text (${encoding === 'utf-16le' ? 'little' : 'big'}-endian): it was read as such`;
  return undefined;
}

/** Puts the warning of a file not read as UTF-8 first among an import report's warnings (none for UTF-8). */
export function warnOfEncoding(report: { warnings: { message: string; count: number }[] }, encoding: TextEncodingName | undefined): void {
  const warning = encoding && encodingWarning(encoding);
  if (warning) report.warnings.unshift({ message: warning, count: 1 });
}

/**
 * Decodes a byte stream chunk by chunk in the encoding sniffed from its first {@link SNIFF_BYTES} bytes. A file whose
 * first bytes are plain ASCII is read as UTF-8 until its first byte beyond ASCII: if that starts no valid UTF-8
 * character, the file is Latin-1 / Windows-1252 after all (a long export whose first accented name comes late), and the
 * rest is read as such; what was read before is the same in both, being ASCII. Once a valid UTF-8 character was read,
 * a later invalid byte stays "\uFFFD" (a file of mixed encodings), which the import report counts.
 */
export class SniffingDecoder {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  /** True while every byte read as UTF-8 was ASCII, so that the encoding may still turn out to be Windows-1252. */
  private asciiSoFar = false;
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
    // A byte-order mark says UTF-8 for certain.
    this.asciiSoFar = this.encoding === 'utf-8' && !(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.asciiSoFar) {
      let i = 0;
      while (i < bytes.length && bytes[i] < 0x80) i++;
      if (i < bytes.length) {
        this.asciiSoFar = false;
        // The first character beyond ASCII alone decides (a chunk may end inside it: its first bytes are then checked).
        const b = bytes[i];
        const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || !isUtf8Head(bytes.subarray(i, i + length))) {
          this.encoding = 'windows-1252';
          this.decoder = new TextDecoder('windows-1252');
        }
      }
    }
    return this.decoder!.decode(bytes, { stream });
  }

  /** Text of the next chunk of bytes ("" while the first bytes are gathered; characters cut by a chunk boundary are kept for the next one). */
  write(chunk: Uint8Array): string {
    if (this.decoder) return this.decode(chunk, true);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    return this.headBytes >= SNIFF_BYTES ? this.start() : '';
  }

  /** The text of the bytes still held at the end. */
  end(): string {
    const text = this.decoder ? '' : this.start();
    return text + this.decode(new Uint8Array(0), false);
  }
}
