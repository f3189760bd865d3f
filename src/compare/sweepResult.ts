import { METRIC_NAMES, type MetricName } from '../sim/runResult';
import { meanInterval } from '../stats/meanInterval';
import type { MetricSummary } from '../sim/summary';
import { clampInterval } from '../sim/metricRange';
import type { SweepCombination } from './sweepGrid';
import type { SweepParameter } from './sweepSpec';

/** What defines a sweep's runs: two shards can be merged only when these are equal. */
export interface SweepDefinition {
  name: string;
  /** The base scenario as run (normalized, every default filled in). */
  base: Record<string, unknown>;
  parameters: SweepParameter[];
  replications: number;
  seed: string | number;
  /**
   * SHA-256 of each file the base scenario names (a fitted model, a replayed lead stream), by the name it is
   * given in the scenario: shards built from different contents of the same file name are not one sweep.
   */
  fileHashes?: Record<string, string>;
  /**
   * What building the combinations' scenarios changed beyond the swept values (options a new distribution strategy
   * does not take, dropped: src/compare/scenarioPath.ts), for the output to say; absent when nothing was.
   */
  notes?: string[];
}

/** How much of a sweep an interrupted run finished. */
export interface PartialRuns {
  runsFinished: number;
  runsPlanned: number;
}

/** One run of a sweep: replication `replication` of combination `combination`. */
export interface SweepRun {
  combination: number;
  replication: number;
  metrics: Record<MetricName, number>;
}

/** One combination over its replications. */
export interface SweepCombinationSummary extends SweepCombination {
  metrics: Record<MetricName, MetricSummary>;
}

/** A finished sweep: one row per run and one per combination. */
export interface SweepResult {
  kind: 'leadlab-sweep';
  sweep: SweepDefinition;
  /** What loading the base scenario said (a replayed stream's rejected rows, a call log given as the stream), when anything. */
  warnings?: string[];
  combinations: SweepCombinationSummary[];
  runs: SweepRun[];
  /** Set when the sweep was interrupted (Ctrl-C): only these runs finished, and the summaries rest on them. */
  partial?: PartialRuns;
}

/** A slice of a sweep's runs from `leadlab sweep --shard i/n`. */
export interface SweepShard {
  kind: 'leadlab-sweep-shard';
  sweep: SweepDefinition;
  shard: { index: number; count: number };
  /** What loading the base scenario said, as in the whole sweep's result. */
  warnings?: string[];
  /** The shard's runs in the whole sweep, 1-based and inclusive. */
  range?: { first: number; last: number };
  runs: SweepRun[];
  /** Set when the shard was interrupted: a partial shard cannot be merged. */
  partial?: PartialRuns;
}

/** True when `x` has the shape of a shard file (kind, shard index and count, definition, runs). */
export function isSweepShard(x: unknown): x is SweepShard {
  const s = x as Partial<SweepShard> | null;
  return typeof s === 'object' && s !== null && s.kind === 'leadlab-sweep-shard' && typeof s.shard?.index === 'number' && typeof s.shard?.count === 'number' && typeof s.sweep === 'object' && Array.isArray(s.runs);
}

/** Summarizes runs by combination (mean, 95% interval, sd, n per metric); runs are sorted by combination and replication. */
export function sweepResult(sweep: SweepDefinition, combinations: readonly SweepCombination[], runs: readonly SweepRun[], warnings: readonly string[] = []): SweepResult {
  const sorted = [...runs].sort((a, b) => a.combination - b.combination || a.replication - b.replication);
  const byCombination = combinations.map(() => [] as SweepRun[]);
  for (const r of sorted) byCombination[r.combination].push(r);
  return {
    kind: 'leadlab-sweep',
    sweep,
    ...(warnings.length > 0 && { warnings: [...warnings] }),
    combinations: combinations.map((c, i) => ({
      ...c,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, clampInterval(m, meanInterval(byCombination[i].map((r) => r.metrics[m])))])) as Record<MetricName, MetricSummary>,
    })),
    runs: sorted,
  };
}

function describeKind(x: unknown): string {
  const kind = (x as { kind?: unknown } | null)?.kind;
  if (kind === 'leadlab-sweep') return 'the result of a whole sweep (kind "leadlab-sweep"), which needs no merging';
  if (kind === 'leadlab-sweep-shard') return 'a shard file without its shard index, count or runs (damaged?)';
  return kind === undefined ? 'a file with no "kind"' : `kind ${JSON.stringify(kind)}`;
}

/**
 * Joins the shards of one sweep into the result a single run would give. Throws when the shards come from
 * different sweeps, a shard is missing or repeated, or a run is missing or repeated.
 */
