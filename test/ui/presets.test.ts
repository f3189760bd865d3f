import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { distributionStrategies } from '../../src/strategies/distribution';
import { PRESET_COMPARISONS } from '../../src/ui/presets';

/** Every leaf path where two JSON values differ ("agents[0].role", "distribution.strategy"). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => {
      const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      return differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
    });
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

// What each comparison is about, written here by hand: its scenarios may differ from the baseline only there.
const ABOUT: Record<string, { scenarios: number; differIn: string[]; strategies?: string[] }> = {
  'radar-vs-slow': { scenarios: 2, differIn: ['callbacks'] },
  'push-vs-pull': { scenarios: 2, differIn: ['distribution'], strategies: ['push', 'pull'] },
  'round-robin-vs-hunt-group-vs-grab-bag': { scenarios: 3, differIn: ['distribution'], strategies: ['round-robin', 'hunt-group', 'grab-bag'] },
  'warm-up-vs-closers': { scenarios: 2, differIn: ['agents[0].role', 'distribution'], strategies: ['round-robin', 'telemarketing-warm-up'] },
  'scoring-vs-all-to-sales': { scenarios: 2, differIn: ['scoring'] },
};

describe('the preset comparisons', () => {
  it('are the comparisons the field asks for, and no others', () => {
    expect(PRESET_COMPARISONS.map((c) => c.id).sort()).toEqual(Object.keys(ABOUT).sort());
  });

  for (const c of PRESET_COMPARISONS) {
    const about = ABOUT[c.id];
    it(`"${c.title}": every scenario is valid, has its own name, and differs from the baseline only in ${about?.differIn.join(' and ')}`, () => {
      expect(c.scenarios).toHaveLength(about.scenarios);
      expect(new Set(c.scenarios.map((s) => s.name)).size).toBe(c.scenarios.length);
      const [base, ...others] = c.scenarios;
      for (const s of others) {
        const diff = differences(base, s).filter((p) => p !== 'name');
        expect(diff.length, `${String(s.name)} differs from the baseline somewhere`).toBeGreaterThan(0);
        for (const p of diff) expect(about.differIn.some((d) => p === d || p.startsWith(`${d}.`) || p.startsWith(`${d}[`)), `${String(s.name)}: ${p}`).toBe(true);
      }
      if (about.strategies) expect(c.scenarios.map((s) => (s.distribution as { strategy: string }).strategy)).toEqual(about.strategies);
    });

    it(`"${c.title}": each scenario runs a replication and measures leads`, () => {
      for (const s of c.scenarios) {
        const resolved = loadScenario(s);
        const { summary } = runScenario(resolved, { seed: 1, replications: 1 });
        // The measured days (after warm-up) of Poisson arrivals (40 or 60 a day); 5 sd either side.
        const perDay = (s.leads as { perDay: number }).perDay;
        const expected = perDay * (resolved.config.days - resolved.config.warmupDays);
        expect(Math.abs(summary.metrics.leads.mean - expected)).toBeLessThan(5 * Math.sqrt(expected));
        if (s.scoring) expect(summary.metrics.routedToMarketingShare.mean).toBeGreaterThan(0);
        else expect(summary.metrics.routedToMarketingShare).toBeUndefined();
      }
    });
  }

  it('name the registered strategies they use', () => {
    for (const c of PRESET_COMPARISONS) for (const s of c.scenarios) expect(Object.keys(distributionStrategies)).toContain((s.distribution as { strategy: string }).strategy);
  });
});
