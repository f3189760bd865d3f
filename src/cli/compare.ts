import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { compareScenarios } from '../compare';
import { ScenarioError } from '../scenario/load';
import { summarize } from '../sim/summary';
import { checkWarmup, warmupJson, warmupSentence } from '../sim/warmup';
import { parseArgs, UsageError } from './args';
import type { Command } from './command';
import { formatComparison, letter } from './compareFormat';
import { ScenarioFilesError } from './failure';
import { checkOutputPath, replacedWords, type InputPath } from './outputPath';
import { checkRunSize, FORCE_FLAG } from './runSize';
import { runTasks } from './runTasks';
import { jsonNumbers } from './run';
import { readScenarioSource, type ScenarioSource } from './scenarioJson';
import { REPLICATIONS_LIMIT, WARMUP_DAYS_LIMIT, WORKERS_LIMIT } from './schemaLimits';

const flags = {
  replications: { type: 'number', minInt: 2, max: REPLICATIONS_LIMIT, describe: 'replications per scenario (default: the first scenario\'s)' },
  seed: { type: 'string', describe: 'run seed shared by every scenario (default: the first scenario\'s)' },
  'warmup-days': { type: 'number', minInt: 0, max: WARMUP_DAYS_LIMIT, describe: 'days discarded as warm-up in every scenario (default: each scenario\'s)' },
  workers: { type: 'number', minInt: 0, max: WORKERS_LIMIT, describe: 'worker threads (default: the cores; 0 runs in this thread)' },
  json: { type: 'boolean', describe: 'print one JSON object instead of the table' },
  report: { type: 'string', describe: 'also write a self-contained HTML report with charts to this file' },
  force: FORCE_FLAG,
} as const;

