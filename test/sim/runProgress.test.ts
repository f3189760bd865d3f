import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { PRESET_COMPARISONS } from '../../src/ui/presets';

describe('progress within a replication', () => {
  it('reports a rising share of the horizon ending at 1, and the run is the same bit for bit', () => {
    const r = loadScenario(PRESET_COMPARISONS[0].scenarios[1]);
    const plain = runReplication(r.config, r.policies, 2, { seed: 9, recordCalls: true });
    const seen: number[] = [];
    const watched = runReplication(r.config, r.policies, 2, { seed: 9, recordCalls: true, onProgress: (f) => seen.push(f), progressEveryDays: 7 });
    expect(JSON.stringify(watched)).toBe(JSON.stringify(plain));
    const days = r.config.days + r.config.cooldownDays;
    expect(seen.length).toBe(Math.ceil(days / 7));
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(seen[0]).toBeCloseTo(7 / days, 12);
  });
});
