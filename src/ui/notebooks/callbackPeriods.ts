/** The callback-periods notebook: funded against the interval of each status, the best interval and its interval. */
import { compareScenarios } from '../../compare/compareScenarios';
import { pairedDifferenceSpec } from '../../charts/differenceSpec';
import { intervalSpec } from '../../charts/specs';
import type { ScenarioSummary } from '../../sim/summary';
import { MEASURED_DAYS } from './story';
import { drawFigure, linkWorkbench, runStory, say, start } from './notebookPage';
import { attemptedScenarios, callbackPeriodsStory as story, contactedScenarios, pairingNote } from './callbackPeriodsStory';
import { MINUS_SIGN, signedFixed } from '../../stats/signedFixed';

/** The scenario that funded most, and every other one minus it (paired, replication by replication). */
function againstBest(summaries: ScenarioSummary[]) {
  const best = summaries.reduce((a, b) => (b.metrics.funded.mean > a.metrics.funded.mean ? b : a));
  const comparison = compareScenarios([best, ...summaries.filter((s) => s !== best)]);
  return { best, comparison };
}

/** "X funded most, 41.3 loans (95% interval 35.0 to 47.6); the next best, Y, -2.1 against it (paired 95% interval -5.2 to +1.0)." */
function bestSentence(label: string, { best, comparison }: ReturnType<typeof againstBest>): string {
  const f = (v: number) => v.toFixed(1);
  const signed = (v: number) => signedFixed(v, 1, MINUS_SIGN);
  const runnerUp = comparison.scenarios.slice(1).reduce((a, b) => (b.vsBaseline!.funded.mean > a.vsBaseline!.funded.mean ? b : a));
  const d = runnerUp.vsBaseline!.funded;
  const [lo, hi] = d.ci95 ?? [d.mean, d.mean];
  const ci = best.metrics.funded.ci95;
  return (
    `${label}: "${best.name}" funded most, ${f(best.metrics.funded.mean)} loans${ci ? ` (95% interval ${f(ci[0])} to ${f(ci[1])})` : ''}; ` +
    `the next best, "${runnerUp.name}", funded ${signed(d.mean)} against it (paired 95% interval ${signed(lo)} to ${signed(hi)})${lo <= 0 && hi >= 0 ? ': no clear difference' : ''}.`
  );
}

start(async () => {
  linkWorkbench(story, 'open-attempted', attemptedScenarios);
  linkWorkbench(story, 'open-contacted', contactedScenarios);
  const summaries = await runStory(story);
  const attempted = summaries.slice(0, attemptedScenarios.length);
  const contacted = summaries.slice(attemptedScenarios.length);
  const a = againstBest(attempted);
  const c = againstBest(contacted);
  await drawFigure('fig-attempted', (w) => intervalSpec(attempted, 'funded', w), `Funded loans in ${MEASURED_DAYS} for each interval between calls to a lead not yet reached, with the 95% interval over the replications.`);
  await drawFigure('fig-attempted-best', (w) => pairedDifferenceSpec(a.comparison, 'funded', w, 'the best'), `Each other unreached-lead interval minus the best one in funded loans of ${MEASURED_DAYS}, paired replication by replication: a bar across zero is no clear difference.`);
  say('result-attempted', bestSentence('Unreached leads', a));
  await drawFigure('fig-contacted', (w) => intervalSpec(contacted, 'funded', w), `Funded loans in ${MEASURED_DAYS} for each interval between calls to a reached lead, with the 95% interval over the replications.`);
  await drawFigure('fig-contacted-best', (w) => pairedDifferenceSpec(c.comparison, 'funded', w, 'the best'), `Each other reached-lead interval minus the best one in funded loans of ${MEASURED_DAYS}, paired replication by replication: a bar across zero is no clear difference.`);
  say('result-contacted', bestSentence('Reached leads', c));
  say('pairing-note', pairingNote([a.comparison, c.comparison]));
});
