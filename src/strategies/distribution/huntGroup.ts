import type { DistributionStrategy } from '../../sim/policies';
import { obj, str, type Infer } from '../../schema';
import { queueOrder, respectLimits } from './sharedOptions';
import { eligible, type DistributionEntry } from './strategy';

const options = obj(
  {
    hunt: str({
      values: ['first', 'circular'],
      default: 'first',
      description: 'Order in which the group is hunted: always from the first agent ("first", a terminal hunt group) or from the agent after the last one who took a lead ("circular", spreads the load).',
    }),
    respectLimits: respectLimits(),
    queueOrder: queueOrder('Which waiting lead a freed agent takes first: "fifo" (default) first come, first served, the M/M/c queue; "lifo" the freshest.', 'fifo'),
  },
  { defaulted: true },
);

/**
 * Hunt group: the first available agent takes the lead at once (on shift, not on a call, nothing fresh
 * still waiting in its own queue); if no agent is free the lead waits in one shared queue and goes to the
 * next agent who finishes a call. With every call answered and one call per lead this is the M/M/c queue,
 * so its waits follow Erlang C.
 */
export const huntGroup: DistributionEntry<Infer<typeof options>> = {
  name: 'hunt-group',
  label: 'Hunt group (first free agent)',
  describe: 'The first free agent takes the lead at once; if none is free the lead waits in a shared queue.',
  options,
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const switches = { skipOffShift: true, respectLimits: o.respectLimits };
    let start = 0;
    return {
      name: 'hunt-group',
      queueOrder: o.queueOrder,
      redispatchWhenAgentFree: true,
      assign(lead, ctx) {
        const list = ctx.agents;
        for (let k = 0; k < n; k++) {
          const i = (start + k) % n;
          const a = list[i];
          if (a.busy || a.freshWaiting > 0 || !eligible(a, lead, switches, ctx.now)) continue;
          if (o.hunt === 'circular') start = (i + 1) % n;
          return i;
        }
        return -1;
      },
    };
  },
};
