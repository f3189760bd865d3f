/**
 * The Sensitivity section: vary one or two settings of the selected scenario over a range, run every value in the
 * web workers (the same runs `leadlab sweep` makes for the same seed: src/compare's sweep grid and summaries), and
 * see funded loans a month and the contact rate against the setting; "use the best" writes it into the scenario.
 */
import * as Plot from '@observablehq/plot';
import { sweepHeatmapSpec, sweepLineSpec, type SweepPoint } from '../charts/sweepCharts';
import { parsePath, setAtPath } from '../compare/jsonPath';
import { expandScenarioStep, fitOptionsToStrategy } from '../compare/scenarioPath';
import { allCandidatesSame } from '../compare/successiveHalving';
import { sweepCombinations, scenarioOf, sweepRunKeys } from '../compare/sweepGrid';
import { sweepResult, type SweepCombinationSummary, type SweepResult, type SweepRun } from '../compare/sweepResult';
import { perMonth } from '../compare/windowTotals';
import { loadScenario, ScenarioError } from '../scenario/load';
import type { MetricName } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';
import { BrowserPool, type BrowserTask } from './browserPool';
import { chartWidth, drawToWidth } from './chartFit';
import { download, el } from './dom';
import { formatValue } from './format';
import { setupOptimizer } from './optimizer';
import { fieldById, NO_BEST_BUTTON, sameResultsWords, SENSITIVITY_FIELDS, sensitivitySweep, valuesUsedMessage } from './sensitivityFields';
import { startRun } from './runControls';
import { keepChoices, SENSITIVITY_CHOICES_KEY } from './keptChoices';

/** What the page around the section offers. */
export interface SensitivityHooks {
  /** The selected scenario's JSON, or why it cannot be varied. */
  selected(): { ok: true; name: string; json: Record<string, unknown> } | { ok: false; message: string };
  /** The page's seed and replications, or what to fix in them first. */
  settings(): { seed: number; replications: number } | string;
  applyToSelected(changes: Record<string, unknown>): { ok: true; name: string; valid: boolean; baseline: boolean } | { ok: false; message: string };
  /** Results are on screen, of this scenario, seed and replications (the page marks them out of date after a change). */
  shown?(run: { json: Record<string, unknown>; seed: string | number; replications: number }): void;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** A metric of a combination as shown: funded loans a month of the combination's own window, or as it is. */
function shown(metric: MetricName | 'fundedPerMonth', c: SweepCombinationSummary, windowDays: number): MetricSummary {
  if (metric !== 'fundedPerMonth') return c.metrics[metric];
  const s = c.metrics.funded;
  const f = (v: number) => perMonth(v, windowDays);
  return { ...s, mean: f(s.mean), ci95: s.ci95 ? [f(s.ci95[0]), f(s.ci95[1])] : null };
}

/**
 * The value to write for each changed path in the user's scenario: a path into a part the user left out (or wrote
 * as a preset name, like `"callbacks": "radar"`) writes that whole part from the normalized scenario, so the
 * defaults beside the changed value are kept; a path through an optional object neither writes (a status of the
 * preset) makes it, as the sweep did; a changed strategy keeps only the options it takes, as the sweep ran it.
 */
export function changesForScenario(user: Record<string, unknown>, normalized: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  let part: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const top = parsePath(path)[0] as string;
    const own = user[top];
    const from = top in part ? part[top] : typeof own === 'object' && own !== null ? own : normalized[top];
    part = { ...part, [top]: (setAtPath({ [top]: JSON.parse(JSON.stringify(from)) }, path, value, expandScenarioStep) as Record<string, unknown>)[top] };
  }
  if ('distribution' in part) {
    const own = user.distribution;
    const before = { distribution: typeof own === 'object' && own !== null ? own : normalized.distribution };
    part.distribution = fitOptionsToStrategy(before, { distribution: part.distribution }, Object.keys(values)).distribution;
  }
  for (const [top, value] of Object.entries(part)) changes[top] = value;
  return changes;
}

