/** The workbench page: scenarios, their editor, the run on a pool of web workers, and the results. */
import { compareScenarios, type Comparison } from '../compare/compareScenarios';
import { loadScenario, ScenarioError } from '../scenario/load';
import type { ResolvedScenario } from '../scenario/resolve';
import type { SchemaIssue } from '../schema';
import type { RunResult } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { checkWarmup } from '../sim/warmup';
import { distributionStrategies } from '../strategies/distribution';
import { BrowserPool, type BrowserTask } from './browserPool';
import { nextTask } from './chartFit';
import { download, el } from './dom';
import { setupHistory } from './history';
import { setupLossView } from './lossView';
import { setupSensitivity } from './sensitivity';
import { PRESET_COMPARISONS } from './presets';
import { dropCallTables, showCallTables } from './callTablesView';
import { setupSets } from './scenarioSets';
import { renderResults } from './renderResults';
import { summarizeInSlices } from './summarizeInSlices';
import { confirmRunSize, estimateScenario, recordComparison } from './runEstimateView';
import { comparisonCsv } from './resultsCsv';
import { fieldLink, markIssues, setAtPath, wireInputs } from './scenarioForm';
import { renderScenarioForm } from './scenarioSections';
import { contactModelWarning } from './contactModels';
import { parseState, readAnyLink, readLink, STORAGE_KEY, stateToCompressedHash, stateToHash, type LinkInAddress, type WorkbenchState } from './workbenchState';
import { startRun } from './runControls';
import { inputsKey, outOfDateMarker, staleNote } from './outOfDate';
import { wholeNumberProblem } from './numberField';
import { scenarioNameIn } from './scenarioName';
import { DAYS_HINT_WITHOUT_SCENARIO, daysHint } from './daysHint';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function presetState(index: number, replications = 5, seed = 1): WorkbenchState {
  return { scenarios: PRESET_COMPARISONS[index].scenarios.map((s) => JSON.stringify(s, null, 2)), seed, replications, selected: 0 };
}

/** A link that cannot be read is kept in the address (so it can be sent back or repaired) until the user changes something. */
let damagedLink: string | undefined;

function initialState(link: LinkInAddress): WorkbenchState {
  if (link.kind === 'ok') return link.state;
  if (link.kind === 'damaged') damagedLink = link.reason;
  const stored = localStorage.getItem(STORAGE_KEY);
  return (stored && parseState(stored)) || presetState(0);
}

let state = presetState(0);
let lastComparison: Comparison | undefined;

const runKey = (s: WorkbenchState) => JSON.stringify([s.scenarios, s.seed, s.replications]);

/** Results on screen are marked out of date once the scenarios, seed or replications differ from their run. */
const comparisonMarker = outOfDateMarker({
  note: () => $('stale-note'),
  dim: () => [$('answer-results'), $('results')],
  current: () => runKey(state),
  message: 'Out of date: the scenarios changed after this run. Press "Run comparison" to see the numbers for them.',
});
/** The diagnosis of the baseline, and the sensitivity of the selected scenario, are marked the same way. */
const diagnosisMarker = outOfDateMarker({
  note: () => document.getElementById('diagnosis-stale'),
  dim: () => [document.getElementById('diagnosis-output')],
  current: () => inputsKey(state.scenarios[0], state.seed, state.replications),
  message: 'Out of date: the baseline scenario, seed or replications changed after this diagnosis. Press "Diagnose the baseline" to see the numbers for it.',
});
const sensitivityMarker = outOfDateMarker({
  note: () => document.getElementById('sens-stale'),
  dim: () => [document.getElementById('sens-results')],
  current: () => inputsKey(state.scenarios[state.selected], state.seed, state.replications),
  message: 'Out of date: the selected scenario, seed or replications changed after this sensitivity run. Press "Run sensitivity" to see the numbers for it.',
});

/** The optimizer marks its own result (set up with the sensitivity section, on its choices). */
let optimizerMarker: { update(): void } | undefined;

function markStale(): void {
  for (const m of [comparisonMarker, diagnosisMarker, sensitivityMarker, optimizerMarker]) m?.update();
}

