/**
 * What the History section shows, as functions of data: each returns elements (or text) and touches nothing
 * else, so the controller (./history.ts) places them and tests check them alone. Everything taken from a file
 * is shown as text (through `el`), never as markup.
 */
import * as Plot from '@observablehq/plot';
import { contactByAttemptSpec, contactByHourOfWeekSpec, contactByLeadAgeSpec, HOUR_OF_WEEK_MIN_ATTEMPTS, noHourOfWeekToShow, reachedByAgeSpec, reachedByAttemptSpec } from '../charts/fitCharts';
import type { FittedModel } from '../fit/fitCallLog';
import type { ConversionRow } from '../fit/conversionTables';
import type { ImportField } from '../io/fields';
import type { CallOutcome } from '../sim/callLog';
import type { CallLogHistory, HistoryColumns, HistoryFit, HistoryResult, LeadStreamHistory } from '../worker/historyApi';
import { download, el } from './dom';
import { conversionCells, count, FIELD_WORDS, fitKeyNumbers, inPageWords, REJECT_REASON_WORDS } from './historyFormat';

/** Rejected rows listed on the page; `leadlab import` lists them all. */
const EXAMPLES_SHOWN = 20;

const OUTCOME_CHOICES: [CallOutcome | '', string][] = [
  ['', 'not sure: leave these rows out'],
  ['contact', 'the person was reached (contact)'],
  ['no-answer', 'no answer'],
  ['voicemail', 'voicemail or message left'],
  ['busy', 'busy'],
  ['bad-number', 'wrong or bad number'],
];

const OUTCOMES = new Set<string>(OUTCOME_CHOICES.map(([o]) => o).filter((o) => o !== ''));
const isOutcome = (word: string): word is CallOutcome => OUTCOMES.has(word);
const kindWords = (kind: string) => (kind === 'calls' ? 'call log' : kind === 'leads' ? 'lead stream' : 'per-lead summary');

/**
 * One labeled select per field of the file's kind, each listing the file's columns; `onChange` gets the whole
 * mapping (column "#n" -> field) whenever one select changes.
 */
export function columnsView(columns: HistoryColumns, editable: boolean, onChange: (map: Record<string, ImportField>) => void): Node[] {
  const selects = columns.fields.map((f) => {
    const select = el('select', { id: `history-col-${f.field}`, dataset: { field: f.field } });
    select.append(Object.assign(el('option', {}, f.required ? '(choose a column)' : '(not in the file)'), { value: '' }));
    columns.header.forEach((h, i) => select.append(Object.assign(el('option', {}, `${i + 1}. ${h}`), { value: String(i) })));
    select.value = f.column >= 0 ? String(f.column) : '';
    select.disabled = !editable;
    if (f.required && f.column < 0) select.setAttribute('aria-invalid', 'true');
    return { field: f, select };
  });
  for (const { select } of selects) {
    select.addEventListener('change', () => {
      const map: Record<string, ImportField> = {};
      for (const s of selects) if (s.select.value !== '') map[`#${Number(s.select.value) + 1}`] = s.field.field;
      onChange(map);
    });
  }
  return [
    el('legend', {}, `Columns of the file (read as a ${kindWords(columns.kind)})`),
    ...selects.map(({ field: f, select }) => {
      const how = f.how === 'auto' ? ' (found by its name)' : f.how === 'map' ? ' (your choice)' : '';
      return el('label', {}, `${FIELD_WORDS[f.field] ?? f.field}${f.required ? ' (required)' : ''}${how}`, select);
    }),
    el('p', { className: 'hint wide' }, editable ? 'Change a column and the file is read again.' : 'Drop the file again to change its columns (the file itself is not kept after a reload).'),
  ];
}

/**
 * One labeled select per outcome word the reader did not know (and per word already given a meaning);
 * `onChange` gets the word and its new meaning (undefined: "not sure"). Undefined when there is no such word.
 */
