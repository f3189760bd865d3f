import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallLogImport } from '../../src/io/callLogReader';
import { readLogFile } from '../../src/io/node/readLogFile';
import { detectDelimiter } from '../../src/io/csvRows';
import { feedCsvText, parseLogText } from '../../src/io/parseText';
import type { RejectReason } from '../../src/io/importReport';
import { CALL_OUTCOMES } from '../../src/sim/callLog';
import { int, mulberry32, pick, type Rand } from '../helpers/random';

/**
 * Random call logs: mostly valid rows whose values are known, plus rows broken in known ways, written in random
 * formats (separator, line ends, BOM, quoting, blank lines, a title line, time formats and zones). The truth is what
 * the generator wrote: every valid row must come back with its values, every broken row must be counted with its
 * reason and line, and the result must not depend on how the file was written.
 */

// ---- The truth about instants and wall clocks, computed here with Intl, not with the project's code. ----

const ZONES = ['UTC', '+05:30', '-03:00', 'America/Chicago', 'Europe/Berlin', 'Australia/Adelaide', 'Asia/Kathmandu'] as const;
type Zone = (typeof ZONES)[number];

const formats = new Map<string, Intl.DateTimeFormat>();
function offsetAt(zone: Zone, ms: number): number {
  if (zone === 'UTC') return 0;
  const fixed = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Wall-clock parts of an instant in a zone. */
function wallOf(zone: Zone, ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; dow: number } {
  const w = new Date(ms + offsetAt(zone, ms) * 60_000);
  return { y: w.getUTCFullYear(), mo: w.getUTCMonth() + 1, d: w.getUTCDate(), h: w.getUTCHours(), mi: w.getUTCMinutes(), s: w.getUTCSeconds(), ms: w.getUTCMilliseconds(), dow: (w.getUTCDay() + 6) % 7 };
}

/** True when the zone's offset is the same two hours either side: no skipped or repeated wall-clock time near it. */
const steady = (zone: Zone, ms: number): boolean => offsetAt(zone, ms - 7_200_000) === offsetAt(zone, ms) && offsetAt(zone, ms + 7_200_000) === offsetAt(zone, ms);

const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

/** Time formats: how an instant is written, its precision, whether it is a wall-clock time and its date order. */
const TIME_FORMATS = {
  'iso-z': { unit: 1, wall: false, order: undefined, write: (_z: Zone, ms: number) => new Date(ms).toISOString() },
  'iso-offset': {
    unit: 1000, wall: false, order: undefined,
    write: (_z: Zone, ms: number, r: Rand) => {
      const off = int(r, -48, 56) * 15;
      const w = new Date(ms + off * 60_000);
      const sign = off < 0 ? '-' : '+';
      return `${w.toISOString().slice(0, 19)}${sign}${p2(Math.floor(Math.abs(off) / 60))}:${p2(Math.abs(off) % 60)}`;
    },
  },
  'iso-wall': { unit: 1000, wall: true, order: undefined, write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`; } },
  'iso-wall-ms': { unit: 1, wall: true, order: undefined, write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${w.y}-${p2(w.mo)}-${p2(w.d)}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}.${p3(w.ms)}`; } },
  us: { unit: 1000, wall: true, order: 'mdy', write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${w.mo}/${w.d}/${w.y} ${w.h % 12 === 0 ? 12 : w.h % 12}:${p2(w.mi)}:${p2(w.s)} ${w.h < 12 ? 'AM' : 'PM'}`; } },
  eu: { unit: 60_000, wall: true, order: 'dmy', write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${p2(w.d)}/${p2(w.mo)}/${w.y} ${p2(w.h)}:${p2(w.mi)}`; } },
  dotted: { unit: 1000, wall: true, order: undefined, write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${p2(w.d)}.${p2(w.mo)}.${w.y} ${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`; } },
  compact: { unit: 1000, wall: true, order: undefined, write: (z: Zone, ms: number) => { const w = wallOf(z, ms); return `${w.y}${p2(w.mo)}${p2(w.d)} ${w.h}:${p2(w.mi)}:${p2(w.s)}`; } },
  'epoch-s': { unit: 1000, wall: false, order: undefined, write: (_z: Zone, ms: number) => String(ms / 1000) },
  'epoch-ms': { unit: 1, wall: false, order: undefined, write: (_z: Zone, ms: number) => String(ms) },
} as const;
type TimeFormat = keyof typeof TIME_FORMATS;

// ---- Rows ----

const OUTCOMES: readonly [string, string][] = [
  ['No Answer', 'no-answer'], ['NA', 'no-answer'], ['ring-no-answer', 'no-answer'], ['Left VM', 'voicemail'], ['Voicemail', 'voicemail'],
  ['Contacted', 'contact'], ['Spoke', 'contact'], ['Not Interested', 'contact'], ['Busy', 'busy'], ['Wrong Number', 'bad-number'],
];
const FLAGS: readonly [string, boolean][] = [['yes', true], ['No', false], ['1', true], ['0', false], ['TRUE', true], ['false', false]];
const NAMES = ['ann', 'Bob Smith', 'Zoë', 'José, Jr.', 'O"Neil', '李雷', 'agent 7', 'Ünal; K', 'tab\there', 'm|n', 'nul\u0000byte'];

interface Lead { id: string; created: number }
interface Attempt {
  lead: Lead;
  at: number;
  outcomeText: string;
  outcome: string;
  agent?: string;
  source?: string;
  converted?: boolean;
  convertedText?: string;
}

type Broken = Exclude<RejectReason, never>;
interface LogicalRow { cells: Record<string, string>; expect: { kind: 'keep'; attempt: Attempt } | { kind: 'reject'; reason: Broken; extra?: 'short' | 'long' | 'unclosed' } }

interface Layout {
  delimiter: string;
  eol: string;
  bom: boolean;
  quoteAll: boolean;
  trailingEol: boolean;
  blankEvery: number;
  title: boolean;
  /** A title of two cells ("Call export,2024-03-05"), which only --skip-lines tells from a header. */
  wideTitle: boolean;
  /** Give --skip-lines (1 with a title, 0 without). */
  skip: boolean;
}

const COLUMN_NAMES = {
  leadId: ['Lead ID', 'lead_id', 'LeadId', 'Prospect ID'],
  leadCreated: ['Created At', 'Lead Date', 'created', 'Received'],
  attemptTime: ['Call Time', 'Call Start', 'Attempt Time', 'Dialed At'],
  outcome: ['Outcome', 'Disposition', 'Result', 'Call Status'],
  agent: ['Agent', 'Rep Name'],
  source: ['Lead Source', 'Vendor'],
  converted: ['Funded', 'Converted'],
  note: ['Notes', 'Comment'],
  // The attempt time in two columns, joined with --map "Dial Day+Dial Clock=attemptTime".
  attemptDate: ['Dial Day'],
  attemptClock: ['Dial Clock'],
} as const;
type Column = keyof typeof COLUMN_NAMES;

interface Case {
  zone: Zone;
  format: TimeFormat;
  dateOrder?: 'mdy' | 'dmy';
  columns: Column[];
  headers: string[];
  rows: LogicalRow[];
  /** The attempt time is written as a date column and a time-of-day column. */
  split: boolean;
  /** The present for the future-time warning (minutes). */
  now: number;
  /** Read with --kind calls instead of the detected kind. */
  kind?: 'calls';
}

function generateCase(seed: number, size: number, latin1Only = false): Case {
  const r = mulberry32(seed);
  const zone = pick(r, ZONES);
  const format = pick(r, Object.keys(TIME_FORMATS) as TimeFormat[]);
  const fmt = TIME_FORMATS[format];
  const optional = (['agent', 'source', 'converted', 'note'] as Column[]).filter(() => r() < 0.5);
  // Wall-clock formats written with a space between the date and the time of day can come in two columns.
  const split = fmt.wall && format !== 'iso-wall-ms' && r() < 0.3;
  const columns = [...(['leadId', 'leadCreated', ...(split ? ['attemptDate', 'attemptClock'] : ['attemptTime']), 'outcome'] as Column[]), ...optional];
  for (let i = columns.length - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [columns[i], columns[j]] = [columns[j], columns[i]];
  }
  const headers = columns.map((c) => pick(r, COLUMN_NAMES[c]));
  const base = Date.UTC(2023, 0, 1) + int(r, 0, 700) * 86_400_000;
  const round = (ms: number): number => Math.floor(ms / fmt.unit) * fmt.unit;
  const instant = (from: number, spanMs: number): number => {
    for (;;) {
      const ms = round(from + Math.floor(r() * spanMs));
      if (!fmt.wall || steady(zone, ms)) return ms;
    }
  };
  const write = (ms: number): string => fmt.write(zone, ms, r);
  const leads: Lead[] = [];
  const nLeads = Math.max(1, Math.floor(size / 3));
  for (let k = 0; k < nLeads; k++) leads.push({ id: `${pick(r, ['L', 'lead-', 'Ld '])}${k}${r() < 0.1 ? ',x' : ''}`, created: instant(base, 60 * 86_400_000) });
  // Some ids come again with another creation time (a system that reuses ids, a lead entered twice), some within
  // the same minute: each id and creation time is its own lead.
  if (r() < 0.3) {
    for (let k = int(r, 1, 3); k > 0; k--) {
      const same = pick(r, leads);
      let created = r() < 0.5 && fmt.unit <= 1000 ? same.created + int(r, 1, 59) * 1000 : instant(base, 60 * 86_400_000);
      if (fmt.wall && !steady(zone, created)) created = instant(base, 60 * 86_400_000);
      if (leads.some((l) => l.id === same.id && l.created === created)) continue;
      leads.push({ id: same.id, created });
    }
  }
  const rows: LogicalRow[] = [];
  const brokenShare = r() < 0.2 ? 0 : r() * 0.3;
  for (let k = 0; k < size; k++) {
    const lead = pick(r, leads);
    const at = instant(lead.created + 60_000, 5 * 86_400_000);
    const [outcomeText, outcome] = pick(r, OUTCOMES);
    const attempt: Attempt = { lead, at, outcomeText, outcome };
    const cells: Record<string, string> = { leadId: lead.id, leadCreated: write(lead.created), attemptTime: write(at), outcome: outcomeText };
    if (columns.includes('agent')) cells.agent = (attempt.agent = r() < 0.1 ? undefined : pick(r, latin1Only ? NAMES.filter((n) => /^[\x00-\xff]*$/.test(n)) : NAMES)) ?? '';
    if (columns.includes('source')) cells.source = (attempt.source = r() < 0.1 ? undefined : pick(r, ['Zillow', 'web form', 'LendingTree, Inc.'])) ?? '';
    if (columns.includes('converted')) {
      const [text, value] = pick(r, FLAGS);
      cells.converted = text;
      attempt.converted = value;
    }
    if (columns.includes('note')) cells.note = pick(r, ['', 'call back "Tuesday"', 'two\nlines', 'a,b;c|d\te', 'ok']);
    let row: LogicalRow = { cells, expect: { kind: 'keep', attempt } };
    let badField: string | undefined;
    if (r() < brokenShare) {
      const kinds: Broken[] = ['missing-field', 'unparseable-time', 'attempt-before-created', 'unknown-outcome', 'wrong-field-count'];
      if (split) kinds.push('missing-field');
      if (columns.includes('converted')) kinds.push('bad-value');
      const reason = pick(r, kinds);
      const c = { ...cells };
      let extra: 'short' | 'long' | undefined;
      if (reason === 'missing-field') c[pick(r, ['leadId', 'leadCreated', 'attemptTime', 'outcome', ...(split ? (['clock'] as const) : [])] as const)] = pick(r, ['', '  ', 'NULL', 'n/a']);
      if (reason === 'unparseable-time') c[(badField = pick(r, ['leadCreated', 'attemptTime'] as const))] = pick(r, ['yesterday', 'soon', '2024-13-01 10:00', '2024-02-30 10:00', '2023-04-31', '25:61', '2024-01-01 24:30', '0024-03-05 10:00', '2024-03-05T10:00:00+25:00', '2024-03-05T10:00:00-13:61']);
      if (reason === 'attempt-before-created') c.attemptTime = write(lead.created - int(r, 2, 5000) * 60_000);
      if (reason === 'unknown-outcome') c.outcome = pick(r, ['Zorblax', 'emailed', 'texted back', '???']);
      if (reason === 'bad-value') c.converted = pick(r, ['maybe', 'pending', '2']);
      if (reason === 'wrong-field-count') extra = r() < 0.5 ? 'short' : 'long';
      // A time before the lead was created needs a creation time that reads; avoid a day that reads neither way.
      if (reason === 'attempt-before-created' && fmt.wall && !steady(zone, lead.created - 5000 * 60_000)) continue;
      row = { cells: c, expect: { kind: 'reject', reason, extra } };
    }
    if (split) {
      // Split at the first space. A value without one ("yesterday") leaves the time-of-day column empty: a missing part
      // of the joined field, checked before the time is read. An emptied time of day ("clock") keeps its date.
      const { clock, ...rest } = row.cells;
      const text = rest.attemptTime;
      const at = text.indexOf(' ');
      const cells: Record<string, string> = { ...rest, attemptDate: at === -1 ? text : text.slice(0, at), attemptClock: clock ?? (at === -1 ? '' : text.slice(at + 1)) };
      const expect = row.expect.kind === 'reject' && row.expect.reason === 'unparseable-time' && badField === 'attemptTime' && at === -1 ? { ...row.expect, reason: 'missing-field' as const } : row.expect;
      row = { cells, expect };
    }
    rows.push(row);
  }
  // An unclosed quote on the last row: the row is rejected, nothing after it is swallowed.
  if (r() < 0.15 && rows.length > 0) {
    const last = rows[rows.length - 1];
    rows[rows.length - 1] = { cells: last.cells, expect: { kind: 'reject', reason: 'malformed-quotes', extra: 'unclosed' } };
  }
  let dateOrder: 'mdy' | 'dmy' | undefined;
  if (fmt.order) {
    // Without a stated order, the reader detects it from the first rows: state it unless a day above 12 is there.
    const decided = rows.slice(0, 5000).some((row) => row.expect.kind === 'keep' && wallOf(zone, row.expect.attempt.at).d > 12);
    dateOrder = !decided || r() < 0.5 ? fmt.order : undefined;
  }
  // Sometimes the present falls inside the log, so that later times are warned about as being in the future.
  const now = r() < 0.25 ? (base + int(r, 0, 60) * 86_400_000) / 60_000 : Date.UTC(2030, 0, 1) / 60_000;
  const kind = r() < 0.3 ? ('calls' as const) : undefined;
  return { zone, format, dateOrder, columns, headers, rows, split, now, kind };
}

const DELIMS = [',', ';', '\t', '|'];

function layoutOf(r: Rand): Layout {
  const layout = { delimiter: pick(r, DELIMS), eol: pick(r, ['\n', '\r\n']), bom: r() < 0.3, quoteAll: r() < 0.3, trailingEol: r() < 0.7, blankEvery: r() < 0.3 ? int(r, 2, 9) : 0, title: r() < 0.15 };
  const wideTitle = layout.title && r() < 0.5;
  return { ...layout, wideTitle, skip: wideTitle || r() < 0.3 };
}

/** Writes the case; returns the text and, per logical row, the line it starts on. */
function writeCase(c: Case, layout: Layout): { text: string; lines: number[]; blanks: number; nulRows: number } {
  const { delimiter, eol } = layout;
  const quote = (v: string): string =>
    layout.quoteAll || v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const out: string[] = [];
  let line = 1;
  const lines: number[] = [];
  let blanks = 0;
  let nulRows = 0;
  const push = (text: string): void => {
    if (text.includes('\u0000')) nulRows++;
    out.push(text);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  };
  if (layout.title) push(layout.wideTitle ? `Call export${layout.delimiter}2024-03-05` : 'Call export');
  push(c.headers.map(quote).join(delimiter));
  c.rows.forEach((row, k) => {
    if (layout.blankEvery && k % layout.blankEvery === 1) {
      push(k % 2 ? '' : delimiter.repeat(c.columns.length - 1));
      blanks++;
    }
    const values = c.columns.map((col) => row.cells[col] ?? '');
    let text = values.map(quote).join(delimiter);
    if (row.expect.kind === 'reject' && row.expect.extra === 'short') text = values.slice(0, -1).map(quote).join(delimiter);
    if (row.expect.kind === 'reject' && row.expect.extra === 'long') text += delimiter + quote('extra');
    if (row.expect.kind === 'reject' && row.expect.extra === 'unclosed') text = values.slice(0, -1).map(quote).concat(['"unclosed']).join(delimiter);
    lines.push(line);
    push(text);
  });
  const text = (layout.bom ? '\uFEFF' : '') + out.join(eol) + (layout.trailingEol ? eol : '');
  return { text, lines, blanks, nulRows };
}

const readOptions = (c: Case, layout: Layout) => ({
  timeZone: c.zone,
  dateOrder: c.dateOrder,
  maxExamples: 1_000_000,
  now: c.now,
  ...(c.kind && { kind: c.kind }),
  ...(c.split && { map: { 'Dial Day+Dial Clock': 'attemptTime' as const } }),
  ...(layout.skip && { skipLines: layout.title ? 1 : 0 }),
});

function checkImport(c: Case, layout: Layout, log: ReturnType<typeof parseLogText>, written: { lines: number[]; blanks: number; nulRows: number }, label: string): void {
  const { lines, blanks } = written;
  expect(log.kind, label).toBe('calls');
  const calls = log as CallLogImport;
  const report = calls.report;
  const expectedRejects = c.rows.flatMap((row, k) => (row.expect.kind === 'reject' ? [{ line: lines[k], reason: row.expect.reason }] : []));
  const kept = c.rows.flatMap((row) => (row.expect.kind === 'keep' ? [row.expect.attempt] : []));
  const expectedLines = new Set(expectedRejects.map((e) => e.line));
  const surprise = report.examples.find((e) => !expectedLines.has(e.line));
  expect(surprise, `${label}: a valid row was rejected`).toBeUndefined();
  expect({ rows: report.rows, kept: report.kept, rejected: report.rejected }, label).toEqual({ rows: c.rows.length, kept: kept.length, rejected: expectedRejects.length });
  expect(report.examples.map((e) => ({ line: e.line, reason: e.reason })), label).toEqual(expectedRejects);
  const byReason: Record<string, number> = {};
  for (const e of expectedRejects) byReason[e.reason] = (byReason[e.reason] ?? 0) + 1;
  expect(report.byReason, label).toEqual(byReason);
  expect(report.blankLines, label).toBe(blanks);
  for (const e of report.examples) {
    if (['missing-field', 'unparseable-time', 'unknown-outcome', 'bad-value'].includes(e.reason)) expect(e.message, label).toMatch(/\(column "[^"]+"\)/);
    if (e.reason === 'wrong-field-count') expect(e.message, label).toMatch(/^expected \d+ fields, got \d+$/);
  }
  // Round trip: what was written is what was read.
  const t = calls.table;
  expect(t.length, label).toBe(kept.length);
  const got = Array.from({ length: t.length }, (_, i) => ({
    leadId: t.leadIds[t.lead[i]],
    created: t.leadCreated[i],
    at: t.attemptTime[i],
    outcome: t.outcome[i],
    hour: t.hourOfWeek[i],
    agent: t.agent[i] < 0 ? undefined : t.agents[t.agent[i]],
    source: t.source[i] < 0 ? undefined : t.sources[t.source[i]],
    converted: t.converted[i] < 0 ? undefined : t.converted[i] === 1,
  }));
  const want = kept.map((a) => {
    const w = wallOf(c.zone, a.at);
    return {
      leadId: a.lead.id,
      created: a.lead.created / 60_000,
      at: a.at / 60_000,
      outcome: CALL_OUTCOME_CODES.get(a.outcome),
      hour: w.dow * 24 + w.h,
      agent: a.agent,
      source: a.source,
      converted: c.columns.includes('converted') ? a.converted : undefined,
    };
  });
  for (let i = 0; i < got.length; i++) {
    // The lead of an id seen with another creation time before is named by both ("L3 (created ...)").
    expect(got[i].leadId.startsWith(want[i].leadId), `${label}: kept row ${i}`).toBe(true);
    expect({ ...got[i], leadId: want[i].leadId }, `${label}: kept row ${i}`).toEqual(want[i]);
  }
  // Each id and creation time is one lead, never merged with another creation time of the same id, nor split.
  const leadOf = new Map<string, number>();
  for (let i = 0; i < kept.length; i++) {
    const key = `${kept[i].lead.id}\u0000${kept[i].lead.created}`;
    if (!leadOf.has(key)) leadOf.set(key, t.lead[i]);
    expect(t.lead[i], `${label}: lead of kept row ${i}`).toBe(leadOf.get(key));
  }
  expect(new Set(leadOf.values()).size, `${label}: leads`).toBe(leadOf.size);
  // Warnings: ids with more than one creation time, times in the future, NUL bytes, a title above the header.
  const warnings = report.warnings.map((w) => w.message);
  const createdOf = new Map<string, Set<number>>();
  for (const a of kept) createdOf.set(a.lead.id, (createdOf.get(a.lead.id) ?? new Set()).add(a.lead.created));
  const splitIds = [...createdOf.values()].filter((set) => set.size > 1);
  const splitWarning = warnings.find((w) => /appear with more than one creation time/.test(w));
  if (splitIds.length === 0) expect(splitWarning, label).toBeUndefined();
  else {
    const extra = splitIds.reduce((n, set) => n + set.size - 1, 0);
    expect(splitWarning, label).toMatch(new RegExp(`^${splitIds.length} lead id\\(s\\) appear .* ${extra} more lead\\(s\\)$`));
  }
  const limit = c.now + 2 * 1440;
  const futureRows = kept.map((a, i) => [a, i] as const).filter(([a]) => a.lead.created / 60_000 > limit || a.at / 60_000 > limit);
  const futureWarning = warnings.find((w) => /in the future/.test(w));
  if (futureRows.length === 0) expect(futureWarning, label).toBeUndefined();
  else {
    const keptLines = c.rows.flatMap((row, k) => (row.expect.kind === 'keep' ? [lines[k]] : []));
    expect(futureWarning, label).toMatch(new RegExp(`^${futureRows.length} row\\(s\\) have a time after .* \\(first at line ${keptLines[futureRows[0][1]]}: `));
  }
  const nulWarning = warnings.find((w) => /NUL bytes/.test(w));
  if (written.nulRows === 0) expect(nulWarning, label).toBeUndefined();
  else expect(nulWarning, label).toMatch(new RegExp(`^${written.nulRows} row\\(s\\) hold NUL bytes`));
  const titleWarning = warnings.find((w) => /above the header were skipped as a title/.test(w));
  expect(titleWarning !== undefined, `${label}: title warning`).toBe(layout.title && !layout.skip);
  expect(calls.mapping.explanation === undefined, `${label}: kind stated`).toBe(c.kind !== undefined);
}

const CALL_OUTCOME_CODES = new Map<string, number>(CALL_OUTCOMES.map((o, i) => [o, i]));

const dir = mkdtempSync(join(tmpdir(), 'leadlab-random-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random call logs', () => {
  it('keeps every valid row with its values and counts every broken one with its reason and line, in any format', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const c = generateCase(seed, 1 + (seed % 40));
      const r = mulberry32(seed * 7919);
      const layout = layoutOf(r);
      const written = writeCase(c, layout);
      const label = `seed ${seed} (${c.format}, ${c.zone}, order ${c.dateOrder ?? 'detected'}, split ${c.split}, kind ${c.kind ?? 'auto'}, ${JSON.stringify(layout)})`;
      const log = parseLogText(written.text, readOptions(c, layout));
      checkImport(c, layout, log, written, label);
      // Another layout of the same rows reads the same.
      const other = layoutOf(r);
      const again = writeCase(c, other);
      const log2 = parseLogText(again.text, readOptions(c, other));
      checkImport(c, other, log2, again, `${label} rewritten as ${JSON.stringify(other)}`);
    }
  });

  it('reads the same from a file, plain or gzip, as from text, across stream chunks', async () => {
    for (let seed = 500; seed < 512; seed++) {
      // Large enough to span several 64 KiB chunks of the file stream.
      const c = generateCase(seed, 1500 + seed, seed % 3 === 0);
      const layout = { ...layoutOf(mulberry32(seed)), ...(seed % 3 === 0 && { bom: false }) };
      const written = writeCase(c, layout);
      // In UTF-8, UTF-16 (with or without a byte-order mark, either byte order) or Latin-1 (when every character has
      // a Latin-1 byte and one is beyond ASCII, wherever it comes: before the first one the two read the same).
      const r = mulberry32(seed * 31);
      const firstWide = written.text.search(/[^\x00-\x7f]/);
      const latin1 = /^[\x00-\xff]*$/.test(written.text) && firstWide !== -1;
      const encoding = latin1 ? 'latin1' : pick(r, ['utf8', 'utf16le', 'utf16le-bom', 'utf16be-bom']);
      const utf16le = (t: string): Buffer => Buffer.from(t, 'utf16le');
      const bytes =
        encoding === 'utf8' ? Buffer.from(written.text, 'utf8')
          : encoding === 'utf16le' ? utf16le(written.text.replace(/^\uFEFF/, ''))
            : encoding === 'utf16le-bom' ? utf16le(`\uFEFF${written.text.replace(/^\uFEFF/, '')}`)
              : encoding === 'utf16be-bom' ? utf16le(`\uFEFF${written.text.replace(/^\uFEFF/, '')}`).swap16()
                : Buffer.from(written.text, 'latin1');
      const path = join(dir, `log-${seed}.csv${seed % 2 ? '.gz' : ''}`);
      writeFileSync(path, seed % 2 ? gzipSync(bytes) : bytes);
      const label = `file seed ${seed} (${encoding}, ${c.format}, ${c.zone}, ${JSON.stringify(layout)})`;
      const log = await readLogFile(path, readOptions(c, layout));
      checkImport(c, layout, log, written, label);
      const said = log.report.warnings.map((w) => w.message).join('\n');
      if (encoding.startsWith('utf16')) expect(said, label).toMatch(/the file is UTF-16 text/);
      if (encoding === 'latin1') expect(said, label).toMatch(/read as Windows-1252/);
      if (encoding === 'utf8') expect(said, label).not.toMatch(/the file is UTF-16 text|read as Windows-1252|bytes that are not UTF-8/);
    }
  });
});

// ---- The CSV layer: separator detection and quote recovery, on files whose rows are known. ----

function rowsOf(text: string, delimiter?: string): { fields: string[]; line: number; problem?: string }[] {
  const out: { fields: string[]; line: number; problem?: string }[] = [];
  feedCsvText(text, { row: (fields, line, problem) => out.push({ fields, line, ...(problem !== undefined && { problem }) }) }, delimiter ? { delimiter } : {});
  return out;
}

describe('separator detection', () => {
  it('finds , ; tab and | in files whose every field is quoted, two to many columns, values holding the other separators', () => {
    // papaparse's own guess read "1"|"x;y" / "1"|"t<tab>u" as comma-separated, one column.
    expect(detectDelimiter('"h1"|"h2"\n"1"|"x;y"\n"1"|"t\tu"\n')).toBe('|');
    const VALUES = ['a', 'a,b', 'x;y', 'p|q', 't\tu', '2024-03-05 10:00', 'say "hi"', 'two\nlines', '', '1', 'José, Jr.', ' padded '];
    for (let seed = 1; seed <= 400; seed++) {
      const r = mulberry32(seed);
      const delimiter = DELIMS[seed % 4];
      const columns = int(r, 2, r() < 0.8 ? 5 : 30);
      const rows = Array.from({ length: int(r, 1, 12) }, () => Array.from({ length: columns }, () => pick(r, VALUES)));
      const header = Array.from({ length: columns }, (_, i) => `h${i}`);
      const eol = pick(r, ['\n', '\r\n']);
      const quoted = (v: string): string => `"${v.replace(/"/g, '""')}"`;
      const text = [header, ...rows].map((row) => row.map(quoted).join(delimiter)).join(eol) + (r() < 0.5 ? eol : '');
      const label = `seed ${seed}: ${JSON.stringify(text.slice(0, 200))}`;
      expect(detectDelimiter(text), label).toBe(delimiter);
      // What was written is what is read.
      expect(rowsOf(text).map((row) => row.fields), label).toEqual([header, ...rows]);
    }
  });

  it('is not misled by a title line, a decimal comma or a stray quote inside a field', () => {
    expect(detectDelimiter('Call export 2024\na;b;c\n1,5;2,5;3\n4,5;5,5;6\n')).toBe(';');
    expect(detectDelimiter('lead|note|x\nA|O"Neil, said hi|1\nB|ok|2\n')).toBe('|');
    expect(detectDelimiter('\uFEFF"a"\t"b"\n"1"\t"2"\n')).toBe('\t');
    expect(detectDelimiter('one column\nvalue\n')).toBe(',');
  });
});

