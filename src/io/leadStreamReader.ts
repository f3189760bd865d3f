import { FUTURE_MARGIN_MINUTES } from './callLogReader';
import { callLogSigns, type CallLogSigns } from './callLogSigns';
import { cellText, columnLabel, emptyJoinPart, resolveColumns, type ColumnMapping } from './columnMapping';
import { isBlankRow, type RowSink } from './csvRows';
import { isNullish, type ImportField } from './fields';
import { parseFlag } from './flag';
import { ImportLedger, type ImportReport } from './importReport';
import { decideDateOrder, isAmbiguousDate, mixedDateOrdersWarning, OtherDateOrder, parseTimestamp, timestampProblem, type DateOrder } from './timestamp';
import { hourOfWeekAt, resolveTimeZone, UTC } from './timeZone';

/** One lead of a historical lead stream, ready to be replayed as arrivals. */
export interface LeadStreamRecord {
  leadId: string;
  /** Minutes since the epoch. */
  created: number;
  /** Hour of week of creation on the stated zone's clock (Monday 00:00 = 0). */
  hourOfWeek: number;
  source?: string;
  product?: string;
  converted?: boolean;
  /** Columns no field uses, by header. */
  attributes: Record<string, string>;
}

/** A read lead stream, sorted by creation time. */
export interface LeadStreamImport {
  kind: 'leads';
  leads: LeadStreamRecord[];
  report: ImportReport;
  mapping: ColumnMapping;
  timeZone: string;
  dateOrder: DateOrder | undefined;
  /** What shows the file to be a call log rather than a lead stream, when it does (see {@link callLogSigns}). */
  callLogSigns?: CallLogSigns;
}

/** Options for {@link createLeadStreamReader}. */
export interface LeadStreamReadOptions {
  map?: Readonly<Record<string, ImportField>>;
  /** The flag `map` was given with, for the messages of a header it cannot map: "--map" by default. */
  mapFlag?: string;
  timeZone?: string;
  dateOrder?: DateOrder;
  maxExamples?: number;
  /** The present, minutes since the epoch, for the warning on times in the future. Default: the clock. */
  now?: number;
}

/** A {@link RowSink} that builds a lead stream. */
export interface LeadStreamReader extends RowSink {
  finish(): LeadStreamImport;
}

/**
 * A reader for a lead stream (one row per lead: id and created time required; source, product, conversion
 * optional; other columns kept as attributes). Duplicate lead ids are rejected after the first. The date
 * order, when not given, is detected from all rows before any is parsed (lead streams are small).
 */
