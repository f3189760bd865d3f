/**
 * The scenario form. Each input carries the schema path of its field in `data-path` ("leads.perDay",
 * "agents[1].shift") and what it holds in `data-kind`, so form and JSON map one to one, and validation messages
 * land on the input they are about. A field left empty writes nothing: the scenario takes the documented default,
 * which the field shows as its placeholder.
 */
import type { SchemaIssue } from '../schema';
import { el } from './dom';
import { defaultFor, defaultList, pathOf, scenarioNodeAt, shownValue } from './fieldDefaults';
import { getAtPath, removePath, steps, writePath } from './jsonPath';

export { getAtPath } from './jsonPath';

type Json = Record<string, unknown>;

/**
 * Writes a form value into the scenario; `undefined` removes the field (the default applies). The callback cadence
 * may be a preset name or an object with a preset, and per-status changes turn a name into an object (and back when
 * the last change is removed). A new distribution strategy starts with its default options, since options differ
 * between strategies. A field in a row of a list the scenario leaves out (the default lead sources) first copies
 * the default list, so the other rows keep their values.
 */
export function setAtPath(json: Json, path: string, value: unknown): void {
  if (path === 'callbacks' && typeof json.callbacks === 'object' && json.callbacks !== null) {
    (json.callbacks as Json).preset = value;
    return;
  }
  if (path === 'distribution.strategy') {
    json.distribution = { strategy: value, options: {} };
    return;
  }
  if (path === 'scoring') {
    // The scoring switch: on keeps what is there (or every default), off removes the whole model.
    if (value === undefined) delete json.scoring;
    else if (typeof json.scoring !== 'object' || json.scoring === null) json.scoring = {};
    return;
  }
  const ks = steps(path);
  if (ks[0] === 'callbacks' && ks.length > 1) {
    if (typeof json.callbacks === 'string') json.callbacks = { preset: json.callbacks };
    else if (typeof json.callbacks !== 'object' || json.callbacks === null) json.callbacks = { preset: 'radar' };
  }
  if (ks[0] === 'distribution' && ks.length > 1) {
    const d = json.distribution;
    if (typeof d === 'string') json.distribution = { strategy: d, options: {} };
    else if (typeof d !== 'object' || d === null) json.distribution = { strategy: 'round-robin', options: {} };
  }
  const row = ks.findIndex((k) => typeof k === 'number');
  if (row > 0 && getAtPath(json, pathOf(ks.slice(0, row))) === undefined) {
    const list = defaultList(json, pathOf(ks.slice(0, row)));
    if (list) writePath(json, pathOf(ks.slice(0, row)), structuredClone(list));
  }
  if (value === undefined) removePath(json, path);
  else writePath(json, path, value);
  const c = json.callbacks as Json | undefined;
  if (ks[0] === 'callbacks' && c && typeof c === 'object' && Object.keys(c).length === 1 && typeof c.preset === 'string') json.callbacks = c.preset;
}

/** A field's value as the form shows it; empty where the scenario leaves it out. */
function shown(json: Json, path: string, kind: string | undefined): string {
  if (path === 'callbacks') {
    const c = json.callbacks;
    return typeof c === 'string' ? c : typeof c === 'object' && c !== null ? String((c as Json).preset ?? 'radar') : 'radar';
  }
  if (path === 'distribution.strategy') {
    const d = json.distribution;
    return typeof d === 'string' ? d : typeof d === 'object' && d !== null ? String((d as Json).strategy ?? 'round-robin') : 'round-robin';
  }
  if (path === 'scoring') return json.scoring === undefined ? '' : 'on';
  const v = getAtPath(json, path);
  if (kind === 'bool' && typeof v === 'boolean') return String(v);
  return shownValue(v);
}

type Field = HTMLInputElement | HTMLSelectElement;

/**
 * Puts the scenario's values into every form input (all of them carry `data-path`), and each default into the
 * input's placeholder and the "default" choice of a select. The input being typed in is left as the user has it.
 */
export function syncForm(form: HTMLElement, json: Json): void {
  for (const input of form.querySelectorAll<Field>('[data-path]')) {
    const path = input.dataset.path!;
    const value = defaultFor(json, path);
    const fallback = Array.isArray(value) && value.length === 0 ? 'none' : shownValue(value);
    if (input instanceof HTMLInputElement) input.placeholder = fallback === '' ? (input.dataset.required ? 'required' : '') : fallback;
    else if (input.options[0]?.value === '') {
      // A select says its default in the words of the matching choice ("Default (Yes)").
      const words = [...input.options].find((o) => o.value !== '' && o.value === String(value))?.textContent ?? fallback;
      input.options[0].textContent = words ? `Default: ${words}` : (input.dataset.defaultWords ?? (input.dataset.required ? 'Choose one' : 'Default'));
    }
    if (input.ownerDocument.activeElement === input) continue;
    input.value = shown(json, path, input.dataset.kind);
  }
}