describe('unclosed-quote recovery', () => {
  it('rejects a row whose quote error stays on one line whole, even when an earlier field spans lines, and swallows nothing', () => {
    // The earlier field "multi<newline>line" was taken for the swallowing one: the row was cut after "multi and
    // `line"","ab"c",3` was read again as a row of its own.
    const rows = rowsOf('a,b,c\n"multi\nline","ab"c",3\n4,5,6\n');
    expect(rows).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['multi\nline', 'ab"c', '3'], line: 2, problem: 'Trailing quote on quoted field is malformed' },
      { fields: ['4', '5', '6'], line: 4 },
    ]);
  });

  it('cuts at the field the error is about, and re-reads the lines after it as rows, keeping their own multi-line fields whole', () => {
    const rows = rowsOf('a,b,c\n1,"multi\nline","bad\n4,5,6\n7,"x\ny",9\n10,"p,q",12\n');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'multi\nline', '"bad']],
      [4, ['4', '5', '6']],
      [5, ['7', 'x\ny', '9']],
      [7, ['10', 'p,q', '12']],
    ]);
    expect(rows[1].problem).toMatch(/the quote opened on line 3 is not closed on its line; the row was cut there and the 3 following lines were read again as rows/);
    expect(rows.filter((r) => r.problem).length).toBe(1);
    // One line swallowed, or none (the quote opened on the last line): the words agree with the count.
    expect(rowsOf('a,b\n1,"bad\n2,3\n').find((r) => r.problem)!.problem).toMatch(/the row was cut there and the following line was read again as a row$/);
    expect(rowsOf('a,b\n1,2\n3,"bad\n').find((r) => r.problem)!.problem).toMatch(/the row was cut there \(no line followed it\)$/);
  });

  it('cuts again at a second unclosed quote among the re-read lines', () => {
    const rows = rowsOf('a;b\n"x\ny";"bad\n1;2\n3;"worse\n5;6\n');
    expect(rows.map((r) => [r.line, r.fields, r.problem !== undefined])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['x\ny', '"bad'], true],
      [4, ['1', '2'], false],
      [5, ['3', '"worse'], true],
      [6, ['5', '6'], false],
    ]);
  });
});

