/**
 * The optimizer on the page: successive halving (src/compare/successiveHalving.ts, as `leadlab optimize`) over the
 * values of the settings chosen in the Sensitivity section, under a budget of runs, in the web workers; then the best
 * and the starting scenario on fresh replications the search did not use (paired), out of the same budget, so the
 * gain is not the winner's curse of the replications that picked the best.
 */
import { clampInterval } from '../sim/metricRange';
import { pairedDifference, type PairedDifference } from '../compare/pairedDifference';
import { allCandidatesSame, confirmationSplit, firstFreshReplication, successiveHalving, type HalvingResult } from '../compare/successiveHalving';
import { sweepCombinations, scenarioOf, type SweepCombination } from '../compare/sweepGrid';
import type { SweepSpec } from '../compare/sweepSpec';
import { loadScenario } from '../scenario/load';
import { METRICS, type MetricName } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';
import { meanInterval } from '../stats/meanInterval';
import type { BrowserPool } from './browserPool';
import { download, el } from './dom';
import { formatValue, pairedDifferenceInWords, perMonth } from './format';
import { NO_BEST_BUTTON, sameResultsWords, SENSITIVITY_FIELDS } from './sensitivityFields';
import { outOfDateMarker, staleNote } from './outOfDate';
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
  /** Every candidate gave the same results in every replication of the search: no best (`leadlab optimize`'s allSame). */
  allSame: boolean;
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