export function outcomeWordsView(
  unknown: readonly { word: string; rows: number }[] | undefined,
  given: Readonly<Record<string, CallOutcome>>,
  enabled: boolean,
  onChange: (word: string, outcome: CallOutcome | undefined) => void,
): HTMLElement | undefined {
  const words = [...(unknown ?? []).map((u) => [u.word, u.rows] as const), ...Object.keys(given).map((w) => [w, undefined] as const)];
  if (words.length === 0) return undefined;
  const selects = words.map(([word, rows], i) => {
    const select = el('select', { id: `history-outcome-${i}`, dataset: { word } });
    for (const [value, label] of OUTCOME_CHOICES) select.append(Object.assign(el('option', {}, label), { value }));
    select.value = given[word] ?? '';
    select.disabled = !enabled;
    select.addEventListener('change', () => onChange(word, isOutcome(select.value) ? select.value : undefined));
    return el('label', {}, `"${word}"${rows === undefined ? '' : ` (${count(rows)} row${rows === 1 ? '' : 's'})`} means`, select);
  });
  return el('fieldset', { id: 'history-outcomes' },
    el('legend', {}, 'Call outcomes this page does not know'),
    el('p', { className: 'hint wide' }, 'Rows with an outcome left as "not sure" are rejected. Say what each word means and the file is read again.'),
    ...selects);
}

/** The rows of a file read: counts, what was found, rows rejected by reason with examples, warnings. */
export function reportView(result: Extract<HistoryResult, { ok: true }>, outcomes?: HTMLElement): Node[] {
  const r = result.report;
  const parts: Node[] = [];
  parts.push(el('h3', {}, `Rows of ${result.fileName}`));
  parts.push(
    el('p', { id: 'history-counts' },
      `Read as a ${kindWords(result.kind)}${result.gzip ? ' (gzip)' : ''}: `,
      el('strong', { dataset: { count: 'rows' } }, count(r.rows)), r.rows === 1 ? ' row, ' : ' rows, ',
      el('strong', { dataset: { count: 'kept' } }, count(r.kept)), ' kept, ',
      el('strong', { dataset: { count: 'rejected' } }, count(r.rejected)), ' rejected',
      r.blankLines ? `, ${count(r.blankLines)} blank line${r.blankLines === 1 ? '' : 's'} skipped.` : '.'),
  );
  const span = result.kind !== 'summary' && result.span ? `, ${result.span.first.slice(0, 10)} to ${result.span.last.slice(0, 10)}` : '';
  if (result.kind === 'calls') {
    const seen = Object.entries(result.outcomes).map(([o, n]) => `${o} ${count(n)}`).join(', ');
    parts.push(el('p', {}, `${count(result.attempts)} call attempt${result.attempts === 1 ? '' : 's'} on ${count(result.leads)} lead${result.leads === 1 ? '' : 's'}${span}. Outcomes: ${seen || 'none'}. Times read in ${result.timeZone}${result.dateOrder ? `, dates ${result.dateOrder}` : ''}.`));
  } else if (result.kind === 'leads') {
    parts.push(el('p', {}, `${count(result.leads)} leads over ${count(result.days)} days (${result.perDay.toFixed(1)} a day)${span}. Times read in ${result.timeZone}.`));
  } else {
    parts.push(el('p', {}, `${count(result.leads)} leads with ${count(result.calls)} calls. A per-lead summary has no times, so the page cannot fit contact curves to it; `, el('code', {}, 'leadlab fit'), ' reports calls to contact for it.'));
  }
  if (outcomes) parts.push(outcomes);
  const reasons = Object.entries(r.byReason);
  if (reasons.length > 0) {
    const table = el('table', { id: 'history-reasons' },
      el('caption', {}, 'Rejected rows by reason'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Reason'), el('th', { scope: 'col' }, 'Rows'))),
      el('tbody', {}, ...reasons.map(([reason, n]) =>
        el('tr', { dataset: { reason } }, el('th', { scope: 'row' }, reasonWords(reason)), el('td', { className: 'num' }, count(n))))),
    );
    parts.push(el('div', { className: 'table-wrap' }, table));
    const shown = r.examples.slice(0, EXAMPLES_SHOWN);
    parts.push(el('p', {}, shown.length === 1 ? 'The rejected row, by its line in the file (line 1 is the header):' : `The first ${shown.length} rejected rows, by line in the file (line 1 is the header):`));
    parts.push(el('ul', { id: 'history-examples', className: 'examples' }, ...shown.map((ex) => el('li', { dataset: { line: String(ex.line) } }, el('strong', {}, `line ${ex.line}`), `: ${inPageWords(ex.message)}`))));
    if (r.rejected > shown.length) parts.push(el('p', { className: 'hint' }, `... and ${count(r.rejected - shown.length)} more. `, el('code', {}, 'leadlab import'), ' lists them all.'));
  }
  // A message that starts with its count ("3 rows have ...") says it already, as describeImportReport (src/io/importReport.ts) knows.
  for (const w of r.warnings) parts.push(el('p', { className: 'warning' }, `Note: ${inPageWords(w.message)}${w.count > 1 && !w.message.startsWith(`${w.count} `) ? ` (${count(w.count)} times)` : ''}`));
  return parts;
}

/** The reasons in the page's words, looked up as plain names. */
const REASON_WORDS: Readonly<Record<string, string>> = REJECT_REASON_WORDS;
function reasonWords(reason: string): string {
  return Object.hasOwn(REASON_WORDS, reason) ? REASON_WORDS[reason] : reason;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Room at both ends of a color legend's ramp for its end ticks' labels (Plot passes a scale's margins to its legend). */
const LEGEND_MARGINS = { marginLeft: 12, marginRight: 16 };

/** A lead stream's arrivals by hour of week, as leads a week in each hour. */
export function arrivalsChartSpec(result: Extract<HistoryResult, { ok: true; kind: 'leads' }>, width = 760): Plot.PlotOptions {
  const rows = result.arrivalsByHourOfWeek.map((n, h) => ({ day: DAYS[Math.floor(h / 24)], hour: h % 24, perWeek: (n * 7) / Math.max(1, result.days) }));
  return {
    width, height: 260, marginLeft: 50, padding: 0.05,
    x: { domain: Array.from({ length: 24 }, (_, h) => h), label: 'Hour of day', ticks: width < 520 ? [0, 3, 6, 9, 12, 15, 18, 21] : undefined },
    y: { domain: DAYS, label: null },
    color: { type: 'linear', scheme: 'greens', label: 'Leads per week in this hour', legend: true, zero: true, ...LEGEND_MARGINS },
    marks: [Plot.cell(rows, { x: 'hour', y: 'day', fill: 'perWeek', title: (d: { day: string; hour: number; perWeek: number }) => `${d.day} ${d.hour}:00: ${d.perWeek.toFixed(1)} leads a week` })],
  };
}

/**
 * The charts of a fit: the figure each is drawn in, its title, its Plot options, and (for a chart the data can
 * leave empty) why it is not drawn, said in the figure instead of an empty grid.
 */
export const FIT_CHARTS: readonly [figureId: string, title: string, spec: (fit: FittedModel, width: number) => Plot.PlotOptions, empty?: (fit: FittedModel) => string | undefined][] = [
  ['history-chart-reached', 'Share of leads reached by lead age', reachedByAgeSpec],
  ['history-chart-reached-attempts', 'Share of leads reached by number of attempts', reachedByAttemptSpec],
  ['history-chart-attempts', 'Contact rate by attempt number', contactByAttemptSpec],
  ['history-chart-age', 'Contact rate by lead age', contactByLeadAgeSpec],
  ['history-chart-hours', 'Contact rate by hour of week', (fit, width) => contactByHourOfWeekSpec(fit, width),
    (fit) => (noHourOfWeekToShow(fit) ? `Contact rate by hour of week: too few calls per hour to show (fewer than ${HOUR_OF_WEEK_MIN_ATTEMPTS} in every hour of the week).` : undefined)],
];

/** A conversion table: leads, reached, converted and the rate with its interval, per group. */
/**
 * A table of conversion by group. `reached` adds the share of each group's leads reached: by speed to lead it varies,
 * by the attempt that first reached the lead it is 100% in every row, and is left out (as `leadlab fit` leaves it out).
 */
export function conversionTable(id: string, caption: string, group: string, rows: ConversionRow[], reached = true): HTMLElement {
  const head = [group, 'Leads', ...(reached ? ['Reached'] : []), 'Converted', 'Conversion rate (95% interval)'];
  return el('div', { className: 'table-wrap' }, el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => {
      const [label, ...cells] = conversionCells(r, reached);
      return el('tr', {}, el('th', { scope: 'row' }, label), ...cells.map((c) => el('td', { className: 'num' }, c)));
    })),
  ));
}

