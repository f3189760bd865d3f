import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { estimateRun, runSizeProblems } from '../../src/sim/runEstimate';
import { DEFAULT_DAYS } from '../../src/scenario/schema';

const root = new URL('../..', import.meta.url).pathname;
const load = (name: string) => loadScenario(JSON.parse(readFileSync(`${root}data/scenarios/${name}.json`, 'utf8')), (p) => readFileSync(`${root}data/scenarios/${p}`, 'utf8'));
const caps = (r: ReturnType<typeof load>) => {
  const s = r.callbackSchedule.statuses;
  return { attempted: s.attempted.maxAttempts, contacted: s.contacted.maxAttempts, application: s.application.maxAttempts, closing: s.closing.maxAttempts };
};

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, isTTY: false });
  return { code, out, err };
}

describe('the estimate of a run', () => {
  // Three cadences far apart: the radar's 14 attempts, one call a lead, and a queue that every lead waits in.
  for (const name of ['default', 'slow-single-call', 'erlang-c']) {
    it(`is within a factor of 2 of the events measured on ${name}`, () => {
      const resolved = load(name);
      const measured = runReplication(resolved.config, resolved.policies, 0, { seed: 1 }).events;
      const estimate = estimateRun(resolved.config, caps(resolved)).events;
      expect(estimate / measured).toBeGreaterThan(0.5);
      expect(estimate / measured).toBeLessThan(2);
      expect(runSizeProblems(estimateRun(resolved.config, caps(resolved)))).toEqual([]);
    });
  }

  // The schema bounds each field (leads.perDay <= 100,000, cooldownDays <= 366, count <= 1,000); the estimate catches
  // what the fields allow together.
  const huge: [string, object, RegExp][] = [
    // The default days of arrivals at 100,000 a day.
    ['a hundred thousand leads a day', { leads: { perDay: 1e5 } }, new RegExp(`${((1e5 * DEFAULT_DAYS) / 1e6).toPrecision(3).replace('.', '\\.')} million leads.*GiB of memory is above the limit of 4\\.00 GiB`)],
    ['ten years of a hundred thousand leads a day', { days: 3660, leads: { perDay: 1e5 } }, /366 million leads.*GiB of memory is above the limit of 4\.00 GiB/],
  ];
  for (const [what, scenario, message] of huge) {
    it(`refuses ${what} before it starts, with the estimate and --force`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'leadlab-estimate-'));
      writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
      const refused = await cli(['run', join(dir, 's.json')]);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/estimated .* leads, .* agents, .* days: about .* calls, .* events and .* per replication/);
      expect(refused.err).toMatch(message);
      expect(refused.err).toMatch(/give --force to run it anyway/);
      expect(refused.out).toBe('');
    });
  }
});
