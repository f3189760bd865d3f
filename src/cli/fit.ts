import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, UsageError } from './args';
import type { Command } from './command';
import { describeCallLogFit, describeLeadSummaryFit } from './fitReport';
import { LOG_INPUT_FLAGS, readLogForCli, reportForJson } from './logInput';
import { checkOutputPath } from './outputPath';
import { fitCallLog } from '../fit/fitCallLog';
import { fitLeadSummary } from '../fit/fitLeadSummary';

const flags = {
  ...LOG_INPUT_FLAGS,
  json: { type: 'boolean' as const, describe: 'print the fitted model as JSON instead of the report' },
  out: { type: 'string' as const, describe: 'write the fitted model JSON to this file (a scenario names it in "contactModel")' },
  'min-attempts': { type: 'number' as const, minInt: 1, describe: 'hours and lead-age buckets with fewer search attempts are not estimated (default 30)' },
  'age-decay': { type: 'string' as const, describe: 'form of contactModel.ageDecay: table (default) or exponential' },
  event: { type: 'string' as const, describe: 'for per-lead summaries: converted (default when present) or contacted' },
};

/**
 * `leadlab fit calls.csv [--map column=field ...] [--tz zone] [--json] [--out model.json]`: reads a call log
 * (or a per-lead summary), fits the contact curves and prints a report, the JSON, or both.
 */
export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit contact curves (time to contact, attempts to contact, hour of week, lead age, conversion) to a call log',
  usage: 'fit <calls.csv[.gz]> [--map column=field ...] [--tz zone] [--strict] [--json] [--out model.json]',
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
    const read = await readLogForCli(parsed, io);
    if (typeof read === 'number') return read;
    const { log } = read;
    const file = parsed.positional[0];
    let result: object;
    let text: string;
    if (log.kind === 'leads') {
      io.err(`${file}: this is a lead stream (one row per lead, no calls); there is nothing to fit. Use it as a scenario's arrivals, or name the columns of a call log with --map.\n`);
      return 2;
    }
    if (log.kind === 'calls') {
      if (log.table.length === 0) {
        io.err(`${file}: no rows were kept; nothing to fit\n`);
        return 2;
      }
      const fit = fitCallLog(log.table, {
        minAttempts: parsed.flags['min-attempts'] as number | undefined,
        ageDecayForm: ageDecay as 'table' | 'exponential' | undefined,
      });
      const span = log.span && { first: new Date(log.span.first * 60_000).toISOString(), last: new Date(log.span.last * 60_000).toISOString() };
      result = {
        ...fit,
        source: { file, kind: 'calls', why: log.mapping.explanation, timeZone: log.timeZone, dateOrder: log.dateOrder ?? null, span, columns: log.mapping.assignments, import: reportForJson(log.report) },
      };
      text = describeCallLogFit(fit);
    } else {
      if (log.table.length === 0) {
        io.err(`${file}: no rows were kept; nothing to fit\n`);
        return 2;
      }
      const fit = fitLeadSummary(log.table, { event: event as 'converted' | 'contacted' | undefined });
      result = { ...fit, source: { file, kind: 'summary', columns: log.mapping.assignments, import: reportForJson(log.report) } };
      text = describeLeadSummaryFit(fit);
    }
    const json = JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
    io.out(parsed.flags.json ? json + '\n' : text + '\n');
    if (parsed.flags.out) {
      const out = resolve(io.cwd, String(parsed.flags.out));
      await writeFile(out, json + '\n');
      io.err(`wrote ${parsed.flags.out}\n`);
    }
    return 0;
  },
};