/** The key numbers of a fit, each with its plain explanation. */
export function keyNumbersView(fit: Extract<HistoryFit, { ok: true }>['fit']): HTMLElement {
  return el('dl', { className: 'key-numbers' }, ...fitKeyNumbers(fit).flatMap((n) => [
    el('dt', {}, n.label),
    el('dd', { dataset: { key: n.key } }, el('strong', {}, n.value), ...(n.note ? [el('span', { className: 'hint' }, ` ${n.note}`)] : [])),
  ]));
}

/** What the data can and cannot support: every note of the fit's parts, or nothing. */
export function fitNotesView(fit: Extract<HistoryFit, { ok: true }>['fit']): Node[] {
  const notes = [...fit.notes, ...(fit.conversion?.notes ?? []), ...fit.attemptsToContact.notes, ...fit.timeToContact.notes, ...fit.contactByLeadAge.notes, ...fit.contactByHourOfWeek.notes];
  return notes.length ? [el('h4', {}, 'What the data can and cannot support'), el('ul', {}, ...notes.map((n) => el('li', {}, n)))] : [];
}

/** Why a file could not be read, and where to fix it: the message and the setting it concerns. */
export function failureMessage(result: Extract<HistoryResult, { ok: false }>): { message: string; where?: string } {
  const name = result.fileName;
  if (result.error.where === 'columns' && result.columns) {
    const missing = result.columns.fields.filter((f) => f.required && f.column < 0).map((f) => FIELD_WORDS[f.field] ?? f.field);
    return {
      message:
        `${name} does not look like a ${result.columns.kind === 'leads' ? 'lead stream' : 'call log'}: no column was found for ${missing.join(', ')}. ` +
        `Its columns are ${result.columns.header.map((h) => `"${h}"`).join(', ')}. Pick the columns below if they are there under other names, or choose a call log (one row per call: lead, lead created time, call time, outcome).`,
      where: 'Columns',
    };
  }
  if (result.error.where === 'timeZone') return { message: zoneProblem(result.error.message), where: 'Time zone' };
  return { message: `${name}: ${result.error.message}` };
}

