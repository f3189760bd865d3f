import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
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
  return loadScenario(json, (p) => readText(resolve(dirname(full), p)), path);
}

/** Reads a text file a scenario names, gunzipping it when it is gzip (by content, not by name). */
function readText(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}
