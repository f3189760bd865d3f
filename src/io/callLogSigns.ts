import { plural } from '../format/plural';
import { findColumn, type ColumnMapping } from './columnMapping';
import { FIELD_ALIASES, isNullish, normalizeHeader, type ImportField } from './fields';
import { normalizeOutcome } from './outcome';
import { parseTimestamp } from './timestamp';
import { UTC } from './timeZone';

/**
 * What shows that a file read as a lead stream (one row per lead) is a call log (one row per call attempt): a column
 * of call times, a column of call outcomes, and rows that repeat an earlier row's lead id. A lead stream read from a
 * call log keeps each lead's first row and rejects the rest as repeated ids, or, where each lead was called once (a
 * one-call floor), keeps every row as a lead without a word; either way the calls themselves are not used.
 */
export interface CallLogSigns {
  /** The header of a column whose values are dated times, named like a call's time ("Call Time") or mapped to attemptTime. */
  callTime?: string;
  /** The header of a column whose values are call outcomes ("No Answer", "Left VM"), named like one or mapped to outcome. */
  outcome?: string;
  /** Data rows whose lead id an earlier row already had. */
  repeatedRows: number;
  /** Data rows read (kept, rejected as repeats, or rejected for another reason). */
  rows: number;
}

/** Rows looked at to judge a column's values (the first of the file). */
const SAMPLE = 200;

/**
 * The first column not read as a lead-stream field that `field` names: by a `map` entry, or by a header that is one
 * of the field's names (see FIELD_ALIASES); undefined when there is none.
 */
function candidate(header: readonly string[], mapping: ColumnMapping, map: Readonly<Record<string, ImportField>>, field: 'attemptTime' | 'outcome'): number | undefined {
  const used = new Set(mapping.assignments.map((a) => a.column));
  for (const [column, f] of Object.entries(map)) {
    const i = findColumn(header, column);
    if (f === field && i !== -1 && !used.has(i)) return i;
  }
  const names = header.map(normalizeHeader);
  for (const alias of FIELD_ALIASES[field]) {
    const i = names.findIndex((h, j) => h === alias && !used.has(j));
    if (i !== -1) return i;
  }
  return undefined;
}

/** True when most of the column's non-empty values in the rows pass `test` (and there is at least one). */
function mostly(rows: readonly (readonly string[])[], column: number, test: (value: string) => boolean): boolean {
  let n = 0, ok = 0;
  for (const fields of rows.slice(0, SAMPLE)) {
    const v = (fields[column] ?? '').trim();
    if (isNullish(v)) continue;
    n++;
    if (test(v)) ok++;
  }
  return n > 0 && ok / n >= 0.5;
}

const isDatedTime = (text: string): boolean =>
  !Number.isNaN(parseTimestamp(text, { zone: UTC, dateOrder: 'mdy' })) || !Number.isNaN(parseTimestamp(text, { zone: UTC, dateOrder: 'dmy' }));

/**
 * The signs of a call log in a file read as a lead stream, or undefined when it shows too few to say so: a call-time
 * column and an outcome column, or either of them beside repeated lead ids. Either column alone is no sign (a lead
 * export may have a "Status" of the lead, or a "Timestamp" of its last change), nor are repeated ids alone (a lead
 * sent twice).
 *
 * @example
 * callLogSigns(['Lead ID', 'Created', 'Call Time', 'Result'], rows, mapping, {}, 1)
 * // { callTime: 'Call Time', outcome: 'Result', repeatedRows: 1, rows: 2 }
 */
export function callLogSigns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  map: Readonly<Record<string, ImportField>>,
  repeatedRows: number,
): CallLogSigns | undefined {
  const time = candidate(header, mapping, map, 'attemptTime');
  const outcome = candidate(header, mapping, map, 'outcome');
  const callTime = time !== undefined && mostly(rows, time, isDatedTime) ? header[time] : undefined;
  const outcomeHeader = outcome !== undefined && mostly(rows, outcome, (v) => normalizeOutcome(v) !== undefined) ? header[outcome] : undefined;
  const signs = (callTime ? 1 : 0) + (outcomeHeader ? 1 : 0) + (repeatedRows > 0 ? 1 : 0);
  if (signs < 2) return undefined;
  return { ...(callTime && { callTime }), ...(outcomeHeader && { outcome: outcomeHeader }), repeatedRows, rows: rows.length };
}

/**
 * The sentence that says a file read as a lead stream is a call log, and what shows it: "calls.csv looks like a call
 * log (one row per call attempt), not a lead stream (one row per lead): it has a column of call times ("Call Time"), a
 * column of call outcomes ("Result") and 8 of its 10 rows repeat the lead id of an earlier row."
 */
export function callLogSentence(file: string, signs: CallLogSigns): string {
  const shown = [
    ...(signs.callTime ? [`a column of call times ("${signs.callTime}")`] : []),
    ...(signs.outcome ? [`a column of call outcomes ("${signs.outcome}")`] : []),
    ...(signs.repeatedRows > 0 ? [`${signs.repeatedRows.toLocaleString('en-US')} of its ${plural(signs.rows, 'row')} repeat the lead id of an earlier row`] : []),
  ];
  const said = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  return `${file} looks like a call log (one row per call attempt), not a lead stream (one row per lead): it has ${said}.`;
}