export function mergeShards(shards: readonly SweepShard[], combinations: (sweep: SweepDefinition) => SweepCombination[], names?: readonly string[]): SweepResult {
  if (shards.length === 0) throw new Error('merge: expected at least one shard file');
  // Each shard is named by its file when the caller gives the names.
  const named = (k: number): string => (names?.[k] !== undefined ? `${names[k]}: ` : '');
  shards.forEach((s, k) => {
    if (!isSweepShard(s)) throw new Error(`merge: ${named(k)}expected shard files from \`leadlab sweep --shard i/n\`, got ${describeKind(s)}`);
    const { index, count } = s.shard;
    if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 1 && index <= count)) {
      throw new Error(`merge: ${named(k)}shard: expected i/n with 1 <= i <= n, got ${JSON.stringify(index)}/${JSON.stringify(count)} (damaged file?)`);
    }
    const reps = s.sweep.replications;
    if (!(Number.isInteger(reps) && reps >= 1) || !Array.isArray(s.sweep.parameters) || !s.sweep.parameters.every((p) => typeof p?.path === 'string' && Array.isArray(p.values))) {
      throw new Error(`merge: ${named(k)}sweep: expected the sweep's parameters and its replications (an integer >= 1), got ${JSON.stringify({ parameters: s.sweep.parameters, replications: reps }).slice(0, 200)} (damaged file?)`);
    }
  });
  const [first] = shards;
  const definition = JSON.stringify(first.sweep);
  const count = first.shard.count;
  const seen = new Map<number, number>();
  for (const [k, s] of shards.entries()) {
    if (s.partial) {
      throw new Error(`merge: shard ${s.shard.index}/${s.shard.count} is partial (interrupted: ${s.partial.runsFinished} of its ${s.partial.runsPlanned} runs finished); run it again`);
    }
    const hashes = first.sweep.fileHashes ?? {}, other = s.sweep.fileHashes ?? {};
    for (const name of new Set([...Object.keys(hashes), ...Object.keys(other)])) {
      if (hashes[name] !== other[name]) {
        throw new Error(
          `merge: shard ${s.shard.index}/${s.shard.count} was built with different contents of ${name} than shard ${first.shard.index}/${count} (sha256 ${(other[name] ?? 'none').slice(0, 12)} against ${(hashes[name] ?? 'none').slice(0, 12)})`,
        );
      }
    }
    if (JSON.stringify(s.sweep) !== definition) throw new Error(`merge: shard ${s.shard.index}/${s.shard.count} is from a different sweep than shard ${first.shard.index}/${count}`);
    if (s.shard.count !== count) throw new Error(`merge: shard ${s.shard.index}/${s.shard.count} does not belong to a split into ${count}`);
    const twice = seen.get(s.shard.index);
    if (twice !== undefined) throw new Error(`merge: shard ${s.shard.index}/${count} given twice${names ? ` (${names[twice]} and ${names[k]})` : ''}`);
    seen.set(s.shard.index, k);
  }
  if (count > shards.length) {
    const missing: number[] = [];
    for (let k = 1; k <= count && missing.length <= 20; k++) if (!seen.has(k)) missing.push(k);
    const more = count - shards.length - Math.min(missing.length, 20);
    throw new Error(`merge: missing shard${count - shards.length === 1 ? '' : 's'} ${missing.slice(0, 20).map((k) => `${k}/${count}`).join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''} (${shards.length} of ${count} given)`);
  }
  const combos = combinations(first.sweep);
  const reps = first.sweep.replications;
  for (const [k, s] of shards.entries()) {
    for (const [i, r] of s.runs.entries()) {
      const ok = typeof r === 'object' && r !== null && Number.isInteger(r.combination) && r.combination >= 0 && r.combination < combos.length &&
        Number.isInteger(r.replication) && r.replication >= 0 && r.replication < reps && typeof r.metrics === 'object' && r.metrics !== null && !Array.isArray(r.metrics);
      if (!ok) {
        throw new Error(
          `merge: ${named(k)}runs[${i}]: expected {combination: 0-${combos.length - 1}, replication: 0-${reps - 1}, metrics: {...}}, got ${JSON.stringify(r)?.slice(0, 120)} (damaged file?)`,
        );
      }
    }
  }
  const runs = shards.flatMap((s) => s.runs);
  const keys = new Set(runs.map((r) => `${r.combination}/${r.replication}`));
  const expected = combos.length * first.sweep.replications;
  if (keys.size !== runs.length || runs.length !== expected) {
    throw new Error(`merge: expected ${expected} distinct runs, got ${runs.length} runs (${keys.size} distinct); were the shards interrupted?`);
  }
  // Every shard loaded the same base scenario (its files' hashes checked above), so the first says what all say.
  return sweepResult(first.sweep, combos, runs, Array.isArray(first.warnings) ? first.warnings.filter((w) => typeof w === 'string') : []);
}
