import { describe, expect, it } from 'vitest';
import { arr, byJsonType, map, num, refine, obj, str, validate, variant, type Infer } from '../../src/schema';

const messages = (r: { ok: boolean; issues?: { path: string; message: string }[] }) => (r.ok ? [] : r.issues!.map((i) => `${i.path}: ${i.message}`));

describe('variant', () => {
  const talk = variant('distribution', {
    fixed: { mean: num({ exclusiveMin: 0 }) },
    lognormal: { mean: num({ exclusiveMin: 0 }), sd: num({ min: 0 }) },
  });

  it('parses each case with its own fields and types the result as the union', () => {
    const r = validate(talk, { distribution: 'lognormal', mean: 8, sd: 6 });
    expect(r).toEqual({ ok: true, value: { distribution: 'lognormal', mean: 8, sd: 6 } });
    if (r.ok && r.value.distribution === 'lognormal') expect(r.value.sd).toBe(6);
    // The compiler knows a fixed duration has no sd: this line would not compile with `sd: 1` added.
    const fixed: Infer<typeof talk> = { distribution: 'fixed', mean: 1 };
    expect(fixed.distribution).toBe('fixed');
  });

  it('reports an unknown tag at the key, naming the cases, even a tag named like a prototype member', () => {
    expect(messages(validate(talk, { distribution: 'toString', mean: 1 }))).toEqual(['distribution: expected one of "fixed", "lognormal", got "toString"']);
    expect(messages(validate(talk, { mean: 1 }))).toEqual(['distribution: expected one of "fixed", "lognormal", got nothing']);
  });

  it("rejects another case's field", () => {
    expect(messages(validate(talk, { distribution: 'fixed', mean: 1, sd: 2 }))).toEqual(['sd: unknown field; expected one of: distribution, mean']);
  });

  it('describes itself as a JSON Schema oneOf whose cases fix the tag', () => {
    const j = talk.jsonSchema() as { oneOf: { properties: { distribution: { enum: string[] } } }[] };
    expect(j.oneOf.map((c) => c.properties.distribution.enum)).toEqual([['fixed'], ['lognormal']]);
  });
});

describe('byJsonType', () => {
  const profile = byJsonType({ string: str({ values: ['flat'] }), array: arr(num({ min: 0 }), { length: 3 }) }, '"flat" or 3 numbers', { default: 'flat' });

  it('picks the schema by the JSON type of the value', () => {
    expect(validate(profile, 'flat')).toEqual({ ok: true, value: 'flat' });
    expect(validate(profile, [1, 2, 3])).toEqual({ ok: true, value: [1, 2, 3] });
    expect(messages(validate(profile, 5))).toEqual(['(root): expected "flat" or 3 numbers, got 5']);
  });

  it('fills its default when the field is missing', () => {
    expect(validate(obj({ p: profile }), {})).toEqual({ ok: true, value: { p: 'flat' } });
  });
});

describe('refine and map', () => {
  it('reports a rule across fields at the path the rule names', () => {
    const range = refine(obj({ fromDay: num(), toDay: num() }), (v, report) => {
      if (v.toDay < v.fromDay) report(['toDay'], `expected a day >= fromDay (${v.fromDay}), got ${v.toDay}`);
    });
    expect(messages(validate(obj({ cycle: arr(range) }), { cycle: [{ fromDay: 1, toDay: 2 }, { fromDay: 20, toDay: 5 }] }))).toEqual([
      'cycle[1].toDay: expected a day >= fromDay (20), got 5',
    ]);
  });

  it('turns a valid value into another shape', () => {
    const preset = map(str({ values: ['radar'] }), (name) => ({ preset: name }));
    expect(validate(preset, 'radar')).toEqual({ ok: true, value: { preset: 'radar' } });
  });
});
