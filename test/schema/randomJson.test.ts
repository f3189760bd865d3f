import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/schema';
import { scenarioSchema } from '../../src/scenario/schema';

/** Keys that JSON input may carry to fool a validator that reads inherited properties. */
const trickyKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'agents', 'leads', 'sources', 'distribution', 'kind', 'strategy', 'options', 'name', 'share');

/** Random JSON, with the scenario's own field names and prototype member names as keys, parsed from text as a file would be. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(trickyKeys, fc.string()), tie('value'), { maxKeys: 6 }),
})).value.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('the scenario schema on random JSON', () => {
  it('never throws: the result is a value, or issues that each have a path and a message', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const r = validate(scenarioSchema, v);
        if (r.ok) return;
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) {
          expect(i.path).toMatch(/\S/);
          expect(i.message).toMatch(/\S/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a random scenario whose sections are random values', () => {
    const sections = fc.record(
      { leads: jsonValue, agents: jsonValue, callbacks: jsonValue, distribution: jsonValue, contact: jsonValue, contactModel: jsonValue, calls: jsonValue },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sections, (v) => {
        const r = validate(scenarioSchema, v);
        if (!r.ok) for (const i of r.issues) expect(i.path).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });

  it('shows a deeply nested bad value in a short message without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    const r = validate(scenarioSchema, { name: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message.length).toBeLessThan(120);
  });
});