describe('random per-lead summaries', () => {
  it('keeps every valid lead with its count and flags, and counts every broken row with its reason and line', () => {
    const FLAG_TEXT: readonly [string, number][] = [['yes', 1], ['no', 0], ['1', 1], ['0', 0], ['TRUE', 1], ['false', 0]];
    for (let seed = 1; seed <= 60; seed++) {
      const r = mulberry32(seed * 104729);
      const delimiter = pick(r, DELIMS);
      const columns = ['id', 'attempts', ...(r() < 0.6 ? ['contacted'] : []), ...(r() < 0.7 ? ['converted'] : []), ...(r() < 0.5 ? ['age'] : [])];
      const names: Record<string, string> = { id: 'Client ID', attempts: pick(r, ['campaign', 'Calls Made', 'NoOfContacts', 'Attempts']), contacted: 'Reached', converted: pick(r, ['y', 'Converted', 'Sold']), age: 'age' };
      const want: { attempts: number; contacted: number; converted: number }[] = [];
      const rejects: { line: number; reason: string }[] = [];
      const lines = [columns.map((c) => names[c]).join(delimiter)];
      const n = int(r, 1, 60);
      for (let k = 0; k < n; k++) {
        const attempts = int(r, 0, 40);
        const [contactedText, contacted] = pick(r, FLAG_TEXT);
        const [convertedText, converted] = pick(r, FLAG_TEXT);
        const cells: Record<string, string> = { id: `c${k}`, attempts: String(attempts), contacted: contactedText, converted: convertedText, age: String(int(r, 18, 90)) };
        let reason: string | undefined;
        if (r() < 0.15) {
          reason = pick(r, ['missing-field', 'bad-value', 'wrong-field-count']);
          if (reason === 'missing-field') cells.attempts = pick(r, ['', ' ']);
          if (reason === 'bad-value') {
            const flag = columns.filter((c) => c === 'contacted' || c === 'converted');
            if (flag.length > 0 && r() < 0.5) cells[pick(r, flag)] = pick(r, ['maybe', 'pending']);
            else cells.attempts = pick(r, ['x', '-1', '2.5', 'many']);
          }
        }
        let row = columns.map((c) => cells[c]).join(delimiter);
        if (reason === 'wrong-field-count') row += `${delimiter}extra`;
        lines.push(row);
        if (reason) rejects.push({ line: lines.length, reason });
        else want.push({ attempts, contacted: columns.includes('contacted') ? contacted : -1, converted: columns.includes('converted') ? converted : -1 });
      }
      const text = lines.join(pick(r, ['\n', '\r\n'])) + '\n';
      const label = `summary seed ${seed}: ${JSON.stringify(text.slice(0, 300))}`;
      const stated = r() < 0.3;
      const log = parseLogText(text, { maxExamples: 1000, ...(stated ? { kind: 'summary' as const } : { map: { [names.attempts]: 'attempts' as const } }) });
      expect(log.kind, label).toBe('summary');
      if (log.kind !== 'summary') continue;
      expect({ rows: log.report.rows, kept: log.report.kept, rejected: log.report.rejected }, label).toEqual({ rows: n, kept: want.length, rejected: rejects.length });
      expect(log.report.examples.map((e) => ({ line: e.line, reason: e.reason })), label).toEqual(rejects);
      const t = log.table;
      expect(Array.from({ length: t.length }, (_, i) => ({ attempts: t.attempts[i], contacted: t.contacted[i], converted: t.converted[i] })), label).toEqual(want);
    }
  });
});
