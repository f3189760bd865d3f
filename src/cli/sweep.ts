import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseSweepSpec, scenarioOf, type SweepSpec, shardRange, sweepCombinations, sweepResult, sweepRunKeys, type SweepDefinition, type SweepRun, type SweepShard } from '../compare';
import { jsonSyntaxMessage, loadScenario, withoutBom } from '../scenario/load';
import { readInputText } from './inputFile';
import { BadInputError, parseArgs, UsageError } from './args';
import type { Command } from './command';
import { jsonNumbers } from './run';
import { checkRunSize, FORCE_FLAG } from './runSize';
import { runTasks } from './runTasks';
import { checkOutputPath, replacedWords, type InputPath } from './outputPath';
import { inlineScenarioSource, readScenarioSource, type ScenarioSource } from './scenarioJson';
import { reportSweep } from './sweepOutput';
import { REPLICATIONS_LIMIT, WORKERS_LIMIT } from './schemaLimits';

const flags = {
  replications: { type: 'number', minInt: 1, max: REPLICATIONS_LIMIT, describe: 'replications per combination (default: the sweep\'s, else the base scenario\'s)' },
  seed: { type: 'string', describe: 'run seed shared by every combination (default: the sweep\'s, else the base scenario\'s)' },
  shard: { type: 'string', describe: 'run only slice i of n of the runs (e.g. 2/8) and write a shard file for `leadlab merge`' },
  out: { type: 'string', describe: 'output prefix: PREFIX.json, PREFIX.runs.csv, PREFIX.combinations.csv (default: the sweep file\'s name); with --shard, the shard file' },
  workers: { type: 'number', minInt: 0, max: WORKERS_LIMIT, describe: 'worker threads (default: the cores; 0 runs in this thread)' },
  json: { type: 'boolean', describe: 'print the result as JSON instead of the table' },
  force: FORCE_FLAG,
} as const;

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard: expected i/n with 1 <= i <= n, got "${text}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** Reads a JSON file named on the command line; a missing or malformed file is a usage error. */
export function readJsonFile(path: string, cwd: string, what: string): unknown {
  let text;
  try {
    text = withoutBom(readInputText(path, cwd, what));
  } catch (e) {
    throw new BadInputError((e as Error).message);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BadInputError(`${what} ${path}: not valid JSON: ${jsonSyntaxMessage(text, e)}`);
  }
}

/** Everything a sweep run needs, validated: the definition, and each combination's scenario ready for a worker. */
export function prepareSweep(path: string, cwd: string, f: { replications?: number; seed?: string; force?: boolean }): ReturnType<typeof prepareSweepSpec> {
  const json = readJsonFile(path, cwd, 'sweep');
  let spec;
  try {
    spec = parseSweepSpec(json);
  } catch (e) {
    throw new BadInputError((e as Error).message);
  }
  const prepared = prepareSweepSpec(spec, dirname(resolve(cwd, path)), f);
  return { ...prepared, inputs: [{ path: resolve(cwd, path), what: 'the sweep file' }, ...prepared.inputs] };
}

/**
 * Validates every combination of a parsed sweep; `dir` is where the base scenario's file names are resolved.
 * `inputs` are the files read (the base scenario's, and those it names), which no output may overwrite.
 */
export function prepareSweepSpec(spec: SweepSpec, dir: string, f: { replications?: number; seed?: string; force?: boolean }): { definition: SweepDefinition; sources: ScenarioSource[]; baseSource: ScenarioSource; inputs: InputPath[]; warnings: string[] } {
  const base = typeof spec.base === 'string' ? readScenarioSource(spec.base, dir) : inlineScenarioSource(spec.base, dir, 'sweep.base');
  // Parameters apply to the normalized base, where every default is written out (agents[0] exists even when the file omits agents).
  const normalized = JSON.parse(JSON.stringify(base.resolved.scenario)) as Record<string, unknown>;
  const definition: SweepDefinition = {
    name: spec.name,
    base: normalized,
    parameters: spec.parameters,
    replications: f.replications ?? spec.replications ?? base.resolved.scenario.replications,
    seed: f.seed ?? spec.seed ?? base.resolved.scenario.seed,
  };
  const names = Object.keys(base.source.files).sort();
  if (names.length > 0) definition.fileHashes = Object.fromEntries(names.map((n) => [n, createHash('sha256').update(base.source.files[n]).digest('hex')]));
  const notes = new Set<string>();
  const sources = sweepCombinations(spec.parameters).map((c) => {
    const where = `combination ${c.index} (${Object.entries(c.values).map(([p, v]) => `${p} = ${JSON.stringify(v)}`).join(', ')})`;
    let scenario: Record<string, unknown>;
    try {
      scenario = scenarioOf(normalized, c, notes);
    } catch (e) {
      throw new BadInputError(`sweep.parameters: ${(e as Error).message}`);
    }
    checkRunSize(loadScenario(scenario, (p) => base.source.files[p], where), where, Boolean(f.force));
    return { json: scenario, files: base.source.files };
  });
  if (notes.size > 0) definition.notes = [...notes];
  // What the base scenario warned of (rows of a replayed lead stream rejected, its undeclared sources) holds for every
  // combination: the commands say it once, as `leadlab run` does.
  const warnings = base.resolved.warnings.map((w) => `${typeof spec.base === 'string' ? spec.base : 'sweep.base'}: ${w}`);
  return { definition, sources, baseSource: { json: normalized, files: base.source.files }, inputs: base.inputs, warnings };
}

