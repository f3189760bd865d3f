import { MINUTES_PER_DAY } from '../sim/calendar';
import type { AgentView, LeadView, PipelineRules, PipelineVerdict } from '../sim/policies';

/**
 * The evaluation of a lead each time it is worked (DESIGN.md, Pipeline management: prune, nurture or keep).
 */
export interface PipelineRuleConfig {
  /** Conversations in "contacted" without an application before the lead goes to nurture. */
  nurtureAfterConversations: number;
  /** Days after which an open lead that never reached application is dropped. */
  dropAfterDays: number;
  /**
   * When the agent's pipeline is at its limit, contacted leads with at least this many conversations are
   * moved to nurture to make room (0 = never prune for room).
   */
  pruneAtLimitAfterConversations: number;
}

/** Defaults (assumption, from the field's rule of thumb that a lead not progressing after a few real conversations belongs in a drip). */
export const DEFAULT_PIPELINE_RULES: PipelineRuleConfig = {
  nurtureAfterConversations: 4,
  dropAfterDays: 60,
  pruneAtLimitAfterConversations: 2,
};

/** The pipeline rules a run uses. */
export function pipelineRules(config: PipelineRuleConfig): PipelineRules {
  return {
    name: 'standard',
    evaluate(lead: LeadView, agent: AgentView, now: number): PipelineVerdict {
      const early = lead.status === 'new' || lead.status === 'attempted' || lead.status === 'contacted';
      if (early && now - lead.createdAt > config.dropAfterDays * MINUTES_PER_DAY) return 'drop';
      if (lead.status === 'contacted') {
        if (lead.conversationsInStatus >= config.nurtureAfterConversations) return 'nurture';
        if (config.pruneAtLimitAfterConversations > 0 && agent.pipelineSize >= agent.pipelineLimit && lead.conversationsInStatus >= config.pruneAtLimitAfterConversations) {
          return 'nurture';
        }
      }
      return 'keep';
    },
  };
}
