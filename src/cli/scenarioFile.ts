import type { ResolvedScenario } from '../scenario/resolve';
import { readScenarioSource } from './scenarioJson';

/** Loads and validates a scenario file (or the built-in default when `path` is undefined). */
export function loadScenarioFile(path: string | undefined, cwd: string): ResolvedScenario {
  return readScenarioSource(path, cwd).resolved;
}
