import { METRIC_NAMES, type MetricName } from '../sim/runResult';
import { meanInterval } from '../stats/meanInterval';
import type { MetricSummary } from '../sim/summary';
import { clampInterval } from './clampInterval';
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
  combinations: SweepCombinationSummary[];
  runs: SweepRun[];
}

/** A slice of a sweep's runs from `leadlab sweep --shard i/n`. */
export interface SweepShard {
  kind: 'leadlab-sweep-shard';
  sweep: SweepDefinition;
  shard: { index: number; count: number };
  runs: SweepRun[];
}

/** Summarizes runs by combination (mean, 95% interval, sd, n per metric); runs are sorted by combination and replication. */
export function sweepResult(sweep: SweepDefinition, combinations: readonly SweepCombination[], runs: readonly SweepRun[]): SweepResult {
  const sorted = [...runs].sort((a, b) => a.combination - b.combination || a.replication - b.replication);
  const byCombination = combinations.map(() => [] as SweepRun[]);
  for (const r of sorted) byCombination[r.combination].push(r);
  return {
    kind: 'leadlab-sweep',
    sweep,
    combinations: combinations.map((c, i) => ({
      ...c,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, clampInterval(m, meanInterval(byCombination[i].map((r) => r.metrics[m])))])) as Record<MetricName, MetricSummary>,
    })),
    runs: sorted,
  };
}

/**
 * Joins the shards of one sweep into the result a single run would give. Throws when the shards come from
 * different sweeps, a shard is missing or repeated, or a run is missing or repeated.
 */
export function mergeShards(shards: readonly SweepShard[], combinations: (sweep: SweepDefinition) => SweepCombination[]): SweepResult {
  if (shards.length === 0) throw new Error('merge: expected at least one shard file');
  const [first] = shards;
  const definition = JSON.stringify(first.sweep);
  const count = first.shard.count;
  const seen = new Set<number>();
  for (const s of shards) {
    if (s.kind !== 'leadlab-sweep-shard') throw new Error(`merge: expected shard files from \`leadlab sweep --shard i/n\`, got kind ${JSON.stringify(s.kind)}`);
    if (JSON.stringify(s.sweep) !== definition) throw new Error(`merge: shard ${s.shard.index}/${s.shard.count} is from a different sweep than shard ${first.shard.index}/${count}`);
    if (s.shard.count !== count) throw new Error(`merge: shard ${s.shard.index}/${s.shard.count} does not belong to a split into ${count}`);
    if (seen.has(s.shard.index)) throw new Error(`merge: shard ${s.shard.index}/${count} given twice`);
    seen.add(s.shard.index);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`merge: missing shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')}`);
  const combos = combinations(first.sweep);
  const runs = shards.flatMap((s) => s.runs);
  const keys = new Set(runs.map((r) => `${r.combination}/${r.replication}`));
  const expected = combos.length * first.sweep.replications;
  if (keys.size !== runs.length || runs.length !== expected) {
    throw new Error(`merge: expected ${expected} distinct runs, got ${runs.length} runs (${keys.size} distinct); were the shards interrupted?`);
  }
  return sweepResult(first.sweep, combos, runs);
}
