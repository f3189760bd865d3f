import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isObject, show } from '../schema';
import { loadScenario, parseScenarioText, ScenarioError } from '../scenario/load';
import type { ResolvedScenario } from '../scenario/resolve';
import { inputText, readInputText } from './inputFile';
import type { InputPath } from './outputPath';

import type { ScenarioSource } from '../worker/simApi';

export type { ScenarioSource };

/** Reads a scenario file (or the built-in default when `path` is undefined) into a ScenarioSource, validated. */
export function readScenarioSource(path: string | undefined, cwd: string, overrides: Record<string, unknown> = {}): { source: ScenarioSource; resolved: ResolvedScenario; inputs: InputPath[] } {
  let json: Record<string, unknown> = { name: 'Default: 10-agent floor, radar cadence, round robin' };
  let dir = cwd;
  if (path !== undefined) {
    const full = resolve(cwd, path);
    const text = readInputText(path, cwd, 'cannot read scenario');
    const parsed = parseScenarioText(text, path);
    // The root must be an object: `[]`, `null` or `42` is not a scenario (spread below, it would read as `{}`).
    if (!isObject(parsed)) throw new ScenarioError([{ path: '(root)', message: `expected an object, got ${show(parsed)}` }], path);
    json = parsed;
    dir = dirname(full);
  }
  const read = inlineScenarioSource({ ...json, ...overrides }, dir, path ?? 'default scenario', cwd);
  return { ...read, inputs: [...(path === undefined ? [] : [{ path: resolve(cwd, path), what: 'the scenario file' }]), ...read.inputs] };
}

/**
 * Validates an inline scenario (e.g. a sweep's base), reading the files it names relative to `dir`; `inputs` are
 * those files (a fitted model, a lead stream), for the check that no output overwrites them. Messages name those
 * files as the user can type them in `cwd` (by default relative to the scenario's folder `dir`).
 */
export function inlineScenarioSource(json: Record<string, unknown>, dir: string, where: string, cwd = dir): { source: ScenarioSource; resolved: ResolvedScenario; inputs: InputPath[] } {
  const files: Record<string, string> = {};
  const resolved = loadScenario(
    json,
    (p) => {
      // A file that cannot be read says why as every input file does ("no such file"), not as Node's error does.
      files[p] = inputText(p, dir);
      return files[p];
    },
    where,
    (p) => pathFrom(cwd, resolve(dir, p)),
  );
  const inputs = Object.keys(files).map((p) => ({ path: resolve(dir, p), what: `a file ${where} names` }));
  return { source: { json, files }, resolved, inputs };
}

/** `full` as typed in `cwd`: relative when inside it, else absolute (a path of "../../.." helps no one). */
function pathFrom(cwd: string, full: string): string {
  const rel = relative(cwd, full);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}
