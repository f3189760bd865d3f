/** The distribution notebook: the patterns side by side, each with its trade-off. */
import { compareScenarios } from '../../compare/compareScenarios';
import { pairedDifferenceSpec } from '../../charts/differenceSpec';
import { intervalSpec } from '../../charts/specs';
import { MEASURED_DAYS } from './story';
import { drawFigure, linkWorkbench, runStory, start } from './notebookPage';
import { distributionStory as story, PATTERNS } from './distributionStory';

start(async () => {
  linkWorkbench(story);
  const list = document.getElementById('patterns')!;
  list.replaceChildren(
    ...PATTERNS.map((p) => {
      const li = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = `${p.label}: `;
      li.append(name, p.tradeOff);
      return li;
    }),
  );
  const summaries = await runStory(story);
  await drawFigure('fig-funded', (w) => intervalSpec(summaries, 'funded', w), `Funded loans in ${MEASURED_DAYS} under each pattern, with the 95% interval over the replications.`);
  await drawFigure('fig-vs-round-robin', (w) => pairedDifferenceSpec(compareScenarios(summaries), 'funded', w), `Each pattern minus round robin in funded loans of ${MEASURED_DAYS}, paired replication by replication: a bar across zero is no clear difference.`);
  await drawFigure('fig-contact', (w) => intervalSpec(summaries, 'contactRate', w), 'The share of leads each pattern ever reached: patterns that let fresh leads wait reach fewer.');
});
