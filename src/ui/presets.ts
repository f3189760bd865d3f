/**
 * Comparisons to start from, named in the field's words. Each is a list of scenarios; the first is the baseline.
 * Each runs the floor below (120 days, the first 60 a warm-up; the one-call comparison 150 with 75), which a few
 * replications get through in seconds in a browser; every other field takes its documented default (`leadlab schema`).
 */
import warmUp from '../../data/scenarios/telemarketing-warm-up.json';

export interface Comparison {
  id: string;
  title: string;
  scenarios: Record<string, unknown>[];
}

/** The floor every preset comparison starts from, with `over` on top (the notebooks start from it too). */
export const floor = (over: Record<string, unknown>): Record<string, unknown> => ({
  // The name first, so it leads the JSON beside the form.
  name: over.name,
  // As the default scenario: two months of warm-up while pipelines fill (src/sim/warmup.ts), two months of measured
  // leads, and 60 days of follow-up so the last measured loans can fund (docs/tradeoffs.md, "Process time and the month").
  // The warm-up is left to its default (60 days, or half of fewer days), so that a preset given fewer days still runs.
  days: 120,
  cooldownDays: 60,
  leads: { perDay: 40 },
  agents: [
    // The field's rule of thumb (docs/design.md): pipelines of 100-150 leads, 3-7 new leads per agent per day.
    { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 },
    { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 },
  ],
  callbacks: 'radar',
  distribution: { strategy: 'round-robin', options: {} },
  ...over,
});

/**
 * The floor of data/scenarios/telemarketing-warm-up.json (read from the file, so the page and the example stay one
 * floor): fast, less skilled pre-qualifiers and experienced closers. With role "telemarketer" and the warm-up
 * strategy the first group pre-qualifies and hot-transfers; with role "closer" and round robin the same people each
 * work their own leads end to end. Only the first group's role and the distribution differ.
 */
function warmUpFloor(firstRole: 'closer' | 'telemarketer', distribution: Record<string, unknown>): Record<string, unknown> {
  const [qualifiers, closers] = warmUp.agents;
  return floor({
    name:
      firstRole === 'telemarketer'
        ? `Warm-up: ${qualifiers.count} pre-qualifiers hot-transfer to ${closers.count} closers`
        : `Same ${qualifiers.count + closers.count} agents, every one closing its own leads`,
    leads: { ...warmUp.leads },
    agents: [{ ...qualifiers, role: firstRole }, { ...closers }],
    distribution,
  });
}

export const PRESET_COMPARISONS: Comparison[] = [
  {
    id: 'radar-vs-slow',
    title: 'Radar cadence vs a one-call firm',
    // The one-call firm's open pipeline settles later than the floor's (after about 60 days by the warm-up check,
    // src/sim/warmup.ts), so both sides warm up for 75 days, as data/scenarios/slow-single-call.json does.
    scenarios: [
      floor({ name: 'Radar cadence, 100-150 pipeline, 3-7 new leads a day', days: 150, warmupDays: 75 }),
      floor({ name: 'One-call firm: a single call per lead', callbacks: 'single-call', days: 150, warmupDays: 75 }),
    ],
  },
  {
    id: 'push-vs-pull',
    title: 'Push (assign on arrival) vs pull (agent takes a lead when free)',
    scenarios: [floor({ name: 'Push: assign on arrival', distribution: { strategy: 'push', options: {} } }), floor({ name: 'Pull: take a lead when free', distribution: { strategy: 'pull', options: {} } })],
  },
  {
    id: 'round-robin-vs-hunt-group-vs-grab-bag',
    title: 'Round robin vs hunt group vs grab bag (a shared pool agents pick from)',
    scenarios: [
      floor({ name: 'Round robin', distribution: { strategy: 'round-robin', options: {} } }),
      floor({ name: 'Hunt group: first free agent', distribution: { strategy: 'hunt-group', options: {} } }),
      floor({ name: 'Grab bag: agents pick from a shared pool', distribution: { strategy: 'grab-bag', options: {} } }),
    ],
  },
  {
    id: 'warm-up-vs-closers',
    title: 'Telemarketing warm-up with hot transfer vs every agent closing',
    scenarios: [warmUpFloor('closer', { strategy: 'round-robin', options: {} }), warmUpFloor('telemarketer', { strategy: 'telemarketing-warm-up', options: { callbackMinutes: 60 } })],
  },
  {
    id: 'scoring-vs-all-to-sales',
    title: 'Lead scoring (immature leads to a marketing drip) vs every lead to sales',
    scenarios: [floor({ name: 'Every lead to sales' }), floor({ name: 'Scored: immature leads to a marketing drip', scoring: {} })],
  },
];
