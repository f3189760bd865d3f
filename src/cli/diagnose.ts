import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { climbLadder, type RunFloor } from '../diagnose/climbLadder';
import { monthScale, type Diagnosis } from '../diagnose/diagnosis';
import { LADDER } from '../diagnose/ladder';
import { fitCallLog } from '../fit/fitCallLog';
import { fitQuality } from '../fit/fitQuality';
import { plural } from '../format/plural';
import { ColumnMappingError, parseColumnMap } from '../io/columnMapping';
import type { ImportField } from '../io/fields';
import { parseLeadStreamText } from '../io/parseText';
import type { DateOrder } from '../io/timestamp';
import { isObject, messageOf } from '../schema';
import { importCommand, type ReplayRejects } from '../scenario/replay';
import { shellWord } from '../format/shellWord';
import type { ResolvedScenario } from '../scenario/resolve';
import type { RunResult } from '../sim/runResult';
import { SimPool } from '../worker/pool';
import { BadInputError, parseArgs, UsageError } from './args';
import type { Command, CliIO } from './command';
import { formatDiagnosis } from './diagnoseFormat';
import { InputFileError, inputText } from './inputFile';
import { checkTimeZoneFlag, delimiterFlag, LOG_INPUT_FLAGS, logReadOptions, oneOf, readLogForCli, sourceJson, strictFailure } from './logInput';
import { checkNotAnInput, checkOutputPath, replacedWords, type InputPath } from './outputPath';
import { jsonNumbers } from './run';
import { checkRunSize, FORCE_FLAG } from './runSize';
import { runTasks } from './runTasks';
import { inlineScenarioSource, readScenarioSource, type ScenarioSource } from './scenarioJson';
import { REPLICATIONS_LIMIT, WORKERS_LIMIT } from './schemaLimits';

/** The reading flags that read the lead stream of --leads too (a floor's two files share a clock), when it has no --leads-<flag>. */
const READ_BOTH_FILES = ['tz', 'date-order'];
/** Flags that read only the call log of --log, and only the lead stream of --leads: each is refused without its file. */
const LOG_ONLY = Object.keys(LOG_INPUT_FLAGS).filter((k) => !READ_BOTH_FILES.includes(k));
/** The flags that say what to do with a file's rejected rows, not how to read it. */
const ON_REJECTS = ['strict', 'show-rejects'];
/** Flags of `leadlab import` that read a lead stream as they read any file, given to --leads as --leads-<flag>. */
const LEADS_READING = ['delimiter', 'skip-lines', 'strict'] as const;
const LEADS_ONLY = ['leads-map', 'leads-tz', 'leads-date-order', ...LEADS_READING.map((k) => `leads-${k}` as const)] as const;

