import { FIELD_ALIASES, KIND_FIELDS, isImportField, isNullish, looksLikeAttemptCount, normalizeHeader, type ImportField, type ImportKind } from './fields';

/** Where one field is read from. */
export interface ColumnAssignment {
  field: ImportField;
  /** 0-based column index. */
  column: number;
  /** The header as written in the file. */
  header: string;
  /** "map" when given with --map, "auto" when recognized by its header name. */
  how: 'map' | 'auto';
}

/** The columns of a file resolved to fields; `index[field]` is the column or -1. */
export interface ColumnMapping {
  kind: ImportKind;
  assignments: ColumnAssignment[];
  index: Record<ImportField, number>;
  /** Headers that no field uses (kept as attributes by the lead-stream reader). */
  unused: string[];
  /**
   * Fields read from more than one column, joined with a space: a date and a time of day in separate columns
   * (`--map "Date+Time=attemptTime"`). `index[field]` is the first of them.
   */
  joins: Partial<Record<ImportField, number[]>>;
  /** Why the kind and the columns were chosen, in plain sentences (set by the auto-detecting reader). */
  explanation?: string[];
}

/**
 * The text of `field` in a row: its column trimmed, or its columns trimmed and joined with a space; "" when the
 * field has no column.
 */
export function cellText(fields: readonly string[], mapping: ColumnMapping, field: ImportField): string {
  const join = mapping.joins[field];
  if (join) return join.map((i) => (fields[i] ?? '').trim()).filter((t) => t !== '').join(' ');
  const i = mapping.index[field];
  return i === -1 ? '' : (fields[i] ?? '').trim();
}

/**
 * For a field read from joined columns (a date and a time of day), the header of a part that is empty while another
 * is not; undefined when the field is not joined, or all or none of its parts are empty. Without this check a date
 * with an empty time column was read as midnight.
 */
export function emptyJoinPart(header: readonly string[], fields: readonly string[], mapping: ColumnMapping, field: ImportField): string | undefined {
  const join = mapping.joins[field];
  if (!join) return undefined;
  const empty = join.filter((i) => isNullish((fields[i] ?? '').trim()));
  return empty.length > 0 && empty.length < join.length ? header[empty[0]] : undefined;
}

/** The header text of `field`'s column(s), for messages: "Date+Time". */
export function columnLabel(header: readonly string[], mapping: ColumnMapping, field: ImportField): string {
  const join = mapping.joins[field];
  return join ? join.map((i) => header[i]).join('+') : header[mapping.index[field]];
}

/** Thrown when a file's header cannot be mapped; the message names what is missing and what was seen. */
export class ColumnMappingError extends Error {
  override name = 'ColumnMappingError';
}

/**
 * Parses `--map` entries "column=field" (the column by its header text, or `#3` for the third column) into
 * a record column -> field. The split is at the last "=", so headers may contain "=". "Date+Time=attemptTime"
 * reads the field from two columns joined with a space. `flag` is the flag the entries were given with, for the
 * messages; `kind`, when given, is the one kind of file they map (`diagnose --leads-map`: a lead stream), whose
 * fields alone are accepted.
 */
export function parseColumnMap(entries: readonly string[], flag = '--map', kind?: ImportKind): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  const fields = kind ? KIND_FIELDS[kind].fields : (Object.keys(FIELD_ALIASES) as ImportField[]);
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=');
    const column = eq > 0 ? entry.slice(0, eq).trim() : '';
    const field = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!column || !field) throw new ColumnMappingError(`${flag}: expected "column=field", got "${entry}"`);
    if (!isImportField(field)) {
      throw new ColumnMappingError(`${flag} ${entry}: unknown field "${field}"; expected one of: ${fields.join(', ')}`);
    }
    if (!fields.includes(field)) {
      throw new ColumnMappingError(`${flag} ${entry}: a ${KIND_NAMES[kind!]} has no field "${field}" (a ${KIND_NAMES[(['calls', 'summary'] as const).find((k) => KIND_FIELDS[k].fields.includes(field))!]}'s); expected one of: ${fields.join(', ')}`);
    }
    out[column] = field;
  }
  return out;
}

