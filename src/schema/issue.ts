/** A problem found while validating, with the path of the bad value (`agents[2].shift`, `(root)` for the whole). */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** The path of `key` inside `path`: `agents` + 2 -> `agents[2]`, `agents[2]` + `shift` -> `agents[2].shift`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  // An empty key would vanish from the path, and one with spaces, dots, brackets or quotes would read as something
  // else: such a key is shown quoted, as ["Created On"], so the path still points at it.
  if (!/^[^\s.[\]"]+$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** How much of a received value a message shows: enough to recognize it, never the whole of a big value. */
const SHOWN_CHARS = 60;
/** Items and depth walked to show a value: bounded, so a deeply nested or huge value is shown in constant time. */
const SHOWN_ITEMS = 12;
const SHOWN_DEPTH = 4;

function preview(value: unknown, depth: number): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > SHOWN_CHARS ? value.slice(0, SHOWN_CHARS) : value);
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) {
    if (depth >= SHOWN_DEPTH) return '[...]';
    const items = value.slice(0, SHOWN_ITEMS).map((x) => preview(x, depth + 1));
    return `[${items.join(',')}${value.length > SHOWN_ITEMS ? ',...' : ''}]`;
  }
  if (depth >= SHOWN_DEPTH || !isObject(value)) return '{...}';
  const keys = Object.keys(value);
  const entries = keys.slice(0, SHOWN_ITEMS).map((k) => `${JSON.stringify(k)}:${preview(value[k], depth + 1)}`);
  return `{${entries.join(',')}${keys.length > SHOWN_ITEMS ? ',...' : ''}}`;
}

/**
 * Shows a received value briefly in a message, as compact JSON cut at 60 characters.
 *
 * @example
 * show('9-5') // '"9-5"'
 * show([1, 2]) // '[1,2]'
 */
export function show(value: unknown): string {
  const s = preview(value, 0);
  return s.length > SHOWN_CHARS ? s.slice(0, SHOWN_CHARS - 3) + '...' : s;
}

/** Records an issue at `path` in the "expected X, got Y" form; returns undefined so parsers can `return` it. */
export function expectIssue(issues: SchemaIssue[], path: string, expected: string, got: unknown): undefined {
  issues.push({ path: path || '(root)', message: `expected ${expected}, got ${show(got)}` });
  return undefined;
}

/** The JSON type of a value as a message names it: "object", "array", "null", "string", "number", "boolean". */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether `value` is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of an own property, never one inherited from Object.prototype (`toString`, `constructor`, `__proto__`). */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The message of something thrown: an Error's message, or the thrown value as text. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