const flags = {
  log: { type: 'string', describe: 'a call log (CSV, plain or .gz) to fit the floor\'s contact curves from (`leadlab fit`)' },
  leads: { type: 'string', describe: 'a lead stream (CSV, plain or .gz: one row per lead) to replay as the floor\'s arrivals (columns named with --leads-map, times read in --tz or --leads-tz, dates in --date-order or --leads-date-order)' },
  'leads-map': { type: 'string', repeat: true, describe: 'column=field for the lead stream of --leads, as --map for the call log, e.g. "Created On=leadCreated" (repeatable; fields: leadId leadCreated source product converted convertedTime; "Date+Time=leadCreated" joins two columns)' },
  'leads-tz': { type: 'string', describe: 'time zone of the lead stream\'s times without an offset, when not the call log\'s (default: --tz)' },
  'leads-date-order': { type: 'string', describe: 'order of the lead stream\'s numeric dates, when not the call log\'s: mdy, dmy or ymd (default: --date-order, else detected from its rows)' },
  // Its own, not the call log's --delimiter, --skip-lines and --strict: a CRM's lead export is rarely laid out as the dialer's log.
  ...Object.fromEntries(LEADS_READING.map((k) => [`leads-${k}`, { ...LOG_INPUT_FLAGS[k], describe: `the lead stream of --leads: ${LOG_INPUT_FLAGS[k].describe}` }])),
  // A lead stream is read as a scenario's leads.replay reads it, which takes no one-cell line above the header for a title.
  'leads-skip-lines': { ...LOG_INPUT_FLAGS['skip-lines'], describe: 'the lead stream of --leads: lines above the header to skip (a title line); none by default' },
  replications: { type: 'number', minInt: 2, max: REPLICATIONS_LIMIT, describe: 'replications per step (default: the scenario\'s)' },
  seed: { type: 'string', describe: 'run seed shared by every step (default: the scenario\'s)' },
  workers: { type: 'number', minInt: 0, max: WORKERS_LIMIT, describe: 'worker threads (default: the cores; 0 runs in this thread)' },
  json: { type: 'boolean', describe: 'print one JSON object instead of the table' },
  report: { type: 'string', describe: 'also write a one-page HTML report (waterfall, losses as money, a sentence per step) to this file' },
  force: FORCE_FLAG,
  // How to read the call log given with --log (as `leadlab fit` reads it); --tz and --date-order also read --leads,
  // unless --leads-tz and --leads-date-order say otherwise.
  ...LOG_INPUT_FLAGS,
  map: { ...LOG_INPUT_FLAGS.map, describe: 'column=field for the call log of --log, e.g. "Call Start=attemptTime" (repeatable; fields: leadId leadCreated attemptTime outcome agent source product converted convertedTime; the lead stream\'s columns: --leads-map)' },
  tz: { ...LOG_INPUT_FLAGS.tz, describe: 'time zone of the call log\'s and the lead stream\'s times without an offset: UTC (default), +02:00, America/Chicago' },
  'date-order': { ...LOG_INPUT_FLAGS['date-order'], describe: 'order of numeric dates in the call log and the lead stream: mdy (US), dmy (EU) or ymd; detected from each file\'s rows when not given' },
  ...Object.fromEntries(LOG_ONLY.filter((k) => k !== 'map').map((k) => [k, { ...LOG_INPUT_FLAGS[k], describe: `the call log of --log: ${LOG_INPUT_FLAGS[k].describe}` }])),
} as const;

/** How to read the lead stream of --leads, from the flags (checked as flags: a bad value names its flag). */
function leadsReadOptions(f: Record<string, unknown>): { map?: Record<string, ImportField>; timeZone?: string; dateOrder?: DateOrder; delimiter?: string; skipLines?: number } {
  const timeZone = (f['leads-tz'] ?? f.tz) as string | undefined;
  checkTimeZoneFlag(f['leads-tz'] as string | undefined, 'leads-tz');
  const order = oneOf(f['leads-date-order'], 'leads-date-order', ['mdy', 'dmy', 'ymd'] as const);
  const delimiter = delimiterFlag(f['leads-delimiter'] as string | undefined, 'leads-delimiter');
  const skipLines = f['leads-skip-lines'] as number | undefined;
  let map: Record<string, ImportField>;
  try {
    map = parseColumnMap((f['leads-map'] as string[] | undefined) ?? [], '--leads-map', 'leads');
  } catch (e) {
    if (e instanceof ColumnMappingError) throw new UsageError(e.message);
    throw e;
  }
  const dateOrder = (order ?? f['date-order']) as DateOrder | undefined;
  return {
    ...(Object.keys(map).length > 0 && { map }),
    ...(timeZone !== undefined && { timeZone }),
    ...(dateOrder !== undefined && { dateOrder }),
    ...(delimiter !== undefined && { delimiter }),
    ...(skipLines !== undefined && { skipLines }),
  };
}

/**
 * Reads the lead stream of --leads as the floor's replay will (the same columns, clock, date order, separator and
 * lines skipped), so that a header it cannot map, or a file of which no row is kept (or, with --leads-strict, a row
 * rejected), is said in the words of the flags the user typed (--leads, --leads-map) before anything runs, not as the
 * scenario field leads.replay that diagnose writes for them.
 */
