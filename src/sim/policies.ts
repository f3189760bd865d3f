import type { Calendar } from './calendar';
import type { LeadStatus } from './lead';
import type { Rng } from './random';

/**
 * The interfaces through which policies steer the model. The model (src/sim) defines them and never
 * imports an implementation; src/strategies implements them and the scenario loader hands the chosen ones
 * to the runner. Views are read-only snapshots of model state.
 */

/** What a policy may see of an agent. */
export interface AgentView {
  readonly index: number;
  readonly name: string;
  readonly role: 'closer' | 'telemarketer';
  /** On shift at the current time. */
  readonly onShift: boolean;
  /** On a call (or wrapping up) right now. */
  readonly busy: boolean;
  readonly pipelineSize: number;
  readonly pipelineLimit: number;
  /** New leads received today (calendar day). */
  readonly newToday: number;
  readonly newLeadsPerDay: number;
  /** New leads the agent may have received by now today for a lead that has waited (the cap paced over the day's shift time); absent means newLeadsPerDay. */
  readonly newLeadsAllowedNow?: number;
  /** Takes only new leads that waited at most this many minutes (aged-lead routing); absent means any. */
  readonly maxLeadWaitMinutes?: number;
  /** New leads waiting in the agent's queue, not yet called. */
  readonly freshWaiting: number;
  /** Leads received over the whole run. */
  readonly leadsReceived: number;
  /** Funded deals, with the time each funded, most recent last. */
  readonly fundedTimes: readonly number[];
  /** Whether the agent may take leads of this source and product. */
  handles(source: string, product: string): boolean;
  /** Conversations the agent has had with leads of this source so far (its experience of the source). */
  conversationsWith?(source: string): number;
  /** Whether a callback in the agent's own pipeline is due now (the agent has pipeline work waiting). */
  readonly callbackDue?: boolean;
}

/** What a policy may see of a lead. */
export interface LeadView {
  readonly id: number;
  readonly createdAt: number;
  readonly source: string;
  readonly product: string;
  readonly status: LeadStatus;
  readonly attempts: number;
  readonly attemptsSinceContact: number;
  readonly conversationsInStatus: number;
  readonly statusSince: number;
  readonly firstContactAt: number;
  /** Whether the lead has ever been reached. */
  readonly everContacted: boolean;
  /** When the lead joined the queue of unassigned leads (its arrival, or its return from the drip). */
  readonly waitingSince: number;
}

/**
 * The agents who could take a new lead now (on shift, pipeline below its limit, today's new leads below the daily
 * cap), in agent order. An agent outside it refuses every lead under the usual limits; one inside may still refuse
 * (a paced cap, a source it does not take). Lets a strategy skip agents without room instead of asking each one.
 */
export interface AgentsWithRoomView {
  /** How many agents have room now. */
  readonly size: number;
  /** The first agent with room whose index is `from` or more, or -1. */
  next(from: number): number;
  /** The same for a lead that has waited: the agent must also be below its paced cap (newLeadsAllowedNow). */
  nextForWaited(from: number): number;
}

export interface DistributionContext {
  readonly now: number;
  readonly calendar: Calendar;
  readonly agents: readonly AgentView[];
  /** The agents with room now; absent where the caller keeps no such index. */
  readonly agentsWithRoom?: AgentsWithRoomView;
  /** A random stream for the strategy's own choices (e.g. weighted draws). */
  readonly rng: Rng;
}

/** What DistributionStrategy.assign returns to leave one lead waiting without refusing the others of its kind. */
export const SKIP_LEAD = -2;

/**
 * A lead distribution strategy (docs/design.md, Distribution patterns). One instance per run, so it may keep state
 * such as a round-robin pointer.
 */
