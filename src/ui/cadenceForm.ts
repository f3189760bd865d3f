/**
 * The callback cadence per status in the form (docs/design.md, Callback periods): for each open status, the burst of
 * early follow-ups, the interval range after it, the attempts allowed and where the lead goes when they are used up.
 * Each field changes the chosen preset for that status only; left empty it keeps the preset's value, shown as the
 * placeholder. The production-cycle modifiers are rows below, the preset's own until one is edited.
 */
import { CADENCE_STATUSES, type CadenceStatus } from '../strategies/callbackSchedule';
import { el } from './dom';
import { callbackPresetOf, defaultList } from './fieldDefaults';
import { fieldsInUse, formField, wireInputs, type FieldSpec } from './scenarioForm';

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
    { path: `${p}.onExhausted`, label: `${STATUS_WORDS[s].split(' (')[0]}: then`, kind: 'choice', choices: [['nurture', 'Nurture (drip)'], ['lost', 'Lost (stop)']] },
    { path: `${p}.priority`, label: `${STATUS_WORDS[s].split(' (')[0]}: priority (lower is called first)`, kind: 'number' },
  ];
}

const STATUS_CHOICES = CADENCE_STATUSES.map((s) => [s, STATUS_WORDS[s]] as const);

type Json = Record<string, unknown>;
type Edit = (mutate: (json: Json) => void) => void;

/** The scenario's callbacks as an object (a preset name becomes `{preset}`), to change in place. */
function callbacksObject(json: Json): Json {
  if (typeof json.callbacks === 'string') json.callbacks = { preset: json.callbacks };
  else if (typeof json.callbacks !== 'object' || json.callbacks === null) json.callbacks = { preset: 'radar' };
  return json.callbacks as Json;
}

/**
 * The production cycle (docs/design.md: early in the month tighten "contacted", late in the month "application"): one
 * row per modifier, the chosen preset's while the scenario leaves it out. Rebuilt when the number of rows changes.
 */
function renderCycle(container: HTMLElement, json: Json, edit: Edit): void {
  const own = typeof json.callbacks === 'object' && json.callbacks !== null && Array.isArray((json.callbacks as Json).productionCycle);
  const rows = (own ? (json.callbacks as Json).productionCycle : defaultList(json, 'callbacks.productionCycle')) as unknown[];
  const materialize = (j: Json): unknown[] => {
    const c = callbacksObject(j);
    if (!Array.isArray(c.productionCycle)) c.productionCycle = structuredClone(defaultList(j, 'callbacks.productionCycle') ?? []);
    return c.productionCycle as unknown[];
  };
  if (container.dataset.shape !== String(rows.length)) {
    container.dataset.shape = String(rows.length);
    const add = el('button', {}, 'Add a modifier');
    add.type = 'button';
    add.addEventListener('click', () => edit((j) => void materialize(j).push({ status: 'contacted', fromDay: 1, toDay: 10, intervalFactor: 1 })));
    const reset = el('button', { dataset: { reset: 'cycle' } }, "Use the cadence's own cycle");
    reset.type = 'button';
    reset.addEventListener('click', () =>
      edit((j) => {
        const c = callbacksObject(j);
        delete c.productionCycle;
        if (Object.keys(c).length === 1 && typeof c.preset === 'string') j.callbacks = c.preset;
      }),
    );
    container.replaceChildren(
      el('p', { className: 'hint', dataset: { note: 'cycle' } }),
      ...rows.map((_, i) => {
        const p = `callbacks.productionCycle[${i}]`;
        const remove = el('button', {}, 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Remove production-cycle modifier ${i + 1}`);
        remove.addEventListener('click', () => edit((j) => void materialize(j).splice(i, 1)));
        return el(
          'fieldset',
          {},
          el('legend', {}, `Modifier ${i + 1}`),
          formField({ path: `${p}.status`, label: `Modifier ${i + 1}: status`, kind: 'choice', choices: STATUS_CHOICES, required: true, wide: true }),
          formField({ path: `${p}.fromDay`, label: `Modifier ${i + 1}: from day of month`, kind: 'number', required: true }),
          formField({ path: `${p}.toDay`, label: `Modifier ${i + 1}: to day of month`, kind: 'number', required: true }),
          formField({ path: `${p}.intervalFactor`, label: `Modifier ${i + 1}: interval x`, kind: 'number', required: true, hint: '0.5 = call twice as often' }),
          el('div', { className: 'row wide' }, remove),
        );
      }),
      el('div', { className: 'row' }, add, reset),
    );
  }
  const note = container.querySelector<HTMLElement>('[data-note="cycle"]');
  if (note) note.textContent = own ? (rows.length === 0 ? 'No production cycle: the same intervals all month.' : '') : rows.length === 0 ? 'This cadence has no production cycle; add a modifier to make one.' : "The cadence's own cycle; editing a field copies it into this scenario.";
  const reset = container.querySelector<HTMLButtonElement>('[data-reset="cycle"]');
  if (reset) reset.disabled = !own;
}

/**
 * Builds the per-status cadence fields once, and the production-cycle rows as the scenario needs them; values and
 * the preset's defaults come from `syncForm`.
 */
export function renderCadence(container: HTMLElement, json: Json, onInput: (path: string, value: unknown) => void, edit: Edit): void {
  if (!container.dataset.wired) {
    container.replaceChildren(
      el('p', { className: 'hint' }, "Each field changes the chosen cadence for one status; an empty field keeps the cadence's own value (shown in grey)."),
      el(
        'fieldset',
        { dataset: { part: 'fixed-retries' } },
        el('legend', {}, 'Fixed retries (only with that cadence)'),
        el('p', { className: 'hint wide', dataset: { note: 'fixed-retries' } }),
        formField({ path: 'callbacks.tries', label: 'Tries while unreached', kind: 'number' }),
        formField({ path: 'callbacks.everyHours', label: 'Hours between tries', kind: 'number' }),
      ),
      ...CADENCE_STATUSES.map((s) => el('fieldset', {}, el('legend', {}, STATUS_WORDS[s]), ...statusFields(s).map(formField))),
      el('h4', {}, 'Production cycle: intervals by day of the month'),
      el('div', { dataset: { cycle: 'rows' } }),
    );
    wireInputs(container, onInput);
    container.dataset.wired = 'yes';
  }
  // The fixed-retries cadence's two settings do nothing under another cadence: they could be typed, and were kept in
  // the JSON, with no effect on the run. They are off, and say so, unless the scenario chose that cadence.
  fieldsInUse(container, 'fixed-retries', callbackPresetOf(json) === 'fixed-retries', 'Only the Fixed retries cadence uses these: choose it in Callback cadence above to set them.');
  renderCycle(container.querySelector<HTMLElement>('[data-cycle]')!, json, edit);
}