/** Warns before and after a run when the scenarios answer the phone by different contact models. */
function renderWarnings(): void {
  const scenarios = state.scenarios.flatMap((text, i) => {
    const c = check(text);
    return c.ok ? [{ name: nameOf(text, i), json: c.json }] : [];
  });
  const warning = scenarios.length === state.scenarios.length ? contactModelWarning(scenarios) : undefined;
  $('run-warnings').replaceChildren(...(warning ? [el('p', {}, warning)] : []));
}

/** Counts the links written, so a late packed link never replaces a newer one. */
let linkVersion = 0;

/** Keeps the state in localStorage and the page address. */
function save(): void {
  markStale();
  renderWarnings();
  if (damagedLink !== undefined) {
    // The first change the user makes replaces the damaged link with a working one.
    damagedLink = undefined;
    $('link-error').replaceChildren();
  }
  const text = JSON.stringify(state);
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // A full or disabled storage still leaves the comparison in the page address.
  }
  // The plain link at once (a reload right away finds it), then the short one when it is packed.
  history.replaceState(null, '', stateToHash(state));
  const mine = ++linkVersion;
  void stateToCompressedHash(state).then((hash) => {
    if (mine === linkVersion) history.replaceState(null, '', hash);
  });
}

type Checked = { ok: true; json: Record<string, unknown>; name: string; windowDays: number; resolved: ResolvedScenario } | { ok: false; json?: unknown; issues: SchemaIssue[] };

/** Parses and validates a scenario text with the same schema as the command line. */
function check(text: string): Checked {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(JSON)', message: (e as Error).message }] };
  }
  try {
    const resolved = loadScenario(json);
    return { ok: true, json: json as Record<string, unknown>, name: resolved.scenario.name, windowDays: resolved.config.days - resolved.config.warmupDays, resolved };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, json, issues: e.issues };
    return { ok: false, json, issues: [{ path: 'scenario', message: (e as Error).message }] };
  }
}

/** The scenario's name, read also from JSON being edited (the tab and every message say the same name). */
function nameOf(text: string, i: number): string {
  return scenarioNameIn(text) ?? `Scenario ${i + 1}`;
}

function renderTabs(): void {
  $('scenario-tabs').replaceChildren(
    ...state.scenarios.map((text, i) => {
      const b = el('button', { dataset: { index: String(i) } }, nameOf(text, i));
      b.type = 'button';
      b.setAttribute('aria-pressed', String(i === state.selected));
      if (i === 0) b.append(el('span', { className: 'badge' }, 'baseline'));
      if (!check(text).ok) b.append(el('span', { className: 'bad' }, 'needs fixing'));
      b.addEventListener('click', () => select(i));
      return b;
    }),
  );
  ($('remove-scenario') as HTMLButtonElement).disabled = state.scenarios.length <= 1;
  ($('make-baseline') as HTMLButtonElement).disabled = state.selected === 0;
  const names = state.scenarios.map(nameOf);
  $('comparing').textContent = names.length > 1 ? `Baseline: ${names[0]}. Compared with it: ${names.slice(1).join('; ')}.` : `Only one scenario (${names[0]}): add a copy below and change it to compare.`;
}

function renderIssues(checked: Checked): void {
  const box = $('issues');
  markIssues($('scenario-form'), checked.ok ? [] : checked.issues);
  if (checked.ok) {
    box.replaceChildren(el('p', { className: 'ok' }, 'The scenario is valid.'));
    return;
  }
  box.replaceChildren(
    el('p', {}, `${checked.issues.length} problem${checked.issues.length === 1 ? '' : 's'} to fix before this scenario can run:`),
    el('ul', {}, ...checked.issues.map((i) => el('li', {}, el('code', {}, i.path), `: ${i.message}`, ...fieldLink($('scenario-form'), i.path)))),
  );
}

