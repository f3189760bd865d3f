import { at, messageOf, type SchemaIssue } from '../schema';
import type { ContactModel } from '../sim/contactModel';
import type { AgentConfig, ModelConfig } from '../sim/modelConfig';
import type { PolicyFactory } from '../sim/policies';
import { normalQuantile } from '../sim/distributions';
import { weeklyShift } from '../sim/shift';
import { callbackPreset } from '../strategies/callbackPresets';
import { callbackPolicy, CADENCE_STATUSES, type CallbackSchedule } from '../strategies/callbackSchedule';
import { strategyNamed, StrategyOptionsError } from '../strategies/distribution';
import { pipelineRules } from '../strategies/pipelineRules';
import { arrivalPreset, contactHourPreset } from './presets/hourOfWeek';
import { replayArrivals, type ReplayRejects } from './replay';
import { defaultWarmupDays, type ScenarioInput } from './schema';

const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** "Mon-Fri" or "Mon,Wed,Sat-Sun" -> weekday indexes (Monday = 0); ranges may wrap ("Fri-Mon"). */
export function parseWeekdays(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const from = WEEKDAY_INDEX[a], to = WEEKDAY_INDEX[b ?? a];
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The callback schedule a scenario asks for: a preset with per-status changes. */
export function resolveCallbackSchedule(spec: ScenarioInput['callbacks']): CallbackSchedule {
  const schedule = callbackPreset(spec.preset, { tries: spec.tries, everyHours: spec.everyHours });
  for (const status of CADENCE_STATUSES) {
    const patch = spec.statuses[status];
    if (patch) schedule.statuses[status] = { ...schedule.statuses[status], ...patch };
  }
  if (spec.productionCycle) schedule.productionCycle = spec.productionCycle;
  return schedule;
}

/** A resolved scenario: the model inputs, a factory for fresh policies, and the normalized scenario. */
export interface ResolvedScenario {
  scenario: ScenarioInput;
  config: ModelConfig;
  policies: PolicyFactory;
  callbackSchedule: CallbackSchedule;
  /** Non-fatal notes for the user (e.g. rows of a replayed lead stream that were rejected). */
  warnings: string[];
  /** Rows of the replayed lead stream that were rejected (also in `warnings`), when there were any. */
  replayRejects?: ReplayRejects;
}

/**
 * Turns a validated scenario into model inputs. `contactModel` is the already-loaded fitted model when the
 * scenario names one. Problems that only show once fields are combined (e.g. weights per agent) are
 * returned as issues with their path.
 */
export function resolveScenario(s: ScenarioInput, fitted?: ContactModel, replayText?: string, showPath?: (file: string) => string): { ok: true; value: ResolvedScenario } | { ok: false; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const warnings: string[] = [];
  let replay: ReturnType<typeof replayArrivals> | undefined;
  if (s.leads.replay && replayText !== undefined) {
    replay = replayArrivals(replayText, s.leads.replay, s.leads.sources, s.leads.products, showPath);
    if (!replay.ok) return { ok: false, issues: replay.issues };
    warnings.push(...replay.warnings);
  }
  const days = replay?.ok ? replay.days : s.days;
  const agents: AgentConfig[] = [];
  s.agents.forEach((a) => {
    const [start, end] = a.shift.split('-');
    const shift = weeklyShift(parseWeekdays(a.days), minutesOf(start), minutesOf(end));
    for (let k = 1; k <= a.count; k++) {
      // Evenly spaced quantiles of a log-normal with mean `skill`: the same spread in every run (no draw).
      const z = a.count > 1 && a.skillSpread > 0 ? normalQuantile((k - 0.5) / a.count) : 0;
      const skill = z === 0 && a.count === 1 ? a.skill : a.skill * Math.exp(a.skillSpread * z - (a.skillSpread * a.skillSpread) / 2);
      agents.push({
        name: a.count > 1 ? `${a.name} ${k}` : a.name,
        role: a.role,
        shift,
        pipelineLimit: a.pipelineLimit,
        newLeadsPerDay: a.newLeadsPerDay,
        paceNewLeads: a.paceNewLeads,
        maxLeadWaitMinutes: a.maxLeadWaitMinutes ?? Infinity,
        maxCallsPerDay: a.maxCallsPerDay,
        skill,
        followThroughPipeline: a.followThroughPipeline,
        followThroughElasticity: a.followThroughElasticity,
        chasesNewLeads: a.chasesNewLeads,
        sourceSkill: a.sourceSkill,
        productSkill: a.productSkill,
        sources: a.sources,
        products: a.products,
      });
    }
  });
  // Names an agent refers to and shares of the mix are checked by the schema (./scenarioRules.ts).
  // A warm-up the scenario gives is kept; left out, it is two months, or half the days of a shorter run.
  const warmupDays = s.warmupDays ?? defaultWarmupDays(days);
  if (warmupDays >= days) issues.push({ path: 'warmupDays', message: `expected fewer warm-up days than days (${days}${replay ? ', the days of the replayed stream' : ''}), got ${s.warmupDays}` });

  const profile = s.leads.arrivalProfile;
  const weights = typeof profile === 'string' ? arrivalPreset(profile) : profile;
  const weekTotal = weights.reduce((a, b) => a + b, 0);
  if (weekTotal <= 0 && !replay) issues.push({ path: 'leads.arrivalProfile', message: 'expected at least one hour with arrivals, got all zeros' });
  const leadsPerHourOfWeek = weights.map((w) => (weekTotal > 0 ? (s.leads.perDay * 7 * w) / weekTotal : 0));

  const hours = s.contact.hourOfWeek;
  const contact = fitted ?? ({
    contactability: s.contact.contactability,
    hourOfWeek: typeof hours === 'string' ? contactHourPreset(hours) : hours,
    ageDecay: s.contact.ageDecay,
  } satisfies ContactModel);

  const schedule = resolveCallbackSchedule(s.callbacks);
  const entry = strategyNamed(s.distribution.strategy);
  if (!entry) return { ok: false, issues: [{ path: 'distribution.strategy', message: `unknown strategy ${JSON.stringify(s.distribution.strategy)}` }] };
  try {
    entry.create(s.distribution.options, agents);
  } catch (e) {
    if (e instanceof StrategyOptionsError) issues.push({ path: e.path.reduce<string>(at, 'distribution.options'), message: e.detail });
    else issues.push({ path: 'distribution.options', message: messageOf(e).replace(/^distribution\.options\.?\S*: /, '') });
  }
  // Sources and products the options name must be the scenario's (or the replayed stream's), as agents' names must.
  const mix = { source: (replay?.ok ? replay.sources : s.leads.sources).map((x) => x.name), product: (replay?.ok ? replay.products : s.leads.products).map((x) => x.name) };
  for (const ref of entry.refersTo(s.distribution.options)) {
    const names = mix[ref.kind];
    if (!names.includes(ref.name)) {
      const what = ref.kind === 'source' ? 'lead sources' : 'products';
      issues.push({ path: ref.path.reduce<string>(at, 'distribution.options'), message: `expected one of the ${what} (${names.join(', ')}), got ${JSON.stringify(ref.name)}` });
    }
  }
  if (issues.length) return { ok: false, issues };

  const config = {
    startDate: replay?.ok ? replay.startDate : s.startDate,
    days,
    warmupDays,
    cooldownDays: s.cooldownDays,
    arrivals: replay?.ok ? replay.arrivals : { kind: 'poisson', leadsPerHourOfWeek },
    sources: replay?.ok ? replay.sources : s.leads.sources.map((x) => ({ ...x })),
    products: replay?.ok ? replay.products : s.leads.products.map((x) => ({ ...x })),
    leadTraits: { readyShare: s.leads.readyShare, propensity: s.leads.propensity, badNumberShare: s.leads.badNumberShare },
    contact,
    competitor: s.competitor,
    calls: { ...s.calls },
    funnel: { ...s.funnel },
    nurture: s.nurture,
    ...(s.scoring ? { scoring: { attributes: s.scoring.attributes.map((a) => ({ ...a })), threshold: s.scoring.threshold, drip: { ...s.scoring.drip } } } : {}),
    agents,
    economics: s.economics,
    fatigue: s.fatigue,
    followUp: s.followUp,
    loanProcess: s.loanProcess.model === 'elapsed' ? { ...s.loanProcess, model: 'elapsed', processDays: { ...s.loanProcess.processDays } } : { model: 'per-conversation' },
    backlog: s.backlog,
  } satisfies ModelConfig;
  const rules = s.pipeline;
  const policies: PolicyFactory = () => ({
    distribution: entry.create(s.distribution.options, agents),
    callbacks: callbackPolicy(schedule),
    pipeline: pipelineRules(rules),
  });
  return { ok: true, value: { scenario: s, config, policies, callbackSchedule: schedule, warnings, ...(replay?.ok && replay.rejects && { replayRejects: replay.rejects }) } };
}
