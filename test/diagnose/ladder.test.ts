import { describe, expect, it } from 'vitest';
import { LADDER } from '../../src/diagnose/ladder';
import { loadScenario } from '../../src/scenario/load';

const slow = { name: 'Slow', callbacks: 'single-call', agents: [{ name: 'Closer', count: 4, newLeadsPerDay: 5, pipelineLimit: 200 }], leads: { perDay: 20 } };

describe('The ladder of fixes', () => {
  it('writes valid scenarios, and each rung applied to its own result finds its fix in place', () => {
    let floor: Record<string, unknown> = slow;
    for (const rung of LADDER) {
      const next = rung.apply(floor);
      expect(next, rung.id).toBeDefined();
      expect(() => loadScenario(next!), rung.id).not.toThrow();
      expect(rung.apply(next!), rung.id).toBeUndefined();
      floor = next!;
    }
  });

  it('sizes new-lead limits for 1.5x an average working day of the floor\'s leads, from a replayed stream\'s rate when given', () => {
    const caps = LADDER.find((r) => r.id === 'pipeline-caps')!;
    // 20 a day x 7 / 5 working days x 1.5 / 4 agents = 10.5 -> 11; the pipeline limit comes down to 120.
    const fixed = caps.apply(slow)!;
    expect((fixed.agents as { newLeadsPerDay: number; pipelineLimit: number }[])[0]).toMatchObject({ newLeadsPerDay: 11, pipelineLimit: 120 });
    const replayed = caps.apply(slow, { leadsPerDay: 40 })!;
    expect((replayed.agents as { newLeadsPerDay: number }[])[0].newLeadsPerDay).toBe(21);
  });

  it('finds the radar cadence in place on a floor that names it or leaves it out', () => {
    const cadence = LADDER.find((r) => r.id === 'cadence')!;
    expect(cadence.apply({})).toBeUndefined();
    expect(cadence.apply({ callbacks: 'radar' })).toBeUndefined();
    expect(cadence.apply({ callbacks: { preset: 'radar' } })).toBeUndefined();
    expect(cadence.apply({ callbacks: { preset: 'radar', statuses: { attempted: { maxAttempts: 3 } } } })).toEqual({ callbacks: 'radar' });
  });
});
