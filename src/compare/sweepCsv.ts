import { METRIC_NAMES } from '../sim/runResult';
import type { SweepResult } from './sweepResult';

function cell(v: unknown): string {
  if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: unknown[]) => cells.map(cell).join(',') + '\n';

/** One row per run: combination, replication, the parameter values, then every metric. */
export function sweepRunsCsv(result: SweepResult): string {
  const paths = result.sweep.parameters.map((p) => p.path);
  const byIndex = new Map(result.combinations.map((c) => [c.index, c]));
  let out = line(['combination', 'replication', ...paths, ...METRIC_NAMES]);
  for (const r of result.runs) {
    const c = byIndex.get(r.combination)!;
    out += line([r.combination, r.replication, ...paths.map((p) => c.values[p]), ...METRIC_NAMES.map((m) => r.metrics[m])]);
  }
  return out;
}

/** One row per combination: the parameter values, then each metric's mean and 95% interval (`_lo`, `_hi`). */
export function sweepCombinationsCsv(result: SweepResult): string {
  const paths = result.sweep.parameters.map((p) => p.path);
  let out = line(['combination', 'replications', ...paths, ...METRIC_NAMES.flatMap((m) => [m, `${m}_lo`, `${m}_hi`])]);
  for (const c of result.combinations) {
    const n = c.metrics.leads.n;
    out += line([c.index, n, ...paths.map((p) => c.values[p]), ...METRIC_NAMES.flatMap((m) => [c.metrics[m].mean, c.metrics[m].ci95?.[0], c.metrics[m].ci95?.[1]])]);
  }
  return out;
}
