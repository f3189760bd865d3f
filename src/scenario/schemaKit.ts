/**
 * A small schema toolkit: each node validates and normalizes a JSON value (filling defaults) and describes
 * itself as JSON Schema, so `leadlab schema`, the command line and the web page check scenarios with one
 * definition. Every problem is collected with its path (`agents[2].shift`) and what was expected.
 */
export interface SchemaIssue {
  path: string;
  message: string;
}

export interface Schema<T> {
  /** Returns the normalized value, or undefined after recording issues. */
  parse(value: unknown, path: string, issues: SchemaIssue[]): T | undefined;
  jsonSchema(): Record<string, unknown>;
  /** Present when a missing value is filled in. */
  readonly fallback?: () => T;
  readonly description?: string;
}

/** Shows a received value briefly in a message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  const s = JSON.stringify(value);
  if (s === undefined) return String(value);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function fail(issues: SchemaIssue[], path: string, expected: string, got: unknown): undefined {
  issues.push({ path: path || '(root)', message: `expected ${expected}, got ${show(got)}` });
  return undefined;
}

interface Common<T> {
  description?: string;
  default?: T;
}

function withMeta<T>(s: Omit<Schema<T>, 'fallback' | 'description'>, o: Common<T>): Schema<T> {
  const def = o.default;
  return {
    parse: s.parse,
    jsonSchema: () => {
      const j = s.jsonSchema();
      if (o.description) j.description = o.description;
      if (def !== undefined) j.default = def;
      return j;
    },
    // Defaults go through the schema too, so a default list of objects gets its items' own defaults.
    fallback: def === undefined ? undefined : () => s.parse(structuredClone(def), '(default)', []) as T,
    description: o.description,
  };
}

export function num(o: Common<number> & { min?: number; max?: number; exclusiveMin?: number; int?: boolean } = {}): Schema<number> {
  const parts: string[] = [o.int ? 'an integer' : 'a number'];
  if (o.min !== undefined) parts.push(`>= ${o.min}`);
  if (o.exclusiveMin !== undefined) parts.push(`> ${o.exclusiveMin}`);
  if (o.max !== undefined) parts.push(`${o.min !== undefined || o.exclusiveMin !== undefined ? 'and ' : ''}<= ${o.max}`);
  const expected = parts.join(' ');
  return withMeta<number>(
    {
      parse(v, path, issues) {
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail(issues, path, expected, v);
        if (o.int && !Number.isInteger(v)) return fail(issues, path, expected, v);
        if (o.min !== undefined && v < o.min) return fail(issues, path, expected, v);
        if (o.exclusiveMin !== undefined && v <= o.exclusiveMin) return fail(issues, path, expected, v);
        if (o.max !== undefined && v > o.max) return fail(issues, path, expected, v);
        return v;
      },
      jsonSchema: () => ({
        type: o.int ? 'integer' : 'number',
        ...(o.min !== undefined ? { minimum: o.min } : {}),
        ...(o.exclusiveMin !== undefined ? { exclusiveMinimum: o.exclusiveMin } : {}),
        ...(o.max !== undefined ? { maximum: o.max } : {}),
      }),
    },
    o,
  );
}

export function str(o: Common<string> & { pattern?: RegExp; hint?: string; values?: readonly string[]; check?: (s: string) => boolean } = {}): Schema<string> {
  const expected = o.values ? `one of ${o.values.map((v) => JSON.stringify(v)).join(', ')}` : o.hint ? o.hint : 'a string';
  return withMeta<string>(
    {
      parse(v, path, issues) {
        if (typeof v !== 'string') return fail(issues, path, expected, v);
        if (o.values && !o.values.includes(v)) return fail(issues, path, expected, v);
        if (o.pattern && !o.pattern.test(v)) return fail(issues, path, expected, v);
        if (o.check && !o.check(v)) return fail(issues, path, expected, v);
        return v;
      },
      jsonSchema: () => ({
        type: 'string',
        ...(o.values ? { enum: [...o.values] } : {}),
        ...(o.pattern ? { pattern: o.pattern.source } : {}),
      }),
    },
    o,
  );
}

export function bool(o: Common<boolean> = {}): Schema<boolean> {
  return withMeta<boolean>(
    {
      parse: (v, path, issues) => (typeof v === 'boolean' ? v : fail(issues, path, 'true or false', v)),
      jsonSchema: () => ({ type: 'boolean' }),
    },
    o,
  );
}

export function arr<T>(item: Schema<T>, o: Common<T[]> & { minItems?: number; maxItems?: number; length?: number } = {}): Schema<T[]> {
  const min = o.length ?? o.minItems, max = o.length ?? o.maxItems;
  const expected = o.length !== undefined ? `a list of exactly ${o.length} items` : min ? `a list of at least ${min} item${min > 1 ? 's' : ''}` : 'a list';
  return withMeta<T[]>(
    {
      parse(v, path, issues) {
        if (!Array.isArray(v)) return fail(issues, path, expected, v);
        if ((min !== undefined && v.length < min) || (max !== undefined && v.length > max)) {
          return fail(issues, path, expected, `${v.length} items`);
        }
        const before = issues.length;
        const out = v.map((x, i) => item.parse(x, at(path, i), issues));
        return issues.length > before ? undefined : (out as T[]);
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

type Shape = Record<string, Schema<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Schema<infer T> ? T : never };

/**
 * An object with known fields. Missing fields take their default; missing fields without one are errors
 * unless listed in `optional`. Unknown fields are errors, so a typo never passes unnoticed.
 */
