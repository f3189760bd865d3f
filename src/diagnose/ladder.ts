/**
 * The ladder of fixes `leadlab diagnose` climbs (docs/diagnosis.md): each rung rewrites a scenario's JSON the way a
 * consultant would fix the floor, one practice at a time. A rung returns undefined when the floor already does what
 * it would change. Pure: plain JSON in, plain JSON out.
 */

import { scenarioSchema } from '../scenario/schema';

type Json = Record<string, unknown>;

export interface Rung {
  id: 'speed-to-lead' | 'cadence' | 'pipeline-caps' | 'distribution' | 'scoring';
  label: string;
  /** What the fix changes, in one sentence. */
  change: string;
  /** The fixed scenario, or undefined when the floor already works this way. */
  apply(scenario: Json, floor?: FloorFacts): Json | undefined;
}

/** What the scenario's JSON does not say directly: the floor's leads a day (of a replayed stream, too). */
export interface FloorFacts {
  leadsPerDay: number;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; default?: unknown };
let schemaJson: SchemaNode | undefined;

/**
 * The default the scenario schema declares at a path ("[]" steps into a list's items), read from the schema itself:
 * a rung that writes a field the floor left out must write what the schema would have filled in, or it changes the
 * floor beyond its fix (a copy of the default agents without their skill spread once did, and every later rung was
 * measured against another floor).
 */
function schemaDefault(...path: string[]): unknown {
  schemaJson ??= scenarioSchema.jsonSchema() as SchemaNode;
  let node: SchemaNode | undefined = schemaJson;
  for (const k of path) node = k === '[]' ? node?.items : node?.properties?.[k];
  if (node?.default === undefined) throw new Error(`the scenario schema has no default at ${path.join('.')}`);
  return structuredClone(node.default);
}

const agentDefault = (field: string) => schemaDefault('agents', '[]', field) as number;

/** The scenario's agent groups as objects (the schema's default floor when it names none). */
function agentsOf(scenario: Json): Json[] {
  return Array.isArray(scenario.agents) ? scenario.agents.filter(isObject) : (schemaDefault('agents') as Json[]);
}

function distributionOf(scenario: Json): { strategy: string; options: Json } {
  const d = scenario.distribution;
  if (typeof d === 'string') return { strategy: d, options: {} };
  const strategy = (schemaDefault('distribution') as { strategy: string }).strategy;
  if (isObject(d)) return { strategy: typeof d.strategy === 'string' ? d.strategy : strategy, options: isObject(d.options) ? d.options : {} };
  return { strategy, options: {} };
}

/** Returns `next` when it differs from `scenario`, else undefined. */
function changed(scenario: Json, next: Json): Json | undefined {
  return JSON.stringify(next) === JSON.stringify(scenario) ? undefined : next;
}

/** Strategies whose options take `skipOffShift` (src/strategies/distribution/sharedOptions.ts). */
const SKIP_OFF_SHIFT = new Set(['round-robin', 'top-producers', 'source-specialist', 'product-specialist']);

/**
 * Working days per week assumed when sizing the daily new-lead cap (five: the default floor's Mon-Fri closers), and
 * the headroom over an average day's leads (1.5: assumption, so that a Monday after a weekend of web forms fits).
 */
const CAP_WORKDAYS = 5;
const CAP_HEADROOM = 1.5;
/** Open leads an agent keeps in touch with (the schema's default followThroughPipeline, the field's 100-150 rule). */
const FOLLOW_THROUGH = agentDefault('followThroughPipeline');

/** The rungs, in the order they are climbed. */
export const LADDER: readonly Rung[] = [
  {
    id: 'speed-to-lead',
    label: 'Speed to lead',
    change: 'New leads go only to agents on shift and are handed out the moment they arrive (no pacing of new leads), so the first call comes within minutes.',
    apply(s) {
      const d = distributionOf(s);
      const options = SKIP_OFF_SHIFT.has(d.strategy) ? { ...d.options, skipOffShift: true } : d.options;
      return changed(s, { ...s, agents: agentsOf(s).map((a) => ({ ...a, paceNewLeads: false })), distribution: { strategy: d.strategy, options } });
    },
  },
  {
    id: 'cadence',
    label: 'Cadence (radar by status)',
    change: 'The status-driven radar cadence: a burst in the first hour, then every 2-4 hours while unreached, daily once reached, every 2-3 days in process.',
    apply(s) {
      const c = s.callbacks;
      const radar = c === undefined || c === 'radar' || (isObject(c) && (c.preset ?? 'radar') === 'radar' && c.statuses === undefined && c.productionCycle === undefined);
      return radar ? undefined : { ...s, callbacks: 'radar' };
    },
  },
  {
    id: 'pipeline-caps',
    label: 'Pipeline caps and new-lead limits',
    change: `Pipelines capped at ${FOLLOW_THROUGH} open leads (what an agent keeps in touch with) and daily new-lead limits raised so the floor can take ${CAP_HEADROOM}x an average working day's leads.`,
    apply(s, floor) {
      const agents = agentsOf(s);
      const people = agents.reduce((n, a) => n + (typeof a.count === 'number' ? a.count : 1), 0);
      const leads = isObject(s.leads) ? s.leads : {};
      const perDay = floor?.leadsPerDay ?? (typeof leads.perDay === 'number' ? leads.perDay : (schemaDefault('leads', 'perDay') as number));
      const need = Math.ceil((CAP_HEADROOM * perDay * 7) / CAP_WORKDAYS / Math.max(1, people));
      return changed(s, {
        ...s,
        agents: agents.map((a) => ({
          ...a,
          pipelineLimit: Math.min(typeof a.pipelineLimit === 'number' ? a.pipelineLimit : agentDefault('pipelineLimit'), FOLLOW_THROUGH),
          newLeadsPerDay: Math.max(typeof a.newLeadsPerDay === 'number' ? a.newLeadsPerDay : agentDefault('newLeadsPerDay'), need),
        })),
      });
    },
  },
  {
    id: 'distribution',
    label: 'Distribution (first free agent)',
    change: 'A circular hunt group: each lead goes to the next free agent on shift, the freshest waiting lead first.',
    apply(s) {
      const d = distributionOf(s);
      if (d.strategy === 'hunt-group') return undefined;
      return { ...s, distribution: { strategy: 'hunt-group', options: { hunt: 'circular', queueOrder: 'lifo' } } };
    },
  },
  {
    id: 'scoring',
    label: 'Lead scoring and drip',
    change: 'Leads are scored on arrival: the promising ones go to sales for a prompt call, the rest to a marketing drip that hands them back when ready.',
    apply(s) {
      return s.scoring !== undefined ? undefined : { ...s, scoring: {} };
    },
  },
];
