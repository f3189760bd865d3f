import { at, expectIssue, isObject, jsonType, own } from './issue';
import { objectOf, type ObjOut, type Shape } from './collections';
import { str } from './primitives';
import { withMeta, type Common, type Infer, type Schema } from './schema';

type Flat<T> = { [K in keyof T]: T[K] } & {};
/** The union a `variant` produces: each case's fields plus the key set to the case's name. */
export type VariantOut<K extends string, C extends Record<string, Shape>> = { [T in keyof C & string]: Flat<{ [P in K]: T } & ObjOut<C[T]>> }[keyof C & string];

/**
 * One of several object shapes told apart by the string in field `key`; the type is the union of the cases,
 * so code that switches on `key` sees each case's own fields.
 *
 * @example
 * const talk = variant('distribution', {
 *   fixed: { mean: num({ exclusiveMin: 0 }) },
 *   lognormal: { mean: num({ exclusiveMin: 0 }), sd: num({ min: 0 }) },
 * }); // Schema<{ distribution: 'fixed'; mean: number } | { distribution: 'lognormal'; mean: number; sd: number }>
 */
export function variant<const K extends string, const C extends Record<string, Shape>>(key: K, cases: C, o: Common<VariantOut<K, C>> = {}): Schema<VariantOut<K, C>> {
  const tags = Object.keys(cases);
  const nodes = new Map(tags.map((tag) => [tag, objectOf<VariantOut<K, C>>({ [key]: str({ values: [tag] }), ...cases[tag] })]));
  const expectedTag = `one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`;
  return withMeta<VariantOut<K, C>>(
    {
      parse(v, path, issues) {
        if (!isObject(v)) return expectIssue(issues, path, `an object with "${key}": ${expectedTag}`, v);
        const tag = own(v, key);
        const node = typeof tag === 'string' && Object.hasOwn(cases, tag) ? nodes.get(tag) : undefined;
        if (!node) return expectIssue(issues, at(path, key), expectedTag, tag);
        return node.parse(v, path, issues);
      },
      jsonSchema: () => ({ oneOf: [...nodes.values()].map((n) => n.jsonSchema()) }),
    },
    o,
  );
}

/** Cases by JSON type: a schema for a string, one for a list, and so on. */
export interface JsonTypeCases {
  string?: Schema<unknown>;
  number?: Schema<unknown>;
  boolean?: Schema<unknown>;
  array?: Schema<unknown>;
  object?: Schema<unknown>;
}

/** The union of the values the given cases produce. */
export type CasesOut<C extends JsonTypeCases> = { [K in keyof C]-?: Infer<C[K]> }[keyof C];

/**
 * A value that may take several JSON types, each with its own schema: a preset name or a list of 168
 * numbers, a seed as an integer or a string. `expected` says all the forms in messages.
 */
export function byJsonType<C extends JsonTypeCases>(cases: C, expected: string, o: Common<NoInfer<CasesOut<C>>> = {}): Schema<CasesOut<C>> {
  const list = Object.values(cases).filter((s): s is Schema<unknown> => s !== undefined);
  return withMeta<CasesOut<C>>(
    {
      parse(v, path, issues) {
        const t = jsonType(v);
        const s = t === 'string' || t === 'number' || t === 'boolean' || t === 'array' || t === 'object' ? cases[t] : undefined;
        if (!s) return expectIssue(issues, path, expected, v);
        // The case for this JSON type produced the value, and CasesOut<C> is the union of every case's value.
        return s.parse(v, path, issues) as CasesOut<C> | undefined;
      },
      jsonSchema: () => ({ oneOf: list.map((s) => s.jsonSchema()) }),
    },
    o,
  );
}