function checkLeadStream(file: string, cwd: string, options: ReturnType<typeof leadsReadOptions>, strict: boolean): void {
  let text: string;
  try {
    text = inputText(file, cwd);
  } catch (e) {
    if (e instanceof InputFileError) throw new InputFileError(`--leads ${file}: ${e.message}`);
    throw e;
  }
  let read;
  try {
    read = parseLeadStreamText(text, { ...options, mapFlag: '--leads-map' });
  } catch (e) {
    throw new BadInputError(`--leads ${file}: ${messageOf(e).replace(/^lead stream: /, '')}`);
  }
  const spec = { ...options, file, timeZone: options.timeZone ?? 'UTC', map: options.map ?? {} };
  const listed = `\`${importCommand(spec, file)}\` lists them with their reasons`;
  if (read.report.kept === 0) {
    const rows = read.report.rows === 0 ? 'it has no data rows below the header' : `${read.report.rejected === 1 ? 'its one row was' : `all ${read.report.rejected.toLocaleString('en-US')} of its rows were`} rejected (${listed})`;
    throw new BadInputError(`--leads ${file}: expected at least one lead, got none: ${rows}`);
  }
  if (strict && read.report.rejected > 0) throw new BadInputError(`--leads ${file}: ${strictFailure('leads-strict', read.report)} (${listed})`);
}

/** The floor to diagnose: a scenario file (or the default), with a fitted call log and a replayed lead stream when given. */
async function currentFloor(positional: string[], f: Record<string, unknown>, io: CliIO): Promise<{ json: Record<string, unknown>; dir: string; where: string; logRejects?: ReplayRejects }> {
  const where = positional[0] ?? 'default scenario';
  const { source, resolved } = readScenarioSource(positional[0], io.cwd);
  const json = { ...source.json };
  // What the floor is made of beside its scenario, in its name: the text, the JSON and the report say whose floor it is.
  const madeFrom: string[] = [];
  let logRejects: ReplayRejects | undefined;
  const dir = positional[0] ? dirname(resolve(io.cwd, positional[0])) : io.cwd;
  if (f.log) {
    const read = await readLogForCli({ positional: [f.log as string], flags: f as never }, io);
    if (read.log.kind !== 'calls') {
      // A file read as another kind may still be a call log whose columns were not recognised (--map); a lead stream
      // goes to --leads; a per-lead summary has no call times, which no mapping adds.
      const instead =
        read.log.kind === 'leads'
          ? `a lead stream (one row per lead); replay it with --leads ${f.log}, or, if it is a call log after all, name its call time and outcome columns with --map`
          : 'a per-lead summary (one row per lead, no call times), from which the contact curves by hour and lead age cannot be fitted; `leadlab fit` reads its rates, and diagnose needs the call log itself (or, if this is one, name its call time and outcome columns with --map)';
      throw new BadInputError(`--log ${f.log}: expected a call log (one row per call attempt), got ${instead}`, sourceJson(f.log as string, read.log));
    }
    const fit = fitCallLog(read.log.table);
    // A fit `leadlab fit --out` would not write and the page would not use (a handful of leads, none reached, a
    // parameter at its bound) is no floor to diagnose: the ladder would judge fixes on contact numbers that mean nothing.
    const quality = fitQuality(fit);
    if (quality.level === 'unusable') {
      throw new BadInputError(`--log ${f.log}: the contact curves fitted to it cannot be used: ${quality.reasons.join('; ')}; bring a longer log (\`leadlab fit ${f.log}\` shows the fit)`, sourceJson(f.log as string, read.log));
    }
    json.contactModel = fit.contactModel;
    // Said on stderr as the log is read; kept for the JSON and the report, which are read without it.
    const { kept, rejected } = read.log.report;
    if (rejected > 0) logRejects = { file: f.log as string, kept, rejected, seeReasons: logImportCommand(f.log as string, f) };
    madeFrom.push(`contact curves fitted to ${f.log}`);
    io.err(`Fitted the floor's contact curves from ${f.log} (${plural(read.log.table.length, 'call attempt')}).\n`);
  }
  if (f.leads) {
    const options = leadsReadOptions(f);
    checkLeadStream(f.leads as string, io.cwd, options, Boolean(f['leads-strict']));
    const leads = isObject(json.leads) ? json.leads : {};
    // The stream's times are on the clock --tz names, as the call log's are (or --leads-tz): the floor's hours of the
    // week depend on it; its columns are those --leads-map names.
    json.leads = { ...leads, replay: { file: resolve(io.cwd, f.leads as string), ...options } };
    madeFrom.push(`the leads of ${f.leads}`);
    if (json.warmupDays === undefined) {
      // The warm-up a run of the stream's days takes when the scenario sets none (as `leadlab run` would), said.
      const { days, warmupDays } = inlineScenarioSource(json, dir, where).resolved.config;
      const warmup = warmupDays === 0 ? ', with no warm-up' : warmupDays === 1 ? '; the first is the warm-up' : `; the first ${warmupDays} are the warm-up`;
      io.err(`The lead stream covers ${plural(days, 'day')}${warmup} (set "warmupDays" in the floor's scenario to change it).\n`);
    }
  }
  if (madeFrom.length > 0) json.name = `${resolved.scenario.name}, with ${madeFrom.join(' and ')}`;
  return { json, dir, where, ...(logRejects && { logRejects }) };
}

