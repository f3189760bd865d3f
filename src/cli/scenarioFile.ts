import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultScenario, loadScenario, parseScenarioText } from '../scenario/load';
import type { ResolvedScenario } from '../scenario/resolve';

/** Loads and validates a scenario file (or the built-in default when `path` is undefined). */
export function loadScenarioFile(path: string | undefined, cwd: string): ResolvedScenario {
  if (path === undefined) return defaultScenario();
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new Error(`cannot read scenario ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const json = parseScenarioText(text, path);
  return loadScenario(json, (p) => readFileSync(resolve(dirname(full), p), 'utf8'), path);
}