/** Shows the selected scenario in the form and the JSON box. */
function renderEditor(): void {
  const text = state.scenarios[state.selected];
  const textarea = $<HTMLTextAreaElement>('scenario-json');
  if (textarea.value !== text) textarea.value = text;
  const checked = check(text);
  const json = checked.ok ? checked.json : checked.json;
  const usable = typeof json === 'object' && json !== null && !Array.isArray(json);
  $('form-note').hidden = usable;
  for (const fs of $('scenario-form').querySelectorAll('fieldset')) fs.disabled = !usable;
  if (usable) renderScenarioForm($('scenario-form'), json as Record<string, unknown>, { onInput: onFormInput, edit: editScenario });
  // "Days simulated" is the arrival days: the estimate counts the cool-down too, the answers only the measured window.
  $('f-days-hint').textContent = checked.ok ? daysHint(checked.resolved.config) : DAYS_HINT_WITHOUT_SCENARIO;
  renderIssues(checked);
}

function select(i: number): void {
  state.selected = i;
  save();
  renderTabs();
  renderEditor();
}

/** A form field changed: write it into the scenario JSON at the field's path (undefined: remove it). */
function onFormInput(path: string, value: unknown): void {
  editScenario((json) => setAtPath(json, path, value));
}

/** Changes the selected scenario's JSON, keeps it, and shows it in the JSON box and the form. */
function editScenario(mutate: (json: Record<string, unknown>) => void): void {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(state.scenarios[state.selected]) as Record<string, unknown>;
  } catch {
    return;
  }
  mutate(json);
  state.scenarios[state.selected] = JSON.stringify(json, null, 2);
  save();
  renderTabs();
  renderEditor();
}

function setup(): void {
  const presetSelect = $<HTMLSelectElement>('preset');
  presetSelect.replaceChildren(...PRESET_COMPARISONS.map((p, i) => Object.assign(el('option', {}, p.title), { value: String(i) })));
  $<HTMLSelectElement>('f-strategy').replaceChildren(...Object.values(distributionStrategies).map((s) => Object.assign(el('option', {}, s.label), { value: s.name })));
  wireInputs($('main-fields'), onFormInput);
  $('load-preset').addEventListener('click', () => {
    // The scenarios being replaced stay one step back in the browser history, so Back brings them back.
    history.pushState(null, '', location.hash || stateToHash(state));
    const preset = PRESET_COMPARISONS[Number(presetSelect.value)];
    state = presetState(Number(presetSelect.value), state.replications, state.seed);
    // A removal from the replaced scenarios is not undone into the new ones.
    removed = undefined;
    $('undo-remove').hidden = true;
    save();
    renderAll();
    $('status').textContent = `Loaded "${preset.title}". Your previous scenarios are one step back: use the browser's Back button to return to them.`;
  });
  window.addEventListener('popstate', async () => {
    const link = await readAnyLink(location.hash);
    if (link.kind === 'damaged') showDamagedLink(link);
    if (link.kind !== 'ok') return;
    state = link.state;
    save();
    renderAll();
  });
  setupSets({
    current: () => state,
    open(set) {
      // The scenarios being replaced stay one step back in the browser history, as with a loaded comparison.
      history.pushState(null, '', location.hash || stateToHash(state));
      state = set;
      removed = undefined;
      $('undo-remove').hidden = true;
      save();
      renderAll();
    },
  });
  $('add-scenario').addEventListener('click', () => {
    let copy = state.scenarios[state.selected];
    try {
      const json = JSON.parse(copy) as Record<string, unknown>;
      json.name = `${nameOf(copy, state.selected)} (copy)`;
      copy = JSON.stringify(json, null, 2);
    } catch {
      // An unparsable scenario is copied as typed.
    }
    state.scenarios.push(copy);
    select(state.scenarios.length - 1);
  });
  $('remove-scenario').addEventListener('click', () => {
    if (state.scenarios.length <= 1) return;
    const index = state.selected;
    const [text] = state.scenarios.splice(index, 1);
    removed = { text, index };
    const undo = $('undo-remove');
    undo.hidden = false;
    undo.textContent = `Undo remove of "${nameOf(text, index)}"`;
    select(Math.max(0, index - 1));
  });
  $('undo-remove').addEventListener('click', () => {
    if (!removed) return;
    state.scenarios.splice(Math.min(removed.index, state.scenarios.length), 0, removed.text);
    const at = removed.index;
    removed = undefined;
    $('undo-remove').hidden = true;
    select(at);
  });
  $('make-baseline').addEventListener('click', () => {
    const [s] = state.scenarios.splice(state.selected, 1);
    state.scenarios.unshift(s);
    select(0);
  });
  $('scenario-json').addEventListener('input', (e) => {
    state.scenarios[state.selected] = (e.target as HTMLTextAreaElement).value;
    save();
    renderTabs();
    renderEditor();
  });
  for (const key of RUN_SETTINGS) {
    $(key).addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      const problem = runSettingProblem(key);
      input.setAttribute('aria-invalid', String(problem !== null));
      $('status').textContent = problem ?? '';
      if (!problem) {
        state[key] = Number(input.value);
        save();
      }
    });
  }
  $('run').addEventListener('click', () => void run());
  $('save-scenario').addEventListener('click', () => {
    const text = state.scenarios[state.selected];
    download(new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: 'application/json' }), `${fileNameOf(nameOf(text, state.selected))}.json`);
  });
  $('open-scenario').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    // Each file is said with the tab it became, so a file the tabs name "Scenario 4" (no name, or broken) is found.
    const opened: string[] = [];
    for (const file of input.files ?? []) {
      const text = await file.text();
      state.scenarios.push(text);
      const at = state.scenarios.length - 1;
      const c = check(text);
      const problem = c.ok ? '' : c.issues[0]?.path === '(JSON)' ? ', not valid JSON: fix it in the JSON box' : ', with problems to fix';
      opened.push(`"${file.name}" as "${nameOf(text, at)}"${problem}`);
    }
    input.value = '';
    if (opened.length === 0) return;
    select(state.scenarios.length - 1);
    $('status').textContent = `Opened ${opened.join('; ')}.`;
  });
  $('download-csv').addEventListener('click', () => {
    if (lastComparison) download(new Blob([comparisonCsv(lastComparison)], { type: 'text/csv' }), 'leadlab-comparison.csv');
  });
}

