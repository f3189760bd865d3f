import type { CallOutcome } from '../sim/callLog';
import { CallLogTableBuilder, type CallLogTable } from './callLogTable';
import { cellText, columnLabel, emptyJoinPart, resolveColumns, type ColumnMapping } from './columnMapping';
import { isBlankRow, type RowSink } from './csvRows';
import { isNullish, type ImportField } from './fields';
import { parseFlag } from './flag';
import { ImportLedger, type ImportReport } from './importReport';
import { isOutcomeWord, normalizeOutcome } from './outcome';
import { decideDateOrder, isAmbiguousDate, mixedDateOrdersWarning, OtherDateOrder, parseTimestamp, timestampProblem, type DateOrder } from './timestamp';
import { hourOfWeekAt, resolveTimeZone, UTC, type TimeZone } from './timeZone';

/** How to read a call log. Every field is optional; the defaults suit a clean ISO export in UTC. */
export interface CallLogReadOptions {
  /** Explicit column -> field entries (see `parseColumnMap`); the rest are detected from header names. */
  map?: Readonly<Record<string, ImportField>>;
  /** Zone of wall-clock times without an offset, e.g. "America/Chicago". Default UTC (with a warning). */
  timeZone?: string;
  /** Order of numeric dates; detected from the first rows when not given. */
  dateOrder?: DateOrder;
  /** Extra outcome words (see `parseOutcomeMap`). */
  outcomes?: ReadonlyMap<string, CallOutcome>;
  /** How many rejected rows to list in the report (all are counted). Default 100. */
  maxExamples?: number;
  /** An attempt up to this many minutes before the lead's creation is taken as clock skew (age 0). Default 1. */
  skewMinutes?: number;
  /** Data rows buffered to detect the date order when it is not given. Default 5000. */
  sniffRows?: number;
  /** The present, minutes since the epoch, for the warning on times in the future. Default: the clock. */
  now?: number;
}

/** Times later than this many minutes after `now` are warned about as being in the future. */
export const FUTURE_MARGIN_MINUTES = 2 * 1440;

/** A read call log: the attempts as columns, what was kept and rejected, and how the file was read. */
export interface CallLogImport {
  kind: 'calls';
  table: CallLogTable;
  report: ImportReport;
  mapping: ColumnMapping;
  timeZone: string;
  dateOrder: DateOrder | undefined;
  /** First and last attempt time (minutes since the epoch), or undefined when nothing was kept. */
  span: { first: number; last: number } | undefined;
}

/** A {@link RowSink} that builds a call log; `finish()` returns it once the last row is in. */
export interface CallLogReader extends RowSink {
  finish(): CallLogImport;
}


/** The fields that hold times (either may be joined from a date and a time column). */
const TIME_FIELDS = ['leadCreated', 'attemptTime'] as const;

function formatTime(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().replace('T', ' ').slice(0, 16) + 'Z';
}

/**
 * A reader for a call log, one row per call attempt. Feed it rows (header first) from any CSV source; it
 * maps the columns, parses times in the stated zone, normalizes outcomes and rejects bad rows with their line
 * number and reason. Pure: runs in Node and in a browser worker alike.
 *
 * @example
 * const reader = createCallLogReader({ timeZone: 'America/Chicago' });
 * feedCsvText(text, reader);
 * const { table, report } = reader.finish();
 */
