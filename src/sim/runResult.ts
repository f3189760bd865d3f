import type { LossAttribution } from './lossAttribution';

/**
 * Results of one run, as plain records and columns so the command line, the page, the notebooks and the
 * charts share them without adapters. Rates are shares of the leads that arrived in the measured window
 * (after warm-up); times are minutes.
 */
export interface RunResult {
  seed: string;
  /** Headline numbers; see METRICS for what each one means. NaN where undefined (e.g. cost per funded with none funded). */
  metrics: Record<MetricName, number>;
  /** Leads of the measured window by the furthest stage they reached, and lost leads by reason. */
  funnel: FunnelCounts;
  /** attempts[k] = leads with at least k + 1 attempts; firstContacts[k] = leads first reached on attempt k + 1. */
  byAttempt: { attempts: number[]; firstContacts: number[]; fundedByFirstContactAttempt: number[] };
  agents: AgentResult[];
  daily: DailySeries;
  /** Histograms of minutes to first attempt and to first contact (bins in {@link TIME_BINS}). */
  distributions: { minutesToFirstAttempt: number[]; minutesToContact: number[] };
  /** Where the leads that did not fund were lost (src/sim/lossAttribution.ts): one bucket per lead. */
  losses: LossAttribution;
  /** Engine events executed. */
  events: number;
}

export interface FunnelCounts {
  leads: number;
  attempted: number;
  contacted: number;
  application: number;
  closing: number;
  funded: number;
  nurture: number;
  lost: Record<string, number>;
  /** Still open at the end of the run. */
  open: number;
}

export interface AgentResult {
  name: string;
  role: string;
  /** New leads given to the agent in the measured window. */
  leadsReceived: number;
  attempts: number;
  contacts: number;
  applications: number;
  funded: number;
  /** Share of on-shift minutes spent on calls. */
  utilization: number;
  meanPipeline: number;
  maxPipeline: number;
  /** Calls placed later than an hour after they were due. */
  overdueCallbacks: number;
}

/** Daily columns; `pipelineByAgent[a][d]` is agent a's pipeline at the start of day d. */
export interface DailySeries {
  date: string[];
  arrivals: number[];
  attempts: number[];
  contacts: number[];
  applications: number[];
  funded: number[];
  pipeline: number[];
  waiting: number[];
  pipelineByAgent: number[][];
}

/** Upper edges (minutes) of the histogram bins for time distributions; the last bin is open. */
export const TIME_BINS: readonly number[] = [1, 5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080, Infinity];

export type MetricName =
  | 'leads'
  | 'contactRate'
  | 'applicationRate'
  | 'fundedRate'
  | 'funded'
  | 'meanMinutesToFirstAttempt'
  | 'medianMinutesToFirstAttempt'
  | 'shareFirstAttemptDelayed'
  | 'meanMinutesToContact'
  | 'attemptsPerLead'
  | 'spoiledShare'
  | 'neverAttemptedShare'
  | 'overdueCallbackShare'
  | 'meanPipeline'
  | 'agentUtilization'
  | 'leadsPerAgentGini'
  | 'lostToCompetitorShare'
  | 'nurtureShare'
  | 'doNotCallShare'
  | 'spamLabeledShare'
  | 'agedOutShare'
  | 'pullThrough'
  | 'fundedInLastWeekShare'
  | 'leadCost'
  | 'agentCost'
  | 'fulfillmentCost'
  | 'revenue'
  | 'costPerFunded'
  | 'roi'
  | 'routedToMarketingShare'
  | 'returnedFromMarketingShare'
  | 'optedOutShare'
  | 'dripEmailsPerLead'
  | 'fundedViaSales'
  | 'fundedViaMarketing';

/** Metrics a run reports only when its scenario sets `scoring` (lead scoring and the marketing drip). */
export const SCORING_METRICS: readonly MetricName[] = ['routedToMarketingShare', 'returnedFromMarketingShare', 'optedOutShare', 'dripEmailsPerLead', 'fundedViaSales', 'fundedViaMarketing'];

/** What each metric means, for tables, reports and the schema docs. */
/**
 * Each metric's label, unit and description, and which way is better: `higherIsBetter` is null for volumes and
 * mechanisms that are neither better nor worse in themselves (leads bought, attempts made, pipeline size, utilization,
 * the spread of leads, costs that grow with funded loans), whose differences are called higher or lower instead.
 */
