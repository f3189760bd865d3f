import { parseArgs } from './args';
import type { Command } from './command';
import { LOG_INPUT_FLAGS, readLogForCli, reportForJson } from './logInput';
import type { LogImport } from '../io/logReader';
import { CALL_OUTCOMES } from '../sim/callLog';
import { resolveTimeZone } from '../io/timeZone';
import { callLogSentence } from '../io/callLogSigns';
import { shellWord } from '../format/shellWord';

const flags = {
  ...LOG_INPUT_FLAGS,
  json: { type: 'boolean' as const, describe: 'print the summary as JSON' },
};

/**
 * `leadlab import calls.csv`: reads and checks an export without fitting anything, and summarizes it
 * (kind, column mapping, rows kept and rejected with reasons, leads, outcomes, time span).
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'Check a call log, lead stream or per-lead summary CSV: column mapping, rejected rows, totals.',
  usage: 'import <file.csv[.gz]> [--map column=field ...] [--map "Date+Time=attemptTime"] [--tz zone] [--date-order mdy|dmy|ymd] [--skip-lines N] [--strict] [--json]',
  flags,
  async run(argv, io) {
    const parsed = parseArgs(argv, flags);
    // When reading stops (exit code 2), --json still prints the summary, with the failure in it.
    const { log } = await readLogForCli(parsed, io, (log) => (log ? importSummary(parsed.positional[0], log) : { file: parsed.positional[0] }));
    const summary = importSummary(parsed.positional[0], log);
    if (parsed.flags.json) {
      io.out(JSON.stringify(summary, null, 2) + '\n');
      return 0;
    }
    const lines = [`${summary.file}: ${log.kind === 'calls' ? 'call log' : log.kind === 'summary' ? 'per-lead summary' : 'lead stream'}`];
    for (const w of log.mapping.explanation ?? []) lines.push(`  ${w}`);
    lines.push('Columns:');
    for (const a of log.mapping.assignments) lines.push(`  ${a.field.padEnd(14)} <- "${a.header}"${a.how === 'map' ? ' (--map)' : ''}`);
    if (log.mapping.unused.length > 0) lines.push(`  unused: ${log.mapping.unused.map((h) => `"${h}"`).join(', ')}`);
    const n = (x: number) => x.toLocaleString('en-US');
    lines.push(`Rows: ${n(log.report.rows)} read, ${n(log.report.kept)} kept, ${n(log.report.rejected)} rejected.`);
    lines.push(...summaryInWords(summary));
    if (typeof summary.warning === 'string') lines.push(`Warning: ${summary.warning}`);
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};

/** The summary of an import, as `--json` prints it: kind, columns, totals and the import report. */
function importSummary(file: string, log: LogImport): Record<string, unknown> {
  const summary: Record<string, unknown> = { file, kind: log.kind, why: log.mapping.explanation, columns: log.mapping.assignments, unusedColumns: log.mapping.unused };
  if (log.kind === 'calls') {
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < log.table.length; i++) outcomes[CALL_OUTCOMES[log.table.outcome[i]]] = (outcomes[CALL_OUTCOMES[log.table.outcome[i]]] ?? 0) + 1;
    Object.assign(summary, {
      timeZone: log.timeZone,
      dateOrder: log.dateOrder ?? null,
      attempts: log.table.length,
      leads: log.table.leadIds.length,
      outcomes,
      agents: log.table.agents.length,
      sources: log.table.sources.length,
      products: log.table.products.length,
      span: log.span && { first: new Date(log.span.first * 60_000).toISOString(), last: new Date(log.span.last * 60_000).toISOString() },
    });
  } else if (log.kind === 'summary') {
    let calls = 0;
    for (let i = 0; i < log.table.length; i++) calls += log.table.attempts[i];
    Object.assign(summary, { leads: log.table.length, calls });
  } else {
    Object.assign(summary, {
      timeZone: log.timeZone,
      dateOrder: log.dateOrder ?? null,
      leads: log.leads.length,
      span: log.leads.length > 0 && { first: new Date(log.leads[0].created * 60_000).toISOString(), last: new Date(log.leads[log.leads.length - 1].created * 60_000).toISOString() },
    });
  }
  summary.import = reportForJson(log.report);
  // A call log read as a lead stream (--kind leads) keeps one lead per id and drops the calls: say so.
  if (log.kind === 'leads' && log.callLogSigns) {
    const word = shellWord(file);
    summary.warning =
      `${callLogSentence(file, log.callLogSigns)} ` +
      `Read as a lead stream it gives one lead per lead id, at its first row, and its calls are not used. ` +
      `Read it as a call log without --kind leads (\`leadlab import ${word}\`), or fit its contact curves with \`leadlab fit ${word}\`.`;
  }
  return summary;
}

/** The totals of an import as sentences (the JSON keeps the fields as they are). */
function summaryInWords(summary: Record<string, unknown>): string[] {
  const out: string[] = [];
  const count = (n: unknown, one: string, many = `${one}s`) => `${Number(n).toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  if (summary.timeZone !== undefined) out.push(`Times: wall-clock times read on the ${String(summary.timeZone)} clock${summary.dateOrder ? `, dates in ${String(summary.dateOrder)} order` : ''}.`);
  if (summary.attempts !== undefined) out.push(`${count(summary.attempts, 'call attempt')} to ${count(summary.leads, 'lead')}.`);
  else if (summary.calls !== undefined) out.push(`${count(summary.leads, 'lead')}, ${count(summary.calls, 'call attempt')} in all.`);
  else if (summary.leads !== undefined) out.push(`${count(summary.leads, 'lead')}.`);
  const outcomes = summary.outcomes as Record<string, number> | undefined;
  if (outcomes) out.push(`Outcomes: ${Object.entries(outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n.toLocaleString('en-US')}`).join(', ') || 'none'}.`);
  const named = (['agents', 'sources', 'products'] as const).filter((k) => summary[k] !== undefined).map((k) => (summary[k] ? count(summary[k], k.slice(0, -1)) : `no ${k.slice(0, -1)} column`));
  if (named.length) out.push(`Named: ${named.join(', ')}.`);
  const span = summary.span as { first: string; last: string } | false | undefined;
  if (span) {
    // On the clock the file was read on, so the span can be checked against the file's own times; UTC beside it.
    const zone = typeof summary.timeZone === 'string' && summary.timeZone !== 'UTC' ? resolveTimeZone(summary.timeZone) : undefined;
    const onClock = (iso: string) => {
      const ms = Date.parse(iso);
      const wall = new Date(ms + zone!.offsetMinutes(ms) * 60_000).toISOString();
      return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
    };
    // A call log's span is of its attempts, a lead stream's of its leads' creation.
    const what = summary.kind === 'calls' ? 'Calls' : 'Leads created';
    if (zone) out.push(`${what} from ${onClock(span.first)} to ${onClock(span.last)} on the ${zone.name} clock (${when(span.first)} to ${when(span.last)}).`);
    else out.push(`${what} from ${when(span.first)} to ${when(span.last)}.`);
  }
  return out;
}
