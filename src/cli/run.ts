import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plural } from '../format/plural';
import { runScenario } from '../scenario/runScenario';
import type { CallRecord } from '../sim/callLog';
import type { RunResult } from '../sim/runResult';
import { summarize } from '../sim/summary';
import { checkWarmup, warmupJson, warmupSentence } from '../sim/warmup';
import { parseArgs, UsageError } from './args';
import type { Command } from './command';
import { callsToCsv } from './callsCsv';
import { formatSummary, noValueReasons } from './format';
import { checkOutputPath, replacedWords } from './outputPath';
import { checkRunSize, FORCE_FLAG } from './runSize';
import { readScenarioSource } from './scenarioJson';
import { REPLICATIONS_LIMIT, WORKERS_LIMIT } from './schemaLimits';
import { runTasks } from './runTasks';

const flags = {
  seed: { type: 'string', describe: 'run seed (default: the scenario\'s seed)' },
  replications: { type: 'number', minInt: 1, max: REPLICATIONS_LIMIT, describe: 'replications (default: the scenario\'s)' },
  json: { type: 'boolean', describe: 'print one JSON object instead of the table' },
  calls: { type: 'string', describe: 'also write every call attempt of replication 1 to this CSV file' },
  workers: { type: 'number', minInt: 0, max: WORKERS_LIMIT, describe: 'worker threads (default 0: in this thread; results are identical for any N)' },
  force: FORCE_FLAG,
} as const;

/** `leadlab run`: simulate one scenario and summarize it. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate a scenario (or the built-in default) and summarize contact, conversion, speed and cost.',
  usage: 'run [scenario.json] [--seed S] [--replications R] [--json] [--calls calls.csv] [--workers N]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length > 1) throw new UsageError(`expected at most one scenario file, got ${positional.length}: ${positional.join(' ')}`);
    const { resolved, inputs, source } = readScenarioSource(positional[0], io.cwd);
    for (const w of resolved.warnings) io.err(`warning: ${w}\n`);
    if (positional.length === 0 && !f.json) io.err('No scenario file given: running the built-in default scenario (see data/scenarios/default.json).\n');
    if (f.calls) checkOutputPath(f.calls as string, io.cwd, '--calls', inputs);
    checkRunSize(resolved, positional[0] ?? 'default scenario', Boolean(f.force), { recordCalls: Boolean(f.calls) });
    const seed = (f.seed as string | undefined) ?? resolved.scenario.seed;
    const replications = (f.replications as number | undefined) ?? resolved.scenario.replications;
    const started = Date.now();
    const workers = (f.workers as number | undefined) ?? 0;
    let summary, runs: (RunResult & { calls?: CallRecord[] })[];
    if (workers > 0 && !f.calls) {
      // On worker threads, as compare and sweep run (the call log of --calls is kept in this thread).
      const tasks = Array.from({ length: replications }, (_, r) => ({ source, replication: r, seed }));
      const outcome = await runTasks(tasks, { workers, io, label: 'replications', quiet: Boolean(f.json) });
      runs = outcome.results.filter((r): r is RunResult => r !== undefined);
      if (runs.length === 0) {
        io.err('leadlab run: interrupted before a replication finished; nothing to report.\n');
        return 1;
      }
      if (outcome.interrupted) io.err(`Interrupted: ${runs.length} of ${replications} replications finished; the summary rests on those.\n`);
      summary = summarize(resolved.scenario.name, seed, runs);
    } else {
      ({ summary, runs } = runScenario(resolved, {
        seed,
        replications,
        recordCalls: Boolean(f.calls),
        onProgress: io.isTTY && !f.json ? (done, total) => io.err(`\rreplication ${done}/${total}`) : undefined,
      }));
      if (io.isTTY && !f.json) io.err('\r\x1b[K');
    }
    const c = resolved.config;
    // Whether the open pipeline settles within the warm-up (src/sim/warmup.ts).
    const warmup = checkWarmup(runs.map((r) => r.daily.pipeline), { days: c.days, warmupDays: c.warmupDays, replay: resolved.scenario.leads.replay !== undefined });
    if (f.json) {
      // A metric printed as null says why in `noValue` (e.g. cost per funded with no funded loans).
      // What stderr warned of (rows of a replayed stream rejected, a call log given as the stream), as compare --json
      // and diagnose --json hold it: a script reading stdout alone would not know.
      const warnings = resolved.warnings.length > 0 ? { warnings: resolved.warnings } : {};
      const json = { scenario: resolved.scenario.name, ...summary, noValue: noValueReasons(summary), warmup: warmupJson(warmup), ...warnings, wallSeconds: (Date.now() - started) / 1000 };
      io.out(JSON.stringify(json, jsonNumbers, 2) + '\n');
    } else {
      io.out(formatSummary(summary, { days: c.days, warmupDays: c.warmupDays, cooldownDays: c.cooldownDays, agents: c.agents.length, warmup: warmupSentence(warmup) }));
    }
    // After the table, so that a file that cannot be written never costs the results.
    if (f.calls) {
      const path = resolve(io.cwd, f.calls as string);
      const replaced = replacedWords([f.calls as string], io.cwd);
      writeFileSync(path, callsToCsv(runs[0].calls ?? [], resolved.config.startDate));
      io.err(`Wrote ${plural(runs[0].calls?.length ?? 0, 'call attempt')} of replication 1 to ${f.calls}${replaced}\n`);
    }
    return 0;
  },
};

/** JSON has no NaN or Infinity: they become null. */
export function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
