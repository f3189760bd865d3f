/**
 * A run of the 50-agent shop scenario (data/scenarios/year-50-agents.json) with its days overridden by
 * --days, in this process alone, so peak memory belongs to the run. Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load';
import { runReplication } from '../src/sim/runner';

const argv = process.argv.slice(2);
const days = Number(argv[argv.indexOf('--days') + 1] || 365);
const file = argv[argv.indexOf('--scenario') + 1];
const json = JSON.parse(readFileSync(file, 'utf8'));
const resolved = loadScenario({ ...json, days });
const t0 = performance.now();
const result = runReplication(resolved.config, resolved.policies, 0, { seed: json.seed ?? 1 });
const wall = (performance.now() - t0) / 1000;
const arrivals = result.daily.arrivals.reduce((a, b) => a + b, 0);
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    days,
    leads: arrivals,
    events: result.events,
    wall_s: +wall.toFixed(3),
    leads_per_s: Math.round(arrivals / wall),
    events_per_s: Math.round(result.events / wall),
    contact_rate: +result.metrics.contactRate.toFixed(4),
    heap_used_mib_after: +(mem.heapUsed / 2 ** 20).toFixed(1),
    peak_rss_mib: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  }),
);
