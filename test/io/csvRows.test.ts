import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LoneCrToLf } from '../../src/io/csvRows';
import { feedCsvStream } from '../../src/io/node/readLogFile';
import { feedCsvBlob } from '../../src/io/web/readLogBlob';
import { feedCsvText, parseCallLogText } from '../../src/io/parseText';
import { int, mulberry32, pick, type Rand } from '../helpers/random';

interface Row {
  fields: string[];
  line: number;
  problem?: string;
}

function rowsOfText(text: string): Row[] {
  const rows: Row[] = [];
  feedCsvText(text, { row: (fields, line, problem) => rows.push(problem === undefined ? { fields, line } : { fields, line, problem }) });
  return rows;
}

async function rowsOfChunks(chunks: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  await feedCsvStream(Readable.from(chunks), { row: (fields, line, problem) => rows.push(problem === undefined ? { fields, line } : { fields, line, problem }) });
  return rows;
}

/** The text cut at random places (some chunks one character long, so that a CRLF is often split). */
function randomChunks(r: Rand, text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = r() < 0.3 ? 1 : int(r, 1, 12);
    chunks.push(text.slice(i, i + n));
    i += n;
  }
  return chunks;
}

const EOLS = ['\n', '\r\n', '\r'];

/**
 * A random CSV text whose rows end in any mix of CRLF, LF and CR, some fields quoted with line breaks inside, some
 * blank lines between rows; with the rows and the lines they start on, as an editor counts them.
 */
function randomText(r: Rand): { text: string; rows: Row[] } {
  const rows: Row[] = [];
  let text = '';
  let line = 1;
  const n = int(r, 1, 12);
  for (let i = 0; i < n; i++) {
    if (i > 0 && r() < 0.15) {
      rows.push({ fields: [''], line });
      // After a CR, an LF would make one CRLF with it, not a blank line.
      text += text.endsWith('\r') ? '\r' : pick(r, EOLS);
      line++;
    }
    const fields: string[] = [];
    const raw: string[] = [];
    let breaks = 0;
    for (let k = int(r, 1, 4); k > 0; k--) {
      if (r() < 0.25) {
        const inside = pick(r, EOLS);
        // A lone CR inside a quoted field is read as a line break like the others: LF.
        fields.push(`a${inside === '\r' ? '\n' : inside}"b`);
        raw.push(`"a${inside}""b"`);
        breaks++;
      } else {
        const v = pick(r, ['x', 'y z', '', '12', 'no answer']);
        fields.push(v);
        raw.push(v);
      }
    }
    // A row of one empty field is a blank line, not a row.
    if (raw.length === 1 && raw[0] === '') fields[0] = raw[0] = 'x';
    rows.push({ fields, line });
    text += raw.join(',');
    line += 1 + breaks;
    if (i < n - 1 || r() < 0.7) text += pick(r, EOLS);
  }
  return { text, rows };
}

describe('line endings', () => {
  it('ends a row at every CRLF, LF and lone CR outside quotes, in any mix, with the lines an editor shows', () => {
    const text = 'h1,h2\r\na,b\nc,"q\r\nr"\rd,e\r\n\ne,f\r';
    expect(rowsOfText(text)).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['a', 'b'], line: 2 },
      { fields: ['c', 'q\r\nr'], line: 3 },
      { fields: ['d', 'e'], line: 5 },
      { fields: [''], line: 6 },
      { fields: ['e', 'f'], line: 7 },
    ]);
  });

  it('reads a CRLF call log with some rows ending in LF, every row kept', () => {
    const text =
      'Lead ID,Lead Created,Call Time,Disposition\r\nL1,2024-03-01 09:00,2024-03-01 09:05,no answer\r\nL2,2024-03-01 10:00,2024-03-01 10:02,contact\nL3,2024-03-01 11:00,2024-03-01 11:01,no answer\nL4,2024-03-01 12:00,2024-03-01 12:03,no answer\n';
    const log = parseCallLogText(text, { timeZone: 'America/New_York' });
    expect(log.report).toMatchObject({ rows: 4, kept: 4, rejected: 0 });
    // And the other way round: an LF file with some rows ending in CRLF or CR; a rejected row keeps its line.
    const other = 'Lead ID,Lead Created,Call Time,Disposition\nL1,2024-03-01 09:00,2024-03-01 09:05,no answer\r\nL2,2024-03-01 10:00,2024-03-01 10:02,contact\rL3,2024-03-01 11:00,2024-03-01 10:01,no answer\n';
    const log2 = parseCallLogText(other, { timeZone: 'America/New_York' });
    expect(log2.report).toMatchObject({ rows: 3, kept: 2, rejected: 1 });
    expect(log2.report.examples[0]).toMatchObject({ line: 4, reason: 'attempt-before-created' });
  });

  it('reads the same rows from random mixes of line endings, whole or streamed in random chunks', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = mulberry32(seed);
      const { text, rows } = randomText(r);
      expect(rowsOfText(text), `seed ${seed}: ${JSON.stringify(text)}`).toEqual(rows);
      expect(await rowsOfChunks(randomChunks(r, text)), `seed ${seed}: ${JSON.stringify(text)}`).toEqual(rows);
    }
  });

  it('reads mixed line endings the same through the Blob reader of the browser worker', async () => {
    const text = 'h1,h2\r\na,b\nc,"q\r\nr"\rd,e\r\n\ne,f\r';
    const rows: Row[] = [];
    await feedCsvBlob(new Blob([text]), { row: (fields, line) => rows.push({ fields, line }) });
    expect(rows).toEqual(rowsOfText(text));
    expect(rows).toHaveLength(6);
  });

  it('turns a lone CR into LF across chunk boundaries, leaving CRLF whole', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = mulberry32(seed);
      let text = '';
      for (let i = int(r, 0, 30); i > 0; i--) text += pick(r, ['a', '\r', '\n', '\r\n', '"']);
      const cr = new LoneCrToLf();
      const out = randomChunks(r, text).map((c) => cr.write(c)).join('') + cr.end();
      expect(out, JSON.stringify(text)).toBe(text.replace(/\r(?!\n)/g, '\n'));
    }
  });
});
