import type { AgentConfig } from '../../sim/modelConfig';
import type { AgentView, DistributionStrategy, LeadView } from '../../sim/policies';
import { at, validate, type PathStep, type Schema } from '../../schema';

/**
 * A distribution strategy as its file declares it: its name as scenarios write it, its label in the field's
 * words (the page's strategy menu shows it), a line for humans, the schema of its options (validated at load,
 * with defaults) and a factory for one run's instance. Adding a strategy is one file exporting such an entry
 * and one line in ./index.ts.
 */
export interface DistributionEntry<O> {
  name: string;
  label: string;
  describe: string;
  options: Schema<O>;
  create(options: O, agents: readonly AgentConfig[]): DistributionStrategy;
  /**
   * The lead sources and products the options name (a team per source, sources agents prefer), each with its path
   * under the options, so that a scenario naming one it does not declare is told where (src/scenario/resolve.ts).
   */
  refersTo?(options: O): NameReference[];
}

/** A source or product name written in a strategy's options, with its path under the options. */
export interface NameReference {
  path: PathStep[];
  kind: 'source' | 'product';
  name: string;
}

/**
 * A problem with a strategy's options that shows only with the floor they are for (a weight per agent, a team's agent
 * names): `path` is the bad option's path under the options, `detail` what was expected.
 */
export class StrategyOptionsError extends RangeError {
  override name = 'StrategyOptionsError';
  constructor(
    readonly path: readonly PathStep[],
    readonly detail: string,
  ) {
    super(`${path.reduce<string>(at, 'distribution.options')}: ${detail}`);
  }
}

/**
 * A strategy in the registry: the same entry with its options' type hidden, so entries with different options
 * share one table. `create` takes options as a scenario holds them and checks them with the entry's own schema
 * (the check fills nothing new for options the scenario schema already validated).
 */
export interface RegisteredStrategy {
  readonly name: string;
  readonly label: string;
  readonly describe: string;
  readonly options: Schema<unknown>;
  create(options: unknown, agents: readonly AgentConfig[]): DistributionStrategy;
  /** The source and product names the options write (none when the options are not valid). */
  refersTo(options: unknown): NameReference[];
}

/** Puts an entry in the registry's form. */
export function registered<O>(entry: DistributionEntry<O>): RegisteredStrategy {
  return {
    name: entry.name,
    label: entry.label,
    describe: entry.describe,
    options: entry.options,
    create(options, agents) {
      const checked = validate(entry.options, options);
      if (!checked.ok) throw new RangeError(checked.issues.map((i) => `distribution.options${i.path === '(root)' ? '' : `.${i.path}`}: ${i.message}`).join('; '));
      return entry.create(checked.value, agents);
    },
    refersTo(options) {
      const checked = validate(entry.options, options);
      return checked.ok && entry.refersTo ? entry.refersTo(checked.value) : [];
    },
  };
}

/** Minutes after which a waiting lead counts as having waited: it may take only the paced share of an agent's cap. */
export const FRESH_LEAD_MINUTES = 60;

/**
 * Capacity checks most strategies share. A lead that has waited past its first hour may take only the paced share of
 * the agent's daily new-lead cap, so leads that waited overnight do not spend the cap the day's fresh leads need
 * (docs/tradeoffs.md, "Prospecting vs pipeline").
 */
export function hasRoom(agent: AgentView, lead?: LeadView, now = 0): boolean {
  if (agent.pipelineSize >= agent.pipelineLimit) return false;
  if (lead !== undefined && now - lead.waitingSince > (agent.maxLeadWaitMinutes ?? Infinity)) return false;
  return underDailyCap(agent, lead, now);
}

/** Whether the agent's daily new-lead cap has room for the lead: the whole cap for a fresh lead, the paced share for one that waited. */
export function underDailyCap(agent: AgentView, lead: LeadView | undefined, now: number): boolean {
  const waited = lead !== undefined && now - lead.waitingSince > FRESH_LEAD_MINUTES;
  return agent.newToday < (waited ? (agent.newLeadsAllowedNow ?? agent.newLeadsPerDay) : agent.newLeadsPerDay);
}

/** Whether `agent` may take `lead` given the usual switches. */
export function eligible(agent: AgentView, lead: LeadView, o: { skipOffShift: boolean; respectLimits: boolean }, now = 0): boolean {
  if (!agent.handles(lead.source, lead.product)) return false;
  if (o.skipOffShift && !agent.onShift) return false;
  if (o.respectLimits && !hasRoom(agent, lead, now)) return false;
  return true;
}

/** Whether a configured agent name belongs to a listed name (a group name covers "Name 1", "Name 2", ...). */
function nameMatches(agentName: string, listed: string): boolean {
  return agentName === listed || (agentName.startsWith(`${listed} `) && /^\d+$/.test(agentName.slice(listed.length + 1)));
}

/**
 * Agent indices of each team, from a map of key (a source, a product) to agent names as the scenario writes
 * them. Throws a StrategyOptionsError at the name when it matches no agent.
 */
export function teamMembers(teams: Readonly<Record<string, readonly string[]>>, agents: readonly AgentConfig[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, names] of Object.entries(teams)) {
    names.forEach((name, j) => {
      if (agents.some((a) => nameMatches(a.name, name))) return;
      // The names a scenario writes: its groups' names (an agent of a group of several is "Name 1", "Name 2", ...).
      const groups = [...new Set(agents.map((a) => a.name.replace(/ \d+$/, '')))];
      throw new StrategyOptionsError(['teams', key, j], `expected the name of an agent or a group (${groups.join(', ')}), got ${JSON.stringify(name)}`);
    });
    const members: number[] = [];
    agents.forEach((a, i) => {
      if (names.some((name) => nameMatches(a.name, name))) members.push(i);
    });
    out.set(key, members);
  }
  return out;
}
