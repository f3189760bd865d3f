/**
 * A run of the 50-agent shop scenario (data/scenarios/year-50-agents.json) with its days overridden by
 * --days, in this process alone, so peak memory belongs to the run. `--scale k` multiplies every agent group and
 * the leads per day by k (the same floor, k times larger), to see whether the cost per lead stays flat as floors
 * grow. Prints JSON, with the run's wall and CPU seconds.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load';
import { runReplication } from '../src/sim/runner';

const argv = process.argv.slice(2);
/** The value after `--name`, or undefined when the flag is absent (indexOf's -1 would read the first argument). */
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const days = Number(flag('days') ?? 365);
const file = flag('scenario') ?? 'data/scenarios/year-50-agents.json';
const scale = Number(flag('scale') ?? 1);
const json = JSON.parse(readFileSync(file, 'utf8'));
const scaled = scale === 1 ? json : { ...json, leads: { ...json.leads, perDay: json.leads.perDay * scale }, agents: json.agents.map((a: { count?: number }) => ({ ...a, count: (a.count ?? 1) * scale })) };
const resolved = loadScenario({ ...scaled, days });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = runReplication(resolved.config, resolved.policies, 0, { seed: json.seed ?? 1 });
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const arrivals = result.daily.arrivals.reduce((a, b) => a + b, 0);
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    days,
    agents: resolved.config.agents.length,
    leads: arrivals,
    events: result.events,
    wall_s: +wall.toFixed(3),
    cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(3),
    us_per_lead: +((wall * 1e6) / arrivals).toFixed(2),
    leads_per_s: Math.round(arrivals / wall),
    events_per_s: Math.round(result.events / wall),
    contact_rate: +result.metrics.contactRate.toFixed(4),
    heap_used_mib_after: +(mem.heapUsed / 2 ** 20).toFixed(1),
    peak_rss_mib: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
  }),
);
