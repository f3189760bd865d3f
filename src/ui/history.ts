/**
 * The History section: drop a call log or lead stream CSV, map its columns, see rows kept and rejected, fit the
 * contact curves in a web worker, view them, and use the fit in the selected scenario. Everything taken from the
 * file is shown as text (through `el`), never as markup.
 */
import * as Plot from '@observablehq/plot';
import { proxy, wrap, type Remote } from 'comlink';
import { contactByAttemptSpec, contactByHourOfWeekSpec, contactByLeadAgeSpec, reachedByAgeSpec, reachedByAttemptSpec } from '../charts/fitCharts';
import type { ImportField } from '../io/fields';
import { resolveTimeZone } from '../io/timeZone';
import type { ConversionRow } from '../fit/conversionTables';
import type { CallOutcome } from '../sim/callLog';
import type { ContactModel } from '../sim/contactModel';
import type { HistoryApi, HistoryColumns, HistoryFit, HistoryRequest, HistoryResult } from '../worker/historyApi';
import { download, el } from './dom';
import { conversionCells, count, FIELD_WORDS, fitKeyNumbers, inPageWords, REJECT_REASON_WORDS } from './historyFormat';
import './history.css';
import sampleCallLogUrl from '../../data/calllogs/sample-calls.csv.gz?url';

/** What the page around the section offers: a change to the selected scenario, through the form's save path. */
export interface HistoryHooks {
  /** Writes each path's value into the selected scenario; says which scenario, or why not. */
  applyToSelected(changes: Record<string, unknown>): { ok: true; name: string; valid: boolean } | { ok: false; message: string };
}

/** What is kept across a reload: the reading settings and the last result (not the file). */
interface Stored {
  request: HistoryRequest;
  read?: HistoryResult;
  fit?: HistoryFit;
}

export const HISTORY_STORAGE_KEY = 'leadlab.history.v1';
const EXAMPLES_SHOWN = 20;
const OUTCOME_CHOICES: [CallOutcome | '', string][] = [
  ['', 'not sure: leave these rows out'],
  ['contact', 'the person was reached (contact)'],
  ['no-answer', 'no answer'],
  ['voicemail', 'voicemail or message left'],
  ['busy', 'busy'],
  ['bad-number', 'wrong or bad number'],
];

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function loadStored(): Stored {
  const empty: Stored = { request: { kind: 'auto', map: {}, timeZone: '', dateOrder: '' } };
  try {
    const v = JSON.parse(localStorage.getItem(HISTORY_STORAGE_KEY) ?? 'null') as Stored | null;
    if (!v || typeof v.request !== 'object') return empty;
    return { request: { ...empty.request, ...v.request }, read: v.read, fit: v.fit };
  } catch {
    return empty;
  }
}

function startWorker(): { worker: Worker; api: Remote<HistoryApi> } {
  const worker = new Worker(new URL('./historyWorker.ts', import.meta.url), { type: 'module', name: 'leadlab-history' });
  return { worker, api: wrap<HistoryApi>(worker) };
}

/** A chart drawn into its figure, with a button that saves it as SVG. */
function drawChart(figure: HTMLElement, title: string, spec: Plot.PlotOptions): void {
  const svg = Plot.plot(spec);
  const save = el('button', {}, 'Save chart (SVG)');
  save.type = 'button';
  save.setAttribute('aria-label', `Save the chart "${title}" as SVG`);
  save.addEventListener('click', () => download(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `leadlab-${figure.id}.svg`));
  figure.replaceChildren(svg, el('div', { className: 'row' }, save));
}

const baseName = (fileName: string): string => fileName.replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt)$/i, '').replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60) || 'call-log';

