import type { DistributionStrategy } from '../../sim/policies';
import { bool, num, obj, optional, type Infer } from '../../schema';
import { queueOrder } from './sharedOptions';
import { underDailyCap, type DistributionEntry } from './strategy';

const options = obj(
  {
    wipLimit: optional(num({
      int: true,
      min: 1,
      description: 'Work-in-progress limit: an agent pulls a new lead only while its pipeline is below this (default: the agent\'s own pipelineLimit).',
    })),
    respectDailyLimit: bool({ default: true, description: 'Also stop pulling at the agent\'s daily new-lead limit.' }),
    queueOrder: queueOrder('Which waiting lead is pulled first: "lifo" the freshest (default), "fifo" the oldest.'),
  },
  { defaulted: true },
);

/**
 * Pull / lean: leads wait unassigned in one queue; an agent pulls the next one only when it has time now
 * (on shift, not on a call, no fresh lead of its own still uncalled) and its pipeline is under its
 * work-in-progress limit. Among agents who may pull, the one with the smallest pipeline goes first.
 */
export const pull: DistributionEntry<Infer<typeof options>> = {
  name: 'pull',
  label: 'Pull / lean (agent takes a lead when it has room and time)',
  describe: 'An agent pulls a new lead only when its pipeline is under its WIP limit and it is free now.',
  options,
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    return {
      name: 'pull',
      queueOrder: o.queueOrder,
      redispatchWhenAgentFree: true,
      assign(lead, ctx) {
        const list = ctx.agents;
        let best = -1;
        for (let i = 0; i < n; i++) {
          const a = list[i];
          const limit = Math.min(o.wipLimit ?? a.pipelineLimit, a.pipelineLimit);
          if (a.busy || !a.onShift || a.freshWaiting > 0 || a.pipelineSize >= limit) continue;
          if (o.respectDailyLimit && !underDailyCap(a, lead, ctx.now)) continue;
          if (!a.handles(lead.source, lead.product) || ctx.now - lead.waitingSince > (a.maxLeadWaitMinutes ?? Infinity)) continue;
          if (best < 0 || a.pipelineSize < list[best].pipelineSize) best = i;
        }
        return best;
      },
    };
  },
};
