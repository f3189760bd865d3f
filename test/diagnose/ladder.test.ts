import { describe, expect, it } from 'vitest';
import { LADDER } from '../../src/diagnose/ladder';
import { loadScenario } from '../../src/scenario/load';
import { scenarioSchema } from '../../src/scenario/schema';
import { isObject, validate } from '../../src/schema';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

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

  it('finds speed to lead in place on a floor that already has it, whatever way the floor writes its distribution', () => {
    const speed = LADDER.find((r) => r.id === 'speed-to-lead')!;
    const unpaced = [{ name: 'Closer', count: 4, paceNewLeads: false }];
    // Hunt group takes no skipOffShift: by name or as an object, with no pacing, there is nothing to change.
    expect(speed.apply({ agents: unpaced, distribution: 'hunt-group' })).toBeUndefined();
    expect(speed.apply({ agents: unpaced, distribution: { strategy: 'hunt-group' } })).toBeUndefined();
    expect(speed.apply({ agents: unpaced, distribution: { strategy: 'round-robin', options: { skipOffShift: true } } })).toBeUndefined();
    // Round robin by name does not skip agents off shift yet: that is what the rung changes, and only that.
    expect(speed.apply({ agents: unpaced, distribution: 'round-robin' })).toEqual({ agents: unpaced, distribution: { strategy: 'round-robin', options: { skipOffShift: true } } });
    // Paced agents on a hunt group: only the pacing changes.
    expect(speed.apply({ agents: [{ name: 'Closer', paceNewLeads: true }], distribution: 'hunt-group' })).toEqual({ agents: [{ name: 'Closer', paceNewLeads: false }], distribution: 'hunt-group' });
  });
});

/**
 * Every place two normalized scenarios differ, as paths ("agents[0].skillSpread"); a list that changed length is
 * one difference at the list.
 */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [path];
    return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return Object.is(a, b) ? [] : [path];
}

/** The fields each rung says it changes (docs/diagnosis.md), as patterns over the paths of `differences`. */
const NAMED: Record<string, RegExp> = {
  'speed-to-lead': /^(agents\[\d+\]\.paceNewLeads|distribution\.options\.skipOffShift)$/,
  cadence: /^callbacks(\.|$)/,
  'pipeline-caps': /^agents\[\d+\]\.(pipelineLimit|newLeadsPerDay)$/,
  distribution: /^distribution(\.|$)/,
  scoring: /^scoring(\.|$)/,
};

const normalized = (json: Record<string, unknown>) => {
  const v = validate(scenarioSchema, json);
  if (!v.ok) throw new Error(`not a valid scenario: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return v.value;
};

describe('A rung changes only what it names', () => {
  it('on random valid floors (agents, distribution or callbacks sometimes left out), applying a rung, or applying it again, alters no field it does not name', () => {
    const g = new Gen(mulberry32(20261126));
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const floor = scenario(g, i).scenario;
      // Left out, the schema's defaults stand in: a rung that rewrites them must rewrite them as the schema has them.
      for (const key of ['agents', 'distribution', 'callbacks']) if (g.chance(0.3)) delete floor[key];
      const before = normalized(floor);
      for (const rung of LADDER) {
        const facts = g.chance(0.5) ? { leadsPerDay: g.log(0.1, 300) } : undefined;
        const next = rung.apply(floor, facts);
        if (!next) continue;
        checked++;
        const stray = differences(before, normalized(next)).filter((p) => !NAMED[rung.id].test(p));
        expect(stray, `${rung.id} on floor ${i} (${JSON.stringify(floor).slice(0, 300)})`).toEqual([]);
        const again = rung.apply(next, facts);
        expect(again === undefined ? [] : differences(normalized(next), normalized(again)), `${rung.id} applied twice on floor ${i}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('the default floor left out is the schema\'s default floor: a rung on "{}" keeps its agents\' skill spread', () => {
    const floor = normalized({});
    for (const rung of LADDER) {
      const next = rung.apply({});
      if (!next) continue;
      const fixed = normalized(next);
      expect(fixed.agents.map((a) => a.skillSpread), rung.id).toEqual(floor.agents.map((a) => a.skillSpread));
    }
  });
});
