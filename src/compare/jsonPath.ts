import { parsePath as parseSchemaPath, type PathStep } from '../schema';

export type { PathStep };

/**
 * Parses a path to a scenario field, as the schema writes it (src/schema/path.ts); the root alone is not a
 * field, so an empty path is an error here.
 *
 * @example
 * parsePath('agents[0].pipelineLimit') // ['agents', 0, 'pipelineLimit']
 */
export function parsePath(path: string): PathStep[] {
  const steps = parseSchemaPath(path);
  if (steps.length === 0) throw new Error(`expected a path like "agents[0].pipelineLimit", got ${JSON.stringify(path)}`);
  return steps;
}

/**
 * The object to go through at `steps` (the path so far) where the JSON has none to go into: the field is absent,
 * or holds a name standing for an object (`"callbacks": "radar"`). Returns undefined when there is none to make.
 */
export type PathExpander = (steps: readonly PathStep[], node: unknown) => Record<string, unknown> | undefined;

/**
 * A copy of `root` with the value at `path` replaced; the objects along the path are copied, the rest shared.
 * Every step but the last must exist, so that a typo in a path is an error rather than a new field; `expand`
 * (which knows the schema: src/compare/scenarioPath.ts) may supply the object at a step that is absent or a name.
 */
export function setAtPath(root: unknown, path: string, value: unknown, expand?: PathExpander): unknown {
  const steps = parsePath(path);
  const set = (node: unknown, i: number, where: string): unknown => {
    const step = steps[i];
    const here = typeof step === 'number' ? `${where}[${step}]` : where ? `${where}.${step}` : step;
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) throw new Error(`${path}: ${where || 'scenario'} has no element [${step}]`);
      const copy = [...node];
      copy[step] = i === steps.length - 1 ? value : set(node[step], i + 1, here);
      return copy;
    }
    // "agents.0.count" reads 0 as a field name: a list is indexed with brackets, as the schema writes its paths.
    if (Array.isArray(node)) throw new Error(`${path}: ${where || 'scenario'} is a list: index it with brackets, e.g. "${where}[${/^\d+$/.test(step) ? step : 0}]"`);
    if (typeof node !== 'object' || node === null) throw new Error(`${path}: ${where || 'scenario'} is not an object`);
    const obj = node as Record<string, unknown>;
    if (i === steps.length - 1) return { ...obj, [step]: value };
    const present = Object.hasOwn(obj, step);
    let child = present ? obj[step] : undefined;
    if (expand && (typeof child !== 'object' || child === null)) child = expand(steps.slice(0, i + 1), child) ?? child;
    if (!present && child === undefined) throw new Error(`${path}: ${where || 'scenario'} has no field "${step}" (\`leadlab schema\` lists the fields)`);
    return { ...obj, [step]: set(child, i + 1, here) };
  };
  return set(root, 0, '');
}
