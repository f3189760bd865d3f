import type { DistributionStrategy } from '../../sim/policies';
import { obj, str, type Infer } from '../../schema';
import type { DistributionEntry } from './strategy';

const options = obj(
  {
    order: str({
      values: ['in-turn', 'random'],
      default: 'in-turn',
      description: 'Who gets the next lead: agents in turn, or one drawn at random (a lead emailed to the whole list, first to open it wins).',
    }),
  },
  { defaulted: true },
);

/**
 * Push: every lead is assigned the moment it arrives, like an email to the agent's inbox, whether or not the
 * agent is on shift, free, or at its pipeline limit. Only the agent's source and product permissions are
 * respected. With a small team and a big inflow pipelines outgrow what the callback schedule can serve (the
 * field's warning: agents burn through new leads and abandon old ones).
 */
export const push: DistributionEntry<Infer<typeof options>> = {
  name: 'push',
  label: 'Push (assign on arrival, regardless of capacity)',
  describe: 'Assign every lead on arrival, regardless of shift and capacity (email-like).',
  options,
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    let next = 0;
    return {
      name: 'push',
      assign(lead, ctx) {
        const list = ctx.agents;
        if (o.order === 'random') {
          let count = 0;
          for (const a of list) if (a.handles(lead.source, lead.product)) count++;
          let pick = Math.floor(ctx.rng() * count);
          for (let i = 0; i < n; i++) if (list[i].handles(lead.source, lead.product) && pick-- === 0) return i;
          return -1;
        }
        for (let k = 0; k < n; k++) {
          const i = (next + k) % n;
          if (list[i].handles(lead.source, lead.product)) {
            next = (i + 1) % n;
            return i;
          }
        }
        return -1;
      },
    };
  },
};
