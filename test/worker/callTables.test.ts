import { describe, expect, it } from 'vitest';
import { simApi } from '../../src/worker/simApi';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';

describe('simApi.callTables', () => {
  it('counts the leads of the measured window, as the funnel does: the call log and the metrics agree lead for lead', async () => {
    for (const scenario of [{ days: 30, warmupDays: 7, leads: { perDay: 20 } }, { days: 20, warmupDays: 12, callbacks: 'single-call' }]) {
      const tables = await simApi.callTables({ json: scenario, files: {} }, 0, 5);
      const s = loadScenario(scenario);
      const run = runReplication(s.config, s.policies, 0, { seed: 5 });
      // Leads of the window called at least once, by the run's own funnel (arrivals before the warm-up's end excluded).
      expect(tables.leads).toBe(run.funnel.attempted);
      expect(tables.contactByAttempt[0].atRisk).toBe(run.funnel.attempted);
    }
  });
});
