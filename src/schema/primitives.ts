import { expectIssue } from './issue';
import { withMeta, type Common, type Schema } from './schema';

/**
 * The largest magnitude a number may have unless its field sets its own bounds. Inputs are summed and multiplied
 * (168 hourly weights, costs over thousands of leads); a value near the float limit (1e308) overflows to
 * Infinity and turns results into nothing. No count, price or rate an input can sensibly hold comes near a
 * billion, so anything larger is a typo.
 */
export const MAGNITUDE_LIMIT = 1e9;

export interface NumOptions extends Common<number> {
  min?: number;
  max?: number;
  exclusiveMin?: number;
  int?: boolean;
}

/** A finite number, optionally an integer, within bounds (at most `MAGNITUDE_LIMIT` in size when none is set). */
export function num(o: NumOptions = {}): Schema<number> {
  const min = o.min ?? (o.exclusiveMin === undefined ? -MAGNITUDE_LIMIT : undefined);
  const max = o.max ?? MAGNITUDE_LIMIT;
  const parts: string[] = [o.int ? 'an integer' : 'a number'];
  if (o.min !== undefined) parts.push(`>= ${o.min}`);
  if (o.exclusiveMin !== undefined) parts.push(`> ${o.exclusiveMin}`);
  if (o.max !== undefined) parts.push(`${o.min !== undefined || o.exclusiveMin !== undefined ? 'and ' : ''}<= ${o.max}`);
  const expected = parts.join(' ');
  const tooBig = `${expected} of size at most ${MAGNITUDE_LIMIT.toExponential()}`;
  return withMeta<number>(
    {
      parse(v, path, issues) {
        if (typeof v !== 'number' || !Number.isFinite(v)) return expectIssue(issues, path, expected, v);
        if (o.int && !Number.isInteger(v)) return expectIssue(issues, path, expected, v);
        if (o.exclusiveMin !== undefined && v <= o.exclusiveMin) return expectIssue(issues, path, expected, v);
        if (min !== undefined && v < min) return expectIssue(issues, path, o.min === undefined ? tooBig : expected, v);
        if (v > max) return expectIssue(issues, path, o.max === undefined ? tooBig : expected, v);
        return v;
      },
      jsonSchema: () => ({
        type: o.int ? 'integer' : 'number',
        ...(min !== undefined ? { minimum: min } : {}),
        ...(o.exclusiveMin !== undefined ? { exclusiveMinimum: o.exclusiveMin } : {}),
        maximum: max,
      }),
    },
    o,
  );
}

export interface StrOptions<V extends string> extends Omit<Common<V>, 'default'> {
  /** The value used when the field is missing (the type comes from `values` alone, not from the default). */
  default?: NoInfer<V>;
  /** The only values allowed; the schema's type is then their union of literals. */
  values?: readonly V[];
  pattern?: RegExp;
  /** What the pattern means, for messages: `'"HH:MM-HH:MM"'`. */
  hint?: string;
  /** A further check, e.g. that a date exists; `hint` says what it wants. */
  check?: (s: string) => boolean;
  /** Rejects the empty string. */
  nonEmpty?: boolean;
}

/**
 * A string; with `values`, one of them, typed as their union.
 *
 * @example
 * const order = str({ values: ['fifo', 'lifo'], default: 'fifo' }); // Schema<'fifo' | 'lifo'>
 */
export function str<const V extends string = string>(o: StrOptions<V> = {}): Schema<V> {
  const values: readonly string[] | undefined = o.values;
  const expected = values ? `one of ${values.map((v) => JSON.stringify(v)).join(', ')}` : o.hint ? o.hint : o.nonEmpty ? 'a non-empty string' : 'a string';
  const isValue = (v: string): v is V => values === undefined || values.includes(v);
  return withMeta<V>(
    {
      parse(v, path, issues) {
        if (typeof v !== 'string' || !isValue(v)) return expectIssue(issues, path, expected, v);
        if (o.nonEmpty && v === '') return expectIssue(issues, path, expected, v);
        if (o.pattern && !o.pattern.test(v)) return expectIssue(issues, path, expected, v);
        if (o.check && !o.check(v)) return expectIssue(issues, path, expected, v);
        return v;
      },
      jsonSchema: () => ({
        type: 'string',
        ...(values ? { enum: [...values] } : {}),
        ...(o.nonEmpty ? { minLength: 1 } : {}),
        ...(o.pattern ? { pattern: o.pattern.source } : {}),
      }),
    },
    o,
  );
}

export function bool(o: Common<boolean> = {}): Schema<boolean> {
  return withMeta<boolean>(
    {
      parse: (v, path, issues) => (typeof v === 'boolean' ? v : expectIssue(issues, path, 'true or false', v)),
      jsonSchema: () => ({ type: 'boolean' }),
    },
    o,
  );
}

/**
 * Years a calendar date may name. Dates are days of a run's calendar or of a lead stream; a year outside these
 * (`0000`, `20260`) is a typo, and the bounds keep date arithmetic inside what `Date` represents exactly.
 */
export const DATE_YEARS = { from: 1900, to: 2199 } as const;

/** Whether "YYYY-MM-DD" names a day that exists (no February 30th), in the years `DATE_YEARS` allows. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < DATE_YEARS.from || y > DATE_YEARS.to || mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date "YYYY-MM-DD" that exists. */
export function date(o: Common<string> = {}): Schema<string> {
  return str({ ...o, pattern: /^\d{4}-\d{2}-\d{2}$/, hint: `a date "YYYY-MM-DD" that exists, years ${DATE_YEARS.from}-${DATE_YEARS.to}`, check: isCalendarDate });
}