/** `leadlab compare`: scenarios side by side on common random numbers, with paired differences against the first. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare scenarios side by side on the same leads: every metric with its 95% interval, and paired differences against the first.',
  usage: 'compare a.json b.json ... [--replications R] [--seed S] [--warmup-days D] [--workers N] [--json] [--report out.html]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length < 2) throw new UsageError(`expected at least two scenario files (the first is the baseline), got ${positional.length}`);
    const overrides: Record<string, unknown> = {};
    if (f['warmup-days'] !== undefined) overrides.warmupDays = f['warmup-days'];
    const loaded: { source: ScenarioSource; name: string; seed: string | number; replications: number; days: number; warmupDays: number; replay: boolean; windowDays: number; warnings: string[] }[] = [];
    const problems: ScenarioError[] = [];
    const inputs: InputPath[] = [];
    for (const path of positional) {
      try {
        const { source, resolved, inputs: read } = readScenarioSource(path, io.cwd, overrides);
        inputs.push(...read);
        checkRunSize(resolved, path, Boolean(f.force));
        loaded.push({ source, name: resolved.scenario.name, seed: resolved.scenario.seed, replications: resolved.scenario.replications, days: resolved.config.days, warmupDays: resolved.config.warmupDays, replay: resolved.scenario.leads.replay !== undefined, windowDays: resolved.config.days - resolved.config.warmupDays, warnings: resolved.warnings });
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        // A warm-up the flag set is the flag's problem, not the file's: the file may say nothing of warmupDays.
        const fromFlag = (path: string) => (overrides.warmupDays !== undefined && path === 'warmupDays' ? `--warmup-days ${overrides.warmupDays}` : path);
        problems.push(new ScenarioError(e.issues.map((i) => ({ ...i, path: fromFlag(i.path) })), e.where));
      }
    }
    if (problems.length) throw new ScenarioFilesError(problems);
    // What a scenario warned of (rows of its replayed lead stream rejected, sources it does not declare) is said as
    // `leadlab run` says it, naming the scenario's file, and kept in the JSON: its numbers rest on it.
    const warnings = loaded.flatMap((l, s) => l.warnings.map((warning) => ({ scenario: l.name, letter: letter(s), file: positional[s], warning, index: s })));
    for (const w of warnings) io.err(`warning: ${w.file}: ${w.warning}\n`);
    if (f.report) checkOutputPath(f.report as string, io.cwd, '--report', inputs);
    const seed = (f.seed as string | undefined) ?? loaded[0].seed;
    const replications = (f.replications as number | undefined) ?? loaded[0].replications;
    if (replications < 2) throw new UsageError(`--replications: paired intervals need at least 2 replications, the baseline scenario has ${replications}`);
    // Replication-major order, so that after Ctrl-C the finished runs form complete pairs across scenarios.
    const tasks = Array.from({ length: replications }, (_, r) => loaded.map((l) => ({ source: l.source, replication: r, seed }))).flat();
    const at = (s: number, r: number) => outcome.results[r * loaded.length + s];
    const outcome = await runTasks(tasks, { workers: (f.workers as number | undefined) ?? availableParallelism(), io, label: 'runs' });
    if (outcome.interrupted) {
      const done = outcome.results.filter(Boolean).length;
      io.err(`Interrupted: ${done} of ${tasks.length} runs finished; comparing the replications finished in every scenario.\n`);
    }
    // Only replications finished in every scenario are paired; after Ctrl-C that is a prefix of complete ones.
    const complete = Array.from({ length: replications }, (_, r) => r).filter((r) => loaded.every((_, s) => at(s, r)));
    if (complete.length < 2) {
      io.err('leadlab compare: fewer than two replications finished in every scenario; nothing to compare.\n');
      return 1;
    }
    const summaries = loaded.map((l, s) => summarize(l.name, seed, complete.map((r) => at(s, r)!)));
    const comparison = compareScenarios(summaries, { windowDays: loaded.map((l) => l.windowDays) });
    // Whether each scenario's open pipeline settles within its warm-up (src/sim/warmup.ts), as `leadlab run` says: a
    // scenario measured while its pipelines still fill is compared on days unlike the rest of its run.
    const warmups = loaded.map((l, s) => checkWarmup(complete.map((r) => at(s, r)!.daily.pipeline), { days: l.days, warmupDays: l.warmupDays, replay: l.replay, warmupFrom: f['warmup-days'] !== undefined ? 'flag' : 'scenario' }));
    // The text and the report say only the scenarios whose warm-up is not known to be long enough: the others would
    // repeat "adequate".
    const warmupNotes = warmups.flatMap((w, s) => (w.verdict === 'adequate' ? [] : [{ scenario: s, sentence: warmupSentence(w) }]));
    if (f.json) {
      const warmup = warmups.map((w, s) => ({ scenario: loaded[s].name, letter: letter(s), ...warmupJson(w) }));
      io.out(JSON.stringify({ ...comparison, warmup, ...(warnings.length > 0 && { warnings: warnings.map(({ index: _, ...w }) => w) }), interrupted: outcome.interrupted }, jsonNumbers, 2) + '\n');
    } else {
      io.out(formatComparison(comparison, { color: io.isTTY && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
      if (warmupNotes.length) io.out(`\n${warmupNotes.map((n) => `${letter(n.scenario)} (${loaded[n.scenario].name}): ${n.sentence}`).join('\n')}\n`);
    }
    if (f.report) {
      // Plot draws into the small SVG document of src/cli/svgDocument.ts: no DOM library at run time.
      const { renderReport } = await import('./report');
      const { svgDocument } = await import('./svgDocument');
      const interrupted = outcome.interrupted ? { replicationsFinished: complete.length, replicationsPlanned: replications } : undefined;
      // The same caveats as under the table and on stderr: a scenario measured while its pipelines filled, or whose
      // stream lost rows, says so in the report too.
      const html = renderReport(comparison, summaries, svgDocument(), interrupted, warmupNotes, warnings.map((w) => ({ scenario: w.index, warning: w.warning })));
      const replaced = replacedWords([f.report as string], io.cwd);
      writeFileSync(resolve(io.cwd, f.report as string), html);
      io.err(`Wrote the report to ${f.report}${outcome.interrupted ? ' (it says the comparison was interrupted)' : ''}${replaced}\n`);
    }
    return outcome.interrupted ? 130 : 0;
  },
};
