import type { AgeDecay, ContactModel } from '../sim/contactModel';
import type { AgentConfig, DurationConfig, ModelConfig } from '../sim/modelConfig';
import type { PolicyFactory } from '../sim/policies';
import { normalQuantile } from '../sim/distributions';
import { weeklyShift } from '../sim/shift';
import { callbackPreset, type CallbackPresetName } from '../strategies/callbackPresets';
import { callbackPolicy, CADENCE_STATUSES, type CallbackSchedule, type CycleModifier, type StatusCadence } from '../strategies/callbackSchedule';
import { distributionStrategies } from '../strategies/distribution';
import { pipelineRules } from '../strategies/pipelineRules';
import { arrivalPreset, contactHourPreset } from './presets/hourOfWeek';
import { replayArrivals } from './replay';
import { DEFAULT_WARMUP_DAYS, type ScenarioInput } from './schema';
import type { SchemaIssue } from './schemaKit';

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
export function resolveCallbackSchedule(c: ScenarioInput['callbacks']): CallbackSchedule {
  const spec = c as { preset: CallbackPresetName; tries: number; everyHours: number; statuses: Record<string, Partial<StatusCadence>>; productionCycle?: CycleModifier[] };
  const schedule = callbackPreset(spec.preset, { tries: spec.tries, everyHours: spec.everyHours });
  for (const status of CADENCE_STATUSES) {
    const patch = spec.statuses?.[status];
    if (patch) schedule.statuses[status] = { ...schedule.statuses[status], ...(patch as Partial<StatusCadence>) };
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
}

/**
 * Turns a validated scenario into model inputs. `contactModel` is the already-loaded fitted model when the
 * scenario names one. Problems that only show once fields are combined (e.g. weights per agent) are
 * returned as issues with their path.
 */
export function resolveScenario(s: ScenarioInput, fitted?: ContactModel, replayText?: string): { ok: true; value: ResolvedScenario } | { ok: false; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const warnings: string[] = [];
  let replay: ReturnType<typeof replayArrivals> | undefined;
  if (s.leads.replay && replayText !== undefined) {
    replay = replayArrivals(replayText, s.leads.replay, s.leads.sources, s.leads.products);
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
        role: a.role as 'closer' | 'telemarketer',
        shift,
        pipelineLimit: a.pipelineLimit,
        newLeadsPerDay: a.newLeadsPerDay,
        paceNewLeads: a.paceNewLeads,
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
  const sourceNames = new Set(s.leads.sources.map((x) => x.name));
  const productNames = new Set(s.leads.products.map((x) => x.name));
  s.agents.forEach((a, i) => {
    a.sources.forEach((n, j) => {
      if (!sourceNames.has(n)) issues.push({ path: `agents[${i}].sources[${j}]`, message: `expected one of the lead sources (${[...sourceNames].join(', ')}), got ${JSON.stringify(n)}` });
    });
    a.products.forEach((n, j) => {
      if (!productNames.has(n)) issues.push({ path: `agents[${i}].products[${j}]`, message: `expected one of the products (${[...productNames].join(', ')}), got ${JSON.stringify(n)}` });
    });
  });
  if (s.leads.sources.every((x) => x.share === 0)) issues.push({ path: 'leads.sources', message: 'expected at least one source with a share above 0' });
  if (s.leads.products.every((x) => x.share === 0)) issues.push({ path: 'leads.products', message: 'expected at least one product with a share above 0' });
  // The default warm-up (a month) is for runs of months; a short run left at the default warms up for a third of it.
  const warmupDays = s.warmupDays === DEFAULT_WARMUP_DAYS && s.warmupDays >= days ? Math.floor(days / 3) : s.warmupDays;
  if (warmupDays >= days) issues.push({ path: 'warmupDays', message: `expected fewer warm-up days than days (${days}${replay ? ', the days of the replayed stream' : ''}), got ${s.warmupDays}` });

  const profile = s.leads.arrivalProfile;
  const weights = typeof profile === 'string' ? arrivalPreset(profile as 'flat') : profile;
  const weekTotal = weights.reduce((a, b) => a + b, 0);
  if (weekTotal <= 0 && s.leads.perDay > 0) issues.push({ path: 'leads.arrivalProfile', message: 'expected at least one hour with arrivals, got all zeros' });
  const leadsPerHourOfWeek = weights.map((w) => (weekTotal > 0 ? (s.leads.perDay * 7 * w) / weekTotal : 0));

  const hours = s.contact.hourOfWeek;
  const contact: ContactModel = fitted ?? {
    contactability: s.contact.contactability,
    hourOfWeek: typeof hours === 'string' ? contactHourPreset(hours as 'flat') : hours,
    ageDecay: s.contact.ageDecay as unknown as AgeDecay,
  };

  const schedule = resolveCallbackSchedule(s.callbacks);
  const entry = distributionStrategies[s.distribution.strategy];
  try {
    entry.create(s.distribution.options as never, agents);
  } catch (e) {
    issues.push({ path: 'distribution.options', message: (e as Error).message.replace(/^distribution\.options\.?\S*: /, '') });
  }
  if (issues.length) return { ok: false, issues };

  const config: ModelConfig = {
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
    calls: { ...s.calls, talkMinutes: s.calls.talkMinutes as unknown as DurationConfig },
    funnel: { ...s.funnel, interestByFirstContactAge: s.funnel.interestByFirstContactAge as unknown as AgeDecay },
    nurture: s.nurture,
    ...(s.scoring ? { scoring: { attributes: s.scoring.attributes.map((a) => ({ ...a })), threshold: s.scoring.threshold, drip: { ...s.scoring.drip } } } : {}),
    agents,
    economics: s.economics,
    fatigue: s.fatigue,
    followUp: s.followUp,
    loanProcess: s.loanProcess.model === 'elapsed' ? { ...s.loanProcess, model: 'elapsed', processDays: { ...s.loanProcess.processDays } } : { model: 'per-conversation' },
    backlog: s.backlog,
  };
  const rules = s.pipeline;
  const policies: PolicyFactory = () => ({
    distribution: entry.create(s.distribution.options as never, agents),
    callbacks: callbackPolicy(schedule),
    pipeline: pipelineRules(rules),
  });
  return { ok: true, value: { scenario: s, config, policies, callbackSchedule: schedule, warnings } };
}
