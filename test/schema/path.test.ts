import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, parsePath, type PathStep } from '../../src/schema';

describe('parsePath', () => {
  it('reads keys, indexes, the empty key and the root', () => {
    expect(parsePath('agents[0].pipelineLimit')).toEqual(['agents', 0, 'pipelineLimit']);
    expect(parsePath('leads.replay.map.Created On')).toEqual(['leads', 'replay', 'map', 'Created On']);
    expect(parsePath('[2][0]')).toEqual([2, 0]);
    expect(parsePath('map[""]')).toEqual(['map', '']);
    expect(parsePath('')).toEqual([]);
  });

  it.each(['a..b', 'a.', '.a', 'a.[0]', 'agents[x]', 'a[1]b', 'a[-1]'])('rejects the malformed path %j', (p) => {
    expect(() => parsePath(p)).toThrow(/expected a path like/);
  });

  it('reads back every path the schema writes', () => {
    // Keys as the schema meets them: any text (an empty key, spaces, dots, brackets and quotes included), and list indexes.
    const step = fc.oneof(fc.string(), fc.constantFrom('', ' ', 'Created On', 'a.b', 'x[0]', 'say "hi"', 'back\\slash'), fc.nat(1000));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps: PathStep[]) => {
        expect(parsePath(steps.reduce<string>(at, ''))).toEqual(steps);
      }),
    );
  });
});
