import type { Lead, LeadStatus } from './lead';
import type { ModelConfig } from './modelConfig';

/**
 * Where a measured lead that did not fund was lost, one bucket per lead (docs/design.md, "Where production is
 * lost"). Buckets plus funded add up to the leads of the measured window, exactly.
 */
export type LossBucket =
  | 'never-called-or-late'
  | 'unreached'
  | 'competitor'
  | 'not-interested'
  | 'pipeline-rules'
  | 'aged-out'
  | 'nurture'
  | 'withdrawn'
  | 'failed-at-closing'
  | 'still-open';

/**
 * Minutes after arrival within which a first call counts as prompt. Five minutes: the LRM 2007 study (docs/assumptions.md, figure 1: its first bucket is 0-5 minutes)
 * finds the odds of contact and qualification fall sharply after the first five minutes, and HBR 2011 reports the same
 * window.
 */
export const SPEED_TO_LEAD_MINUTES = 5;

/** Every bucket, in funnel order (the order tables and charts list them). */
export const LOSS_BUCKETS: readonly LossBucket[] = ['never-called-or-late', 'unreached', 'competitor', 'not-interested', 'pipeline-rules', 'aged-out', 'nurture', 'withdrawn', 'failed-at-closing', 'still-open'];

/** What each bucket holds, in the field's words. */
export const LOSS_BUCKET_INFO: Record<LossBucket, { label: string; describe: string }> = {
  'never-called-or-late': { label: 'Never called or called late', describe: `Never reached, and never called or first called more than ${SPEED_TO_LEAD_MINUTES} minutes after arrival (the speed-to-lead window).` },
  unreached: { label: 'Unreached after the cadence', describe: 'Called within the speed-to-lead window (or reached once, then lost touch) and not reached again before the cadence\'s attempts ran out.' },
  competitor: { label: 'Lost to a competitor', describe: 'A competitor reached the consumer first and won them, or closed them before we reached them or between our follow-ups.' },
  'not-interested': { label: 'Not interested / do not call', describe: 'Said no, asked not to be called again, or opted out of the drip.' },
  'pipeline-rules': { label: 'Dropped or pruned by pipeline rules', describe: 'Dropped as too old, or moved to nurture by a pipeline rule (conversations without an application, pruning at the limit) and never back.' },
  'aged-out': { label: 'Aged out unassigned', describe: 'Waited unassigned past backlog.maxWaitHours (or was passed over at full capacity), went to the drip and never came back.' },
  nurture: { label: 'Parked in nurture or the drip', describe: 'Reached but not ready, or routed to the marketing drip by its score, and never returned to sales.' },
  withdrawn: { label: 'Application withdrawn / lock expired', describe: 'Applied, then withdrew, walked on an expired rate lock, or was not reached again during processing.' },
  'failed-at-closing': { label: 'Failed at closing', describe: 'Reached closing and fell through (appraisal, title, conditions, or the borrower declined).' },
  'still-open': { label: 'Still open at the end', describe: 'Still in a pipeline or waiting for an agent when the run ended.' },
};

/** One bucket's toll in one run. */
export interface LossLine {
  leads: number;
  /** Price paid for those leads. */
  leadCost: number;
  /**
   * Revenue the leads would have brought had they converted like the run's leads that reached the same stage:
   * each lead counts P(funded | reached its furthest stage) x its product's revenue per funded loan.
   */
  lostRevenue: number;
}

/** The losses of one run. */
export interface LossAttribution {
  /** Leads of the measured window and those that funded: leads = funded + the sum of buckets' leads. */
  leads: number;
  funded: number;
  buckets: Record<LossBucket, LossLine>;
  /** Lost leads per agent (the agent who held the lead when it was lost or parked), in the run's agent order. */
  byAgent: { name: string; buckets: Record<LossBucket, number> }[];
  /** Lost leads no agent held (aged out or left waiting, or never handed to sales from the drip). */
  unassigned: Record<LossBucket, number>;
}

/** Stages a lost lead's value is counted from: never reached, contacted, application, closing. */
const STAGES = 4;
type ParkedCause = 'aged-out' | 'pipeline-rules' | 'nurture';

/** A never-reached lead: late (or never called) or merely unreached, by when its first call came. */
function unreachedBucket(lead: Lead): LossBucket {
  return lead.firstAttemptAt < 0 || lead.firstAttemptAt - lead.createdAt > SPEED_TO_LEAD_MINUTES ? 'never-called-or-late' : 'unreached';
}

/** The bucket of a lead lost with `reason` while in status `from`. */
export function lostBucket(lead: Lead, from: LeadStatus, reason: string | undefined): LossBucket {
  switch (reason) {
    case 'competitor':
      return 'competitor';
    case 'not-interested':
    case 'do-not-call':
    case 'opted-out':
      return 'not-interested';
    case 'dropped':
      return 'pipeline-rules';
    case 'withdrawn':
    case 'lock-expired':
      return 'withdrawn';
    case 'declined':
      return 'failed-at-closing';
    default:
      // Cadence exhausted: by the stage the attempts ran out in.
      if (from === 'closing') return 'failed-at-closing';
      if (from === 'application') return 'withdrawn';
      return lead.firstContactAt < 0 ? unreachedBucket(lead) : 'unreached';
  }
}

/** The bucket of a lead that was in nurture (or the drip) at the end of the run. */
export function parkedBucket(lead: Lead, cause: ParkedCause): LossBucket {
  if (cause !== 'nurture') return cause;
  // Routed to the drip on arrival and never handed to sales: the drip's loss, not the callers'.
  if (lead.firstAttemptAt < 0 && lead.routedTo === 'marketing') return 'nurture';
  // Parked by the cadence before anyone reached the consumer: the cadence's attempts ran out.
  return lead.firstContactAt < 0 ? unreachedBucket(lead) : 'nurture';
}

