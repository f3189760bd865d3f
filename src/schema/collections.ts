import { at, expectIssue, isObject, own, show } from './issue';
import { withMeta, type Common, type Infer, type Schema } from './schema';

export interface ArrOptions<T> extends Common<T[]> {
  minItems?: number;
  maxItems?: number;
  length?: number;
  /** Items must not decrease by this key (an interval [low, high], an age table by age). */
  ascendingBy?: (item: T) => number;
  /** What `ascendingBy` reads, for messages: "age" in "expected an age >= 5 ...". */
  ascendingWhat?: string;
  /** Items must differ by this field (e.g. a list of named sources), and the field must not be empty. */
  uniqueBy?: T extends object ? keyof T & string : never;
}

/** A list whose items share one schema, with optional length, order and uniqueness rules. */
export function arr<T>(item: Schema<T>, o: ArrOptions<T> = {}): Schema<T[]> {
  const min = o.length ?? o.minItems, max = o.length ?? o.maxItems;
  const expected = o.length !== undefined ? `a list of exactly ${o.length} items` : min ? `a list of at least ${min} item${min > 1 ? 's' : ''}` : 'a list';
  return withMeta<T[]>(
    {
      parse(v, path, issues) {
        if (!Array.isArray(v)) return expectIssue(issues, path, expected, v);
        if ((min !== undefined && v.length < min) || (max !== undefined && v.length > max)) {
          const want = max !== undefined && min === undefined ? `a list of at most ${max} items` : expected;
          issues.push({ path: path || '(root)', message: `expected ${want}, got ${v.length} item${v.length === 1 ? '' : 's'}` });
          return undefined;
        }
        const before = issues.length;
        const out: T[] = [];
        v.forEach((x, i) => {
          const y = item.parse(x, at(path, i), issues);
          if (y !== undefined) out.push(y);
        });
        if (issues.length > before) return undefined;
        const by = o.ascendingBy;
        if (by) {
          for (let i = 1; i < out.length; i++) {
            const prev = by(out[i - 1]), cur = by(out[i]);
            if (cur < prev) issues.push({ path: at(path, i), message: `expected ${o.ascendingWhat ?? 'a value'} >= ${prev} (the item before), got ${cur}` });
          }
        }
        const field = o.uniqueBy;
        if (field) {
          const seen = new Map<unknown, number>();
          out.forEach((x, i) => {
            const key = isObject(x) ? own(x, field) : undefined;
            if (key === '') issues.push({ path: at(at(path, i), field), message: 'expected a non-empty string, got ""' });
            else if (seen.has(key)) issues.push({ path: at(at(path, i), field), message: `expected a ${field} not used before (${at(path, seen.get(key)!)} has it), got ${show(key)}` });
            else seen.set(key, i);
          });
        }
        return issues.length > before ? undefined : out;
      },
      jsonSchema: () => ({
        type: 'array',
        items: item.jsonSchema(),
        ...(min !== undefined ? { minItems: min } : {}),
        ...(max !== undefined ? { maxItems: max } : {}),
      }),
    },
    o,
  );
}

/**
 * Two values of one schema, `[first, second]`; with `ordered`, the second must not be below the first (an
 * interval in hours, a range of days).
 */
export function pair<T extends number | string>(item: Schema<T>, o: Common<[T, T]> & { ordered?: boolean } = {}): Schema<[T, T]> {
  return withMeta<[T, T]>(
    {
      parse(v, path, issues) {
        if (!Array.isArray(v) || v.length !== 2) return expectIssue(issues, path, `a list of exactly 2 items${o.ordered ? ' [low, high]' : ''}`, v);
        const before = issues.length;
        const a = item.parse(v[0], at(path, 0), issues), b = item.parse(v[1], at(path, 1), issues);
        if (a === undefined || b === undefined || issues.length > before) return undefined;
        if (o.ordered && b < a) return expectIssue(issues, at(path, 1), `a value >= ${show(a)} (the first item)`, b);
        return [a, b];
      },
      jsonSchema: () => ({ type: 'array', items: item.jsonSchema(), minItems: 2, maxItems: 2 }),
    },
    o,
  );
}

