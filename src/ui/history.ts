/**
 * The History section: drop a call log or lead stream CSV, map its columns, see rows kept and rejected, fit the
 * contact curves in a web worker, view them, and use the fit in the selected scenario. This file is the
 * controller: it wires the page's elements and the worker to the state (./historyStore.ts) and places what the
 * views (./historyViews.ts) make from it.
 */
import * as Plot from '@observablehq/plot';
import { proxy, wrap, type Remote } from 'comlink';
import { resolveTimeZone } from '../io/timeZone';
import { messageOf } from '../schema';
import type { CallOutcome } from '../sim/callLog';
import type { HistoryApi, HistoryFit, HistoryRequest, HistoryResult } from '../worker/historyApi';
import { chartWidth, drawToWidth } from './chartFit';
import { download, el, onFilesChosen } from './dom';
import { fitQuality, fitQualityWords } from '../fit/fitQuality';
import { count } from './historyFormat';
import { createHistoryStore } from './historyStore';
import { arrivalsChartSpec, arrivalsUsedMessage, baseName, chartNodes, FIT_CHARTS, columnsView, conversionTable, failureMessage, fitNotesView, fitUsedMessage, keyNumbersView, modelFileText, outcomeWordsView, reportView, unknownOutcomesNote, zoneProblem } from './historyViews';
import './history.css';
import sampleCallLogUrl from '../../data/calllogs/sample-calls.csv.gz?url';

export { HISTORY_STORAGE_KEY } from './historyStore';