export interface DistributionStrategy {
  readonly name: string;
  /**
   * Picks the agent for a new (or still waiting) lead: an agent index, or -1 to leave the lead waiting
   * unassigned. Called on arrival and again whenever capacity may have freed up. `lead` is reused between calls (an
   * offer is on the hot path): read it, do not keep it. After -1 the other waiting leads of the same source and
   * product are not offered until capacity changes; SKIP_LEAD leaves only this lead waiting, for a refusal that
   * depends on the lead itself (a grab bag's agents leave a lead of a source they do not like until it has aged).
   */
  assign(lead: LeadView, ctx: DistributionContext): number;
  /**
   * Offer waiting leads again each time an agent finishes a call (for strategies whose choice depends on
   * who is free right now, such as a hunt group). Otherwise they are offered again only when capacity
   * changes: a lead leaves a pipeline, a day starts, an agent comes on shift.
   */
  readonly redispatchWhenAgentFree?: boolean;
  /**
   * Offer waiting leads again this many minutes after one was refused, even if capacity did not change (for
   * rules that depend on how long a lead has waited).
   */
  readonly recheckAfterMinutes?: number;
  /**
   * The strategy only ever picks an agent with room (see AgentsWithRoomView) and has no side effect when it picks
   * none: while no agent has room, waiting leads are not offered at all.
   */
  readonly needsRoom?: boolean;
  /** Which waiting lead is offered first: the oldest (FIFO, default) or the newest (LIFO). */
  readonly queueOrder?: 'fifo' | 'lifo';
  /** Told when a lead has been given to an agent (by this strategy or another route). */
  assigned?(lead: LeadView, agent: number, ctx: DistributionContext): void;
  /**
   * A multiplier on the agent's conversion in a conversation with this lead, on top of its configured skill
   * (e.g. a learning curve over the agent's experience with the lead's source). Absent means 1.
   */
  skillMultiplier?(lead: LeadView, agent: AgentView): number;
  /**
   * After a conversation the strategy may take the lead back from the agent: it leaves the agent's pipeline
   * and returns to the distribution queue after `requeueAfterMinutes` (e.g. a mislabeled lead bouncing to
   * the right team). A lead handed out again after it was called is called by its new agent as soon as the
   * agent is free. `transferTo` hands the lead at once to that agent while the consumer is still on the line
   * (a hot transfer): the new agent's first call to it is answered. Undefined keeps the lead where it is.
   */
  afterConversation?(lead: LeadView, agent: AgentView, ctx: DistributionContext): { requeueAfterMinutes: number } | { transferTo: number } | undefined;
}

/** When the next call to a lead is due, or that its attempts in this status are used up. */
export type CallbackDecision =
  | { kind: 'call'; due: number; priority: number }
  | { kind: 'exhausted'; then: 'nurture' | 'lost' };

export interface CallbackContext {
  readonly now: number;
  readonly calendar: Calendar;
  /** A uniform draw from the lead's own stream, for the jitter of this interval. */
  readonly u: number;
}

/** A callback policy: the cadence per status (docs/design.md, Callback periods). */
export interface CallbackPolicy {
  readonly name: string;
  /**
   * Called after every attempt and every status change of an open lead. `lead` and `ctx` are reused between
   * calls (they are on the hot path): read them, do not keep them. Likewise the policy may return the same decision
   * object filled anew each time: the caller reads it before asking again.
   */
  next(lead: LeadView, ctx: CallbackContext): CallbackDecision;
}

export type PipelineVerdict = 'keep' | 'nurture' | 'drop';

/** The evaluation of a lead each time it is worked (docs/design.md, Pipeline management). */
export interface PipelineRules {
  readonly name: string;
  /** Called each time a lead is worked; `lead` is reused between calls: read it, do not keep it. */
  evaluate(lead: LeadView, agent: AgentView, now: number): PipelineVerdict;
}

/** The policies a run uses. */
export interface Policies {
  distribution: DistributionStrategy;
  callbacks: CallbackPolicy;
  pipeline: PipelineRules;
}

/** Builds fresh policy instances for one run (strategies may hold per-run state). */
export type PolicyFactory = () => Policies;

