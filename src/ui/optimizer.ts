/**
 * The optimizer on the page: successive halving (src/compare/successiveHalving.ts, as `leadlab optimize`) over the
 * values of the settings chosen in the Sensitivity section, under a budget of runs, in the web workers; then the best
 * and the starting scenario on fresh replications the search did not use (paired), out of the same budget, so the
 * gain is not the winner's curse of the replications that picked the best.
 */
import { clampInterval } from '../compare/clampInterval';
import { pairedDifference, type PairedDifference } from '../compare/pairedDifference';
import { confirmationSplit, firstFreshReplication, successiveHalving, type HalvingResult } from '../compare/successiveHalving';
import { sweepCombinations, scenarioOf, type SweepCombination } from '../compare/sweepGrid';
import type { SweepSpec } from '../compare/sweepSpec';
import { loadScenario } from '../scenario/load';
import { METRICS, type MetricName } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';
import { meanInterval } from '../stats/meanInterval';
import type { BrowserPool } from './browserPool';
import { download, el } from './dom';
import { formatValue, perMonth } from './format';
import { SENSITIVITY_FIELDS } from './sensitivityFields';
import { startRun } from './runControls';
import { wholeNumberProblem } from './numberField';

/** Metrics the page optimizes, each in its usual direction (`leadlab optimize`'s default goal). */
export const OPTIMIZE_METRICS: MetricName[] = ['funded', 'contactRate', 'fundedRate', 'costPerFunded'];

export interface OptimizerHooks {
  /** The sweep of the Sensitivity section's choices, or what to fix. */
  prepare(): { spec: SweepSpec; user: Record<string, unknown> } | string;
  pool(): BrowserPool;
  /** Writes the chosen values into the selected scenario; says what it did. */
  useValues(values: Record<string, unknown>, normalized: Record<string, unknown>): string;
}

/** What the page shows of a finished search: the same fields as `leadlab optimize --json`. */
export interface PageOptimizeResult {
  metric: MetricName;
  budget: number;
  seed: string | number;
  runs: number;
  searchBudget: number;
  searchRuns: number;
  candidates: number;
  rounds: HalvingResult['rounds'];
  budgetRanOutAfter: HalvingResult['budgetRanOutAfter'];
  /** The best's summary is on the confirmation's fresh replications; inSearch on the replications that picked it. */
  best: { index: number; values: Record<string, unknown>; summary: MetricSummary; inSearch: MetricSummary };
  start: MetricSummary;
  gain: PairedDifference;
  confirmation: { replications: number[]; runs: number };
}

class Cancelled extends Error {}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** "Pipeline limit (...) = 150", in the Sensitivity section's words. */
const valuesInWords = (c: SweepCombination) =>
  Object.entries(c.values)
    .map(([p, v]) => {
      const field = SENSITIVITY_FIELDS.find((f) => f.path === p);
      return field ? `${field.label.split(' (')[0].toLowerCase()} ${field.axisValue(v)}` : `${p} = ${JSON.stringify(v)}`;
    })
    .join(', ');