/** Returns what the page calls on every change of its scenarios, seed or replications, to mark the result. */
export function setupOptimizer(hooks: OptimizerHooks): { update(): void } {
  const status = $('opt-status');
  const progress = $<HTMLProgressElement>('opt-progress');
  const runButton = $<HTMLButtonElement>('opt-run');
  const cancelButton = $<HTMLButtonElement>('opt-cancel');
  const metricSelect = $<HTMLSelectElement>('opt-metric');
  const budgetInput = $<HTMLInputElement>('opt-budget');
  metricSelect.replaceChildren(...OPTIMIZE_METRICS.map((m) => Object.assign(el('option', {}, `${METRICS[m].higherIsBetter ? 'Most' : 'Least'} ${METRICS[m].label.toLowerCase()}`), { value: m })));
  let last: { result: PageOptimizeResult; normalized: Record<string, unknown> } | undefined;
  const useButton = $<HTMLButtonElement>('opt-use');
  const USE_TEXT = useButton.textContent!;

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

  /** What the result on screen depends on: the scenario, the settings to vary and their values, the seed, goal and budget. */
  function inputsNow(): string {
    const prepared = hooks.prepare();
    if (typeof prepared === 'string') return `problem: ${prepared}`;
    const { base, parameters, seed } = prepared.spec;
    return JSON.stringify([base, parameters, seed, metricSelect.value, budgetInput.value]);
  }
  const note = staleNote('opt-stale');
  $('opt-results').before(note);
  const marker = outOfDateMarker({
    note: () => note,
    dim: () => [$('opt-results')],
    current: inputsNow,
    message: 'Out of date: the selected scenario, the setting to vary, its values, the seed, the goal or the budget changed after this optimization. Press "Optimize" to search them.',
  });
  /** Marks the result and lets "Use this setting" write only a best of the inputs as they are now. */
  function update(): void {
    const stale = marker.update();
    useButton.disabled = !last || last.result.allSame || stale;
  }
  // The Sensitivity section's choices and the optimizer's own, as they are typed (the page calls update for the rest).
  for (const id of ['sens-field-1', 'sens-field-2', 'sens-range-1', 'sens-range-2', 'opt-metric', 'opt-budget']) {
    $(id).addEventListener('input', update);
    $(id).addEventListener('change', update);
  }

  /** Takes the previous result away, so that a new run, cancelled or failed, is not read with its answer. */
  function clear(): void {
    last = undefined;
    $('opt-results').hidden = true;
    $('opt-answer').replaceChildren();
    $('opt-use-status').textContent = '';
    useButton.textContent = USE_TEXT;
    // Nothing is on screen, so nothing is out of date.
    marker.shown(inputsNow());
    update();
  }

  async function run(): Promise<void> {
    clear();
    const got = inputs();
    if (!got) return;
    const { spec, metric, budget } = got;
    const normalized = JSON.parse(JSON.stringify(loadScenario(spec.base as Record<string, unknown>).scenario)) as Record<string, unknown>;
    const combos = sweepCombinations(spec.parameters);
    const sources = combos.map((c) => ({ json: scenarioOf(normalized, c), files: {} }));
    const seed = spec.seed!;
    const key = inputsNow();
    const controls = startRun(runButton, cancelButton, progress);
    // The previous run's "Done" is not this one's.
    status.textContent = `Starting ${budget} runs...`;
    let spent = 0;
    // Every metric of each candidate's runs, by replication (candidate -1 is the scenario as it is), as the command keeps them.
    const fingerprints: string[][] = combos.map(() => []);
    const measure = async (tasks: { source: { json: Record<string, unknown>; files: Record<string, string> }; replication: number; candidate: number }[]) => {
      const outcome = await hooks.pool().run(tasks.map((t) => ({ source: t.source, replication: t.replication, seed })), {
        signal: controls.signal,
        onProgress: (done) => {
          progress.value = Math.min(1, (spent + done) / budget);
          status.textContent = `${spent + done} runs of a budget of ${budget}`;
        },
      });
      if (outcome.aborted) throw new Cancelled();
      spent += tasks.length;
      outcome.results.forEach((r, i) => {
        if (r && tasks[i].candidate >= 0) fingerprints[tasks[i].candidate][tasks[i].replication] = JSON.stringify(r.metrics);
      });
      return outcome.results.map((r) => r!.metrics[metric]);
    };
    try {
      // The page offers only metrics with a better direction (OPTIMIZE_METRICS).
      const higherIsBetter = METRICS[metric].higherIsBetter !== false;
      // The budget covers the confirmation too (as `leadlab optimize`): its runs are set aside first.
      const split = confirmationSplit(budget, combos.length);
      const search = await successiveHalving({ candidates: combos.length, budget: split.search, higherIsBetter, evaluate: (tasks) => measure(tasks.map((t) => ({ source: sources[t.candidate], replication: t.replication, candidate: t.candidate }))) });
      const fresh = firstFreshReplication(search);
      const replications = Array.from({ length: split.confirmReplications }, (_, k) => fresh + k);
      const measured = await measure([
        ...replications.map((r) => ({ source: sources[search.best], replication: r, candidate: search.best })),
        ...replications.map((r) => ({ source: { json: normalized, files: {} }, replication: r, candidate: -1 })),
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
        // On the search's replications, as `leadlab optimize` decides it.
        allSame: allCandidatesSame(fingerprints.map((f, c) => f.slice(0, search.values[c].length))),
      };
      last = { result, normalized };
      const config = loadScenario(normalized).config;
      render(result, combos, config.days - config.warmupDays, spec.parameters.map((p) => SENSITIVITY_FIELDS.find((f) => f.path === p.path)?.label ?? p.path));
      marker.shown(key);
      update();
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

  function render(result: PageOptimizeResult, combos: SweepCombination[], windowDays: number, labels: string[]): void {
    const m = result.metric;
    // Funded loans are said a month, as everywhere on the page (the search ranks the same totals).
    const funded = m === 'funded';
    const show = (v: number) => (funded ? perMonth(v, windowDays).toFixed(1) : formatValue(m, v));
    const summary = (s: MetricSummary) => `${show(s.mean)}${s.ci95 ? ` (95% interval ${show(s.ci95[0])} to ${show(s.ci95[1])})` : ''}`;
    const gain = result.gain;
    // The best minus the scenario as it is, in the comparison's words: its sign and both ends of its interval signed,
    // a rate in percentage points, funded loans a month. It was "the gain is +1.2%" of a contact rate, and "the gain
    // is +$238" of a cost per funded that the best raised.
    const gainWords = pairedDifferenceInWords(m, gain, windowDays);
    const label = funded ? 'Funded loans a month' : METRICS[m].label;
    // A tie names no best: every value is the one confirmed, against the scenario as it is.
    const answer = result.allSame
      ? el('p', {}, `${sameResultsWords(labels)} Measured on ${result.confirmation.replications.length} fresh replications the search did not use, every value had ${label.toLowerCase()} ${summary(result.best.summary)}, against ${summary(result.start)} for the scenario as it is.`)
      : el('p', { className: gain.verdict === 'better' ? 'better' : gain.verdict === 'worse' ? 'worse' : '' }, `Best of ${result.candidates} settings: ${valuesInWords(combos[result.best.index])}. Measured on ${result.confirmation.replications.length} fresh replications the search did not use (the same leads for both): ${label.toLowerCase()} ${summary(result.best.summary)}, against ${summary(result.start)} for the scenario as it is; the best minus it: ${gainWords} (${gain.verdict === 'no clear difference' ? 'no clear difference' : gain.verdict}). In the search, on the replications that picked it (which tend to flatter it), it had ${show(result.best.inSearch.mean)}.`);
    $('opt-answer').replaceChildren(
      answer,
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
    useButton.textContent = result.allSame ? NO_BEST_BUTTON : USE_TEXT;
    $('opt-results').hidden = false;
  }

  runButton.addEventListener('click', () => void run());
  useButton.addEventListener('click', () => {
    update();
    if (!last || useButton.disabled) return;
    // Only a value among the ones to vary now (the button is disabled otherwise; this says why if it was not).
    const prepared = hooks.prepare();
    const outside = typeof prepared === 'string' ? prepared : Object.entries(last.result.best.values).find(([p, v]) => !prepared.spec.parameters.find((q) => q.path === p)?.values.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    if (outside) {
      $('opt-use-status').textContent = typeof outside === 'string' ? outside : `${outside[0]} = ${JSON.stringify(outside[1])} is not among the values to vary now: press "Optimize" to search them.`;
      return;
    }
    $('opt-use-status').textContent = hooks.useValues(last.result.best.values, last.normalized);
  });
  $('opt-download').addEventListener('click', () => {
    const got = inputs();
    if (!got) return;
    const { spec } = got;
    const file = { name: spec.name, base: spec.base, parameters: Object.fromEntries(spec.parameters.map((p) => [p.path, p.values])), seed: spec.seed, metric: got.metric, budget: got.budget };
    download(new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }), 'leadlab-optimize.json');
  });
  return { update };
}
