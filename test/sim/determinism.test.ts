import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

const scenario = { days: 30, warmupDays: 5, cooldownDays: 5, replications: 2 };

describe('Determinism', () => {
  it('gives identical results, bit for bit, for the same scenario and seed', () => {
    const a = runScenario(loadScenario(scenario), { seed: 42 });
    const b = runScenario(loadScenario(scenario), { seed: 42 });
    expect(JSON.stringify(a.runs)).toBe(JSON.stringify(b.runs));
  });

  it('gives different results for different seeds, and different replications differ', () => {
    const a = runScenario(loadScenario(scenario), { seed: 42 });
    const b = runScenario(loadScenario(scenario), { seed: 43 });
    expect(a.runs[0].metrics).not.toEqual(b.runs[0].metrics);
    expect(a.runs[0].metrics).not.toEqual(a.runs[1].metrics);
  });

  it('gives the same leads to two policies run on one seed (common random numbers)', () => {
    const radar = runScenario(loadScenario({ ...scenario, callbacks: 'radar' }), { seed: 9, recordCalls: true });
    const single = runScenario(loadScenario({ ...scenario, callbacks: 'single-call' }), { seed: 9, recordCalls: true });
    expect(radar.runs[0].metrics.leads).toBe(single.runs[0].metrics.leads);
    expect(radar.runs[0].daily.arrivals).toEqual(single.runs[0].daily.arrivals);
    expect(radar.runs[0].metrics.leadCost).toBe(single.runs[0].metrics.leadCost);
  });
});
