import type { AgentView, DistributionStrategy } from '../../sim/policies';
import { num, obj, type Infer } from '../../schema';
import { respectLimits } from './sharedOptions';
import { eligible, type DistributionEntry } from './strategy';

const options = obj(
  {
    callbackMinutes: num({ min: 0, default: 60, description: 'When no closer is free, minutes until the qualified lead is handed to a closer as a scheduled callback (assumption).' }),
    respectLimits: respectLimits(),
  },
  { defaulted: true },
);

/** A closer who can take a transfer this instant: on shift, off the phone, nothing of its own waiting. */
function freeCloser(a: AgentView): boolean {
  return a.role === 'closer' && a.onShift && !a.busy && a.freshWaiting === 0 && !a.callbackDue && a.pipelineSize < a.pipelineLimit;
}

/**
 * Telemarketing warm-up: new leads go to fast pre-qualifiers (agents with role "telemarketer"), in turn. When a
 * pre-qualifier reaches the consumer and the lead is still in play, it is hot-transferred to a closer who is
 * free at that moment, with the consumer on the line; if no closer is free the lead goes to a closer as a
 * scheduled callback `callbackMinutes` later. With no telemarketers, closers take new leads directly.
 */
export const telemarketingWarmUp: DistributionEntry<Infer<typeof options>> = {
  name: 'telemarketing-warm-up',
  label: 'Telemarketing warm-up (pre-qualifiers hot-transfer to closers)',
  describe: 'Pre-qualifiers call first and hot-transfer qualified leads to a free closer; else a scheduled closer callback.',
  options,
  create(o, agents): DistributionStrategy {
    const n = agents.length;
    const hasTelemarketers = agents.some((a) => a.role === 'telemarketer');
    const switches = { skipOffShift: true, respectLimits: o.respectLimits };
    let nextTm = 0, nextCloser = 0, nextTransfer = 0;
    const inTurn = (list: readonly AgentView[], start: number, ok: (a: AgentView) => boolean): number => {
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        if (ok(list[i])) return i;
      }
      return -1;
    };
    return {
      name: 'telemarketing-warm-up',
      assign(lead, ctx) {
        // Leads not yet reached go to the pre-qualifiers; qualified ones (requeued) go to the closers.
        const wantTm = hasTelemarketers && !lead.everContacted;
        const i = inTurn(ctx.agents, wantTm ? nextTm : nextCloser, (a) => (a.role === 'telemarketer') === wantTm && eligible(a, lead, switches, ctx.now));
        if (i >= 0) {
          if (wantTm) nextTm = (i + 1) % n;
          else nextCloser = (i + 1) % n;
        }
        return i;
      },
      afterConversation(_lead, agent, ctx) {
        if (agent.role !== 'telemarketer') return undefined;
        const i = inTurn(ctx.agents, nextTransfer, (a) => freeCloser(a) && a.handles(_lead.source, _lead.product));
        if (i >= 0) {
          nextTransfer = (i + 1) % n;
          return { transferTo: i };
        }
        return { requeueAfterMinutes: o.callbackMinutes };
      },
    };
  },
};