/** The fields of an object. */
export type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
/** The value an object of shape S produces: fields marked `optional()` may be absent. */
export type ObjOut<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

/** Keys any object may carry beside its fields: an editor's schema link and a free comment. */
const ALWAYS_ALLOWED = new Set(['$schema', 'comment']);

/** Parses the fields of `input` (already known to be an object) by `shape` into `out`. */
function parseFields(shape: Shape, input: Record<string, unknown>, path: string, issues: { path: string; message: string }[], out: Record<string, unknown>): void {
  for (const key of Object.keys(input)) {
    // Own properties only: "toString" or "__proto__" is an unknown field like any other.
    if (!Object.hasOwn(shape, key) && !ALWAYS_ALLOWED.has(key)) {
      issues.push({ path: at(path, key), message: `unknown field; expected one of: ${Object.keys(shape).join(', ')}` });
    }
  }
  for (const [key, s] of Object.entries(shape)) {
    const raw = own(input, key);
    if (raw === undefined) {
      if (s.fallback) out[key] = s.fallback();
      else if (!s.optional) issues.push({ path: at(path, key), message: `is required${s.description ? ` (${s.description})` : ''}` });
      continue;
    }
    const value = s.parse(raw, at(path, key), issues);
    if (value !== undefined) out[key] = value;
  }
}

/** JSON Schema of an object of shape S. */
function objectJsonSchema(shape: Shape, description?: string): Record<string, unknown> {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.jsonSchema()])),
    required: Object.entries(shape)
      .filter(([, s]) => !s.fallback && !s.optional)
      .map(([k]) => k),
    additionalProperties: false,
  };
}

/**
 * An object with known fields. Missing fields take their default; missing fields without one are errors
 * unless marked `optional()`. Unknown fields are errors, so a typo never passes unnoticed. With `defaulted`
 * the whole object may be left out: every field then takes its own default.
 */
export function obj<S extends Shape>(shape: S, o: { description?: string; defaulted?: boolean } = {}): Schema<ObjOut<S>> {
  return objectOf<ObjOut<S>>(shape, o);
}

/**
 * The object node behind `obj` and `variant`: the caller states the type its shape produces. Only this
 * module and `variant` call it, each with the type its shape spells out.
 */
export function objectOf<T>(shape: Shape, o: { description?: string; defaulted?: boolean } = {}): Schema<T> {
  const self: Schema<T> = {
    description: o.description,
    fallback: o.defaulted ? () => self.parse({}, '', [])! : undefined,
    parse(v, path, issues) {
      if (!isObject(v)) return expectIssue(issues, path, 'an object', v);
      const before = issues.length;
      const out: Record<string, unknown> = {};
      parseFields(shape, v, path, issues, out);
      return issues.length > before ? undefined : fieldsAs<T>(out);
    },
    jsonSchema: () => objectJsonSchema(shape, o.description),
  };
  return self;
}

// The one place where parsed fields become the object's static type: every field in `shape` was parsed by
// its own schema (or filled by its default), which is what ObjOut<S> spells out.
function fieldsAs<T>(fields: Record<string, unknown>): T {
  return fields as T;
}

/**
 * An object whose keys are free (e.g. skills per source) and whose values share one schema. The result has no
 * prototype, so a key named "toString" or "__proto__" is a plain key and a lookup never finds an inherited value.
 */
export function record<T>(value: Schema<T>, o: Common<Record<string, T>> = {}): Schema<Record<string, T>> {
  return withMeta<Record<string, T>>(
    {
      parse(v, path, issues) {
        if (!isObject(v)) return expectIssue(issues, path, 'an object', v);
        const before = issues.length;
        const out: Record<string, T> = Object.create(null);
        for (const k of Object.keys(v)) {
          const x = value.parse(v[k], at(path, k), issues);
          if (x !== undefined) Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
        }
        return issues.length > before ? undefined : out;
      },
      jsonSchema: () => ({ type: 'object', additionalProperties: value.jsonSchema() }),
    },
    o,
  );
}
