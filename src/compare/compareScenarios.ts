import type { MetricName } from '../sim/runResult';
import { METRIC_NAMES } from '../sim/runResult';
import type { MetricSummary, ScenarioSummary } from '../sim/summary';
import { pairedDifference, type PairedDifference } from './pairedDifference';
import { perMonth, WINDOW_TOTALS } from './windowTotals';

/** One scenario of a comparison: its metrics, and its paired differences against the baseline (none for the baseline). */
export interface ComparedScenario {
  name: string;
  metrics: Record<MetricName, MetricSummary>;
  /** Scenario minus baseline per metric; null for the baseline itself. */
  vsBaseline: Record<MetricName, PairedDifference> | null;
  /**
   * True when every replication gave the baseline's value on every metric (the same scenario twice, or a change that
   * never came into play on these leads); null for the baseline itself.
   */
  sameAsBaseline: boolean | null;
}

/** Scenarios side by side, the first one the baseline, as plain data for the CLI, the page and the report. */
export interface Comparison {
  seed: string | number;
  replications: number;
  scenarios: ComparedScenario[];
  /** Measured days (after warm-up) of each scenario, in order; null when the caller did not say. */
  windowDays: number[] | null;
  /**
   * How the paired differences of window totals (counts and money, {@link WINDOW_TOTALS}) are given: `"window"`,
   * over the measured window all scenarios share; `"per month"`, each side a month of its own window, because the
   * windows differ (a longer run would otherwise read as more funded loans).
   */
  totals: 'window' | 'per month';
}

/** Options of {@link compareScenarios}. */
export interface CompareOptions {
  /** Measured days (after warm-up) of each scenario, in the order of the summaries. */
  windowDays?: readonly number[];
}

/**
 * Compares scenarios run with the same seed and replication count: replication r of every scenario used the same
 * random streams (common random numbers), so differences are paired replication by replication.
 */
export function compareScenarios(summaries: readonly ScenarioSummary[], options: CompareOptions = {}): Comparison {
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
  const windowDays = options.windowDays ? [...options.windowDays] : null;
  if (windowDays && windowDays.length !== summaries.length) {
    throw new Error(`compareScenarios: expected a measured window for each of the ${summaries.length} scenarios, got ${windowDays.length}`);
  }
  const totals = windowDays && windowDays.some((d) => d !== windowDays[0]) ? 'per month' : 'window';
  // With different windows, totals are paired as totals a month of each scenario's own window.
  const scale = (m: MetricName, i: number) => (totals === 'per month' && WINDOW_TOTALS.has(m) ? perMonth(1, windowDays![i]) : 1);
  const column = (i: number, m: MetricName) => summaries[i].runs.map((r) => (r[m] ?? NaN) * scale(m, i));
  return {
    seed: base.seed,
    replications: base.runs.length,
    windowDays,
    totals,
    scenarios: summaries.map((s, i) => ({
      name: s.name,
      metrics: s.metrics,
      vsBaseline:
        i === 0 ? null : (Object.fromEntries(METRIC_NAMES.map((m) => [m, pairedDifference(m, column(0, m), column(i, m))])) as Record<MetricName, PairedDifference>),
      sameAsBaseline: i === 0 ? null : (windowDays === null || windowDays[i] === windowDays[0]) && s.runs.every((r, k) => METRIC_NAMES.every((m) => sameValue(r[m], base.runs[k][m]))),
    })),
  };
}

/**
 * What a scenario with {@link ComparedScenario.sameAsBaseline} is told, after its name: every paired difference is
 * exactly zero, which reads otherwise as a very precise "no difference".
 */
export const SAME_AS_BASELINE =
  "gave exactly the baseline's results in every replication, on every metric: the two simulate the same floor (the same scenario, or a change that never came into play on these leads).";

/** The same metric value: equal numbers, or undefined (NaN, absent) on both sides. */
function sameValue(a: number | undefined, b: number | undefined): boolean {
  const x = a ?? NaN, y = b ?? NaN;
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}