/** Sets up the section; `hooks` connect it to the scenarios. */
export function setupHistory(hooks: HistoryHooks): void {
  const stored = loadStored();
  let file: File | undefined;
  let generation = 0;
  let client = startWorker();

  const status = $('history-status');
  const progress = $<HTMLProgressElement>('history-progress');
  const kindSelect = $<HTMLSelectElement>('history-kind');
  const tzInput = $<HTMLInputElement>('history-tz');
  const dateOrderSelect = $<HTMLSelectElement>('history-date-order');
  const stopButton = $<HTMLButtonElement>('history-stop');

  function persist(): void {
    try {
      localStorage.setItem(HISTORY_STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // A full storage keeps the result on the page until the next reload; the scenario change is saved apart.
      try {
        localStorage.setItem(HISTORY_STORAGE_KEY, JSON.stringify({ request: stored.request }));
      } catch {
        // Storage is off: nothing more to do.
      }
    }
  }

  function showError(message: string, where?: string): void {
    const box = $('history-error');
    box.replaceChildren(...(message ? [el('p', {}, el('strong', {}, where ? `${where}: ` : 'Cannot use this file: '), message)] : []));
  }

  /** One labeled select per field of the file's kind, each listing the file's columns. */
  function renderColumns(columns: HistoryColumns | undefined, editable: boolean): void {
    const box = $('history-columns');
    box.hidden = !columns;
    if (!columns) return;
    const selects = columns.fields.map((f) => {
      const select = el('select', { id: `history-col-${f.field}`, dataset: { field: f.field } });
      select.append(Object.assign(el('option', {}, f.required ? '(choose a column)' : '(not in the file)'), { value: '' }));
      columns.header.forEach((h, i) => select.append(Object.assign(el('option', {}, `${i + 1}. ${h}`), { value: String(i) })));
      select.value = f.column >= 0 ? String(f.column) : '';
      select.disabled = !editable;
      if (f.required && f.column < 0) select.setAttribute('aria-invalid', 'true');
      select.addEventListener('change', onColumnChange);
      const how = f.how === 'auto' ? ' (found by its name)' : f.how === 'map' ? ' (your choice)' : '';
      return el('label', {}, `${FIELD_WORDS[f.field] ?? f.field}${f.required ? ' (required)' : ''}${how}`, select);
    });
    box.replaceChildren(
      el('legend', {}, `Columns of the file (read as a ${columns.kind === 'calls' ? 'call log' : columns.kind === 'leads' ? 'lead stream' : 'per-lead summary'})`),
      ...selects,
      el('p', { className: 'hint wide' }, editable ? 'Change a column and the file is read again.' : 'Drop the file again to change its columns (the file itself is not kept after a reload).'),
    );
  }

  function onColumnChange(): void {
    const map: Record<string, ImportField> = {};
    for (const select of $('history-columns').querySelectorAll('select')) {
      if (select.value !== '') map[`#${Number(select.value) + 1}`] = select.dataset.field as ImportField;
    }
    stored.request.map = map;
    persist();
    void read();
  }

  /** One labeled select per outcome word the reader did not know (and per word already given a meaning). */
  function renderOutcomeWords(unknown: { word: string; rows: number }[] | undefined): HTMLElement | undefined {
    const given = stored.request.outcomes ?? {};
    const words = [...(unknown ?? []).map((u) => [u.word, u.rows] as const), ...Object.keys(given).map((w) => [w, undefined] as const)];
    if (words.length === 0) return undefined;
    const selects = words.map(([word, rows], i) => {
      const select = el('select', { id: `history-outcome-${i}`, dataset: { word } });
      for (const [value, words] of OUTCOME_CHOICES) select.append(Object.assign(el('option', {}, words), { value }));
      select.value = given[word] ?? '';
      select.disabled = !file;
      select.addEventListener('change', () => {
        const next = { ...(stored.request.outcomes ?? {}) };
        if (select.value) next[word] = select.value as CallOutcome;
        else delete next[word];
        stored.request.outcomes = next;
        persist();
        void read();
      });
      return el('label', {}, `"${word}"${rows === undefined ? '' : ` (${count(rows)} rows)`} means`, select);
    });
    return el('fieldset', { id: 'history-outcomes' },
      el('legend', {}, 'Call outcomes this page does not know'),
      el('p', { className: 'hint wide' }, 'Rows with an outcome left as "not sure" are rejected. Say what each word means and the file is read again.'),
      ...selects);
  }

  function renderReport(result: HistoryResult | undefined): void {
    const box = $('history-report');
    if (!result || !result.ok) {
      box.replaceChildren();
      return;
    }
    const r = result.report;
    const parts: Node[] = [];
    const kindWords = result.kind === 'calls' ? 'call log' : result.kind === 'leads' ? 'lead stream' : 'per-lead summary';
    parts.push(el('h3', {}, `Rows of ${result.fileName}`));
    parts.push(
      el('p', { id: 'history-counts' },
        `Read as a ${kindWords}${result.gzip ? ' (gzip)' : ''}: `,
        el('strong', { dataset: { count: 'rows' } }, count(r.rows)), ' rows, ',
        el('strong', { dataset: { count: 'kept' } }, count(r.kept)), ' kept, ',
        el('strong', { dataset: { count: 'rejected' } }, count(r.rejected)), ' rejected',
        r.blankLines ? `, ${count(r.blankLines)} blank lines skipped.` : '.'),
    );
    if (result.kind === 'calls') {
      const outcomes = Object.entries(result.outcomes).map(([o, n]) => `${o} ${count(n)}`).join(', ');
      parts.push(el('p', {}, `${count(result.attempts)} call attempts on ${count(result.leads)} leads${result.span ? `, ${result.span.first.slice(0, 10)} to ${result.span.last.slice(0, 10)}` : ''}. Outcomes: ${outcomes || 'none'}. Times read in ${result.timeZone}${result.dateOrder ? `, dates ${result.dateOrder}` : ''}.`));
    } else if (result.kind === 'leads') {
      parts.push(el('p', {}, `${count(result.leads)} leads over ${count(result.days)} days (${result.perDay.toFixed(1)} a day)${result.span ? `, ${result.span.first.slice(0, 10)} to ${result.span.last.slice(0, 10)}` : ''}. Times read in ${result.timeZone}.`));
    } else {
      parts.push(el('p', {}, `${count(result.leads)} leads with ${count(result.calls)} calls. A per-lead summary has no times, so the page cannot fit contact curves to it; \`leadlab fit\` reports calls to contact for it.`));
    }
    if (result.kind === 'calls') {
      const outcomes = renderOutcomeWords(result.unknownOutcomes);
      if (outcomes) parts.push(outcomes);
    }
    const reasons = Object.entries(r.byReason) as [keyof typeof REJECT_REASON_WORDS, number][];
    if (reasons.length > 0) {
      const table = el('table', { id: 'history-reasons' },
        el('caption', {}, 'Rejected rows by reason'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Reason'), el('th', { scope: 'col' }, 'Rows'))),
        el('tbody', {}, ...reasons.map(([reason, n]) => {
          const row = el('tr', { dataset: { reason } }, el('th', { scope: 'row' }, REJECT_REASON_WORDS[reason] ?? reason), el('td', { className: 'num' }, count(n)));
          return row;
        })),
      );
      parts.push(el('div', { className: 'table-wrap' }, table));
      const shown = r.examples.slice(0, EXAMPLES_SHOWN);
      parts.push(el('p', {}, `The first ${shown.length} rejected rows, by line in the file (line 1 is the header):`));
      parts.push(el('ul', { id: 'history-examples', className: 'examples' }, ...shown.map((ex) => el('li', { dataset: { line: String(ex.line) } }, el('strong', {}, `line ${ex.line}`), `: ${inPageWords(ex.message)}`))));
      if (r.rejected > shown.length) parts.push(el('p', { className: 'hint' }, `... and ${count(r.rejected - shown.length)} more. \`leadlab import\` lists them all.`));
    }
    for (const w of r.warnings) parts.push(el('p', { className: 'warning' }, `Note: ${inPageWords(w.message)}${w.count > 1 ? ` (${count(w.count)} times)` : ''}`));
    box.replaceChildren(...parts);
  }

  function renderLeadStream(result: HistoryResult | undefined): void {
    const box = $('history-arrivals');
    if (!result || !result.ok || result.kind !== 'leads' || result.leads === 0) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const rows = result.arrivalsByHourOfWeek.map((n, h) => ({ day: days[Math.floor(h / 24)], hour: h % 24, perWeek: (n * 7) / Math.max(1, result.days) }));
    drawChart($('history-chart-arrivals'), 'Leads arriving by hour of week', {
      width: 760, height: 260, marginLeft: 50, padding: 0.05,
      x: { domain: Array.from({ length: 24 }, (_, h) => h), label: 'Hour of day' },
      y: { domain: days, label: null },
      color: { type: 'linear', scheme: 'greens', label: 'Leads per week in this hour', legend: true, zero: true },
      marks: [Plot.cell(rows, { x: 'hour', y: 'day', fill: 'perWeek', title: (d: { day: string; hour: number; perWeek: number }) => `${d.day} ${d.hour}:00: ${d.perWeek.toFixed(1)} leads a week` })],
    });
  }

  function conversionTable(id: string, caption: string, group: string, rows: ConversionRow[]): HTMLElement {
    const head = [group, 'Leads', 'Reached', 'Converted', 'Conversion rate (95% interval)'];
    return el('div', { className: 'table-wrap' }, el('table', { id },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => {
        const [label, ...cells] = conversionCells(r);
        return el('tr', {}, el('th', { scope: 'row' }, label), ...cells.map((c) => el('td', { className: 'num' }, c)));
      })),
    ));
  }

  function renderFit(fit: HistoryFit | undefined): void {
    const box = $('history-fit');
    $<HTMLButtonElement>('history-use-fit').disabled = !fit?.ok;
    $<HTMLButtonElement>('history-download-fit').disabled = !fit?.ok;
    if (!fit) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    if (!fit.ok) {
      $('history-key-numbers').replaceChildren(el('p', { className: 'bad-text' }, `No fit: ${fit.error.message}.`));
      for (const id of ['history-chart-reached', 'history-chart-reached-attempts', 'history-chart-attempts', 'history-chart-age', 'history-chart-hours', 'history-conversion']) $(id).replaceChildren();
      $('history-notes').replaceChildren();
      return;
    }
    const numbers = fitKeyNumbers(fit.fit);
    $('history-key-numbers').replaceChildren(
      el('dl', { className: 'key-numbers' }, ...numbers.flatMap((n) => [
        el('dt', {}, n.label),
        el('dd', { dataset: { key: n.key } }, el('strong', {}, n.value), ...(n.note ? [el('span', { className: 'hint' }, ` ${n.note}`)] : [])),
      ])),
    );
    const f = fit.fit;
    drawChart($('history-chart-reached'), 'Share of leads reached by lead age', reachedByAgeSpec(f));
    drawChart($('history-chart-reached-attempts'), 'Share of leads reached by number of attempts', reachedByAttemptSpec(f));
    drawChart($('history-chart-attempts'), 'Contact rate by attempt number', contactByAttemptSpec(f));
    drawChart($('history-chart-age'), 'Contact rate by lead age', contactByLeadAgeSpec(f));
    drawChart($('history-chart-hours'), 'Contact rate by hour of week', contactByHourOfWeekSpec(f));
    $('history-conversion').replaceChildren(...(f.conversion ? [
      conversionTable('history-conversion-speed', 'Conversion by speed to lead (time from the lead to its first call)', 'First call within', f.conversion.bySpeedToLead),
      conversionTable('history-conversion-attempt', 'Conversion by the attempt that first reached the lead', 'First reached on', f.conversion.byAttemptOfFirstContact),
    ] : []));
    const notes = [...f.notes, ...(f.conversion?.notes ?? []), ...f.attemptsToContact.notes, ...f.timeToContact.notes, ...f.contactByLeadAge.notes, ...f.contactByHourOfWeek.notes];
    $('history-notes').replaceChildren(...(notes.length ? [el('h4', {}, 'What the data can and cannot support'), el('ul', {}, ...notes.map((n) => el('li', {}, n)))] : []));
  }

  function renderSettings(): void {
    kindSelect.value = stored.request.kind;
    tzInput.value = stored.request.timeZone;
    dateOrderSelect.value = stored.request.dateOrder;
  }

  function renderResult(editable: boolean): void {
    const read = stored.read;
    renderColumns(read?.ok ? read.columns : read?.columns, editable);
    renderReport(read);
    renderLeadStream(read);
    $<HTMLButtonElement>('history-use-arrivals').disabled = !(read?.ok && read.kind === 'leads' && read.leads > 0);
    renderFit(read?.ok && read.kind === 'calls' ? stored.fit : undefined);
  }

  /** Says why a file could not be read, and where to fix it. */
  function explainFailure(result: Extract<HistoryResult, { ok: false }>): void {
    const name = result.fileName;
    if (result.error.where === 'columns' && result.columns) {
      const missing = result.columns.fields.filter((f) => f.required && f.column < 0).map((f) => FIELD_WORDS[f.field] ?? f.field);
      showError(
        `${name} does not look like a ${result.columns.kind === 'leads' ? 'lead stream' : 'call log'}: no column was found for ${missing.join(', ')}. ` +
          `Its columns are ${result.columns.header.map((h) => `"${h}"`).join(', ')}. Pick the columns below if they are there under other names, or choose a call log (one row per call: lead, lead created time, call time, outcome).`,
        'Columns',
      );
    } else if (result.error.where === 'timeZone') {
      tzInput.setAttribute('aria-invalid', 'true');
      showError(result.error.message, 'Time zone');
    } else showError(`${name}: ${result.error.message}`);
  }

  /** Reads the current file with the current settings, then fits a call log; a newer read abandons an older one. */
  /** Abandons the read or fit in progress: a fresh worker answers at once (a running fit cannot be interrupted). */
  function restartWorker(): void {
    client.worker.terminate();
    client = startWorker();
  }

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

  async function readAndFit(mine: number, file: File): Promise<void> {
    const name = file.name;
    showError('');
    $('history-use-status').textContent = '';
    progress.value = 0;
    status.textContent = `Reading ${name}...`;
    performance.mark('leadlab-history-start');
    let result: HistoryResult;
    try {
      result = await client.api.readHistory(file, name, stored.request, proxy((share: number) => {
        if (mine === generation) {
          progress.value = share * 0.5;
          status.textContent = `Reading ${name}: ${Math.round(share * 100)}%`;
        }
      }));
    } catch (e) {
      if (mine !== generation) return;
      status.textContent = '';
      showError(`the reader stopped: ${(e as Error).message}`);
      return;
    }
    if (mine !== generation) return;
    stored.read = result;
    stored.fit = undefined;
    persist();
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
      fit = { ok: false, error: { name: 'Error', message: (e as Error).message } };
    }
    if (mine !== generation) return;
    performance.mark('leadlab-history-end');
    stored.fit = fit;
    persist();
    progress.value = 1;
    renderFit(fit);
    status.textContent = fit.ok ? `Fitted ${name}: read in ${(result.elapsedMs / 1000).toFixed(1)} s, fitted in ${(fit.elapsedMs / 1000).toFixed(1)} s.` : `${name} was read, but could not be fitted: ${fit.error.message}`;
  }

  function take(files: ArrayLike<File> | null | undefined): void {
    const f = files?.[0];
    if (!f) return;
    file = f;
    stored.request.map = {};
    persist();
    void read();
  }

  // Settings: each change is kept at once, so nothing typed is lost.
  kindSelect.addEventListener('change', () => {
    stored.request.kind = kindSelect.value as HistoryRequest['kind'];
    stored.request.map = {};
    persist();
    void read();
  });
  dateOrderSelect.addEventListener('change', () => {
    stored.request.dateOrder = dateOrderSelect.value as HistoryRequest['dateOrder'];
    persist();
    void read();
  });
  tzInput.addEventListener('input', () => {
    stored.request.timeZone = tzInput.value;
    persist();
  });
  tzInput.addEventListener('change', () => {
    const zone = tzInput.value.trim();
    try {
      if (zone) resolveTimeZone(zone);
      tzInput.removeAttribute('aria-invalid');
      showError('');
    } catch (e) {
      tzInput.setAttribute('aria-invalid', 'true');
      showError((e as Error).message, 'Time zone');
      return;
    }
    void read();
  });

  $('history-sample').addEventListener('click', async () => {
    // The project's sample (data/calllogs: 3,000 leads drawn from a known model, US dates on Chicago time).
    status.textContent = 'Loading the sample call log...';
    try {
      const response = await fetch(sampleCallLogUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      stored.request = { ...stored.request, kind: 'auto', timeZone: 'America/Chicago', dateOrder: '' };
      renderSettings();
      tzInput.removeAttribute('aria-invalid');
      take([new File([blob], 'sample-calls.csv.gz', { type: 'application/gzip' })]);
    } catch (e) {
      status.textContent = '';
      showError(`the sample call log could not be loaded (${(e as Error).message}); choose a file of your own`);
    }
  });
  stopButton.addEventListener('click', () => {
    generation++;
    restartWorker();
    stopButton.disabled = true;
    progress.value = 0;
    const done = stored.read?.ok ? ` The rows of ${stored.read.fileName} are shown; it was not fitted.` : '';
    status.textContent = `Stopped.${done} Choose the file again, or change a setting, to start over.`;
  });
  $<HTMLInputElement>('history-file').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    take(input.files);
    input.value = '';
  });
  const drop = $('history-drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    take(e.dataTransfer?.files);
  });

  $('history-use-fit').addEventListener('click', () => {
    const fit = stored.fit;
    if (!fit?.ok) return;
    const done = hooks.applyToSelected({ contactModel: fit.scenarioContactModel as ContactModel });
    $('history-use-status').textContent = done.ok
      ? `Scenario "${done.name}" now uses this fit: its JSON holds the fitted "contactModel" (in place of its "contact" settings)${done.valid ? '' : ', but the scenario has other problems to fix'}. Run the comparison to see what it changes.`
      : done.message;
  });
  $('history-download-fit').addEventListener('click', () => {
    const fit = stored.fit;
    const read = stored.read;
    if (!fit?.ok || !read?.ok || read.kind !== 'calls') return;
    const model = { ...fit.fit, contactModel: fit.scenarioContactModel, source: { file: read.fileName, kind: 'calls', timeZone: read.timeZone, dateOrder: read.dateOrder, span: read.span, import: read.report } };
    const text = JSON.stringify(model, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
    download(new Blob([text + '\n'], { type: 'application/json' }), `${baseName(read.fileName)}-model.json`);
  });
  $('history-use-arrivals').addEventListener('click', () => {
    const read = stored.read;
    if (!read?.ok || read.kind !== 'leads') return;
    const done = hooks.applyToSelected({ 'leads.arrivalProfile': read.arrivalsByHourOfWeek, 'leads.perDay': Math.round(read.perDay * 10) / 10 });
    $('history-use-status').textContent = done.ok
      ? `Scenario "${done.name}" now has ${read.perDay.toFixed(1)} new leads a day (${count(read.leads)} leads over the ${count(read.days)} days of ${read.fileName}), arriving by its hours of week.`
      : done.message;
  });

  renderSettings();
  renderResult(false);
  if (stored.read && !stored.read.ok) explainFailure(stored.read);
  if (stored.read) status.textContent = `Showing ${stored.read.fileName} from your last visit (the file itself is not kept: drop it again to change how it is read).`;
}
