/** Pipeline rules in the form (docs/design.md, Pipeline management): what happens to a lead each time it is worked. */
import { fieldGroup, formField, renderFixedPart } from './scenarioForm';

/** Builds the pipeline rule fields once; values and defaults come from `syncForm`. */
export function renderPipelineRules(container: HTMLElement, onInput: (path: string, value: unknown) => void): void {
  renderFixedPart(
    container,
    onInput,
    fieldGroup(
      'Evaluate each lead when it is worked',
      formField({ path: 'pipeline.nurtureAfterConversations', label: 'Nurture after this many conversations without an application', kind: 'number', wide: true }),
      formField({ path: 'pipeline.dropAfterDays', label: 'Drop a lead that never applied after (days)', kind: 'number', wide: true }),
      formField({
        path: 'pipeline.pruneAtLimitAfterConversations',
        label: 'At a full pipeline, nurture contacted leads after this many conversations',
        kind: 'number',
        hint: '0 = never prune',
        wide: true,
      }),
      formField({
        path: 'pipeline.pruneAtLimitAfterAttempts',
        label: 'At a full pipeline, nurture leads still unreached after this many attempts',
        kind: 'number',
        hint: '0 = never prune',
        wide: true,
      }),
    ),
  );
}
