/**
 * What a form field means when it is left empty: the default the schema fills in, read from the same schema the
 * command line validates with. The form shows it as the field's placeholder and writes nothing for it.
 */
import { scenarioSchema } from '../scenario/schema';
import { callbackPreset, CALLBACK_PRESETS, type CallbackPresetName } from '../strategies/callbackPresets';
import type { CadenceStatus } from '../strategies/callbackSchedule';
import { distributionStrategies } from '../strategies/distribution';
import { getAtPath, steps } from './jsonPath';

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; oneOf?: JsonSchemaNode[]; default?: unknown; description?: string; enum?: unknown[]; type?: string };

let scenarioJsonSchema: JsonSchemaNode | undefined;

/** The JSON Schema node of a path (through objects, list items and the object branch of a choice), if any. */
export function schemaNodeAt(root: JsonSchemaNode, path: (string | number)[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const k of path) {
    if (!node) return undefined;
    if (typeof k === 'number') node = node.items;
    else node = node.properties?.[k] ?? node.oneOf?.find((b) => b.properties?.[k])?.properties?.[k];
  }
  return node;
}

/** The scenario schema node of a path such as "leads.sources[0].cost". */
export function scenarioNodeAt(path: string): JsonSchemaNode | undefined {
  scenarioJsonSchema ??= scenarioSchema.jsonSchema() as JsonSchemaNode;
  return schemaNodeAt(scenarioJsonSchema, steps(path));
}

/** The preset a scenario's callback schedule starts from ("radar" when left out). */
export function callbackPresetOf(json: Record<string, unknown>): CallbackPresetName {
  const c = json.callbacks;
  const name = typeof c === 'string' ? c : typeof c === 'object' && c !== null ? (c as { preset?: unknown }).preset : undefined;
  return CALLBACK_PRESETS.includes(name as CallbackPresetName) ? (name as CallbackPresetName) : 'radar';
}

/** The distribution strategy a scenario names ("round-robin" when left out). */
export function strategyOf(json: Record<string, unknown>): string {
  const d = json.distribution;
  const name = typeof d === 'string' ? d : typeof d === 'object' && d !== null ? (d as { strategy?: unknown }).strategy : undefined;
  return typeof name === 'string' && name in distributionStrategies ? name : 'round-robin';
}

/**
 * The list a scenario gets when it leaves a list out: the production cycle of the chosen callback preset, or the
 * schema's default (lead sources, products, agent groups).
 */
export function defaultList(json: Record<string, unknown>, path: string): unknown[] | undefined {
  if (path === 'callbacks.productionCycle') {
    const c = typeof json.callbacks === 'object' && json.callbacks !== null ? (json.callbacks as { tries?: unknown; everyHours?: unknown }) : {};
    const options = { tries: typeof c.tries === 'number' ? c.tries : undefined, everyHours: typeof c.everyHours === 'number' ? c.everyHours : undefined };
    return callbackPreset(callbackPresetOf(json), options).productionCycle;
  }
  const list = scenarioNodeAt(path)?.default;
  return Array.isArray(list) ? list : undefined;
}

/**
 * The value a path takes when the scenario leaves it out: per-status cadence fields come from the chosen callback
 * preset, strategy options from the chosen strategy, a row of a list left out (the default lead sources) from the
 * list's default, everything else from the schema.
 */
export function defaultFor(json: Record<string, unknown>, path: string): unknown {
  const ks = steps(path);
  if (ks[0] === 'callbacks' && ks[1] === 'statuses' && ks.length === 4) {
    const c = typeof json.callbacks === 'object' && json.callbacks !== null ? (json.callbacks as { tries?: number; everyHours?: number }) : {};
    const options = { tries: typeof c.tries === 'number' ? c.tries : undefined, everyHours: typeof c.everyHours === 'number' ? c.everyHours : undefined };
    const cadence = callbackPreset(callbackPresetOf(json), options).statuses[ks[2] as CadenceStatus];
    return cadence?.[ks[3] as keyof typeof cadence];
  }
  if (ks[0] === 'distribution' && ks[1] === 'options') {
    const entry = distributionStrategies[strategyOf(json)];
    return schemaNodeAt(entry.options.jsonSchema() as JsonSchemaNode, ks.slice(2))?.default;
  }
  // A field of a row of a list the scenario leaves out shows the row of the default list.
  const row = ks.findIndex((k) => typeof k === 'number');
  if (row > 0 && getAtPath(json, pathOf(ks.slice(0, row))) === undefined) {
    const list = defaultList(json, pathOf(ks.slice(0, row)));
    if (list) {
      const v = getAtPath(list[ks[row] as number], pathOf(ks.slice(row + 1)));
      if (v !== undefined) return v;
    }
  }
  return scenarioNodeAt(path)?.default;
}

/** Keys back into a path: ["agents", 1, "shift"] -> "agents[1].shift". */
export function pathOf(ks: (string | number)[]): string {
  return ks.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A value as a form field shows it: lists as "10, 30, 60", true and false as "yes" and "no". */
export function shownValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
