import { SKIP_LEAD, type DistributionStrategy } from '../../sim/policies';
import { arr, num, obj, str, type Infer } from '../../schema';
import { queueOrder, respectLimits } from './sharedOptions';
import { hasRoom, type DistributionEntry } from './strategy';

const options = obj(
  {
    prefer: arr(str(), {
      default: [],
      description: 'Sources agents cherry-pick: leads of these sources are taken at once, others only after they have sat in the pool for `otherAfterMinutes` (empty = no cherry-picking).',
    }),
    otherAfterMinutes: num({ min: 0, default: 60, description: 'Minutes a lead of a source not preferred sits in the pool before agents will take it (assumption).' }),
    respectLimits: respectLimits('Agents at their pipeline limit or daily new-lead limit do not pick.'),
    queueOrder: queueOrder('Which lead of the pool an agent picks first: "lifo" the freshest (default: an agent who sees the pool takes the lead most likely to answer), "fifo" the oldest.'),
  },
  { defaulted: true },
);

/**
 * Grab bag: new leads go into one shared pool, and an agent picks from it only when it breaks from its own
 * pipeline: on shift, not on a call, no fresh lead of its own uncalled and no callback due. Agents see the
 * lead's source and cherry-pick the ones they like; the rest sit until they have aged past a threshold. Leads
 * in the pool age, and their chance of being answered falls with them. An agent picks the freshest lead it likes
 * (queueOrder "lifo"): a pool handed out oldest first gave each break's pick to the lead that had cooled longest, so
 * that buying more leads funded fewer loans (the default floor at 80 leads a day funded 37 against 59 at 40;
 * test/sim/volumeProperty.test.ts).
 */
export const grabBag: DistributionEntry<Infer<typeof options>> = {
  name: 'grab-bag',
  label: 'Grab bag (a shared pool agents pick from on a break)',
  describe: 'A shared pool; agents pick from it when they break from their pipeline, cherry-picking by source.',
  options,
  refersTo: (o) => o.prefer.map((name, i) => ({ path: ['prefer', i], kind: 'source', name })),
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const preferred = new Set(o.prefer);
    let start = 0;
    return {
      name: 'grab-bag',
      queueOrder: o.queueOrder,
      redispatchWhenAgentFree: true,
      // Leads not preferred become acceptable as they age, so the pool is looked at again every few minutes.
      recheckAfterMinutes: preferred.size > 0 ? Math.max(1, Math.min(5, o.otherAfterMinutes)) : undefined,
      assign(lead, ctx) {
        // A lead of a source not preferred waits until it has aged; older leads of its kind may be taken meanwhile.
        if (preferred.size > 0 && !preferred.has(lead.source) && ctx.now - lead.createdAt < o.otherAfterMinutes) return SKIP_LEAD;
        const list = ctx.agents;
        for (let k = 0; k < n; k++) {
          const i = (start + k) % n;
          const a = list[i];
          if (a.busy || !a.onShift || a.freshWaiting > 0 || a.callbackDue) continue;
          if (!a.handles(lead.source, lead.product) || (o.respectLimits && !hasRoom(a, lead, ctx.now))) continue;
          // The next pick starts after this agent, so no one agent drains the pool.
          start = (i + 1) % n;
          return i;
        }
        return -1;
      },
    };
  },
};
