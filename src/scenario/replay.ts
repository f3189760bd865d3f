import { callLogSentence, type CallLogSigns } from '../io/callLogSigns';
import { parseLeadStreamText } from '../io/parseText';
import { describeClockChanges } from '../io/importReport';
import { plural } from '../format/plural';
import { shellWord } from '../format/shellWord';
import { resolveTimeZone } from '../io/timeZone';
import type { ImportField } from '../io/fields';
import type { DateOrder } from '../io/timestamp';
import type { ModelConfig, ProductConfig, SourceConfig } from '../sim/modelConfig';
import { messageOf, type SchemaIssue } from '../schema';

export interface ReplaySpec {
  file: string;
  timeZone: string;
  map: Record<string, ImportField>;
  dateOrder?: DateOrder;
  /** The field separator, when not the one detected. */
  delimiter?: string;
  /** Lines above the header to skip. */
  skipLines?: number;
}

/** Rows of a replayed lead stream that were rejected, and the command that lists them with their reasons. */
export interface ReplayRejects {
  /** The file as the user can name it (see `showPath` of {@link replayArrivals}). */
  file: string;
  kept: number;
  rejected: number;
  /** A `leadlab import` command that reads the file as the scenario does, listing each rejected row's line and reason. */
  seeReasons: string;
}

/**
 * The `leadlab import` command that reads a replayed lead stream the way the scenario does (the kind, the time
 * zone, the column names, the date order), so that its rejected rows are listed as the run counted them.
 *
 * @example
 * importCommand({ file: 'leads.csv', timeZone: 'America/Chicago', map: {} }, 'sc/leads.csv')
 * // "leadlab import sc/leads.csv --kind leads --tz America/Chicago"
 */
export function importCommand(spec: ReplaySpec, path: string): string {
  const words = ['leadlab', 'import', shellWord(path), '--kind', 'leads'];
  if (spec.timeZone !== 'UTC') words.push('--tz', shellWord(spec.timeZone));
  for (const [column, field] of Object.entries(spec.map)) words.push('--map', shellWord(`${column}=${field}`));
  if (spec.dateOrder) words.push('--date-order', spec.dateOrder);
  if (spec.delimiter !== undefined) words.push('--delimiter', spec.delimiter === '\t' ? 'tab' : shellWord(spec.delimiter));
  if (spec.skipLines !== undefined) words.push('--skip-lines', String(spec.skipLines));
  return words.join(' ');
}

/**
 * Turns a historical lead stream (CSV) into the arrivals of a run. Times are read on the stated zone's
 * clock, so the model's calendar (hour of week, day of month) is the floor's local time; the run starts at
 * local midnight of the first lead's day and lasts until the day of the last lead. Sources and products the
 * scenario does not declare are added with neutral factors and no cost, and said so in the warnings. `showPath`
 * turns the file name the scenario gives (relative to the scenario) into one the user can type where they are.
 */
