import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLogReader } from '../../src/io/logReader';
import { sniffEncoding } from '../../src/io/encoding';
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
