/**
 * Lead scoring and ownership in the form (docs/design.md, Lead strategy): on or off, the score threshold and the
 * marketing drip. Turning it on writes `"scoring": {}` (every field its default); typing any of its fields turns it
 * on too. The visible attributes the score weighs stay in the JSON.
 */
import { fieldGroup, formField, renderFixedPart } from './scenarioForm';

/** Builds the scoring fields once; values and defaults come from `syncForm`. */
export function renderScoring(container: HTMLElement, onInput: (path: string, value: unknown) => void): void {
  renderFixedPart(
    container,
    onInput,
    fieldGroup(
      'Score each new lead',
      formField({
        path: 'scoring',
        label: 'Lead scoring',
        kind: 'choice',
        choices: [['on', 'On: leads that score high to sales, the rest to a marketing drip']],
        defaultWords: 'Off: every lead goes to sales',
        wide: true,
      }),
      formField({ path: 'scoring.threshold', label: 'Score needed to go to sales', kind: 'number', wide: true }),
      formField({ path: 'scoring.drip.intervalDays', label: 'Days between drip emails', kind: 'number' }),
      formField({ path: 'scoring.drip.optOutPerEmail', label: 'Opt-out chance per email (0 to 1)', kind: 'number' }),
      formField({ path: 'scoring.drip.maturePerEmail', label: 'Chance per email an immature lead gets ready', kind: 'number' }),
      formField({ path: 'scoring.drip.responsePerEmail', label: 'Chance per email a ready lead answers', kind: 'number' }),
    ),
  );
}
