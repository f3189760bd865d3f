import { at, expectIssue, type SchemaIssue } from './issue';

/**
 * A schema node: validates and normalizes a JSON value (filling defaults) and describes itself as JSON Schema,
 * so the command line, `leadlab schema` and the web page check input with one definition. Every problem is
 * collected with its path and what was expected.
 */
export interface Schema<T> {
  /** Returns the normalized value, or undefined after recording issues. */
  parse(value: unknown, path: string, issues: SchemaIssue[]): T | undefined;
  jsonSchema(): Record<string, unknown>;
  /** Present when a missing value is filled in. */
  readonly fallback?: () => T;
  readonly description?: string;
  /** Set by `optional()`: the field may be left out of its object, and has no value then. */
  readonly optional?: boolean;
}

/** The value type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** What a default may leave out: fields that have their own defaults are filled in by the schema. */
export type DeepPartial<T> = T extends readonly (infer I)[] ? readonly DeepPartial<I>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Options every node takes. */
export interface Common<T> {
  description?: string;
  /** The value used when the field is missing; it goes through the schema, so its own fields get their defaults. */
  default?: T | DeepPartial<T>;
}

/** Adds a description and a default to a node. */
export function withMeta<T>(s: Pick<Schema<T>, 'parse' | 'jsonSchema'>, o: Common<T>): Schema<T> {
  const def = o.default;
  return {
    parse: s.parse,
    jsonSchema: () => {
      const j = s.jsonSchema();
      if (o.description) j.description = o.description;
      if (def !== undefined) j.default = def;
      return j;
    },
    fallback: def === undefined ? undefined : () => parseDefault(s, def),
    description: o.description,
  };
}

function parseDefault<T>(s: Pick<Schema<T>, 'parse'>, def: unknown): T {
  const issues: SchemaIssue[] = [];
  const out = s.parse(structuredClone(def), '(default)', issues);
  if (out === undefined) throw new Error(`a default does not validate: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return out;
}

/** Runs `schema` on `value` and returns either the value or every issue found. */
export function validate<T>(schema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const out = schema.parse(value, '', issues);
  if (issues.length > 0 || out === undefined) return { ok: false, issues };
  return { ok: true, value: out };
}

/** A field that may be left out of its object (and then has no value: `T | undefined` in the object's type). */
export function optional<T>(schema: Schema<T>): Schema<T> & { readonly optional: true } {
  return { ...schema, optional: true };
}

/**
 * A schema with hand-written parsing, for values whose rules depend on other values. `parse` reports issues
 * itself (with `expectIssue`).
 */
export function custom<T>(parse: Schema<T>['parse'], jsonSchema: () => Record<string, unknown>, o: Common<T> = {}): Schema<T> {
  return withMeta<T>({ parse, jsonSchema }, o);
}

/** Reports a problem found by a cross-field rule, at a path relative to the checked value. */
export type Report = (where: ReadonlyArray<string | number>, message: string) => void;

/**
 * A rule over a value that passed `schema`, for what one field alone cannot say (an ordered pair, a name that
 * must refer to another list). The rule reports each problem with `report([...relative path], message)`.
 *
 * @example
 * refine(obj({ fromDay: num(), toDay: num() }), (v, report) => {
 *   if (v.fromDay > v.toDay) report(['toDay'], `expected a day >= fromDay (${v.fromDay}), got ${v.toDay}`);
 * });
 */
export function refine<T>(schema: Schema<T>, rule: (value: T, report: Report) => void): Schema<T> {
  return {
    ...schema,
    parse(v, path, issues) {
      const out = schema.parse(v, path, issues);
      if (out === undefined) return undefined;
      const before = issues.length;
      rule(out, (where, message) => issues.push({ path: where.reduce<string>(at, path) || '(root)', message }));
      return issues.length > before ? undefined : out;
    },
  };
}

/** Turns a validated value into another shape (e.g. a preset name into the object it stands for). */
export function map<T, U>(schema: Schema<T>, to: (value: T) => U, o: Common<NoInfer<U>> = {}): Schema<U> {
  return withMeta<U>(
    {
      parse(v, path, issues) {
        const out = schema.parse(v, path, issues);
        return out === undefined ? undefined : to(out);
      },
      jsonSchema: () => schema.jsonSchema(),
    },
    o,
  );
}

export { expectIssue };
