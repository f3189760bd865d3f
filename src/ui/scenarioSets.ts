import { parseState, type WorkbenchState } from './workbenchState';

/** Named scenario sets kept in the browser, beside the working set. */
export const SETS_KEY = 'leadlab.workbench.sets.v1';

/** The named sets in storage (anything unreadable is left out). */
export function readSets(storage: Pick<Storage, 'getItem'>): Record<string, WorkbenchState> {
  try {
    const raw = JSON.parse(storage.getItem(SETS_KEY) ?? '{}') as Record<string, unknown>;
    const sets: Record<string, WorkbenchState> = {};
    for (const [name, value] of Object.entries(raw)) {
      const state = parseState(JSON.stringify(value));
      if (state) sets[name] = state;
    }
    return sets;
  } catch {
    return {};
  }
}

/** Keeps `state` under `name` (replacing a set of that name), or removes it with `undefined`. */
export function writeSet(storage: Pick<Storage, 'getItem' | 'setItem'>, name: string, state: WorkbenchState | undefined): void {
  const sets = readSets(storage);
  if (state) sets[name] = structuredClone(state);
  else delete sets[name];
  storage.setItem(SETS_KEY, JSON.stringify(sets));
}
