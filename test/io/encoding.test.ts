import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLogReader } from '../../src/io/logReader';
import { SNIFF_BYTES, SniffingDecoder, sniffEncoding } from '../../src/io/encoding';
import { int, mulberry32 } from '../helpers/random';
import { feedCsvBlob } from '../../src/io/web/readLogBlob';

const TEXT = 'lead,created,call time,result,agent\nA,2024-03-04 09:00,2024-03-04 10:00,no answer,José\nB,2024-03-04 09:00,2024-03-04 10:00,contact,Françoise\n';

describe('text encodings', () => {
  it('sniffs UTF-8, UTF-16 with and without a byte-order mark, and Latin-1', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    expect(sniffEncoding(Buffer.from(TEXT, 'utf8'))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from(`\uFEFF${TEXT}`, 'utf8'))).toBe('utf-8');
    expect(sniffEncoding(le)).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from(le).swap16())).toBe('utf-16be');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from(TEXT, 'latin1'))).toBe('windows-1252');
    // A few NUL bytes in UTF-8 text are not UTF-16 (they are warned about by the reader).
    expect(sniffEncoding(Buffer.from(TEXT.replace('José', 'Jo\u0000sé'), 'utf8'))).toBe('utf-8');
  });

  it('reads a browser Blob in UTF-16 or Latin-1, plain or gzip, as the text it holds', async () => {
    const encodings: [string, Buffer][] = [
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
      ['windows-1252', Buffer.from(TEXT, 'latin1')],
      ['utf-8', Buffer.from(TEXT, 'utf8')],
    ];
    for (const [name, bytes] of encodings) {
      for (const gzip of [false, true]) {
        const reader = createLogReader();
        const { encoding } = await feedCsvBlob(new Blob([new Uint8Array(gzip ? gzipSync(bytes) : bytes)]), reader);
        const log = reader.finish();
        expect(encoding, name).toBe(name);
        expect(log.kind === 'calls' && log.table.agents, name).toEqual(['José', 'Françoise']);
      }
    }
  });
});

/** Text the decoder gives for `bytes` fed in the chunks that `cuts` (sorted offsets) make. */
function decodeInChunks(bytes: Uint8Array, cuts: number[]): { text: string; encoding: string | undefined } {
  const decoder = new SniffingDecoder();
  let text = '', at = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(at, cut));
    at = cut;
  }
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

describe('a Latin-1 file whose first accented byte comes after the sniffed head', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `L${i},2024-03-04 09:00,2024-03-04 10:00,no answer,Agent ${i % 7}\n`).join('');
  const late = `lead,created,call time,result,agent\n${rows(3000)}Z,2024-03-04 09:00,2024-03-04 10:00,contact,José Françoise\n${rows(10)}`;

  it('is read as Windows-1252 from wherever the stream is cut, the same text as Node decodes it', () => {
    const bytes = Buffer.from(late, 'latin1');
    expect(bytes.indexOf(0xe9)).toBeGreaterThan(SNIFF_BYTES * 2);
    const r = mulberry32(7);
    for (let k = 0; k < 40; k++) {
      const cuts = Array.from({ length: int(r, 0, 12) }, () => int(r, 1, bytes.length - 1)).sort((a, b) => a - b);
      const { text, encoding } = decodeInChunks(bytes, cuts);
      expect(encoding, `cuts ${cuts}`).toBe('windows-1252');
      expect(text, `cuts ${cuts}`).toBe(late);
    }
  });

  it('stays UTF-8 when the same file is UTF-8, and when a valid UTF-8 character came before the odd byte', () => {
    const r = mulberry32(11);
    const utf8 = Buffer.from(late, 'utf8');
    // A UTF-8 file with a Latin-1 byte late: the valid "é" decided; the odd byte is shown as U+FFFD (and counted by the reader).
    const mixed = Buffer.concat([Buffer.from(late, 'utf8'), Buffer.from('Y,2024-03-04 09:00,2024-03-04 10:00,contact,Ren\xe9\n', 'latin1')]);
    for (let k = 0; k < 30; k++) {
      const cuts = Array.from({ length: int(r, 0, 12) }, () => int(r, 1, utf8.length - 1)).sort((a, b) => a - b);
      const plain = decodeInChunks(utf8, cuts);
      expect(plain.encoding).toBe('utf-8');
      expect(plain.text).toBe(late);
      const odd = decodeInChunks(mixed, cuts);
      expect(odd.encoding).toBe('utf-8');
      expect(odd.text).toBe(`${late}Y,2024-03-04 09:00,2024-03-04 10:00,contact,Ren\uFFFD\n`);
    }
  });

  it('reads the agents of such a file, gzip or not, and says it was read as Windows-1252', async () => {
    for (const gzip of [false, true]) {
      const bytes = Buffer.from(late, 'latin1');
      const reader = createLogReader();
      const { encoding } = await feedCsvBlob(new Blob([new Uint8Array(gzip ? gzipSync(bytes) : bytes)]), reader);
      const log = reader.finish();
      expect(encoding).toBe('windows-1252');
      expect(log.kind === 'calls' && log.table.agents).toContain('José Françoise');
    }
  });
});
