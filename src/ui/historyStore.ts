/**
 * The History section's state: the reading settings and the last result (not the file), kept across a reload.
 * One store, changed only through its methods, each of which saves the state.
 */
import type { HistoryFit, HistoryRequest, HistoryResult } from '../worker/historyApi';

export const HISTORY_STORAGE_KEY = 'leadlab.history.v1';

/** What is kept across a reload. */
export interface StoredHistory {
  request: HistoryRequest;
  read?: HistoryResult;
  fit?: HistoryFit;
}

/** The settings of a first visit: detect the kind of file and its columns, times in UTC, dates detected. */
export function emptyHistory(): StoredHistory {
  return { request: { kind: 'auto', map: {}, timeZone: '', dateOrder: '' } };
}

/**
 * Whether a saved value has the shape this page writes. The page wrote it itself, so the shape of the request is
 * trusted once it is an object (a missing setting takes the empty state's).
 */
function looksStored(v: unknown): v is StoredHistory {
  return typeof v === 'object' && v !== null && 'request' in v && typeof v.request === 'object' && v.request !== null;
}

/** The state saved as `text`, or the empty state when there is none or it cannot be read. */
export function parseStoredHistory(text: string | null): StoredHistory {
  const empty = emptyHistory();
  try {
    const saved: unknown = JSON.parse(text ?? 'null');
    if (!looksStored(saved)) return empty;
    return { request: { ...empty.request, ...saved.request }, read: saved.read, fit: saved.fit };
  } catch {
    return empty;
  }
}

export interface HistoryStore {
  readonly state: Readonly<StoredHistory>;
  /** Changes reading settings. */
  setRequest(change: Partial<HistoryRequest>): void;
  /** A new read result; the fit of the previous one no longer applies. */
  setRead(read: HistoryResult): void;
  setFit(fit: HistoryFit): void;
}

/** A store saved in `storage` (the page's localStorage; tests pass their own). */
export function createHistoryStore(storage: Pick<Storage, 'getItem' | 'setItem'>): HistoryStore {
  let state = parseStoredHistory(read());
  function read(): string | null {
    try {
      return storage.getItem(HISTORY_STORAGE_KEY);
    } catch {
      return null;
    }
  }
  function save(): void {
    try {
      storage.setItem(HISTORY_STORAGE_KEY, JSON.stringify(state));
    } catch {
      // A full storage keeps the result on the page until the next reload; the scenario change is saved apart.
      try {
        storage.setItem(HISTORY_STORAGE_KEY, JSON.stringify({ request: state.request }));
      } catch {
        // Storage is off: nothing more to do.
      }
    }
  }
  return {
    get state() {
      return state;
    },
    setRequest(change) {
      state = { ...state, request: { ...state.request, ...change } };
      save();
    },
    setRead(read) {
      state = { ...state, read, fit: undefined };
      save();
    },
    setFit(fit) {
      state = { ...state, fit };
      save();
    },
  };
}
