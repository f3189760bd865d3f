import { describe, expect, it } from 'vitest';
import { arr, num, obj, optional, pair, record, str, validate, type Infer } from '../../src/schema';

const messages = (r: { ok: boolean; issues?: { path: string; message: string }[] }) => (r.ok ? [] : r.issues!.map((i) => `${i.path}: ${i.message}`));

describe('obj', () => {
  const agent = obj({ name: str(), count: num({ int: true, min: 1, default: 1 }), note: optional(str()) });

  it('fills defaults, leaves optional fields out, and types them as optional', () => {
    const r = validate(agent, { name: 'a' });
    expect(r).toEqual({ ok: true, value: { name: 'a', count: 1 } });
    const typed: Infer<typeof agent> = { name: 'b', count: 2 };
    expect(typed.note).toBeUndefined();
  });

  it('reports a missing required field and every bad field at once, each by its path', () => {
    expect(messages(validate(agent, { count: 0 }))).toEqual(['name: is required', 'count: expected an integer >= 1, got 0']);
  });

  it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty'], ['valueOf']])('rejects an unknown field named like an Object.prototype member: %s', (key) => {
    const input = JSON.parse(`{"name": "a", ${JSON.stringify(key)}: {"count": -5}}`);
    expect(messages(validate(agent, input))).toEqual([`${key}: unknown field; expected one of: name, count, note`]);
  });

  it('does not read a field from the prototype chain', () => {
    const input = Object.create({ name: 'inherited' });
    expect(messages(validate(agent, input))).toEqual(['name: is required']);
  });

  it('checks own properties inside nested objects and lists too', () => {
    const team = obj({ agents: arr(agent) });
    const input = JSON.parse('{"agents": [{"name": "a"}, {"name": "b", "__proto__": {"count": 3}}]}');
    expect(messages(validate(team, input))).toEqual(['agents[1].__proto__: unknown field; expected one of: name, count, note']);
  });

  it('rejects a root that is not an object', () => {
    for (const v of [[], null, 42, 'x']) expect(validate(agent, v).ok).toBe(false);
    expect(messages(validate(agent, []))).toEqual(['(root): expected an object, got []']);
  });
});

describe('arr', () => {
  it('checks the number of items', () => {
    expect(messages(validate(arr(num(), { length: 3 }), [1]))).toEqual(['(root): expected a list of exactly 3 items, got 1 item']);
    expect(messages(validate(arr(num(), { minItems: 1 }), []))).toEqual(['(root): expected a list of at least 1 item, got 0 items']);
    expect(messages(validate(arr(num(), { maxItems: 2 }), [1, 2, 3]))).toEqual(['(root): expected a list of at most 2 items, got 3 items']);
  });

  it('with ascendingBy, reports each item below the one before at its index', () => {
    const table = arr(pair(num()), { ascendingBy: (p) => p[0], ascendingWhat: 'an age' });
    expect(validate(table, [[0, 1], [5, 1], [5, 2]]).ok).toBe(true);
    expect(messages(validate(table, [[0, 1], [10, 1], [5, 1]]))).toEqual(['[2]: expected an age >= 10 (the item before), got 5']);
  });

  it('with uniqueBy, reports a repeated or empty name at the later item', () => {
    const list = arr(obj({ name: str() }), { uniqueBy: 'name' });
    expect(messages(validate(list, [{ name: 'a' }, { name: 'b' }, { name: 'a' }]))).toEqual(['[2].name: expected a name not used before ([0] has it), got "a"']);
    expect(messages(validate(list, [{ name: '' }]))).toEqual(['[0].name: expected a non-empty string, got ""']);
  });
});

describe('pair', () => {
  it('with ordered, rejects a reversed pair at its second item', () => {
    const hours = pair(num({ min: 0 }), { ordered: true });
    expect(validate(hours, [12, 18])).toEqual({ ok: true, value: [12, 18] });
    expect(validate(hours, [6, 6]).ok).toBe(true);
    expect(messages(validate(hours, [18, 12]))).toEqual(['[1]: expected a value >= 18 (the first item), got 12']);
    expect(validate(hours, [1, 2, 3]).ok).toBe(false);
  });
});

describe('record', () => {
  it('keeps keys named like Object.prototype members as plain keys, never as the prototype', () => {
    const r = validate(record(num()), JSON.parse('{"toString": 1, "__proto__": 2}'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value).sort()).toEqual(['__proto__', 'toString']);
    expect(r.value.toString).toBe(1);
    expect(Object.getPrototypeOf(r.value)).toBeNull();
  });

  it('finds no inherited value for a missing key', () => {
    const r = validate(record(num()), {});
    expect(r.ok && r.value.constructor).toBeUndefined();
  });
});

describe('paths of odd keys', () => {
  it('quotes a key that is empty or has spaces, dots, brackets or quotes, so the path still names it', async () => {
    const { at } = await import('../../src/schema');
    expect(at('leads.replay.map', 'Created On')).toBe('leads.replay.map["Created On"]');
    expect(at('', ' ')).toBe('[" "]');
    expect(at('a', 'b.c')).toBe('a["b.c"]');
    expect(at('a', '')).toBe('a[""]');
    expect(at('agents', 'web-form')).toBe('agents.web-form');
    expect(at('', 'days')).toBe('days');
  });
});
