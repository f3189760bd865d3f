import { setScenarioValues } from './scenarioPath';
import type { SweepParameter } from './sweepSpec';

/** One point of the grid: a value per parameter path, in parameter order. */
export interface SweepCombination {
  index: number;
  values: Record<string, unknown>;
}

/** Every combination of the parameters' values; the last parameter varies fastest. */
export function sweepCombinations(parameters: readonly SweepParameter[]): SweepCombination[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const p of parameters) combos = combos.flatMap((c) => p.values.map((v) => ({ ...c, [p.path]: v })));
  return combos.map((values, index) => ({ index, values }));
}

/**
 * The scenario of one combination: the base with each parameter's value set at its path, through the objects the
 * base leaves out or writes as a name, and a changed strategy's options fitted to it (src/compare/scenarioPath.ts);
 * what was changed beyond the values themselves goes into `notes`.
 */
export function scenarioOf(base: Record<string, unknown>, combination: SweepCombination, notes?: Set<string>): Record<string, unknown> {
  return setScenarioValues(base, combination.values, notes);
}

/** The runs of a sweep: every combination times every replication, combination-major. */
export function sweepRunKeys(combinations: number, replications: number): { combination: number; replication: number }[] {
  return Array.from({ length: combinations * replications }, (_, k) => ({ combination: Math.floor(k / replications), replication: k % replications }));
}

/**
 * Shard `i` of `n` (1-based) of `total` runs: a contiguous slice, sizes differing by at most one, so that the n
 * shards together hold every run exactly once.
 */
export function shardRange(i: number, n: number, total: number): [number, number] {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(i) && i >= 1 && i <= n)) throw new Error(`expected a shard i/n with 1 <= i <= n, got ${i}/${n}`);
  return [Math.floor(((i - 1) * total) / n), Math.floor((i * total) / n)];
}
