/**
 * The form for a scenario's main fields. Each input carries the schema path of its field in `data-path`
 * ("leads.perDay", "agents[1].shift"), so validation messages land on the input they are about.
 */
import { el } from './dom';

type Json = Record<string, unknown>;

function steps(path: string): (string | number)[] {
  return path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
}

/** The value at a schema path, or undefined. */
export function getAtPath(json: unknown, path: string): unknown {
  let node = json as Record<string | number, unknown> | undefined;
  for (const k of steps(path)) node = node && typeof node === 'object' ? (node[k] as Record<string | number, unknown>) : undefined;
  return node;
}

/**
 * Writes a form value into the scenario. The callback cadence may be a preset name or an object with a preset; a
 * new distribution strategy starts with its default options, since options differ between strategies.
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
  const ks = steps(path);
  let node = json as Record<string | number, unknown>;
  ks.slice(0, -1).forEach((k, i) => {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = typeof ks[i + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
  node[ks[ks.length - 1]] = value;
}

/** A field's value as the form shows it, with the documented default where the scenario leaves it out. */
function shown(json: Json, path: string): string {
  if (path === 'callbacks') {
    const c = json.callbacks;
    return typeof c === 'string' ? c : typeof c === 'object' && c !== null ? String((c as Json).preset ?? 'radar') : 'radar';
  }
  if (path === 'distribution.strategy') {
    const d = json.distribution;
    return typeof d === 'string' ? d : typeof d === 'object' && d !== null ? String((d as Json).strategy ?? 'round-robin') : 'round-robin';
  }
  const v = getAtPath(json, path);
  const defaults: Record<string, string> = { 'leads.perDay': '40', days: '90', name: '' };
  return v === undefined ? (defaults[path] ?? '') : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Puts the scenario's values into every form input (all of them carry `data-path`). */
export function syncForm(form: HTMLFormElement, json: Json): void {
  for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-path]')) {
    if (document.activeElement === input) continue;
    input.value = shown(json, input.dataset.path!);
  }
}

/** The value of an input for the scenario: numbers as numbers; an empty number stays text so validation names it. */
export function inputValue(input: HTMLInputElement | HTMLSelectElement): unknown {
  if (input instanceof HTMLInputElement && input.type === 'number' && input.value.trim() !== '' && Number.isFinite(Number(input.value))) return Number(input.value);
  return input.value;
}

/** Calls `onInput(path, value)` whenever an input of `root` with a `data-path` changes. */
export function wireInputs(root: HTMLElement, onInput: (path: string, value: unknown) => void): void {
  root.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (t.dataset?.path) onInput(t.dataset.path, inputValue(t));
  });
}

const AGENT_FIELDS: [key: string, label: string, type: 'text' | 'number'][] = [
  ['name', 'Name', 'text'],
  ['count', 'Number of agents', 'number'],
  ['shift', 'Shift (HH:MM-HH:MM)', 'text'],
  ['days', 'Working days (e.g. Mon-Fri)', 'text'],
  ['pipelineLimit', 'Pipeline limit (open leads)', 'number'],
  ['newLeadsPerDay', 'New leads per agent per day', 'number'],
];

/** One fieldset per agent group of the scenario; rebuilt only when the number of groups changes. */
export function renderAgentGroups(container: HTMLElement, json: Json, onInput: (path: string, value: unknown) => void): void {
  const groups = Array.isArray(json.agents) ? json.agents : [];
  if (container.childElementCount === groups.length && container.dataset.wired) return;
  container.replaceChildren(
    ...groups.map((_, g) =>
      el(
        'fieldset',
        {},
        el('legend', {}, `Agent group ${g + 1}`),
        ...AGENT_FIELDS.map(([key, label, type]) => {
          const input = el('input', { dataset: { path: `agents[${g}].${key}` } });
          input.type = type;
          input.autocomplete = 'off';
          if (type === 'number') input.min = key === 'newLeadsPerDay' ? '0' : '1';
          return el('label', {}, label, input);
        }),
      ),
    ),
  );
  if (!container.dataset.wired) {
    wireInputs(container, onInput);
    container.dataset.wired = 'yes';
  }
}
