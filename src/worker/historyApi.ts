/**
 * The history worker's API: reads a call log or lead stream the user dropped on the page and fits it, off the
 * main thread. A plain object of async functions over structured-cloneable data (a File is a Blob and crosses
 * to a worker without copying its bytes); the page holds it through comlink and imports this module with
 * `import type` only. Errors cross as `{name, message}`.
 */
import { fitCallLog, type FittedModel } from '../fit/fitCallLog';
import { createCallLogReader } from '../io/callLogReader';
import type { CallLogTable } from '../io/callLogTable';
import { ColumnMappingError, resolveColumns } from '../io/columnMapping';
import type { RowSink } from '../io/csvRows';
import { FIELD_ALIASES, KIND_FIELDS, normalizeHeader, type ImportField, type ImportKind } from '../io/fields';
import type { ImportReport } from '../io/importReport';
import { createLeadStreamReader } from '../io/leadStreamReader';
import { createLeadSummaryReader } from '../io/leadSummaryReader';
import type { LogImport } from '../io/logReader';
import { normalizeOutcome, parseOutcomeMap } from '../io/outcome';
import type { DateOrder } from '../io/timestamp';
import { resolveTimeZone } from '../io/timeZone';
import { warnOfEncoding, type TextEncodingName } from '../io/encoding';
import { feedCsvBlob } from '../io/web/readLogBlob';
import { CALL_OUTCOMES, type CallOutcome } from '../sim/callLog';
import type { AgeDecay, ContactModel } from '../sim/contactModel';

/** What the page asks for: the kind of file and how to read it. */
export interface HistoryRequest {
  /** "auto": a call log when its columns are found, else a lead stream, else a per-lead summary. */
  kind: 'auto' | ImportKind;
  /** Column -> field, the column as "#n" (1-based), as chosen in the page's column selects. */
  map: Record<string, ImportField>;
  /** Zone of times written without an offset; empty for UTC. */
  timeZone: string;
  /** Order of numeric dates; empty to detect it from the rows. */
  dateOrder: DateOrder | '';
  /** Outcome words of the file -> what they mean, for words the reader does not know. */
  outcomes?: Record<string, CallOutcome>;
}

/** The columns of the file and the column each field of its kind is read from (-1: none). */
export interface HistoryColumns {
  kind: ImportKind;
  header: string[];
  fields: { field: ImportField; required: boolean; column: number; how: 'auto' | 'map' | 'none' }[];
}

interface ReadCommon {
  fileName: string;
  bytes: number;
  gzip: boolean;
  columns: HistoryColumns;
  report: ImportReport;
  /** Milliseconds spent reading and fitting in the worker. */
  elapsedMs: number;
}

/** A read call log (fit it with `historyApi.fitLastCallLog`). */
export interface CallLogHistory extends ReadCommon {
  ok: true;
  kind: 'calls';
  timeZone: string;
  dateOrder: DateOrder | null;
  attempts: number;
  leads: number;
  outcomes: Record<string, number>;
  span: { first: string; last: string } | null;
  /** Outcome words that were not recognized (their rows are rejected), most frequent first, at most 20. */
  unknownOutcomes: { word: string; rows: number }[];
}

/** The fit of the call log read last, or why there is none. */
export type HistoryFit =
  | {
      ok: true;
      fit: FittedModel;
      /** `fit.contactModel` as a scenario's inline "contactModel" accepts it. */
      scenarioContactModel: ContactModel;
      elapsedMs: number;
    }
  | { ok: false; error: { name: string; message: string } };

/** A read lead stream: arrivals by hour of week, which a scenario can use as its arrival profile. */
export interface LeadStreamHistory extends ReadCommon {
  ok: true;
  kind: 'leads';
  timeZone: string;
  dateOrder: DateOrder | null;
  leads: number;
  span: { first: string; last: string } | null;
  /** Leads per day over the days the stream covers. */
  perDay: number;
  days: number;
  /** Leads created in each hour of week (Monday 00:00 first), on the stated zone's clock. */
  arrivalsByHourOfWeek: number[];
}

/** A read per-lead summary (no times: nothing to fit on the page). */
export interface LeadSummaryHistory extends ReadCommon {
  ok: true;
  kind: 'summary';
  leads: number;
  calls: number;
}

/** A file that could not be read, with what is known of its columns so the user can map them. */
export interface HistoryFailure {
  ok: false;
  fileName: string;
  error: { name: string; message: string; where: 'file' | 'columns' | 'timeZone' };
  columns?: HistoryColumns;
}

export type HistoryResult = CallLogHistory | LeadStreamHistory | LeadSummaryHistory | HistoryFailure;

