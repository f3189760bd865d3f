/** The rendezvous notebook: speed to lead, and why the first minutes decide contact. */
import { intervalSpec, timeBinSpec } from '../../charts/specs';
import { MEASURED_DAYS } from './story';
import { drawFigure, linkWorkbench, runStory, say, start } from './notebookPage';
import { rendezvousStory as story } from './rendezvousStory';

start(async () => {
  linkWorkbench(story);
  const summaries = await runStory(story);
  await drawFigure('fig-first-call', (w) => timeBinSpec(summaries, 'minutesToFirstAttempt', w), 'How long each floor\'s new leads waited for their first call, as shares of leads.');
  await drawFigure('fig-contact', (w) => intervalSpec(summaries, 'contactRate', w), 'The share of leads each floor ever reached, with its 95% interval over the replications.');
  await drawFigure('fig-funded', (w) => intervalSpec(summaries, 'funded', w), `Funded loans in ${MEASURED_DAYS} on each floor, with its 95% interval.`);
  const [fast, , , slow] = summaries;
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  say(
    'result',
    `Reaching new leads within minutes, this floor talked to ${pct(fast.metrics.contactRate.mean)} of its leads and funded ${fast.metrics.funded.mean.toFixed(1)} loans; ` +
      `with a backlog of new leads it talked to ${pct(slow.metrics.contactRate.mean)} and funded ${slow.metrics.funded.mean.toFixed(1)}.`,
  );
});