/** `leadlab sweep`: every combination of parameter values times R replications, in parallel, as CSV and JSON. */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run a base scenario over every combination of parameter values (ranges or lists at JSON paths), R replications each; CSV and JSON out.',
  usage: 'sweep sweep.json [--replications R] [--seed S] [--shard i/n] [--out PREFIX] [--workers N] [--json]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length !== 1) throw new UsageError(`expected one sweep file, got ${positional.length}`);
    const prepared = prepareSweep(positional[0], io.cwd, { replications: f.replications as number | undefined, seed: f.seed as string | undefined, force: Boolean(f.force) });
    const { definition, sources } = prepared;
    for (const w of prepared.warnings) io.err(`warning: ${w}\n`);
    const keys = sweepRunKeys(sources.length, definition.replications);
    const shard = f.shard === undefined ? null : parseShard(f.shard as string);
    const [from, to] = shard ? shardRange(shard.index, shard.count, keys.length) : [0, keys.length];
    const slice = keys.slice(from, to);
    const tasks = slice.map((k) => ({ source: sources[k.combination], replication: k.replication, seed: definition.seed }));
    const stem = basename(positional[0]).replace(/\.json$/i, '');
    const prefix = (f.out as string | undefined) ?? `${stem}-results`;
    const shardName = shard ? ((f.out as string | undefined) ?? `${stem}.shard-${shard.index}-of-${shard.count}.json`) : '';
    // Where the results go is checked before anything runs, so that a bad path never costs the runs.
    if (shard) checkOutputPath(shardName, io.cwd, '--out', prepared.inputs);
    else for (const ext of ['.json', '.runs.csv', '.combinations.csv']) checkOutputPath(prefix + ext, io.cwd, '--out', prepared.inputs);
    const outcome = await runTasks(tasks, { workers: (f.workers as number | undefined) ?? availableParallelism(), io, label: 'runs' });
    const runs: SweepRun[] = slice.flatMap((k, i) => {
      const r = outcome.results[i];
      return r ? [{ combination: k.combination, replication: k.replication, metrics: r.metrics }] : [];
    });
    const partial = outcome.interrupted ? { runsFinished: runs.length, runsPlanned: tasks.length } : undefined;
    if (partial) io.err(`Interrupted: ${runs.length} of ${tasks.length} runs finished; writing those, marked partial.\n`);
    if (shard) {
      const file: SweepShard = { kind: 'leadlab-sweep-shard', sweep: definition, shard, ...(prepared.warnings.length > 0 && { warnings: prepared.warnings }), range: { first: from + 1, last: to }, runs, ...(partial && { partial }) };
      const replaced = replacedWords([shardName], io.cwd);
      writeFileSync(resolve(io.cwd, shardName), JSON.stringify(file, jsonNumbers) + '\n');
      io.err(
        partial
          ? `Shard ${shard.index}/${shard.count} (interrupted): ${runs.length} of its ${tasks.length} runs (${from + 1}-${to} of ${keys.length}) finished; wrote ${shardName}, marked partial (merge refuses it: run the shard again)${replaced}\n`
          : `Shard ${shard.index}/${shard.count}: runs ${from + 1}-${to} of ${keys.length}; wrote ${shardName}${replaced}\n`,
      );
    } else {
      const result = sweepResult(definition, sweepCombinations(definition.parameters), runs, prepared.warnings);
      if (partial) result.partial = partial;
      reportSweep(result, { json: Boolean(f.json), out: prefix }, io);
    }
    return outcome.interrupted ? 130 : 0;
  },
};
