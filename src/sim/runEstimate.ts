import type { ModelConfig } from './modelConfig';
import { MINUTES_PER_DAY } from './calendar';
import { shiftMinutesPerWeek } from './shift';

/** The most attempts a lead gets in each open status (from the callback schedule). */
export interface AttemptCaps {
  attempted: number;
  contacted: number;
  application: number;
  closing: number;
}

/** What a run will cost, estimated before it starts (one replication). */
export interface RunEstimate {
  /** Leads that arrive (warm-up included). */
  leads: number;
  agents: number;
  /** Simulated days: arrival days plus cool-down. */
  days: number;
  /** Call attempts: what the cadence asks for, at most what the agents' shifts and daily caps allow. */
  calls: number;
  /** Engine events. */
  events: number;
  /** Memory of the run, bytes. */
  bytes: number;
}

/** Limits above which a run is refused unless forced: they fit a 24 GiB, 2-core machine running one run per core. */
export interface RunLimits {
  events: number;
  bytes: number;
  days: number;
}

/**
 * The default limits: 4 GiB per run (a worker thread's heap, and two at once leave room on 24 GiB), 2 billion
 * events (about 40 minutes at the engine's 900,000 events a second), and the schema's 3,660 arrival days plus a
 * year of cool-down.
 */
export const RUN_LIMITS: RunLimits = { events: 2e9, bytes: 4 * 2 ** 30, days: 3660 + 366 };

// Costs per unit, measured on the example scenarios (test/sim/runEstimate.test.ts): engine events per arriving
// lead (arrival, assignment), per call (start and end, a wake-up), per agent-day (shift start and end, the daily
// reset); bytes of a lead record, an agent, an agent-day of daily series, a recorded call, and the process itself.
const EVENTS_PER_LEAD = 0.8;
const EVENTS_PER_CALL = 1.5;
const EVENTS_PER_AGENT_DAY = 3;
const BYTES_BASE = 64 * 2 ** 20;
const BYTES_PER_LEAD = 512;
const BYTES_PER_AGENT = 4096;
const BYTES_PER_AGENT_DAY = 64;
const BYTES_PER_RECORDED_CALL = 200;
// Share of each status's attempt cap a lead uses on average: most leads are reached or given up on early, few reach
// application and closing (measured: radar 12.5 attempts a lead of a cap of 30; single call 1.07 of 11).
const CAP_USE = { attempted: 1, contacted: 0.3, application: 0.05, closing: 0.05 };

/**
 * Estimates a run's leads, calls, events and memory from the scenario alone (leads, agents, days, cadence), in
 * a few arithmetic steps, so that a run that would take hours or exhaust memory is refused before it starts. Pure: the page
 * can use it too. The estimate of events is within a factor of 2 of the measured count on the example scenarios
 * (test/sim/runEstimate.test.ts) and on random floors of 2 to 100 agents (test/sim/runCalibration.test.ts), where it
 * is 1.0-1.6 times the count; the page corrects it by the runs it has done (src/sim/runCalibration.ts).
 *
 * @example
 * const e = estimateRun(resolved.config, { attempted: 14, contacted: 6, application: 5, closing: 5 });
 * runSizeProblems(e) // [] for the default scenario
 */
export function estimateRun(config: ModelConfig, caps: AttemptCaps, options: { recordCalls?: boolean } = {}): RunEstimate {
  const days = config.days + config.cooldownDays;
  const arrivals = config.arrivals;
  const leads = arrivals.kind === 'replay' ? arrivals.leads.length : (arrivals.leadsPerHourOfWeek.reduce((a, b) => a + b, 0) / 7) * config.days;
  const agents = config.agents.length;
  // Leads beyond the agents' daily caps on new leads are never called (they wait, then go to the drip): calls come
  // from the leads the caps let through, at most.
  let newPerDay = 0;
  for (const a of config.agents) {
    // The cap is per day worked: the days of the week the shift touches.
    const workdays = new Set<number>();
    for (const [start, end] of a.shift.intervals) for (let d = Math.floor(start / MINUTES_PER_DAY); d * MINUTES_PER_DAY < end; d++) workdays.add(d);
    if (workdays.size > 0) newPerDay += (a.newLeadsPerDay * workdays.size) / 7;
  }
  const worked = Math.min(leads, newPerDay * config.days);
  const demand = worked * (caps.attempted * CAP_USE.attempted + caps.contacted * CAP_USE.contacted + caps.application * CAP_USE.application + caps.closing * CAP_USE.closing);
  // An unanswered attempt is the shortest call: the shifts cannot place more than their minutes allow.
  const shortest = Math.max(0.1, config.calls.noAnswerMinutes + config.calls.wrapUpMinutes);
  let perDay = 0;
  for (const a of config.agents) perDay += Math.min(a.maxCallsPerDay, shiftMinutesPerWeek(a.shift) / 7 / shortest);
  const calls = Math.min(demand, perDay * days);
  const agentDays = agents * days;
  const events = EVENTS_PER_LEAD * leads + EVENTS_PER_CALL * calls + EVENTS_PER_AGENT_DAY * agentDays;
  const bytes = BYTES_BASE + BYTES_PER_LEAD * leads + BYTES_PER_AGENT * agents + BYTES_PER_AGENT_DAY * agentDays + (options.recordCalls ? BYTES_PER_RECORDED_CALL * calls : 0);
  return { leads, agents, days, calls, events, bytes };
}

const count = (x: number): string => (x >= 1e9 ? `${(x / 1e9).toPrecision(3)} billion` : x >= 1e6 ? `${(x / 1e6).toPrecision(3)} million` : Math.round(x).toLocaleString('en-US'));
const gib = (b: number): string => (b >= 2 ** 30 ? `${(b / 2 ** 30).toPrecision(3)} GiB` : `${Math.ceil(b / 2 ** 20)} MiB`);

/** A one-line description of an estimate: "3,600 leads, 10 agents, 104 days: about 45,000 calls, ...". */
export function describeEstimate(e: RunEstimate): string {
  return `${count(e.leads)} leads, ${count(e.agents)} agents, ${count(e.days)} days: about ${count(e.calls)} calls, ${count(e.events)} events and ${gib(e.bytes)} per replication`;
}

/** What in an estimate is above the limits, in plain words (empty when the run fits). */
export function runSizeProblems(e: RunEstimate, limits: RunLimits = RUN_LIMITS): string[] {
  const out: string[] = [];
  if (e.days > limits.days) out.push(`${count(e.days)} simulated days is above the limit of ${count(limits.days)}`);
  if (e.events > limits.events) out.push(`${count(e.events)} events is above the limit of ${count(limits.events)}`);
  if (e.bytes > limits.bytes) out.push(`${gib(e.bytes)} of memory is above the limit of ${gib(limits.bytes)}`);
  return out;
}
