import type { DistributionStrategy } from '../../sim/policies';
import { arr, num, obj, record, str, type Infer } from '../../schema';
import { queueOrder, skipOffShift, respectLimits } from './sharedOptions';
import { eligible, teamMembers, type DistributionEntry } from './strategy';

const options = obj(
  {
    teams: record(arr(str()), {
      default: {},
      description: 'Team per lead source: source name -> agent names (a group name covers all its numbered agents). Sources without a team go to every agent.',
    }),
    learning: obj(
      {
        maxGain: num({ min: 0, default: 0.5, description: 'Conversion gain of a fully experienced agent on a source: 0.5 = 50% better than a novice (assumption; 0 turns learning off).' }),
        conversationsToHalf: num({ exclusiveMin: 0, default: 300, description: 'Conversations with leads of a source for half the gain (assumption: a few months of calls).' }),
      },
      { defaulted: true, description: 'Learning curve: an agent converts a source better with experience on it, skill x (1 + maxGain x n / (n + conversationsToHalf)).' },
    ),
    skipOffShift: skipOffShift(),
    respectLimits: respectLimits(),
    queueOrder: queueOrder(),
  },
  { defaulted: true },
);

/**
 * Source specialist: a team per lead source, in turn within the team. Agents learn the sources they work
 * (the learning curve of the options), so a team that sees only one source gains experience on it faster than
 * generalists who split their conversations across sources, and over time out-converts them.
 */
export const sourceSpecialist: DistributionEntry<Infer<typeof options>> = {
  name: 'source-specialist',
  label: 'Source specialist (a team per lead source)',
  describe: 'A team per lead source, round robin within the team; agents learn the sources they work.',
  options,
  refersTo: (o) => Object.keys(o.teams).map((name) => ({ path: ['teams', name], kind: 'source', name })),
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const teams = teamMembers(o.teams, agents);
    const everyone = Array.from({ length: n }, (_, i) => i);
    const pointer = new Map<string, number>();
    const { maxGain, conversationsToHalf } = o.learning;
    return {
      name: 'source-specialist',
      queueOrder: o.queueOrder,
      assign(lead, ctx) {
        const team = teams.get(lead.source) ?? everyone;
        const start = pointer.get(lead.source) ?? 0;
        for (let k = 0; k < team.length; k++) {
          const j = (start + k) % team.length;
          if (eligible(ctx.agents[team[j]], lead, o, ctx.now)) {
            pointer.set(lead.source, (j + 1) % team.length);
            return team[j];
          }
        }
        return -1;
      },
      skillMultiplier(lead, agent) {
        if (maxGain === 0) return 1;
        const experience = agent.conversationsWith?.(lead.source) ?? 0;
        return 1 + (maxGain * experience) / (experience + conversationsToHalf);
      },
    };
  },
};
