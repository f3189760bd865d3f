import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BadInputError, parseArgs, UsageError } from './args';
import type { Command } from './command';
import { describeCallLogFit, describeLeadSummaryFit } from './fitReport';
import { LOG_INPUT_FLAGS, readLogForCli, reportForJson, sourceJson } from './logInput';
import { checkOutputPath, replacedWords } from './outputPath';
import { jsonNumbers } from './run';
import { fitCallLog, type FittedModel } from '../fit/fitCallLog';
import { fitLeadSummary, NoEventError } from '../fit/fitLeadSummary';
import { fitQuality } from '../fit/fitQuality';
import type { SchemaIssue } from '../schema';
import { fittedContactModel } from '../scenario/schema';

const flags = {
  ...LOG_INPUT_FLAGS,
  json: { type: 'boolean' as const, describe: 'print the fitted model as JSON instead of the report' },
  out: { type: 'string' as const, describe: 'write the fitted model JSON to this file (a scenario names it in "contactModel"); a fit that cannot be used (too few leads, at a bound) is not written' },
  force: { type: 'boolean' as const, describe: 'with --out: write a fit that cannot be used (too few leads, at a bound) anyway' },
  'min-attempts': { type: 'number' as const, minInt: 1, describe: 'for call logs: hours and lead-age buckets with fewer search attempts are not estimated (default 30)' },
  'age-decay': { type: 'string' as const, describe: 'for call logs: form of contactModel.ageDecay: table (default) or exponential' },
  event: { type: 'string' as const, describe: 'for per-lead summaries: converted (default when present) or contacted (refused for a call log)' },
};

/**
 * `leadlab fit calls.csv [--map column=field ...] [--tz zone] [--json] [--out model.json]`: reads a call log
 * (or a per-lead summary), fits the contact curves and prints a report, the JSON, or both.
 */
