/** Every part of the scenario form, rendered from one scenario JSON: the page calls this after each change. */
import { renderAssumptions } from './assumptionsForm';
import { renderCadence } from './cadenceForm';
import { renderLeadMix } from './leadMixForm';
import { renderPipelineRules } from './pipelineRulesForm';
import { renderAgentGroups, syncForm } from './scenarioForm';
import { renderScoring } from './scoringForm';
import { renderStrategyOptions } from './strategyOptionsForm';

type Json = Record<string, unknown>;

export interface FormHandlers {
  /** A field changed: write `value` at `path` (undefined: remove it, the default applies). */
  onInput(path: string, value: unknown): void;
  /** A structural change (add or remove a row, go back to a default list). */
  edit(mutate: (json: Json) => void): void;
}

/**
 * Builds what the scenario's shape needs (agent groups, lead sources and products, the strategy's options) and the
 * fixed parts (cadence per status, pipeline rules, scoring, contact and conversion assumptions), then
 * puts the scenario's values and defaults into every field. Containers are found by id inside `form`.
 */
export function renderScenarioForm(form: HTMLElement, json: Json, handlers: FormHandlers): void {
  const part = (id: string) => form.querySelector<HTMLElement>(`#${id}`);
  const agents = part('agent-groups');
  if (agents) renderAgentGroups(agents, json, handlers.onInput, handlers.edit);
  const leadMix = part('lead-mix');
  if (leadMix) renderLeadMix(leadMix, json, handlers.onInput, handlers.edit);
  const cadence = part('cadence');
  if (cadence) renderCadence(cadence, json, handlers.onInput, handlers.edit);
  const pipeline = part('pipeline-rules');
  if (pipeline) renderPipelineRules(pipeline, handlers.onInput);
  const scoring = part('scoring');
  if (scoring) renderScoring(scoring, handlers.onInput);
  const assumptions = part('assumptions');
  if (assumptions) renderAssumptions(assumptions, json, handlers.onInput);
  const options = part('strategy-options');
  if (options) renderStrategyOptions(options, json, handlers.onInput);
  syncForm(form, json);
}