const iso = (minutes: number): string => new Date(minutes * 60_000).toISOString();

/** The columns each field of `kind` would take (explicit entries first, then header names), never throwing. */
export function guessColumns(header: readonly string[], kind: ImportKind, map: Readonly<Record<string, ImportField>>): HistoryColumns {
  const { fields, required } = KIND_FIELDS[kind];
  const used = new Set<number>();
  const chosen = new Map<ImportField, { column: number; how: 'map' | 'auto' }>();
  for (const [column, field] of Object.entries(map)) {
    const hash = /^#(\d+)$/.exec(column);
    const i = hash ? Number(hash[1]) - 1 : header.indexOf(column);
    if (i >= 0 && i < header.length && fields.includes(field)) {
      chosen.set(field, { column: i, how: 'map' });
      used.add(i);
    }
  }
  const normalized = header.map(normalizeHeader);
  for (const field of fields) {
    if (chosen.has(field)) continue;
    for (const alias of FIELD_ALIASES[field]) {
      const i = normalized.findIndex((h, j) => h === alias && !used.has(j));
      if (i !== -1) {
        chosen.set(field, { column: i, how: 'auto' });
        used.add(i);
        break;
      }
    }
  }
  return {
    kind,
    header: [...header],
    fields: fields.map((field) => ({ field, required: required.includes(field), column: chosen.get(field)?.column ?? -1, how: chosen.get(field)?.how ?? 'none' })),
  };
}

/** The kind of file a header holds: the one asked for, or (auto) call log, lead stream, summary in that order. */
function pickKind(header: readonly string[], request: HistoryRequest): ImportKind {
  if (request.kind !== 'auto') return request.kind;
  const mapped = Object.values(request.map);
  if (mapped.some((f) => f === 'attempts' || f === 'contacted')) return 'summary';
  for (const kind of ['calls', 'leads', 'summary'] as const) {
    try {
      resolveColumns(header, kind, request.map);
      return kind;
    } catch (e) {
      if (!(e instanceof ColumnMappingError)) throw e;
    }
  }
  return 'calls';
}

/** Why a blob is not a CSV at all, from its first bytes; undefined when it may be. */
async function notText(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, 4096).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return 'this is a zip archive (an Excel .xlsx workbook is one): save the sheet as CSV (comma-separated values) and drop that file';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return undefined;
  if (head.includes(0)) return 'this is not a text file (it holds binary data): expected a CSV export, plain or gzip-compressed';
  return undefined;
}

/** A scenario's inline contact model from a fit: an age decay without any fitted point becomes the flat table it means. */
export function scenarioContactModel(model: ContactModel): ContactModel {
  const d = model.ageDecay;
  const flat = d.kind === 'exponential' && !(Number.isFinite(d.halfLifeMinutes) && d.halfLifeMinutes > 0);
  const ageDecay: AgeDecay = flat ? { kind: 'table', points: [[0, 1]] } : d;
  return { contactability: { ...model.contactability }, hourOfWeek: [...model.hourOfWeek], ageDecay };
}

// The call log read last stays in the worker, so the page can ask for its fit without sending it back and forth.
let lastTable: CallLogTable | undefined;

