/**
 * The callback cadence per status in the form (DESIGN.md, Callback periods): for each open status, the burst of
 * early follow-ups, the interval range after it, the attempts allowed and where the lead goes when they are used up.
 * Each field changes the chosen preset for that status only; left empty it keeps the preset's value, shown as the
 * placeholder. The production-cycle modifiers stay in the JSON.
 */
import { CADENCE_STATUSES, type CadenceStatus } from '../strategies/callbackSchedule';
import { el } from './dom';
import { formField, wireInputs, type FieldSpec } from './scenarioForm';

/** The statuses in the field's words. */
export const STATUS_WORDS: Record<CadenceStatus, string> = {
  attempted: 'Attempted (not yet reached)',
  contacted: 'Contacted (reached, no application)',
  application: 'Application (no closing yet)',
  closing: 'Closing (not yet funded)',
};

function statusFields(s: CadenceStatus): FieldSpec[] {
  const p = `callbacks.statuses.${s}`;
  return [
    { path: `${p}.burstMinutes`, label: `${STATUS_WORDS[s].split(' (')[0]}: burst (minutes)`, kind: 'numbers', hint: 'Minutes after entering the status for the first follow-ups, e.g. "10, 30, 60"' },
    { path: `${p}.intervalHours`, label: `${STATUS_WORDS[s].split(' (')[0]}: then every (hours, min, max)`, kind: 'numbers', hint: 'Two numbers: the next call is due between them, e.g. "2, 4"' },
    { path: `${p}.maxAttempts`, label: `${STATUS_WORDS[s].split(' (')[0]}: unanswered attempts allowed`, kind: 'number' },
    { path: `${p}.onExhausted`, label: `${STATUS_WORDS[s].split(' (')[0]}: then`, kind: 'choice', choices: [['nurture', 'Nurture (marketing drip)'], ['lost', 'Lost (stop working it)']] },
    { path: `${p}.priority`, label: `${STATUS_WORDS[s].split(' (')[0]}: priority (lower is called first)`, kind: 'number' },
  ];
}

/** Builds the per-status cadence fields once; their values and the preset's defaults come from `syncForm`. */
export function renderCadence(container: HTMLElement, onInput: (path: string, value: unknown) => void): void {
  if (container.dataset.wired) return;
  container.replaceChildren(
    el('p', { className: 'hint' }, 'Each field changes the chosen cadence for one status; an empty field keeps the cadence\'s own value (shown in grey).'),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Fixed retries (only with that cadence)'),
      formField({ path: 'callbacks.tries', label: 'Tries while unreached', kind: 'number' }),
      formField({ path: 'callbacks.everyHours', label: 'Hours between tries', kind: 'number' }),
    ),
    ...CADENCE_STATUSES.map((s) => el('fieldset', {}, el('legend', {}, STATUS_WORDS[s]), ...statusFields(s).map(formField))),
  );
  wireInputs(container, onInput);
  container.dataset.wired = 'yes';
}
