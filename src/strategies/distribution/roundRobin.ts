import type { DistributionStrategy } from '../../sim/policies';
import { arr, num, obj, optional, refine, show, type Infer } from '../../schema';
import { queueOrder, skipOffShift, respectLimits } from './sharedOptions';
import { eligible, FRESH_LEAD_MINUTES, StrategyOptionsError, type DistributionEntry } from './strategy';

const options = obj(
  {
    skipOffShift: skipOffShift('Pass over agents who are off shift (the lead waits for the next agent on shift).'),
    respectLimits: respectLimits(),
    weights: optional(
      refine(arr(num({ min: 0 }), { description: 'Weighted variant: relative share per agent, in agent order (after `count` expansion).' }), (w, report) => {
        if (w.every((x) => x === 0)) report([], `expected at least one weight above 0, got ${show(w)}`);
      }),
    ),
    queueOrder: queueOrder(),
  },
  { defaulted: true },
);

/**
 * Round robin: leads go to agents in turn, passing over those who cannot take the lead now. The weighted
 * variant uses smooth weighted round robin (the nginx algorithm): over any run of leads each agent's count
 * stays within one of its weighted share.
 */
export const roundRobin: DistributionEntry<Infer<typeof options>> = {
  name: 'round-robin',
  label: 'Round robin (take turns)',
  describe: 'Leads go to agents in turn; optionally weighted; skips agents off shift or at their limits.',
  options,
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const weights = o.weights ?? new Array<number>(n).fill(1);
    if (weights.length !== n) throw new StrategyOptionsError(['weights'], `expected ${n} weights (one per agent, after \`count\` expansion), got ${weights.length}`);
    const current = new Array<number>(n).fill(0);
    let next = 0;
    return {
      name: 'round-robin',
      queueOrder: o.queueOrder,
      needsRoom: o.skipOffShift && o.respectLimits,
      assign(lead, ctx) {
        const agents = ctx.agents;
        const room = o.skipOffShift && o.respectLimits ? ctx.agentsWithRoom : undefined;
        // Only agents with room can be eligible: visiting them alone, in the same order, picks the same agent.
        if (room && !o.weights) {
          const waited = ctx.now - lead.waitingSince > FRESH_LEAD_MINUTES;
          for (let i = waited ? room.nextForWaited(next) : room.next(next); i >= 0; i = waited ? room.nextForWaited(i + 1) : room.next(i + 1)) {
            if (eligible(agents[i], lead, o, ctx.now)) {
              next = (i + 1) % n;
              return i;
            }
          }
          for (let i = waited ? room.nextForWaited(0) : room.next(0); i >= 0 && i < next; i = waited ? room.nextForWaited(i + 1) : room.next(i + 1)) {
            if (eligible(agents[i], lead, o, ctx.now)) {
              next = (i + 1) % n;
              return i;
            }
          }
          return -1;
        }
        if (!o.weights) {
          for (let k = 0; k < n; k++) {
            const i = (next + k) % n;
            if (eligible(agents[i], lead, o, ctx.now)) {
              next = (i + 1) % n;
              return i;
            }
          }
          return -1;
        }
        // Smooth weighted round robin over the eligible agents.
        let total = 0, best = -1;
        for (let i = room ? room.next(0) : 0; i >= 0 && i < n; i = room ? room.next(i + 1) : i + 1) {
          if (weights[i] <= 0 || !eligible(agents[i], lead, o, ctx.now)) continue;
          current[i] += weights[i];
          total += weights[i];
          if (best < 0 || current[i] > current[best]) best = i;
        }
        if (best >= 0) current[best] -= total;
        return best;
      },
    };
  },
};
