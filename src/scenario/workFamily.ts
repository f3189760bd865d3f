import type { ScenarioInput } from './schema';

/**
 * The scenario's family for the estimate of a run's work (src/sim/runCalibration.ts): the scenario without its size
 * (leads a day, agents per group, days of arrivals, warm-up and cool-down, start date) and without what does not change
 * the work of a run (name, description, seed, replications, agents' names). Two scenarios of one family make about as
 * many engine events per lead and per agent-day: the same cadence, rules, strategy and contact model.
 *
 * @example
 * workFamily({ ...a, leads: { ...a.leads, perDay: 400 } }) === workFamily(a) // true
 */
export function workFamily(scenario: ScenarioInput): string {
  const { name: _name, description: _description, seed: _seed, replications: _replications, days: _days, warmupDays: _warmup, cooldownDays: _cooldown, startDate: _start, ...rest } =
    scenario as ScenarioInput & Record<string, unknown>;
  const leads = (rest.leads ?? {}) as Record<string, unknown>;
  const { perDay: _perDay, ...leadsRest } = leads;
  const agents = Array.isArray(rest.agents) ? (rest.agents as Record<string, unknown>[]).map(({ count: _count, name: _agentName, ...a }) => a) : rest.agents;
  return JSON.stringify({ ...rest, leads: leadsRest, agents });
}