/** What the page around the section offers: a change to the selected scenario, through the form's save path. */
export interface HistoryHooks {
  /** Writes each path's value into the selected scenario; says which scenario, or why not. */
  applyToSelected(changes: Record<string, unknown>): { ok: true; name: string; valid: boolean } | { ok: false; message: string };
  /** Writes each path's value into every scenario, so compared scenarios share one contact model. */
  applyToAll(changes: Record<string, unknown>): { ok: true; names: string[]; invalid: string[] } | { ok: false; message: string };
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The sample call log (data/calllogs: 3,000 leads drawn from a known model, US dates on Chicago time). */
const SAMPLE_FILE_NAME = 'sample-calls.csv.gz';
const SAMPLE_SETTINGS = { timeZone: 'America/Chicago', dateOrder: '' } as const;

function startWorker(): { worker: Worker; api: Remote<HistoryApi> } {
  const worker = new Worker(new URL('./historyWorker.ts', import.meta.url), { type: 'module', name: 'leadlab-history' });
  return { worker, api: wrap<HistoryApi>(worker) };
}

/**
 * A chart drawn into its figure at the figure's width (again when that changes), with a button that saves it as SVG.
 * `width`, when given, is the figure's width read beforehand (src/ui/chartFit.ts).
 */
function drawChart(figure: HTMLElement, title: string, spec: (width: number) => Plot.PlotOptions, width?: number): void {
  drawToWidth(figure, (w) => figure.replaceChildren(...chartNodes(figure.id, title, spec(w))), 760, width);
}

/** Sets up the section; `hooks` connect it to the scenarios. */
export function setupHistory(hooks: HistoryHooks): void {
  const store = createHistoryStore(localStorage);
  let file: File | undefined;
  /** Each read counts up; a result of an older read arrives too late and is dropped. */
  let generation = 0;
  let client = startWorker();

  const status = $('history-status');
  const progress = $<HTMLProgressElement>('history-progress');
  const kindSelect = $<HTMLSelectElement>('history-kind');
  const tzInput = $<HTMLInputElement>('history-tz');
  const dateOrderSelect = $<HTMLSelectElement>('history-date-order');
  const stopButton = $<HTMLButtonElement>('history-stop');

  function showError(message: string, where?: string): void {
    $('history-error').replaceChildren(...(message ? [el('p', {}, el('strong', {}, where ? `${where}: ` : 'Cannot use this file: '), message)] : []));
  }

  /** A change of reading settings is kept at once and the file read again. */
  function changeRequest(change: Partial<HistoryRequest>): void {
    store.setRequest(change);
    void read();
  }

  /** Gives an outcome word a meaning, or takes it back; the file is read again. */
  function setOutcome(word: string, outcome: CallOutcome | undefined): void {
    const next = { ...(store.state.request.outcomes ?? {}) };
    if (outcome) next[word] = outcome;
    else delete next[word];
    changeRequest({ outcomes: next });
  }

  function renderSettings(): void {
    const request = store.state.request;
    kindSelect.value = request.kind;
    tzInput.value = request.timeZone;
    dateOrderSelect.value = request.dateOrder;
  }

  function renderColumns(read: HistoryResult | undefined, editable: boolean): void {
    const box = $('history-columns');
    const columns = read?.columns;
    box.hidden = !columns;
    if (columns) box.replaceChildren(...columnsView(columns, editable, (map) => changeRequest({ map })));
  }

  function renderReport(read: HistoryResult | undefined): void {
    if (!read?.ok) {
      $('history-report').replaceChildren();
      return;
    }
    const outcomes = read.kind === 'calls' ? outcomeWordsView(read.unknownOutcomes, store.state.request.outcomes ?? {}, Boolean(file), setOutcome) : undefined;
    $('history-report').replaceChildren(...reportView(read, outcomes));
  }

  function renderLeadStream(read: HistoryResult | undefined): void {
    const box = $('history-arrivals');
    box.hidden = !(read?.ok && read.kind === 'leads' && read.leads > 0);
    if (read?.ok && read.kind === 'leads' && read.leads > 0) drawChart($('history-chart-arrivals'), 'Leads arriving by hour of week', (w) => arrivalsChartSpec(read, w));
  }

  function renderFit(fit: HistoryFit | undefined): void {
    const box = $('history-fit');
    const quality = fit?.ok ? fitQuality(fit.fit) : undefined;
    const usable = Boolean(quality && quality.level !== 'unusable');
    $<HTMLButtonElement>('history-use-fit').disabled = !usable;
    $<HTMLButtonElement>('history-use-fit-all').disabled = !usable;
    $<HTMLButtonElement>('history-download-fit').disabled = !usable;
    const note = $('history-fit-quality');
    const read = store.state.read;
    const leftOut = quality && read?.ok && read.kind === 'calls' ? unknownOutcomesNote(read) : '';
    note.textContent = [leftOut, quality ? fitQualityWords(quality) : ''].filter(Boolean).join(' ');
    note.className = `fit-quality ${leftOut && quality?.level === 'good' ? 'thin' : (quality?.level ?? '')}`;
    box.hidden = !fit;
    if (!fit) return;
    if (!fit.ok) {
      $('history-key-numbers').replaceChildren(el('p', { className: 'bad-text' }, `No fit: ${fit.error.message}.`));
      for (const id of [...FIT_CHARTS.map(([chart]) => chart), 'history-conversion']) $(id).replaceChildren();
      $('history-notes').replaceChildren();
      return;
    }
    const f = fit.fit;
    $('history-key-numbers').replaceChildren(keyNumbersView(f));
    // The figures' widths read together, before any chart is drawn (one layout of the page, not one per chart).
    const widths = FIT_CHARTS.map(([id]) => chartWidth($(id), 760));
    FIT_CHARTS.forEach(([id, title, spec, empty], i) => {
      const why = empty?.(f);
      // Through drawToWidth too, so that a resize redraws this, not a previous fit's chart in the same figure.
      if (why) drawToWidth($(id), () => $(id).replaceChildren(el('p', { className: 'hint chart-empty' }, why)), 760, widths[i]);
      else drawChart($(id), title, (w) => spec(f, w), widths[i]);
    });
    $('history-conversion').replaceChildren(...(f.conversion ? [
      conversionTable('history-conversion-speed', 'Conversion by speed to lead (time from the lead to its first call)', 'First call within', f.conversion.bySpeedToLead),
      conversionTable('history-conversion-attempt', 'Conversion by the attempt that first reached the lead', 'First reached on', f.conversion.byAttemptOfFirstContact, false),
    ] : []));
    $('history-notes').replaceChildren(...fitNotesView(f));
  }

  function renderResult(editable: boolean): void {
    const read = store.state.read;
    renderColumns(read, editable);
    renderReport(read);
    renderLeadStream(read);
    const arrivals = $<HTMLButtonElement>('history-use-arrivals');
    arrivals.disabled = !(read?.ok && read.kind === 'leads' && read.leads > 0);
    // A disabled button says why: arrivals come from a lead stream, one row per lead.
    arrivals.title = !arrivals.disabled ? '' : read?.ok && read.kind === 'calls'
      ? 'A call log is for the fit above; arrivals come from a lead stream (one row per lead, with its created time)'
      : 'Load a lead stream (one row per lead, with its created time) to use its arrivals';
    renderFit(read?.ok && read.kind === 'calls' ? store.state.fit : undefined);
  }

  /** Says why a file could not be read, and where to fix it. */
  function explainFailure(result: Extract<HistoryResult, { ok: false }>): void {
    const { message, where } = failureMessage(result);
    if (where === 'Time zone') tzInput.setAttribute('aria-invalid', 'true');
    showError(message, where);
  }

  /** Abandons the read or fit in progress: a fresh worker answers at once (a running fit cannot be interrupted). */
  function restartWorker(): void {
    client.worker.terminate();
    client = startWorker();
  }

  /** Reads the current file with the current settings, then fits a call log; a newer read abandons an older one. */
  async function read(): Promise<void> {
    if (!file) return;
    const mine = ++generation;
    if (mine > 1) restartWorker();
    stopButton.disabled = false;
    try {
      await readAndFit(mine, file);
    } finally {
      if (mine === generation) stopButton.disabled = true;
    }
  }

  /** Dims the results of a read (and its fit) that no longer match the settings, or undims them. */
  function markResults(stale: boolean): void {
    for (const id of ['history-report', 'history-arrivals', 'history-fit']) $(id).classList.toggle('out-of-date', stale);
  }

  async function readAndFit(mine: number, file: File): Promise<void> {
    markResults(false);
    const name = file.name;
    showError('');
    $('history-use-status').textContent = '';
    progress.value = 0;
    status.textContent = `Reading ${name}...`;
    performance.mark('leadlab-history-start');
    let result: HistoryResult;
    // The reader's progress comes on its own channel and can arrive after the result: once read, it says nothing.
    let reading = true;
    try {
      result = await client.api.readHistory(file, name, store.state.request, proxy((share: number) => {
        if (mine === generation && reading) {
          progress.value = share * 0.5;
          status.textContent = `Reading ${name}: ${Math.round(share * 100)}%`;
        }
      }));
    } catch (e) {
      if (mine !== generation) return;
      status.textContent = '';
      showError(`the reader stopped: ${messageOf(e)}`);
      return;
    } finally {
      reading = false;
    }
    if (mine !== generation) return;
    store.setRead(result);
    renderResult(true);
    if (!result.ok) {
      progress.value = 0;
      status.textContent = '';
      explainFailure(result);
      if (result.error.where === 'columns') $('history-columns').querySelector<HTMLSelectElement>('select[aria-invalid="true"]')?.focus();
      return;
    }
    if (result.kind !== 'calls') {
      progress.value = 1;
      status.textContent = `Read ${name} in ${(result.elapsedMs / 1000).toFixed(1)} s.`;
      performance.mark('leadlab-history-end');
      return;
    }
    progress.value = 0.5;
    status.textContent = `Read ${count(result.report.kept)} calls; fitting the contact curves (a large log can take a minute)...`;
    let fit: HistoryFit;
    try {
      fit = await client.api.fitLastCallLog();
    } catch (e) {
      if (mine !== generation) return;
      fit = { ok: false, error: { name: 'Error', message: messageOf(e) } };
    }
    if (mine !== generation) return;
    performance.mark('leadlab-history-end');
    store.setFit(fit);
    progress.value = 1;
    renderFit(fit);
    status.textContent = fit.ok ? `Fitted ${name}: read in ${(result.elapsedMs / 1000).toFixed(1)} s, fitted in ${(fit.elapsedMs / 1000).toFixed(1)} s.` : `${name} was read, but could not be fitted: ${fit.error.message}`;
  }

  /**
   * A new file: its columns are detected afresh. The sample's time zone and date order belong to the sample: a
   * file of the user's own gets back the settings from before the sample (or the defaults after a reload).
   */
  function take(files: ArrayLike<File> | null | undefined, fromSample = false): void {
    const f = files?.[0];
    if (!f) return;
    if (!fromSample && sampleSettingsInPlace) {
      const back = beforeSample ?? { timeZone: '', dateOrder: '' as const };
      store.setRequest(back);
      renderSettings();
      tzInput.removeAttribute('aria-invalid');
      $('history-use-status').textContent = `The sample's time zone (${SAMPLE_SETTINGS.timeZone}) was for the sample only: ${f.name} is read with ${back.timeZone || 'UTC'}; change it above if its times are local elsewhere.`;
    }
    if (!fromSample) {
      beforeSample = undefined;
      sampleSettingsInPlace = false;
    }
    file = f;
    changeRequest({ map: {} });
  }
  /** The reading settings from before the sample was loaded (unknown after a reload: the defaults then). */
  let beforeSample: Pick<HistoryRequest, 'timeZone' | 'dateOrder'> | undefined;
  /** Whether the time zone and date order are still the ones the sample set (kept across a reload by the last file's name). */
  let sampleSettingsInPlace =
    store.state.read?.fileName === SAMPLE_FILE_NAME && store.state.request.timeZone === SAMPLE_SETTINGS.timeZone && store.state.request.dateOrder === SAMPLE_SETTINGS.dateOrder;

  // Settings: each change is kept at once, so nothing typed is lost.
  kindSelect.addEventListener('change', () => {
    const kind = kindSelect.value;
    if (kind === 'auto' || kind === 'calls' || kind === 'leads' || kind === 'summary') changeRequest({ kind, map: {} });
  });
  dateOrderSelect.addEventListener('change', () => {
    const order = dateOrderSelect.value;
    if (order === '' || order === 'mdy' || order === 'dmy' || order === 'ymd') {
      sampleSettingsInPlace = false;
      changeRequest({ dateOrder: order });
    }
  });
  tzInput.addEventListener('input', () => {
    // A zone the user types is theirs, for the next file too.
    sampleSettingsInPlace = false;
    store.setRequest({ timeZone: tzInput.value });
  });
  tzInput.addEventListener('change', () => {
    const zone = tzInput.value.trim();
    try {
      if (zone) resolveTimeZone(zone);
      tzInput.removeAttribute('aria-invalid');
      showError('');
    } catch (e) {
      tzInput.setAttribute('aria-invalid', 'true');
      showError(zoneProblem(messageOf(e)), 'Time zone');
      // The results on screen are of the zone before: said, and dimmed, until a valid zone reads the file again.
      const shown = store.state.read;
      if (shown?.ok) {
        status.textContent = `Not read again: "${zone}" is not a time zone. The results below are still those read in ${'timeZone' in shown ? shown.timeZone : 'the zone before'}.`;
        markResults(true);
      }
      return;
    }
    markResults(false);
    void read();
  });

  $('history-sample').addEventListener('click', async () => {
    // The project's sample (data/calllogs: 3,000 leads drawn from a known model, US dates on Chicago time).
    status.textContent = 'Loading the sample call log...';
    try {
      const response = await fetch(sampleCallLogUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const request = store.state.request;
      if (!sampleSettingsInPlace) beforeSample = { timeZone: request.timeZone, dateOrder: request.dateOrder };
      sampleSettingsInPlace = true;
      store.setRequest({ kind: 'auto', ...SAMPLE_SETTINGS });
      renderSettings();
      tzInput.removeAttribute('aria-invalid');
      take([new File([blob], SAMPLE_FILE_NAME, { type: 'application/gzip' })], true);
    } catch (e) {
      status.textContent = '';
      showError(`the sample call log could not be loaded (${messageOf(e)}); choose a file of your own`);
    }
  });
  stopButton.addEventListener('click', () => {
    generation++;
    restartWorker();
    stopButton.disabled = true;
    progress.value = 0;
    const read = store.state.read;
    const done = read?.ok ? ` The rows of ${read.fileName} are shown; it was not fitted.` : '';
    status.textContent = `Stopped.${done} Choose the file again, or change a setting, to start over.`;
  });
  onFilesChosen($<HTMLInputElement>('history-file'), $('history-drop'), take);

  $('history-use-fit-all').addEventListener('click', () => {
    const fit = store.state.fit;
    if (!fit?.ok || fitQuality(fit.fit).level === 'unusable') return;
    const done = hooks.applyToAll({ contactModel: fit.scenarioContactModel });
    $('history-use-status').textContent = done.ok
      ? `All ${done.names.length} scenarios now use this fit (their JSON holds the fitted "contactModel" in place of their "contact" settings)${done.invalid.length ? `, but ${done.invalid.join(', ')} ${done.invalid.length === 1 ? 'has' : 'have'} other problems to fix` : ''}. Run the comparison to see what it changes.`
      : done.message;
  });
  $('history-use-fit').addEventListener('click', () => {
    const fit = store.state.fit;
    if (!fit?.ok || fitQuality(fit.fit).level === 'unusable') return;
    const done = hooks.applyToSelected({ contactModel: fit.scenarioContactModel });
    $('history-use-status').textContent = done.ok ? fitUsedMessage(done) : done.message;
  });
  $('history-download-fit').addEventListener('click', () => {
    const { fit, read } = store.state;
    if (!fit?.ok || !read?.ok || read.kind !== 'calls' || fitQuality(fit.fit).level === 'unusable') return;
    download(new Blob([modelFileText(fit, read)], { type: 'application/json' }), `${baseName(read.fileName)}-model.json`);
  });
  $('history-use-arrivals').addEventListener('click', () => {
    const read = store.state.read;
    if (!read?.ok || read.kind !== 'leads') return;
    const done = hooks.applyToSelected({ 'leads.arrivalProfile': read.arrivalsByHourOfWeek, 'leads.perDay': Math.round(read.perDay * 10) / 10 });
    $('history-use-status').textContent = done.ok ? arrivalsUsedMessage(done.name, read) : done.message;
  });

  renderSettings();
  renderResult(false);
  const last = store.state.read;
  if (last && !last.ok) explainFailure(last);
  if (last) status.textContent = `Showing ${last.fileName} from your last visit (the file itself is not kept: drop it again to change how it is read).`;
}