export function createLeadStreamReader(options: LeadStreamReadOptions = {}): LeadStreamReader {
  const ledger = new ImportLedger(options.maxExamples ?? 100);
  const zone = options.timeZone ? resolveTimeZone(options.timeZone) : UTC;
  let mapping: ColumnMapping | undefined;
  let header: string[] = [];
  const rows: { fields: string[]; line: number; problem?: string }[] = [];

  return {
    row(fields, line, problem) {
      if (isBlankRow(fields)) return ledger.blankLine();
      if (!mapping) {
        header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
        mapping = resolveColumns(header, 'leads', options.map, options.mapFlag);
        return;
      }
      rows.push({ fields, line, problem });
    },
    finish() {
      if (!mapping) throw new RangeError('lead stream: the file is empty (no header row)');
      const m = mapping;
      let dateOrder = options.dateOrder;
      if (!dateOrder) {
        const samples = rows.map((r) => cellText(r.fields, m, 'leadCreated'));
        const decided = decideDateOrder(samples);
        dateOrder = decided.order;
        if (decided.conflict) ledger.warn(mixedDateOrdersWarning('the rows', decided.order!, 'dateOrder or --date-order'));
      }
      // A stated order of month and day that rejects dates the other order reads: most likely the file's is the other.
      const otherOrder = new OtherDateOrder(options.dateOrder, zone);
      const seen = new Set<string>();
      let repeatedRows = 0;
      const leads: LeadStreamRecord[] = [];
      const unused = header.map((h, i) => [h, i] as const).filter(([, i]) => !m.assignments.some((a) => a.column === i));
      for (const { fields, line, problem } of rows) {
        if (problem) { ledger.reject(line, 'malformed-quotes', `malformed quotes: ${problem}`); continue; }
        if (fields.length !== header.length) { ledger.reject(line, 'wrong-field-count', `expected ${header.length} fields, got ${fields.length}`); continue; }
        const get = (f: ImportField): string => cellText(fields, m, f);
        const id = get('leadId');
        if (isNullish(id)) { ledger.reject(line, 'missing-field', `leadId (column "${header[m.index.leadId]}") is empty`); continue; }
        if (seen.has(id)) { repeatedRows++; ledger.reject(line, 'bad-value', `leadId "${id}" appears again (first row kept)`); continue; }
        const createdText = get('leadCreated');
        const emptyPart = emptyJoinPart(header, fields, m, 'leadCreated');
        if (emptyPart !== undefined) { ledger.reject(line, 'missing-field', `leadCreated (column "${columnLabel(header, m, 'leadCreated')}"): the part in column "${emptyPart}" is empty`); continue; }
        if (isNullish(createdText)) { ledger.reject(line, 'missing-field', `leadCreated (column "${columnLabel(header, m, 'leadCreated')}") is empty`); continue; }
        const created = parseTimestamp(createdText, { zone, dateOrder, onClockChange: (kind, wall) => ledger.clockChange(line, kind, wall) });
        if (Number.isNaN(created)) {
          otherOrder.note(line, createdText);
          const column = `leadCreated (column "${columnLabel(header, m, 'leadCreated')}")`;
          ledger.reject(
            line,
            'unparseable-time',
            (dateOrder === undefined || dateOrder === 'ymd') && isAmbiguousDate(createdText)
              ? `${column}: "${createdText}" could be month-first or day-first; state the order with dateOrder (--date-order) mdy or dmy`
              : `${column}: cannot read "${createdText}" as a time${((why) => (why ? `: ${why}` : ''))(timestampProblem(createdText, { dateOrder }))}`,
          );
          continue;
        }
        let converted: boolean | undefined;
        if (m.index.converted !== -1) {
          converted = parseFlag(get('converted'));
          if (converted === undefined) { ledger.reject(line, 'bad-value', `converted (column "${header[m.index.converted]}"): expected yes/no, got "${get('converted')}"`); continue; }
        }
        if (m.index.convertedTime !== -1) converted = !isNullish(get('convertedTime')) || (converted ?? false);
        const attributes: Record<string, string> = {};
        for (const [h, i] of unused) attributes[h] = fields[i];
        seen.add(id);
        leads.push({
          leadId: id,
          created,
          hourOfWeek: hourOfWeekAt(created, zone),
          source: get('source') || undefined,
          product: get('product') || undefined,
          converted,
          attributes,
        });
        ledger.keep();
      }
      const otherOrderWarning = otherOrder.warning(ledger.rejectedCount, 'dateOrder (--date-order)');
      if (otherOrderWarning) ledger.warn(otherOrderWarning);
      const futureLimit = (options.now ?? Date.now() / 60_000) + FUTURE_MARGIN_MINUTES;
      const future = leads.filter((l) => l.created > futureLimit);
      if (future.length > 0) {
        ledger.warnCounted(
          `${future.length} lead(s) were created after ${new Date(futureLimit * 60_000).toISOString().slice(0, 16)}Z, in the future (first: "${future[0].leadId}"); check the date order (--date-order) and two-digit years`,
          future.length,
        );
      }
      leads.sort((a, b) => a.created - b.created);
      const signs = callLogSigns(header, rows.map((r) => r.fields), m, options.map ?? {}, repeatedRows);
      return { kind: 'leads', leads, report: ledger.report(zone), mapping: m, timeZone: zone.name, dateOrder, ...(signs && { callLogSigns: signs }) };
    },
  };
}