export const historyApi = {
  /**
   * Reads a CSV file (plain or gzip) as a call log, lead stream or per-lead summary, and reports what was kept
   * and rejected. `onProgress` gets the share of the file read.
   */
  async readHistory(file: Blob, fileName: string, request: HistoryRequest, onProgress?: (share: number) => void): Promise<HistoryResult> {
    const started = Date.now();
    const fail = (where: HistoryFailure['error']['where'], e: unknown, columns?: HistoryColumns): HistoryFailure => ({
      ok: false, fileName, error: { name: (e as Error).name ?? 'Error', message: (e as Error).message ?? String(e), where }, columns,
    });
    if (request.timeZone.trim()) {
      try {
        resolveTimeZone(request.timeZone);
      } catch (e) {
        return fail('timeZone', e);
      }
    }
    if (file.size === 0) return fail('file', new RangeError('the file is empty'));
    const why = await notText(file);
    if (why) return fail('file', new TypeError(why));

    let header: string[] | undefined;
    let kind: ImportKind = request.kind === 'auto' ? 'calls' : request.kind;
    let inner: (RowSink & { finish(): LogImport }) | undefined;
    let outcomes: Map<string, CallOutcome>;
    try {
      outcomes = parseOutcomeMap(Object.entries(request.outcomes ?? {}).map(([word, outcome]) => `${word}=${outcome}`));
    } catch (e) {
      return fail('file', e);
    }
    const options = { map: request.map, timeZone: request.timeZone.trim() || undefined, dateOrder: request.dateOrder || undefined, outcomes };
    // Outcome words the reader will reject, counted so the page can ask what they mean.
    const unknown = new Map<string, number>();
    let outcomeColumn = -1;
    const sink: RowSink = {
      row(fields, line, problem) {
        if (!inner) {
          if (fields.length === 1 && fields[0].trim() === '') return;
          header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
          kind = pickKind(header, request);
          inner = kind === 'calls' ? createCallLogReader(options) : kind === 'leads' ? createLeadStreamReader(options) : createLeadSummaryReader(options);
          inner.row(fields, line, problem);
          if (kind === 'calls') outcomeColumn = resolveColumns(header, 'calls', request.map).index.outcome;
          return;
        }
        if (outcomeColumn >= 0) {
          const word = fields[outcomeColumn]?.trim();
          if (word && !normalizeOutcome(word, outcomes) && (unknown.has(word) || unknown.size < 200)) unknown.set(word, (unknown.get(word) ?? 0) + 1);
        }
        inner.row(fields, line, problem);
      },
    };
    lastTable = undefined;
    let gzip = false;
    let encoding: TextEncodingName | undefined;
    let log: LogImport;
    try {
      ({ gzip, encoding } = await feedCsvBlob(file, sink, { onProgress: onProgress && ((read, total) => onProgress(total > 0 ? read / total : 1)) }));
      if (!inner) throw new RangeError('the file has no rows (not even a header)');
      log = inner.finish();
      // As readLogFile reports it on the command line: a file not in UTF-8 was read in the encoding its bytes show.
      warnOfEncoding(log.report, encoding);
    } catch (e) {
      if (e instanceof ColumnMappingError && header) return fail('columns', e, guessColumns(header, kind, request.map));
      return fail('file', e, header && guessColumns(header, kind, request.map));
    }
    const columns = guessColumns(header!, log.kind, Object.fromEntries(log.mapping.assignments.map((a) => [`#${a.column + 1}`, a.field])));
    for (const f of columns.fields) {
      const a = log.mapping.assignments.find((x) => x.field === f.field);
      if (a) f.how = a.how;
    }
    const common = { ok: true as const, fileName, bytes: file.size, gzip, columns, report: log.report };
    if (log.kind === 'calls') {
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < log.table.length; i++) {
        const o = CALL_OUTCOMES[log.table.outcome[i]];
        outcomes[o] = (outcomes[o] ?? 0) + 1;
      }
      lastTable = log.table;
      return {
        ...common, kind: 'calls', timeZone: log.timeZone, dateOrder: log.dateOrder ?? null,
        attempts: log.table.length, leads: log.table.leadIds.length, outcomes,
        span: log.span ? { first: iso(log.span.first), last: iso(log.span.last) } : null, elapsedMs: Date.now() - started,
        unknownOutcomes: [...unknown].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([word, rows]) => ({ word, rows })),
      };
    }
    if (log.kind === 'leads') {
      const arrivalsByHourOfWeek = new Array<number>(168).fill(0);
      for (const l of log.leads) arrivalsByHourOfWeek[l.hourOfWeek]++;
      const first = log.leads[0]?.created, last = log.leads.at(-1)?.created;
      const days = first === undefined ? 0 : Math.max(1, Math.ceil((last! - first) / 1440));
      return {
        ...common, kind: 'leads', timeZone: log.timeZone, dateOrder: log.dateOrder ?? null, leads: log.leads.length,
        span: first === undefined ? null : { first: iso(first), last: iso(last!) },
        perDay: days > 0 ? log.leads.length / days : 0, days, arrivalsByHourOfWeek, elapsedMs: Date.now() - started,
      };
    }
    let calls = 0;
    for (let i = 0; i < log.table.length; i++) calls += log.table.attempts[i];
    return { ...common, kind: 'summary', leads: log.table.length, calls, elapsedMs: Date.now() - started };
  },

  /** Fits the contact curves of the call log read last (see `fitCallLog`). */
  async fitLastCallLog(): Promise<HistoryFit> {
    const started = Date.now();
    if (!lastTable) return { ok: false, error: { name: 'RangeError', message: 'read a call log first' } };
    if (lastTable.length === 0) return { ok: false, error: { name: 'RangeError', message: 'no rows were kept, so there is nothing to fit' } };
    try {
      const fit = fitCallLog(lastTable);
      return { ok: true, fit, scenarioContactModel: scenarioContactModel(fit.contactModel), elapsedMs: Date.now() - started };
    } catch (e) {
      return { ok: false, error: { name: (e as Error).name, message: (e as Error).message } };
    }
  },
};

export type HistoryApi = typeof historyApi;
