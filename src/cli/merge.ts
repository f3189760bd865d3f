import { isSweepShard, mergeShards, sweepCombinations, type SweepShard } from '../compare';
import { BadInputError, parseArgs, UsageError } from './args';
import type { Command } from './command';
import { jsonSyntaxMessage } from '../scenario/load';
import { readInputText } from './inputFile';
import { checkOutputPath } from './outputPath';
import { reportSweep } from './sweepOutput';

const flags = {
  out: { type: 'string', describe: 'output prefix: PREFIX.json, PREFIX.runs.csv, PREFIX.combinations.csv (default: sweep)' },
  json: { type: 'boolean', describe: 'print the result as JSON instead of the table' },
} as const;

/** `leadlab merge`: joins the shard files of `leadlab sweep --shard i/n` into the result of one whole sweep. */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join the shard files of `leadlab sweep --shard i/n` into the result one whole sweep gives.',
  usage: 'merge shard-1.json shard-2.json ... [--out PREFIX] [--json]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length === 0) throw new UsageError('expected shard files from `leadlab sweep --shard i/n`');
    const prefix = (f.out as string | undefined) ?? 'sweep';
    const inputs = positional.map((p) => ({ path: p, what: 'a shard file' }));
    for (const ext of ['.json', '.runs.csv', '.combinations.csv']) checkOutputPath(prefix + ext, io.cwd, '--out', inputs);
    const shards: SweepShard[] = [];
    for (const p of positional) {
      const text = readInputText(p, io.cwd, 'shard');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new BadInputError(`${p}: not valid JSON: ${jsonSyntaxMessage(text, e)}`);
      }
      if (!isSweepShard(json)) {
        const kind = (json as { kind?: unknown } | null)?.kind;
        throw new BadInputError(`${p} is not a shard file of \`leadlab sweep --shard i/n\`${kind === 'leadlab-sweep' ? ': it is the result of a whole sweep, which needs no merging' : kind !== undefined ? ` (kind ${JSON.stringify(kind)})` : ' (no "kind" field)'}`);
      }
      shards.push(json);
    }
    let result;
    try {
      // JSON turned NaN into null; metrics are numbers again here (a damaged run is named by mergeShards).
      for (const s of shards) for (const r of s.runs) if (r?.metrics && typeof r.metrics === 'object') for (const k of Object.keys(r.metrics)) r.metrics[k as keyof typeof r.metrics] ??= NaN;
      result = mergeShards(shards, (sweep) => sweepCombinations(sweep.parameters), positional);
    } catch (e) {
      // mergeShards's messages start "merge: "; the command's name stands in for it.
      throw new BadInputError((e as Error).message.replace(/^merge: /, ''));
    }
    reportSweep(result, { json: Boolean(f.json), out: prefix }, io);
    return 0;
  },
};
