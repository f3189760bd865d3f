/**
 * Comparisons to start from, named in the field's words. Each is a list of scenarios; the first is the baseline.
 * Runs are 60 days after a 14-day warm-up so a comparison with a few replications finishes in seconds in a browser;
 * every other field takes its documented default (`leadlab schema`).
 */
export interface Comparison {
  id: string;
  title: string;
  scenarios: Record<string, unknown>[];
}

const floor = (over: Record<string, unknown>): Record<string, unknown> => ({
  days: 60,
  warmupDays: 14,
  cooldownDays: 14,
  leads: { perDay: 40 },
  agents: [
    // The field's rule of thumb (DESIGN.md): pipelines of 100-150 leads, 3-7 new leads per agent per day.
    { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7 },
    { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 150, newLeadsPerDay: 7 },
  ],
  callbacks: 'radar',
  distribution: { strategy: 'round-robin', options: {} },
  ...over,
});

export const PRESET_COMPARISONS: Comparison[] = [
  {
    id: 'radar-vs-slow',
    title: 'Radar cadence vs a slow single-call firm',
    scenarios: [
      floor({ name: 'Radar cadence, 100-150 pipeline, 3-7 new leads a day' }),
      floor({ name: 'Slow firm: one call per lead', callbacks: 'single-call' }),
    ],
  },
  {
    id: 'push-vs-pull',
    title: 'Push (assign on arrival) vs pull (agent takes a lead when free)',
    scenarios: [floor({ name: 'Push: assign on arrival', distribution: { strategy: 'push', options: {} } }), floor({ name: 'Pull: take a lead when free', distribution: { strategy: 'pull', options: {} } })],
  },
  {
    id: 'round-robin-vs-hunt-group',
    title: 'Round robin vs hunt group (first free agent)',
    scenarios: [
      floor({ name: 'Round robin', distribution: { strategy: 'round-robin', options: {} } }),
      floor({ name: 'Hunt group: first free agent', distribution: { strategy: 'hunt-group', options: {} } }),
    ],
  },
];
