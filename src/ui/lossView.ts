import * as Plot from '@observablehq/plot';
import { lossMoneySpec, waterfallSpec } from '../charts';
import { climbLadder, type RunFloor } from '../diagnose/climbLadder';
import { monthScale, stepSentenceFor, type Diagnosis } from '../diagnose/diagnosis';
import { LADDER } from '../diagnose/ladder';
import { LOST_REVENUE_NOTE, lossRows } from '../diagnose/lossWords';
import type { RunResult } from '../sim/runResult';
import type { BrowserPool } from './browserPool';
import { chartWidth, drawToWidth } from './chartFit';
import { download, el, savePng } from './dom';
import { staleNote } from './outOfDate';
import { startRun } from './runControls';
import { MINUS_SIGN } from '../stats/signedFixed';

/** What the view needs from the page: the baseline scenario, validated, and the page's worker pool. */
export interface LossViewHooks {
  baseline(): { ok: true; json: Record<string, unknown>; name: string; windowDays: number } | { ok: false; message: string };
  /** The page's seed and replications, or what to fix in them first. */
  settings(): { replications: number; seed: number } | string;
  /** A diagnosis is on screen, of this baseline, seed and replications (the page marks it out of date after a change). */
  shown?(run: { json: Record<string, unknown>; seed: number; replications: number }): void;
  pool(): BrowserPool;
}

/**
 * The "Where production is lost" section (docs/diagnosis.md): the ladder of fixes climbed on the baseline scenario in
 * web workers, with progress and an Interrupt button, the production waterfall and the loss buckets as money, each chart saved as
 * SVG or PNG. It adds its own section after the results, so the page's other sections are untouched.
 */
export function setupLossView(hooks: LossViewHooks): void {
  const button = Object.assign(el('button', { className: 'primary' }, 'Diagnose the baseline'), { type: 'button' as const });
  // "Interrupt": the page's Cancel (Run) and Stop (History) buttons keep their names to themselves.
  const cancel = Object.assign(el('button', {}, 'Interrupt'), { type: 'button' as const, disabled: true });
  cancel.setAttribute('aria-label', 'Interrupt the diagnosis');
  const progress = Object.assign(el('progress', {}), { max: 1, value: 0 });
  const status = el('span', { id: 'diagnosis-status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const output = el('div', { id: 'diagnosis-output' });
  const title = el('h2', { id: 'diagnosis-title' }, 'Where production is lost');
  const section = el(
    'section',
    { id: 'diagnosis' },
    title,
    el('p', { className: 'hint' }, 'Runs the baseline scenario, then a ladder of fixes one at a time (speed to lead, the radar cadence, pipeline caps and new-lead limits, a hunt group, scoring and drip), each on the same leads as the floor before it. A fix is kept only when the 95% interval of the funded loans it wins lies above zero.'),
    el('div', { className: 'row' }, button, cancel, progress, status),
    staleNote('diagnosis-stale'),
    output,
  );
  section.setAttribute('aria-labelledby', 'diagnosis-title');
  const results = document.getElementById('results');
  if (results) results.after(section);
  else document.querySelector('main')?.append(section);

  button.addEventListener('click', async () => {
    const base = hooks.baseline();
    if (!base.ok) {
      status.textContent = base.message;
      return;
    }
    const settings = hooks.settings();
    if (typeof settings === 'string') {
      status.textContent = settings;
      return;
    }
    const { replications, seed } = settings;
    const pool = hooks.pool();
    const controls = startRun(button, cancel);
    const total = replications * (LADDER.length + 1);
    let finished = 0;
    const runFloor: RunFloor = async (json, label, step) => {
      // Step 0 is the floor as it is, which the steps are measured against: not a step of the ladder.
      status.textContent = step === 0 ? `The floor as it is, then the ${LADDER.length} steps` : `Step ${step} of ${LADDER.length}: ${label}`;
      const tasks = Array.from({ length: replications }, (_, r) => ({ source: { json, files: {} }, replication: r, seed }));
      const outcome = await pool.run(tasks, { signal: controls.signal, onProgress: (done) => void (progress.value = (finished + done) / total) });
      finished += replications;
      return outcome.aborted ? undefined : (outcome.results as RunResult[]);
    };
    try {
      const diagnosis = await climbLadder(base.json, runFloor, { scenario: base.name, seed, replications, measuredDays: base.windowDays, monthScale: monthScale(base.windowDays) });
      if (!diagnosis) {
        status.textContent = 'Interrupted before the baseline finished; nothing to show.';
        return;
      }
      // An interrupted ladder leaves the bar where it stopped: a full bar read as a finished diagnosis.
      if (!diagnosis.interrupted) progress.value = 1;
      renderDiagnosis(output, diagnosis);
      hooks.shown?.({ json: base.json, seed, replications });
      status.textContent = diagnosis.interrupted ? interruptedWords(diagnosis.steps.length) : `Done: ${diagnosis.steps.length} steps, ${replications} replications each.`;
    } catch (e) {
      status.textContent = `The diagnosis failed: ${(e as Error).message}`;
    } finally {
      controls.end();
    }
  });
}

/** What an interrupted diagnosis shows: the steps that finished, or the baseline alone before any fix was tried. */
function interruptedWords(steps: number): string {
  if (steps === 0) return 'Interrupted after the baseline ran, before any fix was tried: the best found is the floor as it is.';
  return `Interrupted: showing the ${steps} of ${LADDER.length} steps that finished.`;
}

/** The waterfall, the losses as money and one sentence per step. */
export function renderDiagnosis(output: HTMLElement, d: Diagnosis): void {
  const waterfall = el('figure', { id: 'diagnosis-waterfall' });
  const losses = el('figure', { id: 'diagnosis-losses' });
  output.replaceChildren(
    el('h3', {}, 'Funded loans a month: current floor, each fix, best found'),
    waterfall,
    el('h3', {}, 'Revenue lost a month, by where the lead was lost (baseline)'),
    losses,
    el('p', { id: 'diagnosis-loss-note' }, LOST_REVENUE_NOTE),
    el('dl', { id: 'diagnosis-loss-definitions', className: 'hint' }, ...lossRows(d.current.losses).flatMap((r) => [el('dt', {}, r.label), el('dd', {}, r.definition)])),
    // The page writes negatives with the minus sign, as its comparison's sentences do (src/ui/format.ts).
    el('ol', { id: 'diagnosis-steps' }, ...d.steps.map((s) => el('li', {}, stepSentenceFor(s, MINUS_SIGN)))),
  );
  // Drawn at their figures' width (read together first), and again when that changes: a phone shows them whole.
  const widths = [waterfall, losses].map((f) => chartWidth(f, 720));
  drawToWidth(waterfall, (width) => draw(waterfall, waterfallSpec(d, width)), 720, widths[0]);
  drawToWidth(losses, (width) => draw(losses, lossMoneySpec(d.current.losses, width)), 720, widths[1]);
}

/** A chart into its figure, with buttons that save it as SVG and PNG. */
function draw(figure: HTMLElement, spec: Plot.PlotOptions): void {
  const id = figure.id;
  const svg = Plot.plot(spec) as SVGSVGElement;
  const saveSvg = Object.assign(el('button', {}, 'Save chart (SVG)'), { type: 'button' as const });
  saveSvg.addEventListener('click', () => download(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `leadlab-${id}.svg`));
  const pngButton = Object.assign(el('button', {}, 'Save chart (PNG)'), { type: 'button' as const });
  pngButton.addEventListener('click', () => void savePng(svg, `leadlab-${id}.png`));
  figure.replaceChildren(svg, el('div', { className: 'row' }, saveSvg, pngButton));
}

