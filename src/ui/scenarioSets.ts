import { el } from './dom';
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

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the page gives the sets: the working state, and a way to replace it with an opened set. */
export interface SetsHooks {
  current(): WorkbenchState;
  open(state: WorkbenchState): void;
}

/**
 * Named scenario sets kept in the browser: save the working set under a name, open one (Back returns), delete one.
 * Saving over a set of the same name, or deleting one, can be undone: the set as it was comes back.
 */
export function setupSets(hooks: SetsHooks): void {
  const select = $<HTMLSelectElement>('saved-sets');
  const undo = $<HTMLButtonElement>('undo-set');
  /** The set a save replaced or a delete removed, until the next thing done to the sets. */
  let lost: { name: string; state: WorkbenchState } | undefined;
  const say = (text: string, undone?: { name: string; state: WorkbenchState }) => {
    $('sets-status').textContent = text;
    lost = undone;
    undo.hidden = !undone;
    if (undone) undo.textContent = `Undo: bring back "${undone.name}" (${count(undone.state)})`;
  };
  const list = (chosen?: string) => {
    const names = Object.keys(readSets(localStorage)).sort();
    select.replaceChildren(...(names.length ? names.map((n) => Object.assign(el('option', {}, n), { value: n })) : [Object.assign(el('option', {}, '(none saved yet)'), { value: '' })]));
    if (chosen) select.value = chosen;
    $<HTMLButtonElement>('open-set').disabled = names.length === 0;
    $<HTMLButtonElement>('delete-set').disabled = names.length === 0;
  };
  $('save-set').addEventListener('click', () => {
    const name = $<HTMLInputElement>('set-name').value.trim();
    if (!name) return say('Give the set a name first.');
    const state = hooks.current();
    const before = readSets(localStorage)[name];
    try {
      writeSet(localStorage, name, state);
    } catch {
      return say('The browser would not keep the set (storage full or disabled).');
    }
    list(name);
    if (before && JSON.stringify(before) !== JSON.stringify(state)) say(`Saved ${count(state)} as "${name}", in place of the set of that name (${count(before)}).`, { name, state: before });
    else say(`Saved ${count(state)} as "${name}".`);
  });
  $('open-set').addEventListener('click', () => {
    const set = readSets(localStorage)[select.value];
    if (!set) return;
    hooks.open(structuredClone(set));
    say(`Opened "${select.value}". Your previous scenarios are one step back (the browser's Back button).`);
  });
  $('delete-set').addEventListener('click', () => {
    const name = select.value;
    const before = readSets(localStorage)[name];
    if (!name || !before) return;
    writeSet(localStorage, name, undefined);
    list();
    say(`Deleted the set "${name}".`, { name, state: before });
  });
  undo.addEventListener('click', () => {
    if (!lost) return;
    const { name, state } = lost;
    try {
      writeSet(localStorage, name, state);
    } catch {
      return say('The browser would not keep the set (storage full or disabled).');
    }
    list(name);
    say(`The set "${name}" is back as it was (${count(state)}).`);
  });
  list();
}

const count = (state: WorkbenchState) => `${state.scenarios.length} scenario${state.scenarios.length === 1 ? '' : 's'}`;