export function createCallLogReader(options: CallLogReadOptions = {}): CallLogReader {
  const ledger = new ImportLedger(options.maxExamples ?? 100);
  const zone: TimeZone = options.timeZone ? resolveTimeZone(options.timeZone) : UTC;
  const skew = options.skewMinutes ?? 1;
  const sniffRows = options.sniffRows ?? 5000;
  const builder = new CallLogTableBuilder();
  let mapping: ColumnMapping | undefined;
  let header: string[] = [];
  let dateOrder = options.dateOrder;
  let sniffing = dateOrder === undefined;
  let buffer: { fields: string[]; line: number; problem?: string }[] = [];
  let first = Infinity, last = -Infinity;
  let sawOffsetlessTime = false;
  // The clock change, if any, that the creation time read last fell on (see TimeZone.readWall in src/io/timeZone.ts).
  const cache: { createdText: string; created: number; clock: 'gap' | 'ambiguous' | undefined; wall: number } = { createdText: '', created: NaN, clock: undefined, wall: NaN };
  // A lead id seen again with another creation time is another lead (a system that reuses ids, or a lead
  // entered twice): it is read as its own lead, named by id and creation time, and counted.
  // The key names the creation time to the millisecond (a key to the minute merged two creation times of one id
  // in the same minute into one lead); a key already taken by another creation time gets " #2", " #3" ...
  const createdById = new Map<string, number>();
  const splitIds = new Map<string, { line: number; keys: Map<number, string> }>();
  const takenKeys = new Set<string>();
  const futureLimit = (options.now ?? Date.now() / 60_000) + FUTURE_MARGIN_MINUTES;
  const future = { rows: 0, line: 0, text: '' };

  // A local time skipped or repeated by a clock change is read all the same, and counted for the row at `line`.
  const time = (text: string, line: number): number => parseTimestamp(text, { zone, dateOrder, onClockChange: (kind, wall) => ledger.clockChange(line, kind, wall) });
  // A stated order of month and day that rejects dates the other order reads: most likely the file's is the other.
  const otherOrder = new OtherDateOrder(options.dateOrder, zone);

  function column(field: ImportField): string {
    return columnLabel(header, mapping!, field);
  }

  function badTime(line: number, field: ImportField, text: string): void {
    otherOrder.note(line, text);
    // Year-first (ymd) says nothing of a date whose year comes last: it is as ambiguous as with no order.
    const ambiguous = (dateOrder === undefined || dateOrder === 'ymd') && isAmbiguousDate(text);
    const why = ambiguous ? undefined : timestampProblem(text, { dateOrder });
    ledger.reject(
      line,
      'unparseable-time',
      ambiguous
        ? `${field} (column "${column(field)}"): "${text}" could be month-first or day-first; state the order with --date-order mdy or --date-order dmy`
        : `${field} (column "${column(field)}"): cannot read "${text}" as a time${why ? `: ${why}` : ''}`,
    );
  }

  // Low-cardinality columns (outcome, converted flag) are read once per distinct text.
  const outcomeOf = new Map<string, CallOutcome | undefined>();
  const flagOf = new Map<string, boolean | undefined>();
  // Rows of one lead usually come together: the previous row's id and creation time, and the lead key they gave.
  const previous = { id: '', created: NaN, key: '' };

  function parseRow(fields: string[], line: number, problem?: string): void {
    const m = mapping!;
    if (problem) return ledger.reject(line, 'malformed-quotes', `malformed quotes: ${problem}`);
    if (fields.length !== header.length) {
      return ledger.reject(line, 'wrong-field-count', `expected ${header.length} fields, got ${fields.length}`);
    }
    const get = (f: ImportField): string => cellText(fields, m, f);
    const id = get('leadId'), createdText = get('leadCreated'), attemptText = get('attemptTime'), outcomeText = get('outcome');
    if (isNullish(id)) return ledger.reject(line, 'missing-field', `leadId (column "${column('leadId')}") is empty`);
    if (isNullish(createdText)) return ledger.reject(line, 'missing-field', `leadCreated (column "${column('leadCreated')}") is empty`);
    if (isNullish(attemptText)) return ledger.reject(line, 'missing-field', `attemptTime (column "${column('attemptTime')}") is empty`);
    if (isNullish(outcomeText) && !isOutcomeWord(outcomeText, options.outcomes)) return ledger.reject(line, 'missing-field', `outcome (column "${column('outcome')}") is empty`);
    for (const f of TIME_FIELDS) {
      const part = emptyJoinPart(header, fields, m, f);
      if (part !== undefined) return ledger.reject(line, 'missing-field', `${f} (column "${column(f)}"): the part in column "${part}" is empty`);
    }
    let created: number;
    if (createdText === cache.createdText) created = cache.created;
    else {
      cache.clock = undefined;
      created = parseTimestamp(createdText, { zone, dateOrder, onClockChange: (kind, wall) => {
          cache.clock = kind;
          cache.wall = wall;
        } });
      cache.createdText = createdText;
      cache.created = created;
    }
    if (cache.clock) ledger.clockChange(line, cache.clock, cache.wall);
    if (Number.isNaN(created)) return badTime(line, 'leadCreated', createdText);
    const attempt = time(attemptText, line);
    if (Number.isNaN(attempt)) return badTime(line, 'attemptTime', attemptText);
    if (!sawOffsetlessTime && !attemptText.endsWith('Z') && !/(Z|[+-]\d{2}:?\d{2}|UTC|GMT)$/i.test(attemptText) && !/^\d+(\.\d+)?$/.test(attemptText)) sawOffsetlessTime = true;
    let at = attempt;
    if (attempt < created) {
      if (created - attempt > skew) {
        return ledger.reject(
          line,
          'attempt-before-created',
          // The times as the file writes them, with their columns: the file's own clock, not UTC, is what the user finds.
          `attemptTime (column "${column('attemptTime')}") "${attemptText}" is ${Math.round(created - attempt)} minutes before leadCreated (column "${column('leadCreated')}") "${createdText}"`,
        );
      }
      ledger.warn(`attempts up to ${skew} minute(s) before the lead was created were taken as clock skew (age 0)`);
      at = created;
    }
    let outcome = outcomeOf.get(outcomeText);
    if (outcome === undefined && !outcomeOf.has(outcomeText)) {
      outcome = normalizeOutcome(outcomeText, options.outcomes);
      if (outcomeOf.size < 1000) outcomeOf.set(outcomeText, outcome);
    }
    if (!outcome) {
      return ledger.reject(
        line,
        'unknown-outcome',
        `outcome (column "${column('outcome')}"): unknown outcome "${outcomeText}"; name it with --outcome "${outcomeText}=contact" (or no-answer, voicemail, bad-number, busy)`,
      );
    }
    let converted: boolean | undefined;
    if (m.index.converted !== -1) {
      const text = get('converted');
      converted = flagOf.get(text);
      if (converted === undefined && !flagOf.has(text)) {
        converted = parseFlag(text);
        if (flagOf.size < 1000) flagOf.set(text, converted);
      }
      if (converted === undefined) {
        return ledger.reject(line, 'bad-value', `converted (column "${column('converted')}"): expected yes/no, got "${text}"`);
      }
    }
    if (m.index.convertedTime !== -1 && !isNullish(get('convertedTime'))) converted = true;
    else if (m.index.convertedTime !== -1 && converted === undefined) converted = false;
    let leadKey = id;
    if (id === previous.id && created === previous.created) leadKey = previous.key;
    else {
      const firstCreated = createdById.get(id);
      if (firstCreated === undefined) createdById.set(id, created);
      else if (firstCreated !== created) {
        let split = splitIds.get(id);
        if (!split) splitIds.set(id, (split = { line, keys: new Map() }));
        let key = split.keys.get(created);
        if (key === undefined) {
          const base = `${id} (created ${new Date(created * 60_000).toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, 'Z')})`;
          key = base;
          for (let n = 2; takenKeys.has(key) || createdById.has(key); n++) key = `${base} #${n}`;
          takenKeys.add(key);
          split.keys.set(created, key);
        }
        leadKey = key;
      }
      previous.id = id;
      previous.created = created;
      previous.key = leadKey;
    }
    // Counted among the kept rows only, like the span: a rejected row is reported for its own reason.
    if (created > futureLimit || attempt > futureLimit) {
      if (future.rows++ === 0) {
        future.line = line;
        future.text = created > futureLimit ? createdText : attemptText;
      }
    }
    builder.pushValues(leadKey, created, at, outcome, hourOfWeekAt(at, zone), converted, get('agent') || undefined, get('source') || undefined, get('product') || undefined);
    if (at < first) first = at;
    if (at > last) last = at;
    ledger.keep();
  }

  function flush(): void {
    if (!sniffing) return;
    sniffing = false;
    const m = mapping!;
    const samples: string[] = [];
    for (const { fields } of buffer) {
      for (const f of TIME_FIELDS) {
        const v = cellText(fields, m, f);
        if (v !== '') samples.push(v);
      }
    }
    const decided = decideDateOrder(samples);
    if (decided.order) dateOrder = decided.order;
    if (decided.conflict) ledger.warn(mixedDateOrdersWarning('the first rows', decided.order!, '--date-order'));
    const rows = buffer;
    buffer = [];
    for (const r of rows) parseRow(r.fields, r.line, r.problem);
  }

  return {
    row(fields, line, problem) {
      if (isBlankRow(fields)) return ledger.blankLine();
      if (!mapping) {
        header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
        mapping = resolveColumns(header, 'calls', options.map);
        return;
      }
      if (sniffing) {
        buffer.push({ fields, line, problem });
        if (buffer.length >= sniffRows) flush();
        return;
      }
      parseRow(fields, line, problem);
    },
    finish() {
      if (!mapping) throw new RangeError('call log: the file is empty (no header row)');
      flush();
      if (splitIds.size > 0) {
        let extra = 0;
        for (const s of splitIds.values()) extra += s.keys.size;
        const [firstId, firstSplit] = splitIds.entries().next().value!;
        ledger.warnCounted(
          `${splitIds.size} lead id(s) appear with more than one creation time (first: "${firstId}" at line ${firstSplit.line}); each id and creation time was read as its own lead: ${extra} more lead(s)`,
          splitIds.size,
        );
      }
      if (future.rows > 0) {
        ledger.warnCounted(
          `${future.rows} row(s) have a time after ${formatTime(futureLimit)}, in the future (first at line ${future.line}: "${future.text}"); check the date order (--date-order) and two-digit years`,
          future.rows,
        );
      }
      const otherOrderWarning = otherOrder.warning(ledger.rejectedCount);
      if (otherOrderWarning) ledger.warn(otherOrderWarning);
      if (!options.timeZone && sawOffsetlessTime) {
        ledger.warn('no time zone given (--tz): wall-clock times were read as UTC, and hour of week is on the UTC clock');
      }
      return {
        kind: 'calls',
        table: builder.build(),
        report: ledger.report(zone),
        mapping,
        timeZone: zone.name,
        dateOrder,
        span: first <= last ? { first, last } : undefined,
      };
    },
  };
}