/** Returns the optimizer's out-of-date marker, for the page to update on every change. */
export function setupSensitivity(hooks: SensitivityHooks): { update(): void } {
  let pool: BrowserPool | undefined;
  let last: { result: SweepResult; windows: number[]; user: Record<string, unknown>; fields: string[] } | undefined;
  const status = $('sens-status');
  const progress = $<HTMLProgressElement>('sens-progress');
  const runButton = $<HTMLButtonElement>('sens-run');
  const cancelButton = $<HTMLButtonElement>('sens-cancel');

  /** Says why a run did not happen and takes the previous run's results away, so they are not read as this one's. */
  function fail(message: string): void {
    status.textContent = message;
    last = undefined;
    $('sens-results').hidden = true;
    $('sens-charts').replaceChildren();
    $('sens-table').replaceChildren();
    $('sens-notes').replaceChildren();
    $('sens-use-status').textContent = '';
    const useBest = $<HTMLButtonElement>('sens-use-best');
    useBest.disabled = true;
    useBest.textContent = 'Use the best in the selected scenario';
  }

  const options = () => [Object.assign(el('option', {}, '(none)'), { value: '' }), ...SENSITIVITY_FIELDS.map((f) => Object.assign(el('option', {}, f.label), { value: f.id }))];
  for (const n of [1, 2]) {
    const select = $<HTMLSelectElement>(`sens-field-${n}`);
    select.replaceChildren(...options().slice(n === 1 ? 1 : 0));
    select.addEventListener('change', () => {
      $<HTMLInputElement>(`sens-range-${n}`).value = select.value ? fieldById(select.value).defaultRange : '';
      $<HTMLInputElement>(`sens-range-${n}`).disabled = !select.value;
    });
  }
  $<HTMLSelectElement>('sens-field-1').value = 'pipeline-limit';
  $<HTMLInputElement>('sens-range-1').value = fieldById('pipeline-limit').defaultRange;
  $<HTMLInputElement>('sens-range-2').disabled = true;

  function chosen(): { id: string; range: string }[] {
    return [1, 2].flatMap((n) => {
      const id = $<HTMLSelectElement>(`sens-field-${n}`).value;
      return id ? [{ id, range: $<HTMLInputElement>(`sens-range-${n}`).value }] : [];
    });
  }

  /** The sweep of the current choices, or a message saying what to fix. */
  function prepare(forOptimizer = false): { spec: ReturnType<typeof sensitivitySweep>; user: Record<string, unknown> } | string {
    const sel = hooks.selected();
    if (!sel.ok) return sel.message;
    const settings = hooks.settings();
    if (typeof settings === 'string') return settings;
    const { seed, replications } = settings;
    try {
      // The optimizer's runs are bounded by its budget, not by the page's replications.
      return { spec: sensitivitySweep(sel.json, chosen(), seed, forOptimizer ? 1 : replications), user: sel.json };
    } catch (e) {
      return (e as Error).message;
    }
  }

  async function run(): Promise<void> {
    const prepared = prepare();
    if (typeof prepared === 'string') {
      fail(prepared);
      return;
    }
    const { spec, user } = prepared;
    // As `leadlab sweep` does: parameters apply to the normalized base, where every default is written out.
    const normalized = JSON.parse(JSON.stringify(loadScenario(spec.base as Record<string, unknown>).scenario)) as Record<string, unknown>;
    const combinations = sweepCombinations(spec.parameters);
    const windows: number[] = [];
    const scenarios: Record<string, unknown>[] = [];
    const notes = new Set<string>();
    for (const c of combinations) {
      try {
        const scenario = scenarioOf(normalized, c, notes);
        const config = loadScenario(scenario).config;
        windows.push(config.days - config.warmupDays);
        scenarios.push(scenario);
      } catch (e) {
        const where = Object.entries(c.values).map(([p, v]) => `${p} = ${JSON.stringify(v)}`).join(', ');
        fail(`The scenario with ${where} is not valid: ${e instanceof ScenarioError ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : (e as Error).message}`);
        return;
      }
    }
    // Replication by replication, as the comparison runs: a cancelled run keeps about as many replications of every
    // value (the sweep file's order, value by value, left only the first values run). Each run is seeded by its
    // replication, so the order changes no number.
    const keys = sweepRunKeys(combinations.length, spec.replications!).sort((a, b) => a.replication - b.replication || a.combination - b.combination);
    const tasks: BrowserTask[] = keys.map((k) => ({ source: { json: scenarios[k.combination], files: {} }, replication: k.replication, seed: spec.seed! }));
    pool ??= new BrowserPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)));
    const controls = startRun(runButton, cancelButton, progress);
    status.textContent = `Running ${tasks.length} simulations (${combinations.length} settings x ${spec.replications} replications)...`;
    try {
      const outcome = await pool.run(tasks, {
        signal: controls.signal,
        onProgress: (done, total) => {
          progress.value = done / total;
          status.textContent = `${done} of ${total} simulations done`;
        },
      });
      const runs: SweepRun[] = keys.flatMap((k, i) => {
        const r = outcome.results[i];
        return r ? [{ combination: k.combination, replication: k.replication, metrics: r.metrics }] : [];
      });
      const result = sweepResult({ name: spec.name, base: normalized, parameters: spec.parameters, replications: spec.replications!, seed: spec.seed!, ...(notes.size > 0 && { notes: [...notes] }) }, combinations, runs);
      if (outcome.aborted) result.partial = { runsFinished: runs.length, runsPlanned: tasks.length };
      last = { result, windows, user, fields: chosen().map((c) => c.id) };
      render();
      hooks.shown?.({ json: user, seed: spec.seed!, replications: spec.replications! });
      status.textContent = outcome.aborted ? `Cancelled: ${runs.length} of ${tasks.length} simulations finished; settings with fewer than two replications have no interval.` : `Done: ${combinations.length} settings x ${spec.replications} replications, seed ${spec.seed}.`;
    } catch (e) {
      fail(`The run failed: ${(e as Error).message}`);
    } finally {
      controls.end();
    }
  }

  /**
   * True when every setting gave the same results, run for run (a limit that never binds on this floor): then no
   * value is better than another, and none is offered as the best.
   */
  function allSame(): boolean {
    if (!last) return false;
    // Each combination's runs by replication, compared as `leadlab optimize` compares its candidates.
    const byCombination: string[][] = last.result.combinations.map(() => []);
    for (const r of last.result.runs) byCombination[r.combination][r.replication] = JSON.stringify(r.metrics);
    return allCandidatesSame(byCombination);
  }

  /**
   * The combination with the most funded loans a month, once every one has an interval (two replications or more):
   * a value not yet measured may be the best.
   */
  function best(): number | undefined {
    if (!last || allSame() || last.result.combinations.some((c) => c.metrics.funded.n < 2)) return undefined;
    let at: number | undefined;
    last.result.combinations.forEach((c, i) => {
      if (at === undefined || shown('fundedPerMonth', c, last!.windows[i]).mean > shown('fundedPerMonth', last!.result.combinations[at], last!.windows[at]).mean) at = i;
    });
    return at;
  }

  function render(): void {
    if (!last) return;
    const { result, windows, fields } = last;
    const params = result.sweep.parameters;
    const labels = fields.map((id) => fieldById(id));
    const axis = (c: SweepCombinationSummary, k: number) => labels[k].axisValue(c.values[params[k].path]);
    const top = best();
    const same = allSame();
    // Means that read the same as the best's are tied with it: the table says so rather than crown the first.
    const perMonth = (i: number) => shown('fundedPerMonth', result.combinations[i], windows[i]).mean.toFixed(1);
    const tiedWithTop = (i: number) => top !== undefined && i !== top && result.combinations[i].metrics.funded.n >= 2 && perMonth(i) === perMonth(top);
    const tied = result.combinations.some((_, i) => tiedWithTop(i));
    // Every row tied for the best is marked, not only the first, which "Use the best" writes.
    const isBest = (i: number) => i === top || tiedWithTop(i);
    const cell = (m: MetricName | 'fundedPerMonth', c: SweepCombinationSummary, i: number) => {
      const s = shown(m, c, windows[i]);
      const unit: MetricName = m === 'fundedPerMonth' ? 'funded' : m;
      const text = m === 'fundedPerMonth' ? (v: number) => v.toFixed(1) : (v: number) => formatValue(unit, v);
      if (s.n === 0) return el('td', { className: 'num none', dataset: { metric: m } }, 'not run');
      return el('td', { className: 'num', dataset: { metric: m } }, el('strong', {}, text(s.mean)), el('br', {}), el('span', { className: 'ci' }, s.ci95 ? `${text(s.ci95[0])} to ${text(s.ci95[1])}` : `n = ${s.n}`));
    };
    const counts = result.combinations.map((c) => c.metrics.funded.n);
    const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
    const over = result.partial ? `the ${fewest === most ? fewest : `${fewest} or ${most}`} replications that finished of ${result.sweep.replications} (cancelled)` : `${result.sweep.replications} replications`;
    const marked = same ? 'every value gave the same results, so none is the best' : top === undefined ? 'no best is marked until every value has two replications' : 'the best for funded loans a month is marked';
    $('sens-table').replaceChildren(
      el('caption', {}, `Each setting: mean over ${over} (seed ${result.sweep.seed}) and its 95% interval; ${marked}`),
      el('thead', {}, el('tr', {}, ...labels.map((f) => el('th', { scope: 'col' }, f.label)), el('th', { scope: 'col' }, 'Funded loans a month'), el('th', { scope: 'col' }, 'Contact rate'), el('th', { scope: 'col' }, 'Funded rate'))),
      el('tbody', {}, ...result.combinations.map((c, i) => el('tr', { dataset: { combination: String(i) }, className: isBest(i) ? 'best' : '' },
        ...labels.map((_, k) => el('th', { scope: 'row' }, `${axis(c, k)}${isBest(i) && k === 0 ? (tied ? ' (tied for best)' : ' (best)') : ''}`)),
        cell('fundedPerMonth', c, i), cell('contactRate', c, i), cell('fundedRate', c, i)))),
    );
    // A value with no finished run has no point to draw.
    const points = (m: MetricName | 'fundedPerMonth'): SweepPoint[] => result.combinations.flatMap((c, i) => {
      const s = shown(m, c, windows[i]);
      return s.n === 0 ? [] : [{ x: axis(c, 0), y: params.length > 1 ? axis(c, 1) : undefined, mean: s.mean, lo: s.ci95?.[0] ?? s.mean, hi: s.ci95?.[1] ?? s.mean }];
    });
    const charts: [string, MetricName | 'fundedPerMonth', boolean][] = [['Funded loans a month', 'fundedPerMonth', false], ['Contact rate (%)', 'contactRate', true]];
    // Shown first, then each chart drawn at its figure's width (again when that changes): a phone shows it whole.
    $('sens-results').hidden = false;
    // What the runs changed beyond the chosen values (a new strategy's options), and a setting that changed nothing.
    const said = [
      ...(same ? [sameResultsWords(labels.map((f) => f.label))] : []),
      ...(result.sweep.notes ?? []).map((n) => `Note: ${n}.`),
    ];
    $('sens-notes').replaceChildren(...said.map((t) => el('p', {}, t)));
    const figures = charts.map(() => el('figure', {}));
    $('sens-charts').replaceChildren(...figures);
    const widths = figures.map((f) => chartWidth(f, 720));
    charts.forEach(([title, m, percent], i) => drawToWidth(figures[i], (width) => {
      const spec = params.length === 1
        ? sweepLineSpec(points(m), { xLabel: labels[0].label, yLabel: title, percent, width })
        : sweepHeatmapSpec(points(m), { xLabel: labels[0].label, yLabel: labels[1].label, metricLabel: title, percent, width });
      figures[i].replaceChildren(el('h3', {}, title), Plot.plot(spec));
    }, 720, widths[i]));
    const useBest = $<HTMLButtonElement>('sens-use-best');
    useBest.disabled = top === undefined;
    useBest.textContent = same ? NO_BEST_BUTTON : top === undefined ? 'Use the best in the selected scenario' : `Use the best (${labels.map((f, k) => `${f.label.split(' (')[0].toLowerCase()} ${axis(result.combinations[top], k)}`).join(', ')}) in the selected scenario`;
  }

  runButton.addEventListener('click', () => void run());
  const optimizer = setupOptimizer({
    prepare: () => prepare(true),
    pool: () => (pool ??= new BrowserPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)))),
    useValues(values, normalized) {
      const sel = hooks.selected();
      if (!sel.ok) return sel.message;
      const done = hooks.applyToSelected(changesForScenario(sel.json, normalized, values));
      return done.ok ? valuesUsedMessage(done, values) : done.message;
    },
  });
  $('sens-use-best').addEventListener('click', () => {
    const at = best();
    if (!last || at === undefined) return;
    const sel = hooks.selected();
    if (!sel.ok) {
      $('sens-use-status').textContent = sel.message;
      return;
    }
    const values = last.result.combinations[at].values;
    const done = hooks.applyToSelected(changesForScenario(sel.json, last.result.sweep.base, values));
    $('sens-use-status').textContent = done.ok ? valuesUsedMessage(done, values) : done.message;
  });
  $('sens-download').addEventListener('click', () => {
    const prepared = prepare();
    if (typeof prepared === 'string') {
      status.textContent = prepared;
      return;
    }
    const { spec } = prepared;
    const file = { name: spec.name, base: spec.base, parameters: Object.fromEntries(spec.parameters.map((p) => [p.path, p.values])), replications: spec.replications, seed: spec.seed };
    download(new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }), 'leadlab-sweep.json');
  });
  // What to vary and the optimizer's goal and budget survive a reload, as the scenarios do.
  keepChoices(['sens-field-1', 'sens-range-1', 'sens-field-2', 'sens-range-2', 'opt-metric', 'opt-budget'], SENSITIVITY_CHOICES_KEY);
  $<HTMLInputElement>('sens-range-2').disabled = !$<HTMLSelectElement>('sens-field-2').value;
  return optimizer;
}
