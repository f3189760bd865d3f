import { resolve } from 'node:path';
import { BadInputError, UsageError, type FlagSpec, type ParsedArgs } from './args';
import type { CliIO } from './command';
import { describeReadError, InputFileError, inputFileProblem } from './inputFile';
import { ColumnMappingError, parseColumnMap } from '../io/columnMapping';
import { describeImportReport, type ImportReport } from '../io/importReport';
import { plural } from '../format/plural';
import type { LogImport, LogReadOptions } from '../io/logReader';
import { readLogFile } from '../io/node/readLogFile';
import { parseOutcomeMap } from '../io/outcome';
import { resolveTimeZone } from '../io/timeZone';

/** Flags shared by `leadlab import` and `leadlab fit`: how to read a CSV export. */
export const LOG_INPUT_FLAGS: Record<string, FlagSpec> = {
  map: { type: 'string', repeat: true, describe: 'column=field, e.g. "Call Start=attemptTime" (repeatable; fields: leadId leadCreated attemptTime outcome agent source product converted convertedTime attempts contacted)' },
  tz: { type: 'string', describe: 'time zone of times without an offset: UTC (default), +02:00, America/Chicago' },
  'date-order': { type: 'string', describe: 'order of numeric dates: mdy (US), dmy (EU) or ymd; detected from the rows when not given' },
  outcome: { type: 'string', repeat: true, describe: 'value=outcome for dispositions not recognized, e.g. "Spoke to borrower=contact" (repeatable)' },
  delimiter: { type: 'string', describe: 'field separator (default: detected among , ; tab |); "tab" for a tab' },
  kind: { type: 'string', describe: 'calls (one row per attempt), summary (one row per lead with its number of calls), leads, or auto (default)' },
  'skip-lines': { type: 'number', minInt: 0, describe: 'lines above the header to skip (a title line); by default leading one-cell lines are skipped as titles' },
  strict: { type: 'boolean', describe: 'treat any rejected row as an error (exit code 2)' },
  'show-rejects': { type: 'number', minInt: 0, describe: 'how many rejected rows to list (default 10)' },
};

export function oneOf<T extends string>(value: unknown, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag}: expected one of ${allowed.join(', ')}, got "${String(value)}"`);
  return value as T;
}

/** Checks a time-zone flag's value (`--tz`, `diagnose --leads-tz`): a bad one raises a UsageError naming the flag. */
export function checkTimeZoneFlag(value: string | undefined, flag: string): void {
  try {
    if (value) resolveTimeZone(value);
  } catch (e) {
    // resolveTimeZone names no flag ("time zone: expected ..."): the user typed one.
    throw new UsageError((e as Error).message.replace(/^time zone:/, `--${flag}:`));
  }
}

/**
 * The field separator a delimiter flag gives (`--delimiter`, `diagnose --leads-delimiter`): "tab" (or a backslash and t) for a tab.
 * A value that is not one character, or is a quote or a line break, raises a UsageError naming the flag.
 */
export function delimiterFlag(given: string | undefined, flag: string): string | undefined {
  const delimiter = given === 'tab' || given === '\\t' ? '\t' : given;
  // A separator is one character: "::" or ", " would split no line, and every row would be one column.
  if (delimiter !== undefined && ([...delimiter].length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    throw new UsageError(`--${flag}: expected one character (such as , ; | or "tab") other than a quote or a line break, got ${JSON.stringify(given)}`);
  }
  return delimiter;
}

/** The failure of a strict flag (`--strict`, `diagnose --leads-strict`) on a file of which rows were rejected. */
export function strictFailure(flag: string, report: Pick<ImportReport, 'kept' | 'rejected'>): string {
  return `--${flag}: ${plural(report.rejected, 'rejected row')} (${report.kept.toLocaleString('en-US')} kept); fix ${report.rejected === 1 ? 'it' : 'them'} or drop --${flag}`;
}

/** Read options from parsed flags; bad values raise a UsageError naming the flag. */
export function logReadOptions(flags: ParsedArgs['flags']): LogReadOptions & { delimiter?: string } {
  try {
    const tz = flags.tz as string | undefined;
    checkTimeZoneFlag(tz, 'tz');
    const delimiter = delimiterFlag(flags.delimiter as string | undefined, 'delimiter');
    return {
      map: parseColumnMap((flags.map as string[] | undefined) ?? []),
      outcomes: parseOutcomeMap((flags.outcome as string[] | undefined) ?? []),
      timeZone: tz,
      dateOrder: oneOf(flags['date-order'], 'date-order', ['mdy', 'dmy', 'ymd'] as const),
      kind: oneOf(flags.kind, 'kind', ['calls', 'summary', 'leads', 'auto'] as const),
      delimiter,
      maxExamples: Math.max(100, Number(flags['show-rejects'] ?? 10)),
      skipLines: flags['skip-lines'] as number | undefined,
    };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message);
  }
}

/** What a command prints under --json about the file it read: `source` as in `leadlab fit --json`. */
export function sourceJson(file: string, log: LogImport | undefined): Record<string, unknown> {
  return { source: { file, ...(log && { kind: log.kind, why: log.mapping.explanation, columns: log.mapping.assignments, unusedColumns: log.mapping.unused, import: reportForJson(log.report) }) } };
}

/**
 * Reads the one file named on the command line, prints what was rejected to stderr, and applies `--strict`. When
 * reading must stop it throws a BadInputError (exit code 2) whose `json` is what was read, as `json` makes it (by
 * default `{ source: { file, kind, ..., import } }`): --json prints it beside the failure.
 */
export async function readLogForCli(
  parsed: ParsedArgs,
  io: CliIO,
  json: (log: LogImport | undefined) => Record<string, unknown> = (log) => sourceJson(parsed.positional[0], log),
): Promise<{ log: LogImport; path: string }> {
  if (parsed.positional.length !== 1) throw new UsageError(`expected one CSV file (plain or .gz), got ${parsed.positional.length}`);
  const options = logReadOptions(parsed.flags);
  const file = parsed.positional[0];
  const path = resolve(io.cwd, file);
  const problem = inputFileProblem(file, io.cwd);
  if (problem) throw new InputFileError(`${file}: ${problem}`, json(undefined));
  let log: LogImport;
  try {
    log = await readLogFile(path, options);
  } catch (e) {
    if (e instanceof ColumnMappingError) throw new BadInputError(`${file}: ${e.message}`, json(undefined));
    const why = describeReadError(e) ?? (/file is empty/.test((e as Error).message) ? 'has no header row (only blank lines)' : undefined);
    if (why) throw new InputFileError(`${file}: ${why}`, json(undefined));
    throw e;
  }
  const show = Number(parsed.flags['show-rejects'] ?? 10);
  if (log.report.rejected > 0 || log.report.warnings.length > 0) io.err(`${file}: ${describeImportReport(log.report, show)}\n`);
  if (log.report.kept === 0) {
    const failure = log.report.rows === 0 ? `${file}: no data rows below the header; nothing was kept` : `${file}: nothing was kept: ${log.report.rejected === 1 ? 'the one row was' : `all ${log.report.rejected} rows were`} rejected (the reasons are in the import report)`;
    throw new BadInputError(failure, json(log));
  }
  if (parsed.flags.strict && log.report.rejected > 0) {
    throw new BadInputError(strictFailure('strict', log.report), json(log));
  }
  return { log, path };
}

/** The import report trimmed for a JSON file (the first 20 rejected rows). */
export function reportForJson(report: ImportReport): ImportReport {
  return { ...report, examples: report.examples.slice(0, 20), examplesTruncated: report.rejected > Math.min(20, report.examples.length) };
}
