/**
 * The schema layer: typed validation with paths and JSON Schema output, knowing nothing of leads. Scenario
 * files (src/scenario/schema.ts) and strategy options (src/strategies/distribution) are declared with it.
 */
export { arr, obj, pair, record, type ArrOptions, type ObjOut, type Shape } from './collections';
export { byJsonType, variant, type CasesOut, type JsonTypeCases, type VariantOut } from './choice';
export { at, expectIssue, isObject, jsonType, messageOf, own, show, type SchemaIssue } from './issue';
export { parsePath, type PathStep } from './path';
export { bool, date, DATE_YEARS, isCalendarDate, MAGNITUDE_LIMIT, num, str, type NumOptions, type StrOptions } from './primitives';
export { custom, map, optional, refine, validate, withMeta, type Common, type DeepPartial, type Infer, type Report, type Schema } from './schema';
