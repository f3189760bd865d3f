import { isObject, validate } from '../schema';
import { scenarioSchema } from '../scenario/schema';
import { strategyNamed } from '../strategies/distribution';
import { setAtPath, type PathStep } from './jsonPath';

type JsonSchema = Record<string, unknown>;

let scenarioJsonSchema: JsonSchema | undefined;

/** The object form of a field's JSON Schema: itself, or the object case of a choice (a name or an object). */
function objectForm(s: unknown): JsonSchema | undefined {
  if (!isObject(s)) return undefined;
  if (s.type === 'object') return s;
  for (const alt of (Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : []) as unknown[]) {
    const o = objectForm(alt);
    if (o) return o;
  }
  return undefined;
}

/** The JSON Schema of the scenario field at `steps`, or undefined where the schema has no such field. */
function schemaAt(steps: readonly PathStep[]): unknown {
  let s: unknown = (scenarioJsonSchema ??= scenarioSchema.jsonSchema());
  for (const step of steps) {
    if (!isObject(s)) return undefined;
    if (typeof step === 'number') s = s.type === 'array' ? s.items : undefined;
    else {
      const props = objectForm(s)?.properties;
      s = isObject(props) && Object.hasOwn(props, step) ? props[step] : undefined;
    }
  }
  return s;
}

/**
 * The object a sweep path goes through where the scenario has none: an optional object the scenario does not write
 * (`callbacks.statuses.attempted`) is an empty one, which the loader fills with its defaults; a name where the schema
 * also takes an object (`"callbacks": "radar"`, `"distribution": "pull"`) is the object naming it in the field whose
 * values it is one of (`{"preset": "radar"}`), so the rest of the preset is kept. Fields the schema does not have
 * get nothing, and `setAtPath` refuses them with its own message.
 */
export function expandScenarioStep(steps: readonly PathStep[], node: unknown): Record<string, unknown> | undefined {
  const form = objectForm(schemaAt(steps));
  if (!form) return undefined;
  if (node === undefined) return {};
  if (typeof node !== 'string' || !isObject(form.properties)) return undefined;
  const named = Object.entries(form.properties).find(([, p]) => isObject(p) && Array.isArray(p.enum) && p.enum.includes(node));
  return named ? { [named[0]]: node } : undefined;
}

/** A strategy's options with every default filled in (its own defaults, which differ between strategies). */
function defaultOptions(strategy: string): Record<string, unknown> {
  const checked = validate(strategyNamed(strategy)!.options, {});
  return checked.ok && isObject(checked.value) ? checked.value : {};
}

/**
 * The scenario's distribution once a sweep changed its strategy: the options came from the base's strategy, with
 * its defaults written out, and the new strategy refuses options it does not take. Those are dropped; an option it
 * shares is kept when the base chose it (or the sweep sets it: `setPaths`), while one that held only the old
 * strategy's default takes the new strategy's own (hunt-group queues "fifo", round-robin hands out "lifo"). Each
 * change is described in `notes`, so the sweep's output can say what was run.
 */
export function fitOptionsToStrategy(base: Record<string, unknown>, scenario: Record<string, unknown>, setPaths: readonly string[], notes?: Set<string>): Record<string, unknown> {
  const [before, after] = [base.distribution, scenario.distribution];
  const from = isObject(before) ? before.strategy : before;
  if (!isObject(after) || !isObject(after.options) || after.strategy === from) return scenario;
  const entry = strategyNamed(after.strategy);
  if (!entry) return scenario;
  const takes = objectForm(entry.options.jsonSchema())?.properties;
  if (!isObject(takes)) return scenario;
  const own = defaultOptions(entry.name);
  const old = typeof from === 'string' && strategyNamed(from) ? defaultOptions(from) : undefined;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const options: Record<string, unknown> = {};
  const dropped: string[] = [];
  const defaulted: string[] = [];
  for (const [k, v] of Object.entries(after.options)) {
    const setBySweep = setPaths.some((p) => p === `distribution.options.${k}` || p.startsWith(`distribution.options.${k}.`) || p.startsWith(`distribution.options.${k}[`));
    if (!Object.hasOwn(takes, k)) dropped.push(k);
    else if (!setBySweep && old && same(v, old[k]) && Object.hasOwn(own, k) && !same(v, own[k])) {
      defaulted.push(`${k} is ${entry.name}'s default (${JSON.stringify(own[k])}), not ${String(from)}'s (${JSON.stringify(v)})`);
    } else options[k] = v;
  }
  if (dropped.length === 0 && defaulted.length === 0) return scenario;
  const said = [...(dropped.length ? [`drops ${dropped.join(', ')} (${entry.name} does not take ${dropped.length === 1 ? 'it' : 'them'})`] : []), ...defaulted];
  notes?.add(`distribution.strategy = ${JSON.stringify(entry.name)}: ${said.join('; ')}`);
  return { ...scenario, distribution: { ...after, options } };
}

/**
 * Writes a sweep's values into a scenario: each path through the fields the scenario schema has (making the
 * objects it leaves out or writes as a name), then the distribution's options fitted to a changed strategy.
 */
export function setScenarioValues(base: Record<string, unknown>, values: Record<string, unknown>, notes?: Set<string>): Record<string, unknown> {
  let s: unknown = base;
  for (const [path, value] of Object.entries(values)) s = setAtPath(s, path, value, expandScenarioStep);
  return fitOptionsToStrategy(base, s as Record<string, unknown>, Object.keys(values), notes);
}