export function replayArrivals(
  text: string,
  spec: ReplaySpec,
  sources: SourceConfig[],
  products: ProductConfig[],
  showPath: (file: string) => string = (file) => file,
): { ok: true; arrivals: ModelConfig['arrivals']; startDate: string; days: number; sources: SourceConfig[]; products: ProductConfig[]; warnings: string[]; rejects?: ReplayRejects } | { ok: false; issues: SchemaIssue[] } {
  let zone;
  try {
    zone = resolveTimeZone(spec.timeZone);
  } catch (e) {
    return { ok: false, issues: [{ path: 'leads.replay.timeZone', message: messageOf(e).replace(/^time zone: /, '') }] };
  }
  let imported;
  try {
    imported = parseLeadStreamText(text, { timeZone: spec.timeZone, map: spec.map, dateOrder: spec.dateOrder, delimiter: spec.delimiter, skipLines: spec.skipLines });
  } catch (e) {
    return { ok: false, issues: [{ path: 'leads.replay.file', message: `${spec.file}: ${inScenarioWords(messageOf(e))}` }] };
  }
  const { leads, report } = imported;
  if (leads.length === 0) return { ok: false, issues: [{ path: 'leads.replay.file', message: `${spec.file}: expected at least one valid lead row, got none (${report.rejected} rejected)` }] };
  const warnings: string[] = [];
  let rejects: ReplayRejects | undefined;
  const file = showPath(spec.file);
  // First, as it says what the rest mean: rows rejected as repeated lead ids are a call log's further calls.
  if (imported.callLogSigns) warnings.push(callLogWarning(file, imported.callLogSigns, report.kept));
  if (report.rejected > 0) {
    rejects = { file, kept: report.kept, rejected: report.rejected, seeReasons: importCommand(spec, file) };
    warnings.push(`${file}: ${plural(report.kept, 'lead')} kept, ${plural(report.rejected, 'row')} rejected (run \`${rejects.seeReasons}\` for the reasons and line numbers)`);
  }
  // Kept all the same, by the rule of TimeZone.readWall (src/io/timeZone.ts); the user is told which rows.
  const clockSentences = describeClockChanges(report.clockChanges, zone.name);
  for (const sentence of clockSentences) warnings.push(`${file}: ${sentence}`);
  // What else the reader noticed (the other date order would read the rejected rows, dates of both orders, leads
  // created in the future): the same words `leadlab import` prints, once each.
  for (const w of report.warnings) if (!clockSentences.includes(w.message)) warnings.push(`${file}: ${w.message}`);
  const srcs = sources.map((s) => ({ ...s }));
  const prods = products.map((p) => ({ ...p }));
  const added: { sources: string[]; products: string[] } = { sources: [], products: [] };
  const indexOf = <T extends { name: string }>(list: T[], name: string | undefined, make: (n: string) => T, note: string[]): number => {
    if (name === undefined || name === '') return 0;
    let i = list.findIndex((x) => x.name === name);
    if (i < 0) {
      list.push(make(name));
      note.push(name);
      i = list.length - 1;
    }
    return i;
  };
  const local = leads.map((l) => l.created + zone.offsetMinutes(l.created * 60_000));
  // A loop, not Math.min(...local): a spread of a few hundred thousand arguments overflows the stack.
  let earliest = Infinity;
  for (const t of local) if (t < earliest) earliest = t;
  const firstDay = Math.floor(earliest / 1440);
  const arrivals = leads.map((l, k) => ({
    t: local[k] - firstDay * 1440,
    source: indexOf(srcs, l.source, (name) => ({ name, share: 0, cost: 0, soldTo: [1], contactabilityFactor: 1, conversionFactor: 1 }), added.sources),
    product: indexOf(prods, l.product, (name) => ({ name, share: 0, revenuePerFunded: prods[0]?.revenuePerFunded ?? 0 }), added.products),
  }));
  arrivals.sort((a, b) => a.t - b.t);
  if (added.sources.length) warnings.push(`sources in ${file} not declared in leads.sources, added with no lead cost and neutral factors: ${added.sources.join(', ')}`);
  if (added.products.length) warnings.push(`products in ${file} not declared in leads.products, added with the first product's revenue: ${added.products.join(', ')}`);
  const days = Math.floor(arrivals[arrivals.length - 1].t / 1440) + 1;
  const startDate = new Date(firstDay * 86_400_000).toISOString().slice(0, 10);
  return { ok: true, arrivals: { kind: 'replay', leads: arrivals }, startDate, days, sources: srcs, products: prods, warnings, ...(rejects && { rejects }) };
}

/**
 * A column-mapping message of the importer in a scenario's words: a scenario names columns in `leads.replay.map`, and
 * has no `--map` to give (`run` refuses the flag).
 */
function inScenarioWords(message: string): string {
  return message
    .replace(/name them with ((?:--map "<column>=\w+" ?)+)$/, (_, flags: string) => `name them in leads.replay.map: {${[...flags.matchAll(/=(\w+)"/g)].map((m) => `"<column>": "${m[1]}"`).join(', ')}}`)
    .replace(/^--map (.+)=(\w+): no column/, (_, column: string, field: string) => `leads.replay.map {${JSON.stringify(column)}: "${field}"}: no column`);
}

/**
 * The warning for a call log given where a lead stream is expected (`leads.replay.file`, `leadlab diagnose --leads`):
 * what shows it, what the run made of it, and where a call log goes instead.
 */
export function callLogWarning(file: string, signs: CallLogSigns, kept: number): string {
  const word = shellWord(file);
  return (
    `${callLogSentence(file, signs)} ` +
    `It was replayed as ${plural(kept, 'lead')}, each arriving at the created time of its first row, and its calls were not used. ` +
    `A call log is for fitting the floor's contact curves: \`leadlab fit ${word} --out model.json\` (then "contactModel": "model.json" in the scenario), ` +
    `or \`leadlab diagnose --log ${word}\`; a lead stream to replay has one row per lead.`
  );
}
