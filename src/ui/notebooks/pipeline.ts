/** The pipeline notebook: new-lead caps and the pipelines they make, and the top and the bottom loan officer. */
import * as Plot from '@observablehq/plot';
import { agentRows } from '../../charts/rows';
import { intervalSpec, leadsPerAgentSpec, pipelineSpec, SCENARIO_COLORS } from '../../charts/specs';
import type { ScenarioSummary } from '../../sim/summary';
import { MEASURED_DAYS } from './story';
import { drawFigure, linkWorkbench, runStory, say, start } from './notebookPage';
import { capScenarios, pipelineStory as story, topAndBottomScenario } from './pipelineStory';

/** Funded loans per agent (mean per run), in the style of leadsPerAgentSpec. */
function fundedPerAgentSpec(summary: ScenarioSummary, width: number): Plot.PlotOptions {
  const rows = agentRows([summary]);
  return {
    width,
    height: 60 + 40 * rows.length,
    marginLeft: 120,
    marginRight: 60,
    x: { label: 'Funded loans per agent (mean per run)', grid: true },
    y: { domain: rows.map((r) => r.agent), label: null },
    marks: [
      Plot.barX(rows, { y: 'agent', x: 'funded', fill: SCENARIO_COLORS[0] }),
      Plot.text(rows, { y: 'agent', x: 'funded', text: (d: { funded: number }) => d.funded.toFixed(1), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  };
}

start(async () => {
  linkWorkbench(story, 'open-caps', capScenarios);
  linkWorkbench(story, 'open-top-and-bottom', [topAndBottomScenario]);
  const summaries = await runStory(story);
  const caps = summaries.slice(0, capScenarios.length);
  const [topAndBottom] = summaries.slice(capScenarios.length);
  await drawFigure('fig-caps', (w) => intervalSpec(caps, 'funded', w), `Funded loans in ${MEASURED_DAYS} for each daily cap on new leads per agent, with the 95% interval over the replications.`);
  await drawFigure('fig-caps-contact', (w) => intervalSpec(caps, 'contactRate', w), 'The share of leads ever reached under each cap: leads a full floor cannot take wait, and go cold.');
  await drawFigure('fig-pipelines', (w) => pipelineSpec(caps, w), 'Each agent\'s open leads at the start of each day, one line per agent, one panel per cap.');
  await drawFigure('fig-officers-leads', (w) => leadsPerAgentSpec([topAndBottom], w), `New leads the top and the bottom loan officer each received in ${MEASURED_DAYS}.`);
  await drawFigure('fig-officers-funded', (w) => fundedPerAgentSpec(topAndBottom, w), `Loans each of them funded from the leads of ${MEASURED_DAYS}.`);
  const [top, bottom] = topAndBottom.agents;
  const rate = (a: { funded: number; leadsReceived: number }) => `${((100 * a.funded) / Math.max(1, a.leadsReceived)).toFixed(1)}%`;
  say(
    'result-officers',
    `The top officer took ${Math.round(top.leadsReceived)} new leads and funded ${top.funded.toFixed(1)} loans (${rate(top)}); ` +
      `the bottom one took ${Math.round(bottom.leadsReceived)} and funded ${bottom.funded.toFixed(1)} (${rate(bottom)}).`,
  );
});
