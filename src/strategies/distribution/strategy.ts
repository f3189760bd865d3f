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
