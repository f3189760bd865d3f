import { skipAround, type TimeZone } from './timeZone';
import { plural } from '../format/plural';

/** Why a row was rejected. */
export type RejectReason =
  | 'missing-field'
  | 'unparseable-time'
  | 'attempt-before-created'
  | 'unknown-outcome'
  | 'bad-value'
  | 'wrong-field-count'
  | 'malformed-quotes';

/** One rejected row: its line in the file (1 = the header), the reason and a message naming column and value. */
export interface RejectedRow {
  line: number;
  reason: RejectReason;
  message: string;
}

/** What an import kept and rejected. Nothing is dropped silently: every rejected row is counted here. */
export interface ImportReport {
  /** Data rows read (blank lines not counted). */
  rows: number;
  kept: number;
  rejected: number;
  blankLines: number;
  byReason: Partial<Record<RejectReason, number>>;
  /** The first rejected rows, in file order (at most `maxExamples`). */
  examples: RejectedRow[];
  /** True when more rows were rejected than `examples` lists. */
  examplesTruncated: boolean;
  /**
   * Non-fatal oddities, each listed once with how often it happened (among them the sentences of
   * {@link describeClockChanges} when `clockChanges` counts any row).
   */
  warnings: { message: string; count: number }[];
  /**
   * Kept rows with a local time (read in the stated zone, with no offset of its own) that the clocks skipped or
   * repeated at a daylight-saving change. Such rows are kept, read by the rule of `TimeZone.readWall`
   * (src/io/timeZone.ts): a skipped time moves forward by the skip, a repeated one is the first of the two.
   * `gapLines` and `ambiguousLines` name the first few such rows (their line in the file, 1 = the header).
   */
  clockChanges: ClockChangeCounts;
}

