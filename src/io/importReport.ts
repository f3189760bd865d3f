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
  private pending = { line: -1, gap: false, ambiguous: false };

  constructor(private readonly maxExamples = 100) {}

  /**
   * Notes that a time of the row at `line` (the row being read) was skipped or repeated by a clock change. The
   * row is counted once per kind, when the next {@link keep} keeps it; a {@link reject} forgets it.
   */
  clockChange(line: number, kind: 'gap' | 'ambiguous'): void {
    if (this.pending.line !== line) this.pending = { line, gap: false, ambiguous: false };
    this.pending[kind] = true;
  }

  /** Counts a kept row (with the clock changes noted for it). */
  keep(): void {
    this.rows++;
    this.kept++;
    const p = this.pending;
    if (p.line === -1) return;
    if (p.gap && this.clock.gap++ < CLOCK_CHANGE_LINES) this.clock.gapLines.push(p.line);
    if (p.ambiguous && this.clock.ambiguous++ < CLOCK_CHANGE_LINES) this.clock.ambiguousLines.push(p.line);
    this.pending = { line: -1, gap: false, ambiguous: false };
  }

  /** Counts a rejected row and remembers it while fewer than `maxExamples` are listed. */
  reject(line: number, reason: RejectReason, message: string): void {
    this.pending = { line: -1, gap: false, ambiguous: false };
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

  /** The report as a plain record. `zone` names the zone in the sentences on clock changes. */
  report(zone = 'the stated time zone'): ImportReport {
    const rejected = this.rows - this.kept;
    const clockChanges: ClockChangeCounts = { ...this.clock, gapLines: [...this.clock.gapLines], ambiguousLines: [...this.clock.ambiguousLines] };
    const clockWarnings = describeClockChanges(clockChanges, zone).map((message, i) => ({ message, count: i === 0 && clockChanges.gap > 0 ? clockChanges.gap : clockChanges.ambiguous }));
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

function lineList(lines: number[], count: number): string {
  return `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}${count > lines.length ? ', ...' : ''}`;
}

/**
 * The sentences telling how many kept rows had a local time skipped or repeated by a clock change in `zone`, and
 * how they were read; none when there were none.
 *
 * @example
 * describeClockChanges({ gap: 3, gapLines: [120, 121, 2044], ambiguous: 0, ambiguousLines: [] }, 'America/New_York')
 * // ['3 rows have a local time that does not exist in America/New_York, skipped when the clocks went forward (lines 120, 121, 2044): read as that time moved forward by the skip (02:30 as 03:30 when 02:00 became 03:00)']
 */
export function describeClockChanges(counts: ClockChangeCounts, zone: string): string[] {
  const out: string[] = [];
  const rows = (n: number): string => (n === 1 ? '1 row has' : `${n} rows have`);
  if (counts.gap > 0) {
    out.push(`${rows(counts.gap)} a local time that does not exist in ${zone}, skipped when the clocks went forward (${lineList(counts.gapLines, counts.gap)}): read as that time moved forward by the skip (02:30 as 03:30 when 02:00 became 03:00)`);
  }
  if (counts.ambiguous > 0) {
    out.push(`${rows(counts.ambiguous)} a local time that happens twice in ${zone}, repeated when the clocks went back (${lineList(counts.ambiguousLines, counts.ambiguous)}): read as the first of the two, before the clocks went back`);
  }
  return out;
}

/** A one-paragraph plain-text summary of a report, e.g. for the command line. */
export function describeImportReport(report: ImportReport, maxExamples = 10): string {
  const lines = [`${report.rows} rows read: ${report.kept} kept, ${report.rejected} rejected${report.blankLines ? `, ${report.blankLines} blank lines skipped` : ''}.`];
  const reasons = Object.entries(report.byReason);
  if (reasons.length > 0) lines.push(`Rejected by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}.`);
  for (const ex of report.examples.slice(0, maxExamples)) lines.push(`  line ${ex.line}: ${ex.message}`);
  const more = report.rejected - Math.min(maxExamples, report.examples.length);
  if (more > 0) lines.push(`  ... and ${more} more rejected rows`);
  for (const w of report.warnings) lines.push(`Warning: ${w.message}${w.count > 1 && !w.message.startsWith(`${w.count} `) ? ` (${w.count} times)` : ''}`);
  return lines.join('\n');
}