export const METRICS: Record<MetricName, { label: string; unit: 'count' | 'share' | 'minutes' | 'money' | 'ratio'; describe: string; higherIsBetter: boolean | null }> = {
  leads: { label: 'Leads', unit: 'count', describe: 'Leads that arrived in the measured window (after warm-up).', higherIsBetter: null },
  contactRate: { label: 'Contact rate', unit: 'share', describe: 'Share of leads reached at least once.', higherIsBetter: true },
  applicationRate: { label: 'Application rate', unit: 'share', describe: 'Share of leads that reached application.', higherIsBetter: true },
  fundedRate: { label: 'Funded rate', unit: 'share', describe: 'Share of leads that funded.', higherIsBetter: true },
  funded: { label: 'Funded', unit: 'count', describe: 'Leads of the window that funded.', higherIsBetter: true },
  meanMinutesToFirstAttempt: { label: 'Mean time to first attempt', unit: 'minutes', describe: 'Mean delay from arrival to the first call, over leads called.', higherIsBetter: false },
  medianMinutesToFirstAttempt: { label: 'Median time to first attempt', unit: 'minutes', describe: 'Median delay from arrival to the first call over the leads of the window, a lead never called counting as later than any (no value when half or more were never called).', higherIsBetter: false },
  shareFirstAttemptDelayed: { label: 'First call delayed', unit: 'share', describe: 'Share of leads not called the moment they arrived (never-called leads included).', higherIsBetter: false },
  meanMinutesToContact: { label: 'Mean time to contact', unit: 'minutes', describe: 'Mean delay from arrival to the first conversation, over leads reached.', higherIsBetter: false },
  attemptsPerLead: { label: 'Attempts per lead', unit: 'ratio', describe: 'Call attempts per lead of the window.', higherIsBetter: null },
  spoiledShare: { label: 'Spoiled', unit: 'share', describe: 'Share of leads not called within 24 hours of arrival (never called included).', higherIsBetter: false },
  neverAttemptedShare: { label: 'Never called', unit: 'share', describe: 'Share of leads never called by the end of the run.', higherIsBetter: false },
  overdueCallbackShare: { label: 'Overdue callbacks', unit: 'share', describe: 'Share of callbacks placed more than an hour after they were due.', higherIsBetter: false },
  meanPipeline: { label: 'Mean pipeline', unit: 'count', describe: 'Open leads per agent, averaged over days of the window.', higherIsBetter: null },
  agentUtilization: { label: 'Agent utilization', unit: 'share', describe: 'Share of on-shift time spent on calls and wrap-up.', higherIsBetter: null },
  leadsPerAgentGini: { label: 'Lead spread (Gini)', unit: 'ratio', describe: 'Gini coefficient of new leads received per agent: 0 is equal shares.', higherIsBetter: null },
  lostToCompetitorShare: { label: 'Lost to competitor', unit: 'share', describe: 'Share of leads lost to a competitor who reached them first.', higherIsBetter: false },
  nurtureShare: { label: 'Sent to nurture', unit: 'share', describe: 'Share of leads that were in the nurture drip at the end of the run.', higherIsBetter: null },
  doNotCallShare: { label: 'Asked not to be called', unit: 'share', describe: 'Share of leads lost because the consumer asked not to be called again (crowded or persistent calls).', higherIsBetter: false },
  spamLabeledShare: { label: 'Calls shown as spam', unit: 'share', describe: 'Share of calls to consumers not yet reached that carriers showed as "spam likely" (the agent\'s numbers dialing all day, or drawing complaints after crowded calls).', higherIsBetter: false },
  agedOutShare: { label: 'Aged out unassigned', unit: 'share', describe: 'Share of leads that waited unassigned longer than backlog.maxWaitHours and went to the drip.', higherIsBetter: false },
  pullThrough: { label: 'Pull-through', unit: 'share', describe: 'Funded leads per lead that reached application (application to funded).', higherIsBetter: true },
  fundedInLastWeekShare: { label: 'Funded in month\'s last week', unit: 'share', describe: 'Share of fundings (of the window\'s leads) on the last seven days of a month.', higherIsBetter: null },
  leadCost: { label: 'Lead cost', unit: 'money', describe: 'Price paid for the leads of the window.', higherIsBetter: false },
  agentCost: { label: 'Agent cost', unit: 'money', describe: 'Cost of agents on shift during the window.', higherIsBetter: false },
  fulfillmentCost: { label: 'Fulfillment cost', unit: 'money', describe: 'Processing, underwriting, closing and overhead of the funded loans (economics.fulfillmentCostPerFunded each).', higherIsBetter: null },
  revenue: { label: 'Revenue', unit: 'money', describe: 'Revenue of the funded leads of the window.', higherIsBetter: true },
  costPerFunded: { label: 'Cost per funded', unit: 'money', describe: '(Lead cost + agent cost + fulfillment cost) / funded.', higherIsBetter: false },
  roi: { label: 'ROI', unit: 'ratio', describe: '(Revenue - cost) / cost.', higherIsBetter: true },
  routedToMarketingShare: { label: 'Routed to marketing', unit: 'share', describe: 'Share of leads whose score sent them to the marketing drip on arrival (scoring only).', higherIsBetter: null },
  returnedFromMarketingShare: { label: 'Returned to sales', unit: 'share', describe: 'Share of leads the marketing drip handed to sales once ready (scoring only).', higherIsBetter: true },
  optedOutShare: { label: 'Opted out', unit: 'share', describe: 'Share of leads that opted out of the marketing drip (scoring only).', higherIsBetter: false },
  dripEmailsPerLead: { label: 'Drip emails per lead', unit: 'ratio', describe: 'Marketing drip emails sent per lead of the window (scoring only).', higherIsBetter: null },
  fundedViaSales: { label: 'Funded (sales first)', unit: 'count', describe: 'Funded leads whose score sent them straight to sales (scoring only).', higherIsBetter: null },
  fundedViaMarketing: { label: 'Funded (via marketing)', unit: 'count', describe: 'Funded leads that went through the marketing drip first (scoring only).', higherIsBetter: null },
};

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