/**
 * What is wrong with a typed time zone, for the page's error line that already starts "Time zone: ": the reader's
 * message without its own "time zone: " (it names no field, for the command line to put its flag there).
 */
export const zoneProblem = (message: string): string => message.replace(/^time zone:\s*/i, '');

/** A file name fit for a download: "Team Calls.csv.gz" -> "Team-Calls". */
export const baseName = (fileName: string): string => fileName.replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt)$/i, '').replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60) || 'call-log';

/** A chart and a button that saves it as SVG, for the figure `figureId`. */
export function chartNodes(figureId: string, title: string, spec: Plot.PlotOptions): Node[] {
  const svg = Plot.plot(spec);
  const save = el('button', {}, 'Save chart (SVG)');
  save.type = 'button';
  save.setAttribute('aria-label', `Save the chart "${title}" as SVG`);
  save.addEventListener('click', () => download(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `leadlab-${figureId}.svg`));
  return [svg, el('div', { className: 'row' }, save)];
}

/** The model file a fit downloads as: the fit, its scenario "contactModel" and where it came from (as `leadlab fit --out` writes). */
export function modelFileText(fit: Extract<HistoryFit, { ok: true }>, read: CallLogHistory): string {
  const model = { ...fit.fit, contactModel: fit.scenarioContactModel, source: { file: read.fileName, kind: 'calls', timeZone: read.timeZone, dateOrder: read.dateOrder, span: read.span, import: read.report } };
  return JSON.stringify(model, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** What the page says once the fit is in the selected scenario. */
export function fitUsedMessage(done: { name: string; valid: boolean }): string {
  return `Scenario "${done.name}" now uses this fit: its JSON holds the fitted "contactModel" (in place of its "contact" settings)${done.valid ? '' : ', but the scenario has other problems to fix'}. Run the comparison to see what it changes.`;
}

/**
 * What a fit leaves out while outcome words are not known: their rows are rejected, and when they are unanswered
 * calls ("LM", "Line engaged") the fit's contact rates are of the answered calls kept, far too high. Said beside the
 * fit's buttons; empty when every outcome was known. Found in review: 327 of 600 calls left out read as 42.8% of
 * fresh leads answering, where the whole log gave 23%.
 */
export function unknownOutcomesNote(read: CallLogHistory): string {
  const left = read.unknownOutcomes.reduce((sum, u) => sum + u.rows, 0);
  if (left === 0) return '';
  const words = read.unknownOutcomes.slice(0, 3).map((u) => `"${u.word}"`).join(', ') + (read.unknownOutcomes.length > 3 ? ', ...' : '');
  return `This fit leaves out ${count(left)} of ${count(left + read.attempts)} calls, whose outcomes this page does not know (${words}): if they were not answered, its contact rates are too high. Say what each word means under "Call outcomes this page does not know" before using it.`;
}

/** What the page says once a lead stream's arrivals are in the selected scenario. */
export function arrivalsUsedMessage(scenario: string, read: LeadStreamHistory): string {
  return `Scenario "${scenario}" now has ${read.perDay.toFixed(1)} new leads a day (${count(read.leads)} leads over the ${count(read.days)} days of ${read.fileName}), arriving by its hours of week.`;
}
