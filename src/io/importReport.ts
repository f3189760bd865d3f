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
  /** Non-fatal oddities, each listed once with how often it happened. */
  warnings: { message: string; count: number }[];
}

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

  constructor(private readonly maxExamples = 100) {}

  /** Counts a kept row. */
  keep(): void {
    this.rows++;
    this.kept++;
  }

  /** Counts a rejected row and remembers it while fewer than `maxExamples` are listed. */
  reject(line: number, reason: RejectReason, message: string): void {
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

  /** The report as a plain record. */
  report(): ImportReport {
    const rejected = this.rows - this.kept;
    return {
      rows: this.rows,
      kept: this.kept,
      rejected,
      blankLines: this.blank,
      byReason: { ...this.byReason },
      examples: [...this.examples],
      examplesTruncated: rejected > this.examples.length,
      warnings: [...this.warnings].map(([message, count]) => ({ message, count })),
    };
  }
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
