import type { AgentView, DistributionStrategy } from '../../sim/policies';
import { arr, num, obj, str, type Infer } from '../../schema';
import { queueOrder, skipOffShift, respectLimits } from './sharedOptions';
import { eligible, type DistributionEntry } from './strategy';

const options = obj(
  {
    windowDays: num({ exclusiveMin: 0, default: 30, description: 'Trailing window of production, in days (assumption: a month, as sales floors rank by month).' }),
    mode: str({
      values: ['rank', 'proportional'],
      default: 'rank',
      description: '"rank": agents ranked by funded deals in the window, the k-th ranked gets weights[k]; "proportional": share proportional to prior + funded deals in the window.',
    }),
    weights: arr(num({ min: 0 }), {
      minItems: 1,
      default: [3, 2, 1],
      description: 'rank mode: weight of the top producer, the second, ...; the last weight applies to all lower ranks. Agents tied in production share the mean weight of their ranks.',
    }),
    prior: num({ min: 0, default: 1, description: 'proportional mode: deals credited to every agent, so a new agent still gets leads.' }),
    skipOffShift: skipOffShift(),
    respectLimits: respectLimits(),
    queueOrder: queueOrder(),
  },
  { defaulted: true },
);

export type TopProducersOptions = Infer<typeof options>;

/** Funded deals of an agent in the trailing window ending at `now`. */
export function recentProduction(agent: AgentView, now: number, windowMinutes: number): number {
  const times = agent.fundedTimes;
  let k = 0;
  for (let i = times.length - 1; i >= 0 && times[i] > now - windowMinutes; i--) k++;
  return k;
}

/**
 * Each agent's weight under the top-producers rule, for the given productions (one per agent, in agent
 * order). In rank mode agents are ranked by production, highest first, and tied agents share the mean
 * weight of the ranks they span, so a tie never favours an agent by its position in the list.
 */
export function producerWeights(production: readonly number[], o: Pick<TopProducersOptions, 'mode' | 'weights' | 'prior'>): number[] {
  if (o.mode === 'proportional') return production.map((p) => o.prior + p);
  const n = production.length;
  const order = production.map((_, i) => i).sort((a, b) => production[b] - production[a] || a - b);
  const weightAt = (rank: number) => o.weights[Math.min(rank, o.weights.length - 1)];
  const out = new Array<number>(n);
  for (let r = 0; r < n; ) {
    let end = r;
    while (end + 1 < n && production[order[end + 1]] === production[order[r]]) end++;
    let sum = 0;
    for (let k = r; k <= end; k++) sum += weightAt(k);
    for (let k = r; k <= end; k++) out[order[k]] = sum / (end - r + 1);
    r = end + 1;
  }
  return out;
}

/**
 * Top producers: new leads go to agents at random in proportion to a weight set by their recent production
 * (funded deals in a trailing window), so the best closers get more of the inflow. Agents who cannot take
 * the lead now are passed over and the others' weights renormalize.
 */
export const topProducers: DistributionEntry<TopProducersOptions> = {
  name: 'top-producers',
  label: 'Top producers (share by recent production)',
  describe: 'Share of new leads by trailing production (rank weights or proportional to recent funded deals).',
  options,
  create(o): DistributionStrategy {
    const windowMinutes = o.windowDays * 1440;
    return {
      name: 'top-producers',
      queueOrder: o.queueOrder,
      assign(lead, ctx) {
        const list = ctx.agents;
        const weights = producerWeights(list.map((a) => recentProduction(a, ctx.now, windowMinutes)), o);
        let total = 0;
        for (let i = 0; i < list.length; i++) {
          if (weights[i] > 0 && eligible(list[i], lead, o, ctx.now)) total += weights[i];
          else weights[i] = 0;
        }
        if (total <= 0) return -1;
        let u = ctx.rng() * total;
        for (let i = 0; i < list.length; i++) {
          if (weights[i] <= 0) continue;
          u -= weights[i];
          if (u < 0) return i;
        }
        for (let i = list.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
        return -1;
      },
    };
  },
};
