import { expandValues, type SweepSpec } from '../compare/sweepSpec';
import { distributionStrategies } from '../strategies/distribution';

/**
 * The settings a manager can vary on the page, each a JSON path of the scenario (as `leadlab sweep` takes them),
 * with a default range and how a number typed in the range becomes the value at the path.
 */
export interface SensitivityField {
  id: string;
  /** In a manager's words, with the unit. */
  label: string;
  path: string;
  /** A range "from-to:step" or a comma-separated list, as in a sweep file. */
  defaultRange: string;
  /** The value written at the path for one value of the range. */
  toValue(v: number | string): unknown;
  /** The value on the chart's axis for a value at the path. */
  axisValue(v: unknown): number | string;
}

const number = (v: number | string) => Number(v);
// A fixed interval: the next call is due after exactly this many hours (the schema's [fewest, most] pair).
const fixedHours = (v: number | string) => [Number(v), Number(v)];
const firstOfPair = (v: unknown) => (Array.isArray(v) ? Number(v[0]) : Number(v));

export const SENSITIVITY_FIELDS: readonly SensitivityField[] = [
  { id: 'attempted-interval', label: 'Hours between calls to a lead not yet reached', path: 'callbacks.statuses.attempted.intervalHours', defaultRange: '1-7:2', toValue: fixedHours, axisValue: firstOfPair },
  { id: 'contacted-interval', label: 'Hours between calls to a lead already reached', path: 'callbacks.statuses.contacted.intervalHours', defaultRange: '12-48:12', toValue: fixedHours, axisValue: firstOfPair },
  // The page's floors (40 leads a day over 10 agents) keep 15-30 open leads per agent: limits of 50 or more never
  // bind there, so the range the page opens with would show four equal values.
  { id: 'pipeline-limit', label: 'Pipeline limit (open leads per agent, first agent group)', path: 'agents[0].pipelineLimit', defaultRange: '10-40:10', toValue: number, axisValue: Number },
  { id: 'new-lead-cap', label: 'New leads per agent a day (cap, first agent group)', path: 'agents[0].newLeadsPerDay', defaultRange: '3-11:2', toValue: number, axisValue: Number },
  { id: 'agents', label: 'Agents (first agent group)', path: 'agents[0].count', defaultRange: '4-10:2', toValue: number, axisValue: Number },
  { id: 'leads-per-day', label: 'New leads a day (whole floor)', path: 'leads.perDay', defaultRange: '20-60:20', toValue: number, axisValue: Number },
  { id: 'strategy', label: 'Lead distribution strategy', path: 'distribution.strategy', defaultRange: Object.keys(distributionStrategies).join(', '), toValue: String, axisValue: String },
];

export const fieldById = (id: string): SensitivityField => {
  const f = SENSITIVITY_FIELDS.find((x) => x.id === id);
  if (!f) throw new Error(`sensitivity: unknown field "${id}"; expected one of ${SENSITIVITY_FIELDS.map((x) => x.id).join(', ')}`);
  return f;
};

/** At most this many runs from the page: a larger grid belongs to `leadlab sweep` (or its shards). */
export const MAX_PAGE_RUNS = 400;

/**
 * The sweep the page runs, as a sweep file for `leadlab sweep`: the selected scenario as its base, one parameter
 * per chosen field, the page's seed and replications. Throws, naming the field, when a range cannot be read.
 *
 * @example
 * sensitivitySweep({ name: 'Floor' }, [{ id: 'agents', range: '4-8:2' }], 1, 3).parameters
 * // [{ path: 'agents[0].count', values: [4, 6, 8] }]
 */
export function sensitivitySweep(base: Record<string, unknown>, chosen: readonly { id: string; range: string }[], seed: number, replications: number): SweepSpec {
  if (chosen.length === 0 || chosen.length > 2) throw new Error(`choose one or two settings to vary, got ${chosen.length}`);
  if (new Set(chosen.map((c) => c.id)).size !== chosen.length) throw new Error('choose two different settings');
  const parameters = chosen.map(({ id, range }) => {
    const field = fieldById(id);
    const typed = expandValues(range.trim(), field.label);
    if (id !== 'strategy' && typed.some((v) => typeof v !== 'number')) throw new Error(`${field.label}: expected numbers, a range "from-to:step" or a list "1, 2, 5", got "${range}"`);
    if (id === 'strategy') {
      const unknown = typed.filter((v) => !(String(v) in distributionStrategies));
      if (unknown.length) throw new Error(`${field.label}: unknown strategy ${unknown.map((u) => `"${u}"`).join(', ')}; expected some of ${Object.keys(distributionStrategies).join(', ')}`);
    }
    return { path: field.path, values: typed.map((v) => field.toValue(v as number | string)) };
  });
  const runs = parameters.reduce((n, p) => n * p.values.length, 1) * replications;
  if (runs > MAX_PAGE_RUNS) throw new Error(`${runs} runs (${parameters.map((p) => p.values.length).join(' x ')} values x ${replications} replications) is more than the page runs (${MAX_PAGE_RUNS}); narrow the ranges, or download the sweep file for leadlab sweep`);
  return { name: `Sensitivity of ${String(base.name ?? 'the scenario')}`, base, parameters, replications, seed };
}

/** The Sensitivity section's and the optimizer's words when every value gave the same results: no best to offer. */
export const sameResultsWords = (labels: readonly string[]) =>
  `Every value of ${labels.map((l) => l.split(' (')[0].toLowerCase()).join(' and ')} gave the same results, run for run: the setting does not bind on this floor, so there is no best value to use.`;
export const NO_BEST_BUTTON = 'No best: every value gave the same results';

/**
 * What the page says once "Use the best" or "Use this setting" wrote `values` into the selected scenario. In the
 * baseline, running the comparison does not check the change (every other scenario is set against it instead): the
 * message says so, and how to weigh the change, instead of asking to check it against the baseline it is.
 */
export function valuesUsedMessage(done: { name: string; valid: boolean; baseline: boolean }, values: Record<string, unknown>): string {
  const written = Object.entries(values).map(([p, v]) => `${p} = ${JSON.stringify(v)}`).join(', ');
  const next = done.baseline
    ? 'It is the baseline, so the comparison now sets every other scenario against the changed one; to see what the change wins, use it in a copy of the scenario (Add a copy of this scenario) and compare the two.'
    : 'Run the comparison to check it against the baseline.';
  return `Scenario "${done.name}" now has ${written}${done.valid ? '' : ', but has other problems to fix'}. ${next}`;
}
