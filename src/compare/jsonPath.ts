/** One step of a JSON path: an object key or an array index. */
export type PathStep = string | number;

/**
 * Parses a path like `agents[0].pipelineLimit` or `callbacks.statuses.attempted.intervalHours`.
 *
 * @example
 * parsePath('agents[0].pipelineLimit') // ['agents', 0, 'pipelineLimit']
 */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|(\.)/gy;
  let expectKey = true;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length && (m = re.exec(path))) {
    if (m[1] !== undefined) {
      if (!expectKey) break;
      steps.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey) break;
      steps.push(Number(m[2]));
    } else {
      if (expectKey) break;
      expectKey = true;
    }
  }
  if (re.lastIndex !== path.length || expectKey || steps.length === 0) {
    throw new Error(`expected a path like "agents[0].pipelineLimit", got ${JSON.stringify(path)}`);
  }
  return steps;
}

/**
 * A copy of `root` with the value at `path` replaced; the objects along the path are copied, the rest shared.
 * Every step but the last must exist, so that a typo in a path is an error rather than a new field.
 */
export function setAtPath(root: unknown, path: string, value: unknown): unknown {
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
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`${path}: ${where || 'scenario'} is not an object`);
    const obj = node as Record<string, unknown>;
    if (i < steps.length - 1 && !(step in obj)) throw new Error(`${path}: ${where || 'scenario'} has no field "${step}"`);
    return { ...obj, [step]: i === steps.length - 1 ? value : set(obj[step], i + 1, here) };
  };
  return set(root, 0, '');
}