function fileNameOf(name: string): string {
  return name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'scenario';
}

function renderAll(): void {
  $<HTMLInputElement>('replications').value = String(state.replications);
  $<HTMLInputElement>('seed').value = String(state.seed);
  renderTabs();
  renderEditor();
}

let pool: BrowserPool | undefined;
/** The last scenario removed, and where it was, so Remove can be undone. */
let removed: { text: string; index: number } | undefined;

/** The run's settings, each an input of the same id; their bounds are the inputs' min and max. */
const RUN_SETTINGS = ['replications', 'seed'] as const;
const SETTING_LABELS: Record<(typeof RUN_SETTINGS)[number], string> = { replications: 'Replications', seed: 'Seed' };
const runSettingProblem = (key: (typeof RUN_SETTINGS)[number]) => wholeNumberProblem($<HTMLInputElement>(key), SETTING_LABELS[key]);

/**
 * The seed and replications the sensitivity, the optimizer and the diagnosis run with, or what to fix first: a field
 * that holds a bad value ("1") is refused there as "Run comparison" refuses it, not run with the last good one (5).
 */
function runSettings(): { seed: number; replications: number } | string {
  const problem = RUN_SETTINGS.map(runSettingProblem).find((p) => p !== null);
  return problem ? `${problem} (in "Which policy funds more loans?" above); fix it before running.` : { seed: state.seed, replications: state.replications };
}

