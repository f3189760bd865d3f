/**
 * The "Out of date" marker of results on the page: once what the results on screen were computed from differs from
 * what the page holds now, a note says so and the results are dimmed (`.out-of-date`). The comparison, the diagnosis
 * and the sensitivity section share it, so all three say it the same way.
 */
export interface OutOfDateMarker {
  /** The results on screen were computed from `key` (the inputs as they were when the run started). */
  shown(key: string): void;
  /** Marks or unmarks the results against the inputs now (true when they are out of date); the page calls it on every change. */
  update(): boolean;
}

export function outOfDateMarker(o: { note: () => HTMLElement | null; dim: () => (HTMLElement | null)[]; current: () => string; message: string }): OutOfDateMarker {
  let shownKey: string | undefined;
  const update = () => {
    const stale = shownKey !== undefined && shownKey !== o.current();
    const note = o.note();
    if (note) {
      note.hidden = !stale;
      note.textContent = stale ? o.message : '';
    }
    for (const d of o.dim()) d?.classList.toggle('out-of-date', stale);
    return stale;
  };
  return {
    shown(key) {
      shownKey = key;
      update();
    },
    update,
  };
}

/** A note like the comparison's (#stale-note), for a section to place above its results. */
export function staleNote(id: string): HTMLElement {
  const note = document.createElement('p');
  note.id = id;
  note.className = 'stale';
  note.setAttribute('role', 'status');
  note.hidden = true;
  return note;
}

/** The key of a scenario run: its JSON (parsed, so that layout does not count; the text when it does not parse), seed and replications. */
export function inputsKey(scenario: string | Record<string, unknown>, seed: string | number, replications: number): string {
  let json: unknown = scenario;
  if (typeof scenario === 'string') {
    try {
      json = JSON.parse(scenario);
    } catch {
      json = scenario;
    }
  }
  return JSON.stringify([json, seed, replications]);
}
