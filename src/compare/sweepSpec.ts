import { parsePath } from './jsonPath';
import { MAX_REPLICATIONS } from '../scenario/schema';

/** Most values one parameter may take. */
export const MAX_VALUES = 10_000;

/** Most combinations of a sweep (each is validated and run on its own). */
export const MAX_COMBINATIONS = 100_000;

/** One swept parameter: a JSON path into the scenario and the values it takes. */
export interface SweepParameter {
  path: string;
  values: unknown[];
}

/** A validated sweep file. */
export interface SweepSpec {
  name: string;
  /** A scenario file name (relative to the sweep file) or an inline scenario. */
  base: string | Record<string, unknown>;
  parameters: SweepParameter[];
  replications?: number;
  seed?: string | number;
}

/**
 * Expands a range: `"1-4"` is 1, 2, 3, 4; `"100-150:25"` is 100, 125, 150; `"10,20,30"` is 10, 20, 30 (numbers
 * where they parse, strings otherwise, e.g. `"radar,single-call"`). Arrays are taken as they are; a single value is
 * a list of one.
 */
export function expandValues(spec: unknown, where: string): unknown[] {
  if (Array.isArray(spec)) {
    if (spec.length === 0) throw new Error(`${where}: expected at least one value, got []`);
    if (spec.length > MAX_VALUES) throw new Error(`${where}: expected at most ${MAX_VALUES} values, got ${spec.length}`);
    return spec;
  }
  if (typeof spec !== 'string') return [spec];
  const range = /^\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*(?::\s*(\d+(?:\.\d+)?))?\s*$/.exec(spec);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), range[3] === undefined ? 1 : Number(range[3])];
    if (!(step > 0) || to < from) throw new Error(`${where}: expected "from-to" or "from-to:step" with from <= to and step > 0, got ${JSON.stringify(spec)}`);
    // Counted before any is made: "0-1000000000" must not build a billion values to find out it is too many.
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (!(count <= MAX_VALUES)) throw new Error(`${where}: expected at most ${MAX_VALUES} values, got ${JSON.stringify(spec)}, which gives ${count.toLocaleString('en-US')}`);
    const values: number[] = [];
    // Counting steps (not adding them up) keeps decimal steps exact at the ends.
    for (let k = 0; from + k * step <= to + 1e-9 * step; k++) values.push(Number((from + k * step).toFixed(10)));
    return values;
  }
  return spec.split(',').map((s) => {
    const t = s.trim();
    return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  });
}

/**
 * Validates a parsed sweep file; errors name the field. Every problem of the file is reported at once, one per line,
 * so that a file with several mistakes is fixed in one pass.
 */
export function parseSweepSpec(json: unknown): SweepSpec {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`sweep: expected an object, got ${JSON.stringify(json)}`);
  const o = json as Record<string, unknown>;
  const problems: string[] = [];
  const known = ['name', 'base', 'parameters', 'replications', 'seed'];
  for (const k of Object.keys(o)) if (!known.includes(k)) problems.push(`sweep.${k}: unknown field; expected one of ${known.join(', ')}`);
  const base = o.base;
  if (typeof base !== 'string' && (typeof base !== 'object' || base === null || Array.isArray(base))) {
    problems.push(`sweep.base: expected a scenario file name or an inline scenario object, got ${JSON.stringify(base)}`);
  }
  const p = o.parameters;
  const parameters: SweepParameter[] = [];
  if (typeof p !== 'object' || p === null || Array.isArray(p) || Object.keys(p).length === 0) {
    problems.push(`sweep.parameters: expected an object of JSON paths to values, e.g. {"agents[0].pipelineLimit": "100-150:25"}, got ${JSON.stringify(p)}`);
  } else {
    for (const [path, spec] of Object.entries(p as Record<string, unknown>)) {
      const where = `sweep.parameters[${JSON.stringify(path)}]`;
      try {
        parsePath(path);
        parameters.push({ path, values: expandValues(spec, where) });
      } catch (e) {
        const message = (e as Error).message;
        problems.push(message.startsWith(where) ? message : `${where}: ${message}`);
      }
    }
    const combinations = parameters.reduce((n, p) => n * p.values.length, 1);
    if (combinations > MAX_COMBINATIONS) {
      problems.push(`sweep.parameters: expected at most ${MAX_COMBINATIONS.toLocaleString('en-US')} combinations of values, got ${parameters.map((p) => p.values.length).join(' x ')} = ${combinations.toLocaleString('en-US')}`);
    }
  }
  const r = o.replications;
  if (r !== undefined && !(Number.isInteger(r) && (r as number) >= 1 && (r as number) <= MAX_REPLICATIONS)) {
    problems.push(`sweep.replications: expected an integer from 1 to ${MAX_REPLICATIONS} (the scenario schema's limit), got ${JSON.stringify(r)}`);
  }
  const seed = o.seed;
  if (seed !== undefined && typeof seed !== 'string' && !Number.isSafeInteger(seed)) {
    problems.push(`sweep.seed: expected a string or an integer of at most 2^53 - 1 in size (as a scenario's seed), got ${JSON.stringify(seed)}`);
  }
  if (o.name !== undefined && typeof o.name !== 'string') problems.push(`sweep.name: expected a string, got ${JSON.stringify(o.name)}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const name = o.name === undefined ? 'Sweep' : (o.name as string);
  return { name, base: base as SweepSpec['base'], parameters, replications: r as number | undefined, seed: seed as string | number | undefined };
}