async function run(): Promise<void> {
  const status = $('status');
  // What the setting takes, not only that it is wrong: the range was only in the browser's tooltip.
  const badSetting = RUN_SETTINGS.find((key) => runSettingProblem(key) !== null);
  if (badSetting) {
    status.textContent = `${runSettingProblem(badSetting)}; fix it before running.`;
    $(badSetting).focus();
    return;
  }
  const checked = state.scenarios.map(check);
  const bad = checked.findIndex((c) => !c.ok);
  if (bad >= 0) {
    status.textContent = `"${nameOf(state.scenarios[bad], bad)}" has problems; fix them before running.`;
    select(bad);
    return;
  }
  const ok = checked as Extract<Checked, { ok: true }>[];
  const { replications, seed } = state;
  pool ??= new BrowserPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)));
  // The estimate first: a run above the CLI's limits, or a long one, starts only when the user says so.
  const estimates = ok.map((c) => estimateScenario(c.name, c.resolved));
  if (!(await confirmRunSize($('run-estimate'), estimates, replications, pool.size))) {
    status.textContent = 'Not run: change the scenarios or press "Run comparison" again.';
    return;
  }
  const ranKey = runKey(state);
  // Call tables of an earlier run are no longer wanted.
  dropCallTables();
  const tasks: BrowserTask[] = [];
  // Replication-major order, so a cancelled run keeps complete pairs for the paired differences.
  for (let r = 0; r < replications; r++) for (const c of ok) tasks.push({ source: { json: c.json, files: {} }, replication: r, seed });
  const progress = $<HTMLProgressElement>('progress');
  const controls = startRun($<HTMLButtonElement>('run'), $<HTMLButtonElement>('cancel'), progress);
  status.textContent = `Running ${tasks.length} simulations on ${pool.size} worker${pool.size === 1 ? '' : 's'}...`;
  // Marks let a test check that the main thread stays free while the workers simulate.
  performance.mark('leadlab-run-start');
  const started = performance.now();
  try {
    const outcome = await pool.run(tasks, {
      signal: controls.signal,
      onProgress: (done, total) => {
        progress.value = done / total;
        status.textContent = `${done} of ${total} simulations done`;
      },
      // The bar moves within a long replication too.
      onPartial: (done, partial, total) => {
        progress.value = (done + partial) / total;
      },
    });
    performance.mark('leadlab-run-end');
    // What the runs measured (their events, and the pace of a run that finished) corrects the next estimate.
    const workers = pool.size;
    recordComparison(estimates, ok.map((_, s) => Array.from({ length: replications }, (_, r) => (outcome.results[r * ok.length + s] as RunResult | undefined)?.events)), (performance.now() - started) / 1000, workers);
    // Only replications finished for every scenario can be paired.
    let complete = 0;
    while (complete < replications && ok.every((_, s) => outcome.results[complete * ok.length + s])) complete++;
    if (complete < 2) {
      status.textContent = outcome.aborted ? 'Cancelled before two replications of every scenario finished; nothing to show.' : 'Too few replications to show.';
      return;
    }
    // Each scenario summarized in slices, then the results drawn a chart a task: no task holds the page for long.
    const summaries: ScenarioSummary[] = [];
    for (const [s, c] of ok.entries()) {
      await nextTask();
      summaries.push(await summarizeInSlices(c.name, seed, Array.from({ length: complete }, (_, r) => outcome.results[r * ok.length + s] as RunResult)));
    }
    lastComparison = compareScenarios(summaries, { windowDays: ok.map((c) => c.windowDays) });
    // Whether each scenario's open pipeline settles within its warm-up (src/sim/warmup.ts), as `leadlab run` says.
    const warmups = ok.map((c, s) => checkWarmup(Array.from({ length: complete }, (_, r) => (outcome.results[r * ok.length + s] as RunResult).daily.pipeline), { days: c.resolved.config.days, warmupDays: c.resolved.config.warmupDays, replay: c.resolved.scenario.leads.replay !== undefined }));
    await renderResults(lastComparison, summaries, warmups);
    performance.mark('leadlab-draw-end');
    comparisonMarker.shown(ranKey);
    void showCallTables(pool, ok.map((c) => ({ name: c.name, json: c.json, run: c.resolved.config })), seed);
    status.textContent = outcome.aborted ? `Cancelled: showing the ${complete} replications finished for every scenario.` : `Done: ${complete} replications per scenario.`;
  } catch (e) {
    status.textContent = `The run failed: ${(e as Error).message}`;
  } finally {
    controls.end();
  }
}

