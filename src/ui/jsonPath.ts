/** Schema paths ("leads.sources[0].cost") into plain JSON values: read, write, and remove. */
import { parsePath } from '../schema';

type Node = Record<string | number, unknown>;

/**
 * The keys of a path: "agents[1].shift" -> ["agents", 1, "shift"]; "" -> []. Parsed by the schema's own parser;
 * a label that is not a path ("(root)", "(JSON)") is one key, which no field has.
 */
export function steps(path: string): (string | number)[] {
  try {
    return parsePath(path);
  } catch {
    return [path];
  }
}

/** The value at a schema path, or undefined. */
export function getAtPath(json: unknown, path: string): unknown {
  let node = json as Node | undefined;
  for (const k of steps(path)) node = node && typeof node === 'object' ? (node[k] as Node) : undefined;
  return node;
}

/** Writes `value` at a path, creating objects and lists on the way. */
export function writePath(json: Node, path: string, value: unknown): void {
  const ks = steps(path);
  let node = json;
  ks.slice(0, -1).forEach((k, i) => {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = typeof ks[i + 1] === 'number' ? [] : {};
    node = node[k] as Node;
  });
  node[ks[ks.length - 1]] = value;
}

/**
 * Removes the key at a path, then every object left empty on the way up (but never a list item, which would shift
 * the rows after it, and never the root).
 */
export function removePath(json: Node, path: string): void {
  const ks = steps(path);
  const chain: Node[] = [json];
  for (const k of ks.slice(0, -1)) {
    const next = chain[chain.length - 1][k];
    if (typeof next !== 'object' || next === null) return;
    chain.push(next as Node);
  }
  delete chain[chain.length - 1][ks[ks.length - 1]];
  for (let i = chain.length - 1; i > 0; i--) {
    const node = chain[i];
    if (Array.isArray(node) || Object.keys(node).length > 0 || typeof ks[i - 1] === 'number' || Array.isArray(chain[i - 1])) break;
    delete chain[i - 1][ks[i - 1]];
  }
}
