import { describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_STORAGE_KEY, parseStoredHistory } from '../../src/ui/historyStore';

/** A storage in memory; `full` makes every write of more than `limit` characters fail, as a full quota does. */
function memoryStorage(limit = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error('QuotaExceededError');
      items.set(k, v);
    },
  };
}

describe('the History state store', () => {
  it('starts empty, keeps each change at once and reads it back after a reload', () => {
    const storage = memoryStorage();
    const store = createHistoryStore(storage);
    expect(store.state.request).toEqual({ kind: 'auto', map: {}, timeZone: '', dateOrder: '' });
    store.setRequest({ timeZone: 'America/Chicago', map: { '#2': 'leadCreated' } });
    const again = createHistoryStore(storage);
    expect(again.state.request).toEqual({ kind: 'auto', map: { '#2': 'leadCreated' }, timeZone: 'America/Chicago', dateOrder: '' });
  });

  it('drops the fit of an earlier file when a new read comes in', () => {
    const store = createHistoryStore(memoryStorage());
    store.setFit({ ok: false, error: { name: 'Error', message: 'too few calls' } });
    store.setRead({ ok: false, fileName: 'x.csv', error: { name: 'Error', message: 'empty', where: 'file' } });
    expect(store.state.fit).toBeUndefined();
    expect(store.state.read?.fileName).toBe('x.csv');
  });

  it('keeps at least the settings when the storage is too full for the result', () => {
    const storage = memoryStorage(200);
    const store = createHistoryStore(storage);
    store.setRead({ ok: false, fileName: 'x'.repeat(300), error: { name: 'Error', message: 'empty', where: 'file' } });
    expect(JSON.parse(storage.items.get(HISTORY_STORAGE_KEY)!)).toEqual({ request: store.state.request });
  });

  it('reads a saved state that is missing, broken or of another shape as the empty state', () => {
    for (const text of [null, '', '{', '42', '{"request": 5}', 'null']) expect(parseStoredHistory(text).request.kind).toBe('auto');
    expect(parseStoredHistory('{"request": {"timeZone": "UTC"}}').request).toEqual({ kind: 'auto', map: {}, timeZone: 'UTC', dateOrder: '' });
  });
});