export function obj<S extends Shape>(
  shape: S,
  o: { description?: string; optional?: readonly (keyof S)[]; defaulted?: boolean } = {},
): Schema<Out<S>> {
  const optional = new Set<keyof S>(o.optional ?? []);
  const self: Schema<Out<S>> = {
    description: o.description,
    // A defaulted object may be left out entirely: every field then takes its own default.
    fallback: o.defaulted ? () => self.parse({}, '', [])! : undefined,
    parse(v, path, issues) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(issues, path, 'an object', v);
      const before = issues.length;
      const input = v as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (!(key in shape) && key !== '$schema' && key !== 'comment') {
          issues.push({ path: at(path, key), message: `unknown field; expected one of: ${Object.keys(shape).join(', ')}` });
        }
      }
      const out: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(shape)) {
        const raw = input[key];
        if (raw === undefined) {
          if (s.fallback) out[key] = s.fallback();
          else if (!optional.has(key)) issues.push({ path: at(path, key), message: `is required${s.description ? ` (${s.description})` : ''}` });
          continue;
        }
        out[key] = s.parse(raw, at(path, key), issues);
      }
      return issues.length > before ? undefined : (out as Out<S>);
    },
    jsonSchema: () => ({
      type: 'object',
      ...(o.description ? { description: o.description } : {}),
      properties: Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.jsonSchema()])),
      required: Object.entries(shape)
        .filter(([k, s]) => !s.fallback && !optional.has(k))
        .map(([k]) => k),
      additionalProperties: false,
    }),
  };
  return self;
}

/** An object whose keys are free (e.g. skills per source) and whose values share one schema. */
export function record<T>(value: Schema<T>, o: Common<Record<string, T>> = {}): Schema<Record<string, T>> {
  return withMeta<Record<string, T>>(
    {
      parse(v, path, issues) {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(issues, path, 'an object', v);
        const before = issues.length;
        const out: Record<string, T> = {};
        for (const [k, x] of Object.entries(v)) out[k] = value.parse(x, at(path, k), issues) as T;
        return issues.length > before ? undefined : out;
      },
      jsonSchema: () => ({ type: 'object', additionalProperties: value.jsonSchema() }),
    },
    o,
  );
}

/**
 * One of several shapes, told apart by `pick` (which looks at the raw value and returns the index of the
 * schema to use, or -1 to report `expected`).
 */
export function oneOf<T>(schemas: Schema<T>[], pick: (v: unknown) => number, expected: string, o: Common<T> = {}): Schema<T> {
  return withMeta<T>(
    {
      parse(v, path, issues) {
        const i = pick(v);
        if (i < 0) return fail(issues, path, expected, v);
        return schemas[i].parse(v, path, issues);
      },
      jsonSchema: () => ({ oneOf: schemas.map((s) => s.jsonSchema()) }),
    },
    o,
  );
}

/** Runs `schema` on `value` and returns either the value or every issue found. */
export function validate<T>(schema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const out = schema.parse(value, '', issues);
  if (issues.length > 0 || out === undefined) return { ok: false, issues };
  return { ok: true, value: out };
}

/** The value type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * A schema with hand-written parsing (for values whose rules depend on other values, e.g. a strategy's
 * options by its name). `parse` reports issues itself.
 */
export function custom<T>(parse: Schema<T>['parse'], jsonSchema: () => Record<string, unknown>, o: Common<T> = {}): Schema<T> {
  return withMeta<T>({ parse, jsonSchema }, o);
}

/** Records an issue at `path` in the "expected X, got Y" form. */
export function expectIssue(issues: SchemaIssue[], path: string, expected: string, got: unknown): undefined {
  return fail(issues, path, expected, got);
}