interface Live {
  /** The agent who held the lead when it was parked (-1: none). */
  agent: number;
  parked: ParkedCause;
  /** The furthest stage reached: 0 never reached, 1 contacted, 2 application, 3 closing. */
  stage: number;
}

/**
 * Follows the measured leads of one run to their end and puts each that did not fund in one bucket. Called by the
 * metrics collector; pure (no DOM, no Node).
 */
export class LossLedger {
  private readonly live = new Map<Lead, Live>();
  /** Lost leads by bucket, stage and product (built with push, so that every run's arrays are of one kind: issue 16). */
  private readonly counts: Float64Array[][] = [];
  private readonly costs = new Float64Array(LOSS_BUCKETS.length);
  // Counts are typed arrays, and arrays of them are built with push: an array made by `new Array(n).fill(0)` or by
  // map() in compiled code (this constructor, once a sweep has run it often enough) is not always of the kind the
  // interpreter makes, and code compiled for one kind was thrown away when the other came (issue 16). The same for
  // the tables of finish().
  private readonly byAgent: Float64Array[] = [];
  private readonly unassigned = new Float64Array(LOSS_BUCKETS.length);
  /** A cause announced just before the lead's move to nurture (aged out, a pipeline rule). */
  private pending: { lead: Lead; cause: ParkedCause } | undefined;
  private funded = 0;
  private leads = 0;
  private readonly reached = new Float64Array(STAGES);

  constructor(
    private readonly config: ModelConfig,
    private readonly agentNames: readonly string[],
  ) {
    for (let b = 0; b < LOSS_BUCKETS.length; b++) {
      const perStage: Float64Array[] = [];
      for (let s = 0; s < STAGES; s++) perStage.push(new Float64Array(config.products.length));
      this.counts.push(perStage);
    }
    for (let i = 0; i < agentNames.length; i++) this.byAgent.push(new Float64Array(LOSS_BUCKETS.length));
  }

  onArrival(lead: Lead): void {
    if (!lead.counted) return;
    this.leads++;
    this.reached[0]++;
    this.live.set(lead, { agent: -1, parked: 'nurture', stage: 0 });
  }

  /** The next move of `lead` to nurture has this cause. */
  announceParking(lead: Lead, cause: ParkedCause): void {
    if (lead.counted) this.pending = { lead, cause };
  }

  onStatus(lead: Lead, from: LeadStatus, to: LeadStatus): void {
    if (!lead.counted) return;
    const live = this.live.get(lead);
    if (!live) return;
    const stage = to === 'closing' ? 3 : to === 'application' ? 2 : to === 'contacted' ? 1 : -1;
    if (stage > live.stage) {
      for (let s = live.stage + 1; s <= stage; s++) this.reached[s]++;
      live.stage = stage;
    }
    if (to === 'nurture') {
      live.agent = lead.agent;
      live.parked = this.pending?.lead === lead ? this.pending.cause : 'nurture';
    } else if (to === 'funded') {
      this.funded++;
      this.live.delete(lead);
    } else if (to === 'lost') {
      this.add(lostBucket(lead, from, lead.lostReason), lead, lead.agent, live.stage);
      this.live.delete(lead);
    }
    this.pending = undefined;
  }

  /** Counts a lead lost in `bucket` from its furthest stage (the caller has the lead's Live record at hand). */
  private add(bucket: LossBucket, lead: Lead, agent: number, stage: number): void {
    const b = LOSS_BUCKETS.indexOf(bucket);
    this.counts[b][stage][lead.product]++;
    this.costs[b] += this.config.sources[lead.source].cost;
    if (agent >= 0) this.byAgent[agent][b]++;
    else this.unassigned[b]++;
  }

  /** Classifies the leads still open or parked, and prices every bucket at the run's own stage conversion. */
  finish(): LossAttribution {
    // forEach, in the same insertion order: for-of would build an entry array per lead, in code that runs once.
    this.live.forEach((live, lead) => {
      if (lead.status === 'nurture') this.add(parkedBucket(lead, live.parked), lead, live.agent, live.stage);
      else this.add('still-open', lead, lead.agent, live.stage);
    });
    this.live.clear();
    // P(funded | reached stage s): every funded lead passed through every stage, so it is funded / reached(s).
    const conversion = Float64Array.from(this.reached, (n) => (n > 0 ? this.funded / n : 0));
    const revenue = Float64Array.from(this.config.products, (p) => p.revenuePerFunded);
    const buckets = Object.fromEntries(
      LOSS_BUCKETS.map((bucket, b) => {
        let leads = 0, lostRevenue = 0;
        for (let s = 0; s < STAGES; s++) {
          for (let p = 0; p < revenue.length; p++) {
            const n = this.counts[b][s][p];
            leads += n;
            lostRevenue += n * conversion[s] * revenue[p];
          }
        }
        return [bucket, { leads, leadCost: this.costs[b], lostRevenue }];
      }),
    ) as Record<LossBucket, LossLine>;
    const named = (row: Float64Array) => Object.fromEntries(LOSS_BUCKETS.map((bucket, b) => [bucket, row[b]])) as Record<LossBucket, number>;
    return {
      leads: this.leads,
      funded: this.funded,
      buckets,
      byAgent: this.agentNames.map((name, a) => ({ name, buckets: named(this.byAgent[a]) })),
      unassigned: named(this.unassigned),
    };
  }
}