/**
 * What a number input that holds text the browser cannot read as a number ("4e", "-", "1.2.3") writes into the
 * scenario. The browser gives such an input the empty value, which would otherwise mean "use the default".
 */
export const NOT_A_NUMBER = 'not a number';

/**
 * The value of an input for the scenario, by its `data-kind`: "number", "numbers" ("10, 30, 60"), "strings"
 * ("aggregator, web-form"), "bool" or text. Empty means "use the default" (undefined). Text that is not what the
 * kind expects is written as typed, so validation names the field; a number input hides such text, so it writes
 * {@link NOT_A_NUMBER}.
 */
export function inputValue(input: Field): unknown {
  if (input instanceof HTMLInputElement && input.validity.badInput) return NOT_A_NUMBER;
  const raw = input.value.trim();
  if (raw === '' && !(input instanceof HTMLSelectElement && input.dataset.kind === undefined)) return undefined;
  const kind = input.dataset.kind ?? (input instanceof HTMLInputElement && input.type === 'number' ? 'number' : 'text');
  switch (kind) {
    case 'number':
      return Number.isFinite(Number(raw)) ? Number(raw) : input.value;
    case 'numbers': {
      const parts = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
      return parts.every((p) => Number.isFinite(Number(p))) ? parts.map(Number) : input.value;
    }
    case 'strings':
      return raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
    case 'bool':
      return raw === 'true' ? true : raw === 'false' ? false : input.value;
    default:
      return input.value;
  }
}

/**
 * Fills a part of the form whose fields never change with the scenario (pipeline rules, scoring, assumptions):
 * built and wired once, then `syncForm` keeps values and defaults current.
 */
export function renderFixedPart(container: HTMLElement, onInput: (path: string, value: unknown) => void, ...parts: Node[]): void {
  if (container.dataset.wired) return;
  container.replaceChildren(...parts);
  wireInputs(container, onInput);
  container.dataset.wired = 'yes';
}

/**
 * Turns off the fieldset `[data-part=part]` of `container` when the scenario's other choices make its fields do
 * nothing, saying `why` in its `[data-note=part]`; on again, without the note, when they are in use.
 */
export function fieldsInUse(container: HTMLElement, part: string, inUse: boolean, why: string): void {
  container.querySelector<HTMLFieldSetElement>(`[data-part="${part}"]`)!.disabled = !inUse;
  container.querySelector<HTMLElement>(`[data-note="${part}"]`)!.textContent = inUse ? '' : why;
}

/** A fieldset with a legend. */
export function fieldGroup(legend: string, ...fields: HTMLElement[]): HTMLElement {
  return el('fieldset', {}, el('legend', {}, legend), ...fields);
}

/** Calls `onInput(path, value)` whenever an input of `root` with a `data-path` changes. */
export function wireInputs(root: HTMLElement, onInput: (path: string, value: unknown) => void): void {
  root.addEventListener('input', (e) => {
    const t = e.target as Field;
    if (t.dataset?.path) onInput(t.dataset.path, inputValue(t));
  });
}

/**
 * Fields set only in the JSON whose issues a field of the form causes as well: the warm-up and cool-down are checked
 * against the days simulated, so shortening the days below the warm-up is marked on the days, where it was typed.
 */
const FORM_FIELD_OF: Readonly<Record<string, string>> = { warmupDays: 'days', cooldownDays: 'days' };

/** The path of the form field that shows an issue at `path`: its own, or the field that governs it (above). */
const formPathOf = (path: string): string => FORM_FIELD_OF[path] ?? path;

/**
 * Marks the inputs that schema issues name (aria-invalid) and opens the collapsed section that holds them; clears
 * the marks of the others. Returns how many issues landed on an input.
 */
export function markIssues(form: HTMLElement, issues: readonly SchemaIssue[]): number {
  const bad = new Set(issues.map((i) => formPathOf(i.path)));
  let marked = 0;
  for (const input of form.querySelectorAll<HTMLElement>('[data-path]')) {
    if (bad.has(input.dataset.path!)) {
      input.setAttribute('aria-invalid', 'true');
      const section = input.closest('details');
      if (section) section.open = true;
      marked++;
    } else input.removeAttribute('aria-invalid');
  }
  return marked;
}

/** A "show the field" button for an issue whose path has a field in the form (none otherwise). */
export function fieldLink(form: HTMLElement, path: string): (HTMLElement | string)[] {
  const input = [...form.querySelectorAll<HTMLElement>('[data-path]')].find((i) => i.dataset.path === formPathOf(path));
  if (!input) return [];
  const go = el('button', { className: 'link' }, 'Show the field');
  go.type = 'button';
  go.setAttribute('aria-label', `Show the field ${path}`);
  go.addEventListener('click', () => {
    const section = input.closest('details');
    if (section) section.open = true;
    input.focus();
    input.scrollIntoView({ block: 'center' });
  });
  return [' ', go];
}

