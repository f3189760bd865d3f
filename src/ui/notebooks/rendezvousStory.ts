/**
 * The rendezvous: the same floor, with new leads reached at different speeds. The model has no "first call after
 * N minutes" setting; the speed comes from the levers a manager has (who is on shift, how new leads are handed out
 * and paced), as in `leadlab diagnose`'s speed-to-lead step.
 */
import { notebookFloor, type Story } from './story';

const closers = (over: Record<string, unknown>) => [
  { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5, ...over },
  { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5, ...over },
];

export const rendezvousStory: Story = {
  seed: 12,
  replications: 4,
  scenarios: [
    notebookFloor({
      name: 'Within minutes: new leads go at once to agents on shift',
      agents: closers({ paceNewLeads: false }),
      distribution: { strategy: 'round-robin', options: { skipOffShift: true } },
    }),
    notebookFloor({ name: 'Paced: new leads spread over the shift' }),
    notebookFloor({
      name: 'Office hours only: nights and weekends wait',
      agents: [{ name: 'Day closer', count: 10, shift: '09:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 }],
    }),
    notebookFloor({ name: 'Backlog: each agent takes 3 new leads a day', agents: closers({ newLeadsPerDay: 3 }) }),
  ],
};
