import type { DistributionStrategy } from '../../sim/policies';
import { arr, num, obj, record, str, type Infer } from '../../schema';
import { queueOrder, skipOffShift, respectLimits } from './sharedOptions';
import { eligible, teamMembers, type DistributionEntry } from './strategy';

const options = obj(
  {
    teams: record(arr(str()), {
      default: {},
      description: 'Team per product: product name -> agent names (a group name covers all its numbered agents). Products without a team go to every agent.',
    }),
    mislabeledShare: num({ min: 0, max: 1, default: 0.1, description: 'Share of leads whose form names the wrong product (assumption: consumers tick the wrong box now and then).' }),
    bounceMinutes: num({ min: 0, default: 120, description: 'Minutes from the conversation that finds the mislabel until the lead reaches the right team (assumption).' }),
    skipOffShift: skipOffShift(),
    respectLimits: respectLimits(),
    queueOrder: queueOrder(),
  },
  { defaulted: true },
);

/**
 * Product specialist: a team per product, in turn within the team (skills per product come from the agents'
 * productSkill). A share of leads arrives labeled with the wrong product and goes to the wrong team; the first
 * conversation finds out, and the lead bounces to the right team after a delay, losing time it cannot win back.
 */
export const productSpecialist: DistributionEntry<Infer<typeof options>> = {
  name: 'product-specialist',
  label: 'Product specialist (a team per product)',
  describe: 'A team per product; mislabeled leads go to the wrong team and bounce to the right one after a delay.',
  options,
  refersTo: (o) => Object.keys(o.teams).map((name) => ({ path: ['teams', name], kind: 'product', name })),
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const teams = teamMembers(o.teams, agents);
    const products = [...teams.keys()];
    const everyone = Array.from({ length: n }, (_, i) => i);
    const pointer = new Map<string, number>();
    /** The wrong product on the form of each mislabeled lead, until the mislabel is found. */
    const wrongLabel = new Map<number, string>();
    const seen = new Set<number>();
    return {
      name: 'product-specialist',
      queueOrder: o.queueOrder,
      assign(lead, ctx) {
        if (!seen.has(lead.id)) {
          seen.add(lead.id);
          // One draw per lead on first offer, whatever happens next, so the draws stay in step.
          const u = ctx.rng();
          const others = products.filter((p) => p !== lead.product);
          if (u < o.mislabeledShare && others.length > 0) wrongLabel.set(lead.id, others[Math.floor((u / o.mislabeledShare) * others.length)]);
        }
        const label = wrongLabel.get(lead.id) ?? lead.product;
        const team = teams.get(label) ?? everyone;
        const start = pointer.get(label) ?? 0;
        for (let k = 0; k < team.length; k++) {
          const j = (start + k) % team.length;
          if (eligible(ctx.agents[team[j]], lead, o, ctx.now)) {
            pointer.set(label, (j + 1) % team.length);
            return team[j];
          }
        }
        return -1;
      },
      afterConversation(lead) {
        if (!wrongLabel.has(lead.id)) return undefined;
        wrongLabel.delete(lead.id);
        return { requeueAfterMinutes: o.bounceMinutes };
      },
    };
  },
};
