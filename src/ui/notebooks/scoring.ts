/** The scoring notebook: lead scoring, who owns each lead, and the drip, on a quiet and on a busy floor. */
import { compareScenarios } from '../../compare/compareScenarios';
import { pairedDifferenceSpec } from '../../charts/differenceSpec';
import { intervalSpec } from '../../charts/specs';
import { MEASURED_DAYS } from './story';
import { drawFigure, linkWorkbench, runStory, say, start } from './notebookPage';
import { busyScenarios, quietScenarios, scoringStory as story } from './scoringStory';

start(async () => {
  linkWorkbench(story, 'open-quiet', quietScenarios);
  linkWorkbench(story, 'open-busy', busyScenarios);
  const summaries = await runStory(story);
  const quiet = summaries.slice(0, quietScenarios.length);
  const busy = summaries.slice(quietScenarios.length);
  await drawFigure('fig-quiet', (w) => pairedDifferenceSpec(compareScenarios(quiet), 'funded', w), `On the floor with 40 leads a day, funded loans in ${MEASURED_DAYS} of each scoring threshold minus every lead to sales, paired replication by replication.`);
  await drawFigure('fig-routed', (w) => intervalSpec(quiet.slice(1), 'routedToMarketingShare', w), 'The share of leads each threshold sent to the marketing drip on arrival.');
  await drawFigure('fig-busy', (w) => pairedDifferenceSpec(compareScenarios(busy), 'funded', w), `On the same floor with 120 leads a day, funded loans in ${MEASURED_DAYS} of each threshold minus every lead to sales, paired replication by replication.`);
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const mid = quiet[2];
  say(
    'result',
    `With the default threshold (0.5) on the quiet floor, ${pct(mid.metrics.routedToMarketingShare.mean)} of leads went to the drip, ${pct(mid.metrics.returnedFromMarketingShare.mean)} came back to sales once ready, ` +
      `and ${mid.metrics.fundedViaMarketing.mean.toFixed(1)} of its ${mid.metrics.funded.mean.toFixed(1)} funded loans went through the drip first.`,
  );
});