/** Rows whose local times were skipped (`gap`) or repeated (`ambiguous`) by a clock change; see {@link ImportReport}. */
export interface ClockChangeCounts {
  gap: number;
  gapLines: number[];
  ambiguous: number;
  ambiguousLines: number[];
  /**
   * How the first of the `gap` rows (line `gapLines[0]`) was read, as local times of the zone: its date and time
   * (`time`, "02:30"), the time it was read as (`readAs`, "03:30"), and the skip it fell in (`from` "02:00" became
   * `to` "03:00"). Absent when there were none, or when the report was made without the zone itself.
   */
  gapExample?: { date: string; time: string; readAs: string; from: string; to: string };
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of a wall time in minutes since the epoch, as if UTC. */
function wallText(minutes: number): { date: string; time: string } {
  const iso = new Date(minutes * 60_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** How a local time skipped in `zone` (`wallMs`, as if UTC) was read: see {@link ClockChangeCounts.gapExample}. */
export function gapExample(zone: TimeZone, wallMs: number): NonNullable<ClockChangeCounts['gapExample']> {
  const { from, to } = skipAround(zone, wallMs);
  const wall = Math.floor(wallMs / 60_000);
  return { ...wallText(wall), readAs: wallText(wall + to - from).time, from: wallText(from).time, to: wallText(to).time };
}

/** How many row lines of each kind of clock change an import report names. */
export const CLOCK_CHANGE_LINES = 5;

/**
 * Counts kept and rejected rows while an import runs, and de-duplicates warnings (one entry per message,
 * with a count) so a million-row file with one systematic oddity yields one line.
 */
export class ImportLedger {
  private rows = 0;
  private kept = 0;
  private blank = 0;
  private readonly byReason: Partial<Record<RejectReason, number>> = {};
  private readonly examples: RejectedRow[] = [];
  private readonly warnings = new Map<string, number>();
  private readonly clock: ClockChangeCounts = { gap: 0, gapLines: [], ambiguous: 0, ambiguousLines: [] };
  /** The clock changes met in the row being read, counted when it is kept and forgotten when it is rejected. */
  private pending = { line: -1, gap: false, ambiguous: false, gapWall: NaN };
  /** The skipped local time of the first kept row with one (ms, as if UTC), for {@link ClockChangeCounts.gapExample}. */
  private firstGapWall = NaN;

  constructor(private readonly maxExamples = 100) {}

  /**
   * Notes that a time of the row at `line` (the row being read) was skipped or repeated by a clock change; `wallMs`
   * is that local time (ms since the epoch as if UTC). The row is counted once per kind, when the next {@link keep}
   * keeps it; a {@link reject} forgets it.
   */
  clockChange(line: number, kind: 'gap' | 'ambiguous', wallMs = NaN): void {
    if (this.pending.line !== line) this.pending = { line, gap: false, ambiguous: false, gapWall: NaN };
    if (kind === 'gap' && !this.pending.gap) this.pending.gapWall = wallMs;
    this.pending[kind] = true;
  }

  /** Counts a kept row (with the clock changes noted for it). */
  keep(): void {
    this.rows++;
    this.kept++;
    const p = this.pending;
    if (p.line === -1) return;
    if (p.gap && this.clock.gap === 0) this.firstGapWall = p.gapWall;
    if (p.gap && this.clock.gap++ < CLOCK_CHANGE_LINES) this.clock.gapLines.push(p.line);
    if (p.ambiguous && this.clock.ambiguous++ < CLOCK_CHANGE_LINES) this.clock.ambiguousLines.push(p.line);
    this.pending = { line: -1, gap: false, ambiguous: false, gapWall: NaN };
  }

  /** Counts a rejected row and remembers it while fewer than `maxExamples` are listed. */
  reject(line: number, reason: RejectReason, message: string): void {
    this.pending = { line: -1, gap: false, ambiguous: false, gapWall: NaN };
    this.rows++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.examples.length < this.maxExamples) this.examples.push({ line, reason, message });
  }

  /** Counts a blank line. */
  blankLine(): void {
    this.blank++;
  }

  /** Records a non-fatal oddity; repeated messages are counted, not repeated. */
  warn(message: string): void {
    this.warnings.set(message, (this.warnings.get(message) ?? 0) + 1);
  }

  /** Records a non-fatal oddity that was counted elsewhere (`count` times); the message says the count. */
  warnCounted(message: string, count: number): void {
    this.warnings.set(message, (this.warnings.get(message) ?? 0) + count);
  }

  /** Number of rejected rows so far. */
  get rejectedCount(): number {
    return this.rows - this.kept;
  }

  /**
   * The report as a plain record. `zone` names the zone in the sentences on clock changes; given as the zone itself,
   * it also gives the example of a skipped time read (see {@link ClockChangeCounts.gapExample}).
   */
  report(zone: TimeZone | string = 'the stated time zone'): ImportReport {
    const rejected = this.rows - this.kept;
    const clockChanges: ClockChangeCounts = { ...this.clock, gapLines: [...this.clock.gapLines], ambiguousLines: [...this.clock.ambiguousLines] };
    if (typeof zone !== 'string' && !Number.isNaN(this.firstGapWall)) clockChanges.gapExample = gapExample(zone, this.firstGapWall);
    const clockWarnings = describeClockChanges(clockChanges, typeof zone === 'string' ? zone : zone.name).map((message, i) => ({ message, count: i === 0 && clockChanges.gap > 0 ? clockChanges.gap : clockChanges.ambiguous }));
    return {
      rows: this.rows,
      kept: this.kept,
      rejected,
      blankLines: this.blank,
      byReason: { ...this.byReason },
      examples: [...this.examples],
      examplesTruncated: rejected > this.examples.length,
      warnings: [...[...this.warnings].map(([message, count]) => ({ message, count })), ...clockWarnings],
      clockChanges,
    };
  }
}

/** The example of a skipped time read: the first such row's when known, else one true in every zone. */
function gapExampleText(counts: ClockChangeCounts): string {
  const e = counts.gapExample;
  if (!e) return 'in a skip from 02:00 to 03:00, 02:30 is read as 03:30';
  return `${counts.gapLines.length > 0 ? `line ${counts.gapLines[0]}: ` : ''}${e.time} on ${e.date} as ${e.readAs}, when ${e.from} became ${e.to}`;
}

function lineList(lines: number[], count: number): string {
  return `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}${count > lines.length ? ', ...' : ''}`;
}

/**
 * The sentences telling how many kept rows had a local time skipped or repeated by a clock change in `zone`, and
 * how they were read; none when there were none.
 *
 * @example
 * describeClockChanges({ gap: 3, gapLines: [120, 121, 2044], ambiguous: 0, ambiguousLines: [], gapExample: { date: '2024-03-10', time: '02:30', readAs: '03:30', from: '02:00', to: '03:00' } }, 'America/New_York')
 * // ['3 rows have a local time that does not exist in America/New_York, skipped when the clocks went forward (lines 120, 121, 2044): read as that time moved forward by the skip (line 120: 02:30 on 2024-03-10 as 03:30, when 02:00 became 03:00)']
 *
 * Without `gapExample` the example is one true in every zone: "in a skip from 02:00 to 03:00, 02:30 is read as 03:30".
 */
export function describeClockChanges(counts: ClockChangeCounts, zone: string): string[] {
  const out: string[] = [];
  const rows = (n: number): string => (n === 1 ? '1 row has' : `${n} rows have`);
  if (counts.gap > 0) {
    out.push(`${rows(counts.gap)} a local time that does not exist in ${zone}, skipped when the clocks went forward (${lineList(counts.gapLines, counts.gap)}): read as that time moved forward by the skip (${gapExampleText(counts)})`);
  }
  if (counts.ambiguous > 0) {
    out.push(`${rows(counts.ambiguous)} a local time that happens twice in ${zone}, repeated when the clocks went back (${lineList(counts.ambiguousLines, counts.ambiguous)}): read as the first of the two, before the clocks went back`);
  }
  return out;
}

/** A one-paragraph plain-text summary of a report, e.g. for the command line. */
export function describeImportReport(report: ImportReport, maxExamples = 10): string {
  const lines = [`${plural(report.rows, 'row')} read: ${report.kept.toLocaleString('en-US')} kept, ${report.rejected.toLocaleString('en-US')} rejected${report.blankLines ? `, ${plural(report.blankLines, 'blank line')} skipped` : ''}.`];
  const reasons = Object.entries(report.byReason);
  if (reasons.length > 0) lines.push(`Rejected by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}.`);
  for (const ex of report.examples.slice(0, maxExamples)) lines.push(`  line ${ex.line}: ${ex.message}`);
  const more = report.rejected - Math.min(maxExamples, report.examples.length);
  if (more > 0) lines.push(`  ... and ${plural(more, 'more rejected row')}`);
  for (const w of report.warnings) lines.push(`Warning: ${w.message}${w.count > 1 && !w.message.startsWith(`${w.count} `) ? ` (${w.count} times)` : ''}`);
  return lines.join('\n');
}