/** The `leadlab import` command that reads the call log of --log as diagnose read it (its reading flags), listing its rejected rows. */
function logImportCommand(file: string, f: Record<string, unknown>): string {
  const words = ['leadlab', 'import', shellWord(file)];
  for (const flag of Object.keys(LOG_INPUT_FLAGS).filter((k) => !ON_REJECTS.includes(k))) {
    const value = f[flag];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) words.push(`--${flag}`, shellWord(String(v)));
  }
  return words.join(' ');
}

/** `leadlab diagnose`: where a floor loses production, and what each fix on the ladder wins. */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'Diagnose a floor: where production is lost, and a ladder of fixes (speed to lead, cadence, caps, distribution, scoring) each judged on the same leads.',
  usage: 'diagnose [floor.json] [--log calls.csv [--map column=field ...]] [--leads leads.csv [--leads-map column=field ...] [--leads-delimiter C] [--leads-skip-lines N] [--leads-strict]] [--tz zone] [--date-order mdy|dmy|ymd] [--replications R] [--seed S] [--workers N] [--json] [--report diagnosis.html]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length > 1) throw new UsageError(`expected at most one scenario file (the current floor), got ${positional.length}: ${positional.join(' ')}`);
    const given: InputPath[] = [
      ...(positional[0] ? [{ path: positional[0], what: 'the scenario file' }] : []),
      ...(f.log ? [{ path: f.log as string, what: 'the call log (--log)' }] : []),
      ...(f.leads ? [{ path: f.leads as string, what: 'the lead stream (--leads)' }] : []),
    ];
    if (f.report) checkOutputPath(f.report as string, io.cwd, '--report', given);
    // A flag that reads a file not given would be ignored without a word: --map given for the lead stream most of all.
    for (const flag of LOG_ONLY) {
      if (f[flag] !== undefined && !f.log) {
        throw new UsageError(
          flag === 'map'
            ? '--map names the columns of the call log (--log), and no --log was given; name the lead stream\'s columns (--leads) with --leads-map, e.g. --leads-map "Created On=leadCreated"'
            : `--${flag} reads the call log (--log), and no --log was given`,
        );
      }
    }
    for (const flag of LEADS_ONLY) if (f[flag] !== undefined && !f.leads) throw new UsageError(`--${flag} reads the lead stream (--leads), and no --leads was given`);
    // The reading flags are checked as flags, before --leads puts them into the floor's scenario (whose check would
    // name leads.replay, a field the user never wrote).
    logReadOptions(f);
    if (f.leads) leadsReadOptions(f);
    // A floor (and each fixed floor after it) as the workers take it, validated, with what the ladder needs.
    type Floor = { source: ScenarioSource; name: string; seed: string | number; replications: number; measuredDays: number; leadsPerDay: number; inputs: InputPath[]; resolved: ResolvedScenario };
    const floor = await currentFloor(positional, f, io);
    const sourceOf = (json: Record<string, unknown>, what: string): Floor => {
      const { source, resolved, inputs } = inlineScenarioSource(json, floor.dir, what, io.cwd);
      checkRunSize(resolved, floor.where, Boolean(f.force));
      const c = resolved.config;
      const leadsPerDay = c.arrivals.kind === 'replay' ? c.arrivals.leads.length / c.days : c.arrivals.leadsPerHourOfWeek.reduce((a, b) => a + b, 0) / 7;
      return { source, name: resolved.scenario.name, seed: resolved.scenario.seed, replications: resolved.scenario.replications, measuredDays: c.days - c.warmupDays, leadsPerDay, inputs, resolved };
    };
    const current = sourceOf(floor.json, floor.where);
    // The files the floor names (its fitted model, its lead stream) are known only now, still before any run.
    if (f.report) checkNotAnInput(f.report as string, io.cwd, '--report', current.inputs);
    // As `leadlab run` does: rows of the lead stream that were rejected, and how to list them.
    for (const w of current.resolved.warnings) io.err(`warning: ${w}\n`);
    const seed = (f.seed as string | undefined) ?? current.seed;
    const replications = (f.replications as number | undefined) ?? current.replications;
    if (replications < 2) throw new UsageError(`--replications: paired intervals need at least 2 replications, the scenario has ${replications}`);
    const workers = (f.workers as number | undefined) ?? availableParallelism();
    const pool = workers > 0 ? new SimPool(Math.min(workers, replications)) : undefined;
    const started = Date.now();
    const where = floor.where;
    let diagnosis: Diagnosis | undefined;
    try {
      // Every step runs replication r on the same seed as the floor before it: common random numbers.
      const runFloor: RunFloor = async (json, label, step) => {
        const { source } = step === 0 ? current : sourceOf(json, `${where} with the fix "${label}"`);
        const tasks = Array.from({ length: replications }, (_, r) => ({ source, replication: r, seed }));
        const outcome = await runTasks(tasks, { workers, io, label: `${label} (step ${step}/${LADDER.length}): runs`, pool });
        return outcome.interrupted ? undefined : (outcome.results as RunResult[]);
      };
      diagnosis = await climbLadder(floor.json, runFloor, { scenario: current.name, seed, replications, measuredDays: current.measuredDays, monthScale: monthScale(current.measuredDays), facts: { leadsPerDay: current.leadsPerDay } });
    } finally {
      await pool?.close();
    }
    if (!diagnosis) {
      io.err('leadlab diagnose: interrupted before the current floor finished; nothing to report.\n');
      return 1;
    }
    const rejects = current.resolved.replayRejects;
    if (rejects) diagnosis.replayRejects = rejects;
    if (floor.logRejects) diagnosis.logRejects = floor.logRejects;
    // The rejected rows have their own paragraph in the report; the warning that says them names the same command.
    const warnings = current.resolved.warnings.filter((w) => !(rejects && w.includes(rejects.seeReasons)));
    if (warnings.length > 0) diagnosis.warnings = warnings;
    const interrupted = diagnosis.interrupted;
    if (interrupted) io.err(`Interrupted: ${diagnosis.steps.length} of ${LADDER.length} steps finished; they are reported below.\n`);
    if (f.json) io.out(JSON.stringify({ ...diagnosis, wallSeconds: (Date.now() - started) / 1000 }, jsonNumbers, 2) + '\n');
    else io.out(formatDiagnosis(diagnosis));
    if (f.report) {
      const { renderDiagnosisReport } = await import('./diagnoseReport');
      const { svgDocument } = await import('./svgDocument');
      const replaced = replacedWords([f.report as string], io.cwd);
      writeFileSync(resolve(io.cwd, f.report as string), renderDiagnosisReport(diagnosis, svgDocument()));
      io.err(`Wrote the diagnosis to ${f.report}${interrupted ? ' (it says the ladder was interrupted)' : ''}${replaced}\n`);
    }
    return interrupted ? 130 : 0;
  },
};
