import type { AgentConfig } from '../../sim/modelConfig';
import type { AgentView, DistributionStrategy, LeadView } from '../../sim/policies';
import type { Schema } from '../../scenario/schemaKit';

/**
 * A registry entry for a distribution strategy: its name as scenarios write it, a line for humans, the
 * schema of its options (validated at load, with defaults) and a factory for one run's instance.
 * Adding a strategy is one file exporting such an entry and one line in ./index.ts.
 */
export interface DistributionEntry<O = Record<string, unknown>> {
  name: string;
  describe: string;
  options: Schema<O>;
  create(options: O, agents: readonly AgentConfig[]): DistributionStrategy;
}

/** Capacity checks most strategies share. */
export function hasRoom(agent: AgentView): boolean {
  return agent.pipelineSize < agent.pipelineLimit && agent.newToday < agent.newLeadsPerDay;
}

/** Whether `agent` may take `lead` given the usual switches. */
export function eligible(agent: AgentView, lead: LeadView, o: { skipOffShift: boolean; respectLimits: boolean }): boolean {
  if (!agent.handles(lead.source, lead.product)) return false;
  if (o.skipOffShift && !agent.onShift) return false;
  if (o.respectLimits && !hasRoom(agent)) return false;
  return true;
}

/** Whether a configured agent name belongs to a listed name (a group name covers "Name 1", "Name 2", ...). */
function nameMatches(agentName: string, listed: string): boolean {
  return agentName === listed || (agentName.startsWith(`${listed} `) && /^\d+$/.test(agentName.slice(listed.length + 1)));
}

/**
 * Agent indices of each team, from a map of key (a source, a product) to agent names as the scenario writes
 * them. Throws with the option path when a name matches no agent.
 */
export function teamMembers(teams: Readonly<Record<string, readonly string[]>>, agents: readonly AgentConfig[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, names] of Object.entries(teams)) {
    for (const name of names) {
      if (!agents.some((a) => nameMatches(a.name, name))) throw new RangeError(`distribution.options.teams.${key}: no agent named ${JSON.stringify(name)}`);
    }
    const members: number[] = [];
    agents.forEach((a, i) => {
      if (names.some((name) => nameMatches(a.name, name))) members.push(i);
    });
    out.set(key, members);
  }
  return out;
}
