import { MINUTES_PER_DAY } from '../sim/calendar';
import type { AgentView, LeadView, PipelineRules, PipelineVerdict } from '../sim/policies';

/**
 * The evaluation of a lead each time it is worked (docs/design.md, Pipeline management: prune, nurture or keep).
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
  /**
   * When the agent's pipeline is at its limit, never-reached leads with at least this many unanswered attempts
   * are moved to nurture to make room for fresh ones (0 = never).
   */
  pruneAtLimitAfterAttempts: number;
}

/**
 * Defaults. Conversations and days: assumption, from the field's rule of thumb that a lead not progressing after a
 * few real conversations belongs in a drip. Attempts: the Leads360 and Velocify 2012 studies find about 93% of
 * first contacts by the 6th attempt, so a full pipeline makes room by dropping leads still unreached after 6.
 */
export const DEFAULT_PIPELINE_RULES: PipelineRuleConfig = {
  nurtureAfterConversations: 4,
  dropAfterDays: 60,
  pruneAtLimitAfterConversations: 2,
  pruneAtLimitAfterAttempts: 6,
};

/** The pipeline rules a run uses. */
export function pipelineRules(config: PipelineRuleConfig): PipelineRules {
  return {
    name: 'standard',
    evaluate(lead: LeadView, agent: AgentView, now: number): PipelineVerdict {
      const early = lead.status === 'new' || lead.status === 'attempted' || lead.status === 'contacted';
      if (early && now - lead.createdAt > config.dropAfterDays * MINUTES_PER_DAY) return 'drop';
      const atLimit = agent.pipelineSize >= agent.pipelineLimit;
      if (atLimit && lead.status === 'attempted' && config.pruneAtLimitAfterAttempts > 0 && lead.attemptsSinceContact >= config.pruneAtLimitAfterAttempts) return 'nurture';
      if (lead.status === 'contacted') {
        if (lead.conversationsInStatus >= config.nurtureAfterConversations) return 'nurture';
        if (config.pruneAtLimitAfterConversations > 0 && atLimit && lead.conversationsInStatus >= config.pruneAtLimitAfterConversations) {
          return 'nurture';
        }
      }
      return 'keep';
    },
  };
}