export interface FieldSpec {
  path: string;
  label: string;
  kind?: 'text' | 'number' | 'numbers' | 'strings' | 'bool' | 'choice';
  /** For "choice": the values, each with the words shown. */
  choices?: readonly (readonly [value: string, words: string])[];
  /** A line under the field that says what it means. */
  hint?: string;
  required?: boolean;
  wide?: boolean;
  /** What the empty choice of a select means when the schema has no default value (e.g. "Off"). */
  defaultWords?: string;
}

let fieldCount = 0;

/**
 * A labeled form field for a schema path. Selects start with an empty "Default (...)" choice, so leaving them alone
 * writes nothing; yes/no fields are such selects too, since a checkbox cannot say "the default".
 */
export function formField(spec: FieldSpec): HTMLElement {
  const id = `ff-${++fieldCount}`;
  const kind = spec.kind ?? 'text';
  let input: Field;
  if (kind === 'bool' || kind === 'choice') {
    const choices = kind === 'bool' ? [['true', 'Yes'], ['false', 'No']] as const : spec.choices ?? [];
    input = el('select', {}, el('option', {}, 'Default'), ...choices.map(([value, words]) => Object.assign(el('option', {}, words), { value })));
    input.options[0].value = '';
  } else {
    input = el('input', {});
    input.type = kind === 'number' ? 'number' : 'text';
    input.autocomplete = 'off';
    if (kind === 'number') input.step = 'any';
    if (kind === 'numbers') input.inputMode = 'decimal';
  }
  input.id = id;
  input.dataset.path = spec.path;
  input.dataset.kind = kind === 'choice' ? 'text' : kind;
  if (spec.required) input.dataset.required = 'yes';
  if (spec.defaultWords) input.dataset.defaultWords = spec.defaultWords;
  const label = el('label', {}, spec.label);
  label.htmlFor = id;
  const children: Node[] = [label, input];
  if (spec.hint) {
    const hint = el('small', { className: 'field-hint', id: `${id}-hint` }, spec.hint);
    input.setAttribute('aria-describedby', hint.id);
    children.push(hint);
  }
  return el('div', { className: spec.wide ? 'field wide' : 'field' }, ...children);
}

const AGENT_FIELDS = (g: number): FieldSpec[] => [
  { path: `agents[${g}].name`, label: 'Name', required: true },
  { path: `agents[${g}].count`, label: 'Number of agents', kind: 'number' },
  { path: `agents[${g}].role`, label: 'Role', kind: 'choice', choices: [['closer', 'Closer'], ['telemarketer', 'Telemarketer (pre-qualifier)']] },
  { path: `agents[${g}].skill`, label: 'Skill (x average conversion)', kind: 'number' },
  { path: `agents[${g}].shift`, label: 'Shift (HH:MM-HH:MM)' },
  { path: `agents[${g}].days`, label: 'Working days (e.g. Mon-Fri)' },
  { path: `agents[${g}].pipelineLimit`, label: 'Pipeline limit (open leads)', kind: 'number' },
  { path: `agents[${g}].newLeadsPerDay`, label: 'New leads per agent per day', kind: 'number' },
];

/**
 * One fieldset per agent group of the scenario, with buttons to add a group and remove one; rebuilt only when the
 * number of groups changes. While the scenario leaves `agents` out, the default floor's groups are shown.
 */
export function renderAgentGroups(container: HTMLElement, json: Json, onInput: (path: string, value: unknown) => void, edit?: (mutate: (json: Json) => void) => void): void {
  const own = Array.isArray(json.agents);
  const fallback = scenarioNodeAt('agents')?.default;
  const groups = own ? (json.agents as unknown[]) : Array.isArray(fallback) ? fallback : [];
  const shape = String(groups.length);
  if (container.dataset.shape === shape && container.dataset.wired) return;
  container.dataset.shape = shape;
  const materialize = (j: Json): unknown[] => {
    if (!Array.isArray(j.agents)) j.agents = structuredClone(groups);
    return j.agents as unknown[];
  };
  const add = el('button', {}, 'Add an agent group');
  add.type = 'button';
  add.addEventListener('click', () => edit?.((j) => void materialize(j).push({ name: `Group ${groups.length + 1}`, count: 1 })));
  container.replaceChildren(
    ...groups.map((_, g) => {
      const remove = el('button', {}, 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove agent group ${g + 1}`);
      remove.disabled = groups.length <= 1 || !edit;
      remove.addEventListener('click', () => edit?.((j) => void materialize(j).splice(g, 1)));
      return el('fieldset', {}, el('legend', {}, `Agent group ${g + 1}`), ...AGENT_FIELDS(g).map(formField), el('div', { className: 'row wide' }, remove));
    }),
    ...(edit ? [el('div', { className: 'row' }, add)] : []),
  );
  if (!container.dataset.wired) {
    wireInputs(container, onInput);
    container.dataset.wired = 'yes';
  }
}