export function setupOptimizer(hooks: OptimizerHooks): void {
  const status = $('opt-status');
  const progress = $<HTMLProgressElement>('opt-progress');
  const runButton = $<HTMLButtonElement>('opt-run');
  const cancelButton = $<HTMLButtonElement>('opt-cancel');
  const metricSelect = $<HTMLSelectElement>('opt-metric');
  const budgetInput = $<HTMLInputElement>('opt-budget');
  metricSelect.replaceChildren(...OPTIMIZE_METRICS.map((m) => Object.assign(el('option', {}, `${METRICS[m].higherIsBetter ? 'Most' : 'Least'} ${METRICS[m].label.toLowerCase()}`), { value: m })));
  let last: { result: PageOptimizeResult; normalized: Record<string, unknown> } | undefined;

  function settings(): { metric: MetricName; budget: number } | string {
    // The field's own bounds (index.html's min and max), so the message and the browser's check agree.
    const problem = wholeNumberProblem(budgetInput, 'Budget (runs)');
    if (problem) return problem;
    return { metric: metricSelect.value as MetricName, budget: Number(budgetInput.value) };
  }

  /** The sweep and the optimizer's settings, or undefined after saying in the status what is wrong. */
  function inputs() {
    const prepared = hooks.prepare();
    const chosen = settings();
    if (typeof prepared === 'string' || typeof chosen === 'string') {
      status.textContent = typeof prepared === 'string' ? prepared : (chosen as string);
      return undefined;
    }
    return { spec: prepared.spec, ...chosen };
  }

  async function run(): Promise<void> {
    const got = inputs();
    if (!got) return;
    const { spec, metric, budget } = got;
    const normalized = JSON.parse(JSON.stringify(loadScenario(spec.base as Record<string, unknown>).scenario)) as Record<string, unknown>;
    const combos = sweepCombinations(spec.parameters);
    const sources = combos.map((c) => ({ json: scenarioOf(normalized, c), files: {} }));
    const seed = spec.seed!;
    const controls = startRun(runButton, cancelButton, progress);
    let spent = 0;
    const measure = async (tasks: { source: { json: Record<string, unknown>; files: Record<string, string> }; replication: number }[]) => {
      const outcome = await hooks.pool().run(tasks.map((t) => ({ source: t.source, replication: t.replication, seed })), {
        signal: controls.signal,
        onProgress: (done) => {
          progress.value = Math.min(1, (spent + done) / budget);
          status.textContent = `${spent + done} runs of a budget of ${budget}`;
        },
      });
      if (outcome.aborted) throw new Cancelled();
      spent += tasks.length;
      return outcome.results.map((r) => r!.metrics[metric]);
    };
    try {
      // The page offers only metrics with a better direction (OPTIMIZE_METRICS).
      const higherIsBetter = METRICS[metric].higherIsBetter !== false;
      // The budget covers the confirmation too (as `leadlab optimize`): its runs are set aside first.
      const split = confirmationSplit(budget, combos.length);
      const search = await successiveHalving({ candidates: combos.length, budget: split.search, higherIsBetter, evaluate: (tasks) => measure(tasks.map((t) => ({ source: sources[t.candidate], replication: t.replication }))) });
      const fresh = firstFreshReplication(search);
      const replications = Array.from({ length: split.confirmReplications }, (_, k) => fresh + k);
      const measured = await measure([
        ...replications.map((r) => ({ source: sources[search.best], replication: r })),
        ...replications.map((r) => ({ source: { json: normalized, files: {} }, replication: r })),
      ]);
      const bestValues = measured.slice(0, replications.length), startValues = measured.slice(replications.length);
      const result: PageOptimizeResult = {
        metric, budget, seed, runs: search.runs + measured.length, searchBudget: split.search, searchRuns: search.runs, candidates: combos.length,
        rounds: search.rounds, budgetRanOutAfter: search.budgetRanOutAfter,
        best: { index: search.best, values: combos[search.best].values, summary: clampInterval(metric, meanInterval(bestValues)), inSearch: clampInterval(metric, meanInterval(search.values[search.best])) },
        // Cut at what the metric can be (no negative count), as every summary of the project.
        start: clampInterval(metric, meanInterval(startValues)),
        gain: pairedDifference(metric, startValues, bestValues),
        confirmation: { replications, runs: measured.length },
      };
      last = { result, normalized };
      const config = loadScenario(normalized).config;
      render(result, combos, config.days - config.warmupDays);
      progress.value = 1;
      status.textContent = `Done: ${result.runs} of a budget of ${budget} runs (${search.runs} in the search, ${measured.length} to confirm the best against the scenario as it is on fresh replications), seed ${seed}.`;
    } catch (e) {
      if (e instanceof Cancelled) status.textContent = 'Cancelled: no best setting was chosen from the runs that finished.';
      else {
        const message = (e as Error).message.replace(/^optimize: /, '');
        status.textContent = `${message[0].toUpperCase()}${message.slice(1)}`;
      }
    } finally {
      controls.end();
    }
  }

  function render(result: PageOptimizeResult, combos: SweepCombination[], windowDays: number): void {
    const m = result.metric;
    // Funded loans are said a month, as everywhere on the page (the search ranks the same totals).
    const funded = m === 'funded';
    const show = (v: number) => (funded ? perMonth(v, windowDays).toFixed(1) : formatValue(m, v));
    const summary = (s: MetricSummary) => `${show(s.mean)}${s.ci95 ? ` (95% interval ${show(s.ci95[0])} to ${show(s.ci95[1])})` : ''}`;
    const gain = result.gain;
    const gainWords = `${gain.mean >= 0 ? '+' : '\u2212'}${show(Math.abs(gain.mean))}${gain.ci95 ? `, 95% interval ${show(gain.ci95[0])} to ${show(gain.ci95[1])}` : ''}`;
    const label = funded ? 'Funded loans a month' : METRICS[m].label;
    $('opt-answer').replaceChildren(
      el('p', { className: gain.verdict === 'better' ? 'better' : gain.verdict === 'worse' ? 'worse' : '' }, `Best of ${result.candidates} settings: ${valuesInWords(combos[result.best.index])}. Measured on ${result.confirmation.replications.length} fresh replications the search did not use (the same leads for both): ${label.toLowerCase()} ${summary(result.best.summary)}, against ${summary(result.start)} for the scenario as it is; the gain is ${gainWords} (${gain.verdict === 'no clear difference' ? 'no clear difference' : gain.verdict}). In the search, on the replications that picked it (which tend to flatter it), it had ${show(result.best.inSearch.mean)}.`),
      el('div', { className: 'table-wrap' }, el('table', { id: 'opt-rounds' },
        el('caption', {}, 'Rounds of successive halving: every setting gets a few replications, the better half goes on with more'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Round'), el('th', { scope: 'col' }, 'Settings left'), el('th', { scope: 'col' }, 'Replications each'), el('th', { scope: 'col' }, `Best ${label.toLowerCase()} (mean)`))),
        el('tbody', {}, ...result.rounds.map((r, i) => {
          const finite = r.means.filter(Number.isFinite);
          const top = finite.length ? (METRICS[m].higherIsBetter ? Math.max(...finite) : Math.min(...finite)) : NaN;
          return el('tr', {}, el('td', {}, String(i + 1)), el('td', { className: 'num' }, String(r.candidates.length)), el('td', { className: 'num' }, String(r.replications)), el('td', { className: 'num' }, show(top)));
        })),
      )),
      ...(result.budgetRanOutAfter === null ? [] : [el('p', { id: 'opt-ran-out' }, `The budget ran out after round ${result.budgetRanOutAfter}: the best of its ${result.rounds[result.rounds.length - 1].candidates.length} settings was chosen on the replications already run (later rounds ran nothing and are not shown).`)]),
    );
    $<HTMLButtonElement>('opt-use').disabled = false;
    $('opt-results').hidden = false;
  }

  runButton.addEventListener('click', () => void run());
  $('opt-use').addEventListener('click', () => {
    if (last) $('opt-use-status').textContent = hooks.useValues(last.result.best.values, last.normalized);
  });
  $('opt-download').addEventListener('click', () => {
    const got = inputs();
    if (!got) return;
    const { spec } = got;
    const file = { name: spec.name, base: spec.base, parameters: Object.fromEntries(spec.parameters.map((p) => [p.path, p.values])), seed: spec.seed, metric: got.metric, budget: got.budget };
    download(new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }), 'leadlab-optimize.json');
  });
}