export const fitCommand: Command = {
  name: 'fit',
  summary: 'Fit contact curves (time to contact, attempts to contact, hour of week, lead age, conversion) to a call log.',
  usage: 'fit <calls.csv[.gz]> [--map column=field ...] [--tz zone] [--strict] [--json] [--out model.json [--force]]',
  flags,
  async run(argv, io) {
    const parsed = parseArgs(argv, flags);
    const ageDecay = parsed.flags['age-decay'];
    if (ageDecay !== undefined && ageDecay !== 'table' && ageDecay !== 'exponential') {
      throw new UsageError(`--age-decay: expected table or exponential, got "${String(ageDecay)}"`);
    }
    const event = parsed.flags.event;
    if (event !== undefined && event !== 'converted' && event !== 'contacted') {
      throw new UsageError(`--event: expected converted or contacted, got "${String(event)}"`);
    }
    if (parsed.flags.out) checkOutputPath(String(parsed.flags.out), io.cwd, '--out', parsed.positional.map((p) => ({ path: p, what: 'the file to fit' })));
    const { log } = await readLogForCli(parsed, io);
    const file = parsed.positional[0];
    let result: object;
    let text: string;
    let callFit: FittedModel | undefined;
    // A file that holds nothing to fit is bad input; under --json the failure comes with the file read, as readLogForCli gives it.
    const stop = (failure: string): never => {
      throw new BadInputError(failure, sourceJson(file, log));
    };
    if (log.kind === 'leads') {
      return stop(`${file}: this is a lead stream (one row per lead, no calls); there is nothing to fit. Use it as a scenario's arrivals, or name the columns of a call log with --map.`);
    }
    // A flag that reads the other kind of file would be ignored without a word: refused, naming the kind read.
    const otherKinds = log.kind === 'calls' ? (['event'] as const) : (['min-attempts', 'age-decay'] as const);
    const ignored = otherKinds.filter((k) => parsed.flags[k] !== undefined).map((k) => `--${k}`);
    if (ignored.length > 0) {
      const [read, other] = log.kind === 'calls' ? ['a call log', 'a per-lead summary'] : ['a per-lead summary', 'a call log'];
      return stop(`${file}: ${ignored.join(' and ')} ${ignored.length === 1 ? 'reads' : 'read'} ${other}, and ${file} was read as ${read}; drop ${ignored.length === 1 ? 'it' : 'them'} (or name the columns with --map, --kind)`);
    }
    if (log.kind === 'calls') {
      if (log.table.length === 0) return stop(`${file}: no rows were kept; nothing to fit`);
      const fit = fitCallLog(log.table, {
        minAttempts: parsed.flags['min-attempts'] as number | undefined,
        ageDecayForm: ageDecay as 'table' | 'exponential' | undefined,
      });
      callFit = fit;
      const span = log.span && { first: new Date(log.span.first * 60_000).toISOString(), last: new Date(log.span.last * 60_000).toISOString() };
      result = {
        ...fit,
        source: { file, kind: 'calls', why: log.mapping.explanation, timeZone: log.timeZone, dateOrder: log.dateOrder ?? null, span, columns: log.mapping.assignments, import: reportForJson(log.report) },
      };
      text = describeCallLogFit(fit);
    } else {
      if (log.table.length === 0) return stop(`${file}: no rows were kept; nothing to fit`);
      let fit;
      try {
        fit = fitLeadSummary(log.table, { event: event as 'converted' | 'contacted' | undefined });
      } catch (e) {
        // No lead with both a number of calls and a value of the event: bad input, said by the flag and the columns read.
        if (!(e instanceof NoEventError)) throw e;
        return stop(`${file}: ${event ? `--event ${String(event)}: ` : ''}${e.message.replace(/^fit: /, '')}; ${eventColumnHint(log.mapping.assignments, (event as string | undefined) ?? 'converted', e.reason)}`);
      }
      result = { ...fit, source: { file, kind: 'summary', columns: log.mapping.assignments, import: reportForJson(log.report) } };
      text = describeLeadSummaryFit(fit);
    }
    const json = JSON.stringify(result, jsonNumbers, 2);
    const name = String(parsed.flags.out);
    const refusal = parsed.flags.out ? callFit && refuseToWrite(callFit, Boolean(parsed.flags.force)) : undefined;
    // The fit is shown even when its file is refused (exit code 2); under --json, `failure` says so, as for any stop.
    io.out(parsed.flags.json ? (refusal ? JSON.stringify({ failure: `${name} not written: ${refusal}`, ...result }, jsonNumbers, 2) : json) + '\n' : text + '\n');
    if (parsed.flags.out) {
      if (refusal) {
        io.err(`${name} not written: ${refusal}\n`);
        return 2;
      }
      const replaced = replacedWords([name], io.cwd);
      await writeFile(resolve(io.cwd, name), json + '\n');
      const quality = callFit && fitQuality(callFit);
      io.err(quality?.level === 'unusable' ? `wrote ${name} (--force)${replaced}, though this fit cannot be used as it is: ${quality.reasons.join('; ')}\n` : `wrote ${name}${replaced}\n`);
    }
    return 0;
  },
};

/** What a per-lead summary lacks for its event: the column, or its values (the columns read, to name another with --map). */
function eventColumnHint(columns: readonly { field: string; header: string }[], event: string, reason: NoEventError['reason']): string {
  const column = columns.find((a) => a.field === event);
  const read = columns.map((a) => `${a.field} <- "${a.header}"`).join(', ');
  if (column && reason === 'no-events') return `check that the column "${column.header}" is the outcome, or name another with --map "<column>=${event}"`;
  return column
    ? `its column "${column.header}" has no value read as yes or no beside a number of calls`
    : `no column is read as ${event} (the columns read: ${read}); name one with --map "<column>=${event}"`;
}

/**
 * Why a call-log fit must not be written as a model file, or undefined. Its contactModel is checked with the schema a
 * scenario loads it with (src/scenario/load.ts), so no file is written that `run` would refuse, whatever the flags
 * (JSON has no Infinity or NaN: such a number would be written as null). A fit the page refuses to use (fitQuality:
 * too few leads, a parameter at its bound) is written only with --force.
 */
export function refuseToWrite(fit: FittedModel, force: boolean): string | undefined {
  const issues: SchemaIssue[] = [];
  fittedContactModel.parse(fit.contactModel, 'contactModel', issues);
  const quality = fitQuality(fit);
  const unusable = quality.level === 'unusable' ? `this fit cannot be used: ${quality.reasons.join('; ')}` : '';
  if (issues.length > 0) {
    const invalid = `a scenario would refuse its contactModel (${issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`;
    return `${unusable ? `${unusable}; and ` : ''}${invalid}. --force cannot write a model that does not load; bring a longer log.`;
  }
  if (unusable && !force) return `${unusable}. Bring a longer log, or give --force to write it anyway.`;
  return undefined;
}