/** The History section writes a fit into the selected scenario through the same path as the form. */
function applyToSelected(changes: Record<string, unknown>): { ok: true; name: string; valid: boolean; baseline: boolean } | { ok: false; message: string } {
  const name = nameOf(state.scenarios[state.selected], state.selected);
  try {
    JSON.parse(state.scenarios[state.selected]);
  } catch {
    return { ok: false, message: `"${name}" has a JSON syntax error; fix it in section 1 first.` };
  }
  for (const [path, value] of Object.entries(changes)) onFormInput(path, value);
  renderEditor();
  return { ok: true, name, valid: check(state.scenarios[state.selected]).ok, baseline: state.selected === 0 };
}

/** The History section writes a fit into every scenario, so the comparison keeps one contact model. */
function applyToAll(changes: Record<string, unknown>): { ok: true; names: string[]; invalid: string[] } | { ok: false; message: string } {
  const broken = state.scenarios.findIndex((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  if (broken >= 0) return { ok: false, message: `"${nameOf(state.scenarios[broken], broken)}" has a JSON syntax error; fix it first, then use the fit in all scenarios.` };
  state.scenarios = state.scenarios.map((text) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const [path, value] of Object.entries(changes)) setAtPath(json, path, value);
    return JSON.stringify(json, null, 2);
  });
  save();
  renderTabs();
  renderEditor();
  const names = state.scenarios.map(nameOf);
  return { ok: true, names, invalid: names.filter((_, i) => !check(state.scenarios[i]).ok) };
}

function showDamagedLink(link: LinkInAddress): void {
  if (link.kind !== 'damaged') return;
  $('link-error').replaceChildren(
    el('p', {}, el('strong', {}, 'This link is damaged: '), `${link.reason}. The page shows the scenarios you had before instead; the link stays in the address bar until you change something, so you can copy it or ask for a new one.`),
  );
}

/** Sets the page up on a state; `keepAddress` leaves the address as it is (a link not yet read, or damaged). */
function boot(initial: WorkbenchState, keepAddress: boolean): void {
  state = initial;
  setup();
  setupHistory({ applyToSelected, applyToAll });
  optimizerMarker = setupSensitivity({
    selected() {
      const text = state.scenarios[state.selected];
      const c = check(text);
      return c.ok ? { ok: true, name: c.name, json: c.json } : { ok: false, message: `"${nameOf(text, state.selected)}" has problems; fix them in the scenario before varying it.` };
    },
    settings: runSettings,
    shown: (run) => sensitivityMarker.shown(inputsKey(run.json, run.seed, run.replications)),
    applyToSelected(changes) {
      const done = applyToSelected(changes);
      if (done.ok) renderTabs();
      return done;
    },
  });
  // The sensitivity's results get the comparison's "Out of date" note, above them.
  document.getElementById('sens-results')?.before(staleNote('sens-stale'));
  // "Where production is lost": its own section, on the baseline scenario and the page's worker pool.
  setupLossView({
    baseline: () => {
      const c = check(state.scenarios[0]);
      return c.ok ? c : { ok: false, message: `The baseline "${nameOf(state.scenarios[0], 0)}" has problems; fix them in section 1 first.` };
    },
    settings: runSettings,
    shown: (run) => diagnosisMarker.shown(inputsKey(run.json, run.seed, run.replications)),
    pool: () => (pool ??= new BrowserPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)))),
  });
  renderAll();
  if (keepAddress) {
    markStale();
    renderWarnings();
  } else {
    save();
  }
  $('status').textContent = 'Ready: press "Run comparison" to simulate every scenario.';
}

/**
 * Reads the link or the stored scenarios and sets the page up. A packed link is unpacked while the page already shows
 * the stored scenarios (after a reload, the same ones), so nothing waits for it; a different comparison then replaces them.
 */
async function start(): Promise<void> {
  const sync = readLink(location.hash);
  if (sync.kind !== 'compressed') {
    boot(initialState(sync), damagedLink !== undefined);
    if (damagedLink !== undefined) showDamagedLink(sync);
    return;
  }
  boot(initialState({ kind: 'none' }), true);
  const link = await readAnyLink(location.hash);
  if (link.kind === 'ok') {
    if (JSON.stringify(link.state) !== JSON.stringify(state)) {
      state = link.state;
      renderAll();
    }
    save();
  } else if (link.kind === 'damaged') {
    damagedLink = link.reason;
    showDamagedLink(link);
  }
}

void start();
