import type { MetricName } from '../sim/runResult';
import { METRIC_NAMES } from '../sim/runResult';
import type { MetricSummary, ScenarioSummary } from '../sim/summary';
import { pairedDifference, type PairedDifference } from './pairedDifference';

/** One scenario of a comparison: its metrics, and its paired differences against the baseline (none for the baseline). */
export interface ComparedScenario {
  name: string;
  metrics: Record<MetricName, MetricSummary>;
  /** Scenario minus baseline per metric; null for the baseline itself. */
  vsBaseline: Record<MetricName, PairedDifference> | null;
}

/** Scenarios side by side, the first one the baseline, as plain data for the CLI, the page and the report. */
export interface Comparison {
  seed: string | number;
  replications: number;
  scenarios: ComparedScenario[];
}

/**
 * Compares scenarios run with the same seed and replication count: replication r of every scenario used the same
 * random streams (common random numbers), so differences are paired replication by replication.
 */
export function compareScenarios(summaries: readonly ScenarioSummary[]): Comparison {
  if (summaries.length === 0) throw new Error('compareScenarios: expected at least one scenario');
  const [base] = summaries;
  for (const s of summaries) {
    if (s.runs.length !== base.runs.length || String(s.seed) !== String(base.seed)) {
      throw new Error(
        `compareScenarios: "${s.name}" ran ${s.runs.length} replications with seed ${s.seed}, the baseline ${base.runs.length} with seed ${base.seed}; ` +
          'paired differences need the same seed and replications',
      );
    }
  }
  const column = (s: ScenarioSummary, m: MetricName) => s.runs.map((r) => r[m] ?? NaN);
  return {
    seed: base.seed,
    replications: base.runs.length,
    scenarios: summaries.map((s, i) => ({
      name: s.name,
      metrics: s.metrics,
      vsBaseline:
        i === 0 ? null : (Object.fromEntries(METRIC_NAMES.map((m) => [m, pairedDifference(m, column(base, m), column(s, m))])) as Record<MetricName, PairedDifference>),
    })),
  };
}