/** What each kind of file is called in messages. */
const KIND_NAMES: Readonly<Record<ImportKind, string>> = { calls: 'call log', leads: 'lead stream', summary: 'per-lead summary' };

/** The column a `--map` entry names: by its header (as written, in any case, or normalized), or `#3` for the third; -1 when none. */
export function findColumn(header: readonly string[], column: string): number {
  const hash = /^#(\d+)$/.exec(column);
  if (hash) {
    const i = Number(hash[1]) - 1;
    return i >= 0 && i < header.length ? i : -1;
  }
  let i = header.findIndex((h) => h.trim() === column);
  if (i === -1) i = header.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
  if (i === -1) i = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
  return i;
}

/**
 * Resolves a header row to the fields of `kind`: explicit `map` entries first, then each remaining field
 * takes the first unused column whose normalized header is one of its aliases (aliases are tried in order, so
 * "lead_id" wins over "id"). Throws a {@link ColumnMappingError} naming the missing required fields and how to name
 * their columns with `flag` (the flag the map is given with).
 *
 * @example
 * resolveColumns(['Lead ID', 'Created', 'Call Time', 'Result'], 'calls').index.attemptTime // 2
 */
export function resolveColumns(
  header: readonly string[],
  kind: ImportKind,
  map: Readonly<Record<string, ImportField>> = {},
  flag = '--map',
): ColumnMapping {
  const { fields, required } = KIND_FIELDS[kind];
  const index = Object.fromEntries(Object.keys(FIELD_ALIASES).map((f) => [f, -1])) as Record<ImportField, number>;
  const used = new Set<number>();
  const assignments: ColumnAssignment[] = [];
  const joins: Partial<Record<ImportField, number[]>> = {};
  for (const [column, field] of Object.entries(map)) {
    let columns = [findColumn(header, column)];
    // "Date+Time": two columns joined, unless a header is itself named with a "+".
    if (columns[0] === -1 && column.includes('+')) columns = column.split('+').map((part) => findColumn(header, part.trim()));
    const missing = column.includes('+') && columns.length > 1 ? column.split('+').filter((_, k) => columns[k] === -1) : columns[0] === -1 ? [column] : [];
    if (missing.length > 0) {
      throw new ColumnMappingError(`${flag} ${column}=${field}: no column ${missing.map((c) => `"${c.trim()}"`).join(', ')} in the header (${header.map((h) => JSON.stringify(h)).join(', ')})`);
    }
    if (!fields.includes(field)) continue;
    index[field] = columns[0];
    if (columns.length > 1) joins[field] = columns;
    for (const i of columns) {
      used.add(i);
      assignments.push({ field, column: i, header: header[i], how: 'map' });
    }
  }
  const normalized = header.map(normalizeHeader);
  for (const field of fields) {
    if (index[field] !== -1) continue;
    for (const alias of FIELD_ALIASES[field]) {
      const i = normalized.findIndex((h, j) => h === alias && !used.has(j));
      if (i !== -1) {
        index[field] = i;
        used.add(i);
        assignments.push({ field, column: i, header: header[i], how: 'auto' });
        break;
      }
    }
  }
  if (fields.includes('attempts') && index.attempts === -1) {
    const i = normalized.findIndex((h, j) => !used.has(j) && looksLikeAttemptCount(h));
    if (i !== -1) {
      index.attempts = i;
      used.add(i);
      assignments.push({ field: 'attempts', column: i, header: header[i], how: 'auto' });
    }
  }
  const missing = required.filter((f) => index[f] === -1);
  if (missing.length > 0) {
    const hint = missing.map((f) => `${flag} "<column>=${f}"`).join(' ');
    throw new ColumnMappingError(
      `cannot find column(s) for ${missing.join(', ')} in the header (${header.map((h) => JSON.stringify(h)).join(', ')}); name them with ${hint}`,
    );
  }
  assignments.sort((a, b) => a.column - b.column);
  const unused = header.filter((_, i) => !used.has(i));
  return { kind, assignments, index, unused, joins };
}
