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
  /** The label names more than one practice ("Pipeline caps and new-lead limits"): its sentences say "win", not "wins". */
  plural?: true;
  /** The fixed scenario, or undefined when the floor already works this way. */
  apply(scenario: Json, floor?: FloorFacts): Json | undefined;
  /**
   * What the fix changed on this floor, in one sentence with its values (from -> to), leaving out the parts that
   * changed nothing: `after` is what `apply` made of `before`, `reached` what the floor before it did.
   */
  describe(before: Json, after: Json, reached: FloorReach): string;
}

/** What a floor's runs did that a rung's sentence may need: its agents' pipelines (open leads an agent held). */
export interface FloorReach {
  /** The most open leads any agent held at once, over every replication. */
  maxPipeline: number;
  /** Open leads per agent, averaged over days, agents and replications. */
  meanPipeline: number;
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

/** Agent groups' values of a field before and after a fix, with the schema's default where a group leaves it out. */
function groupChanges(before: Json, after: Json, field: string): { name: string; from: unknown; to: unknown }[] {
  const a = agentsOf(before), b = agentsOf(after), def = agentDefault(field);
  return b
    .map((g, i) => ({ name: String(g.name ?? `group ${i + 1}`), from: a[i]?.[field] ?? def, to: g[field] ?? def }))
    .filter((c) => c.from !== c.to);
}

/**
 * "7 -> 9" when every one of the floor's `groups` changed alike, else the groups that changed, by name: "7 -> 9 (Day
 * closer), 5 -> 9 (Late closer)", or "2 -> 13 (Top)" when the other groups kept theirs (a bare "2 -> 13" read as
 * every agent's).
 */
function fromTo(changes: { name: string; from: unknown; to: unknown }[], groups: number): string {
  const alike = changes.length === groups && changes.every((c) => c.from === changes[0].from && c.to === changes[0].to);
  return alike ? `${changes[0].from} -> ${changes[0].to}` : changes.map((c) => `${c.from} -> ${c.to} (${c.name})`).join(', ');
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const callbacksName = (s: Json) => (typeof s.callbacks === 'string' ? s.callbacks : isObject(s.callbacks) ? `a schedule from ${String(s.callbacks.preset ?? 'radar')}` : 'radar');

/** The rungs, in the order they are climbed. */
export const LADDER: readonly Rung[] = [
  {
    id: 'speed-to-lead',
    label: 'Speed to lead',
    change: 'New leads go only to agents on shift and are handed out the moment they arrive (no pacing of new leads), so the first call comes within minutes.',
    apply(s) {
      const d = distributionOf(s);
      // Only what changes is written: a distribution given by name ("hunt-group") whose strategy takes no skipOffShift,
      // or agents none of whom paces new leads, stay as the floor wrote them, so that a rung with nothing to change
      // is in place rather than run on a floor it leaves as it was.
      const skip = SKIP_OFF_SHIFT.has(d.strategy) && d.options.skipOffShift !== true;
      const paces = agentsOf(s).some((a) => (a.paceNewLeads ?? schemaDefault('agents', '[]', 'paceNewLeads')) !== false);
      return changed(s, {
        ...s,
        ...(paces && { agents: agentsOf(s).map((a) => ({ ...a, paceNewLeads: false })) }),
        ...(skip && { distribution: { strategy: d.strategy, options: { ...d.options, skipOffShift: true } } }),
      });
    },
    describe(before, after) {
      const parts: string[] = [];
      if (distributionOf(before).options.skipOffShift !== distributionOf(after).options.skipOffShift) parts.push('new leads go only to agents on shift');
      const pace = groupChanges(before, after, 'paceNewLeads');
      // One subject for both parts: "new leads go only to agents on shift and are handed out ...".
      if (pace.length) parts.push(`${parts.length ? '' : 'new leads '}are handed out the moment they arrive (no pacing of new leads${pace.length < agentsOf(after).length ? ` for ${pace.map((c) => c.name).join(', ')}` : ''})`);
      return parts.length ? `${upperFirst(parts.join(' and '))}, so the first call comes within minutes.` : this.change;
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
    describe(before) {
      return `Callbacks ${callbacksName(before)} -> radar, ${this.change.charAt(0).toLowerCase()}${this.change.slice(1)}`;
    },
  },
  {
    id: 'pipeline-caps',
    label: 'Pipeline caps and new-lead limits',
    plural: true,
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
    describe(before, after, reached) {
      const parts: string[] = [];
      const leads = groupChanges(before, after, 'newLeadsPerDay');
      if (leads.length) parts.push(`new leads a day per agent ${fromTo(leads, agentsOf(after).length)}, so the floor can take ${CAP_HEADROOM}x an average working day's leads`);
      const caps = groupChanges(before, after, 'pipelineLimit');
      if (caps.length) {
        const top = Math.max(...caps.map((c) => Number(c.to)));
        // A cap above every pipeline the floor reached changes nothing there: say so, or the cap takes the credit.
        const binds = top > reached.maxPipeline
          ? `, above the most open leads any agent held on this floor (${reached.maxPipeline}; ${reached.meanPipeline.toFixed(1)} on average), so the cap does not bind`
          : ` (what an agent keeps in touch with; agents on this floor held up to ${reached.maxPipeline})`;
        parts.push(`pipeline limit ${fromTo(caps, agentsOf(after).length)} open leads${binds}`);
      }
      return parts.length ? `${upperFirst(parts.join('; '))}.` : this.change;
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
    describe(before) {
      return `Distribution ${distributionOf(before).strategy} -> a circular hunt group: each lead goes to the next free agent on shift, the freshest waiting lead first.`;
    },
  },
  {
    id: 'scoring',
    label: 'Lead scoring and drip',
    plural: true,
    change: 'Leads are scored on arrival: the promising ones go to sales for a prompt call, the rest to a marketing drip that hands them back when ready.',
    apply(s) {
      return s.scoring !== undefined ? undefined : { ...s, scoring: {} };
    },
    describe() {
      return this.change;
    },
  },
];
