/**
 * The lead mix in the form: one row per lead source (share, price, how many companies bought the lead, how
 * reachable and how ready to convert its leads are) and per product (share, revenue per funded deal). While the
 * scenario leaves the lists out, the rows show the default mix as placeholders; editing any field copies the
 * default list into the scenario first (a list cannot be half default).
 */
import { el } from './dom';
import { scenarioNodeAt } from './fieldDefaults';
import { formField, wireInputs, type FieldSpec } from './scenarioForm';

type Json = Record<string, unknown>;
type Edit = (mutate: (json: Json) => void) => void;

const SOURCE_FIELDS = (i: number): FieldSpec[] => [
  { path: `leads.sources[${i}].name`, label: 'Source name', required: true },
  { path: `leads.sources[${i}].share`, label: 'Share of leads (relative)', kind: 'number', required: true },
  { path: `leads.sources[${i}].cost`, label: 'Price per lead ($)', kind: 'number' },
  { path: `leads.sources[${i}].soldTo`, label: 'Sold to 1, 2, 3... companies (weights)', kind: 'numbers', hint: 'e.g. "0.2, 0.3, 0.3, 0.2": how often the lead was sold to 1, 2, 3 or 4 buyers, us included' },
  { path: `leads.sources[${i}].contactabilityFactor`, label: 'Reachability (x average)', kind: 'number' },
  { path: `leads.sources[${i}].conversionFactor`, label: 'Conversion (x average)', kind: 'number' },
];

const PRODUCT_FIELDS = (i: number): FieldSpec[] => [
  { path: `leads.products[${i}].name`, label: 'Product name', required: true },
  { path: `leads.products[${i}].share`, label: 'Share of leads (relative)', kind: 'number', required: true },
  { path: `leads.products[${i}].revenuePerFunded`, label: 'Revenue per funded deal ($)', kind: 'number' },
];

/** The rows of a list: the scenario's own, or the default list's. */
function rowsOf(json: Json, list: 'sources' | 'products'): { rows: unknown[]; own: boolean } {
  const own = (json.leads as Json | undefined)?.[list];
  if (Array.isArray(own)) return { rows: own, own: true };
  const fallback = scenarioNodeAt(`leads.${list}`)?.default;
  return { rows: Array.isArray(fallback) ? fallback : [], own: false };
}

function listSection(json: Json, list: 'sources' | 'products', edit: Edit): HTMLElement {
  const { rows, own } = rowsOf(json, list);
  const word = list === 'sources' ? 'source' : 'product';
  const fields = list === 'sources' ? SOURCE_FIELDS : PRODUCT_FIELDS;
  const materialize = (j: Json): unknown[] => {
    const leads = (j.leads ??= {}) as Json;
    if (!Array.isArray(leads[list])) leads[list] = structuredClone(rowsOf(j, list).rows);
    return leads[list] as unknown[];
  };
  const add = el('button', {}, `Add a ${word}`);
  add.type = 'button';
  add.addEventListener('click', () => edit((j) => void materialize(j).push({ name: `${word} ${rowsOf(j, list).rows.length + 1}`, share: 1 })));
  const reset = el('button', { dataset: { reset: list } }, `Use the default ${list}`);
  reset.type = 'button';
  reset.disabled = !own;
  reset.addEventListener('click', () =>
    edit((j) => {
      const leads = j.leads as Json | undefined;
      if (!leads) return;
      delete leads[list];
      if (Object.keys(leads).length === 0) delete j.leads;
    }),
  );
  return el(
    'div',
    { className: 'rows' },
    el('p', { className: 'hint', dataset: { note: list } }, own ? '' : `Using the default ${list}; editing a field copies them into this scenario.`),
    ...rows.map((_, i) => {
      const remove = el('button', {}, 'Remove');
      remove.type = 'button';
      // The label names the row by number only: rows are not rebuilt when a name is typed.
      remove.setAttribute('aria-label', `Remove ${word} ${i + 1}`);
      remove.disabled = rows.length <= 1;
      remove.addEventListener('click', () => edit((j) => void materialize(j).splice(i, 1)));
      return el('fieldset', {}, el('legend', {}, `${word[0].toUpperCase()}${word.slice(1)} ${i + 1}`), ...fields(i).map(formField), el('div', { className: 'row wide' }, remove));
    }),
    el('div', { className: 'row' }, add, reset),
  );
}

/**
 * Renders the lead mix into `container`. The rows are rebuilt only when their number changes, so the field being
 * typed in keeps its focus; values and placeholders come from `syncForm`.
 */
export function renderLeadMix(container: HTMLElement, json: Json, onInput: (path: string, value: unknown) => void, edit: Edit): void {
  const sources = rowsOf(json, 'sources');
  const products = rowsOf(json, 'products');
  const shape = `${sources.rows.length}|${products.rows.length}`;
  if (container.dataset.shape !== shape) {
    container.dataset.shape = shape;
    container.replaceChildren(
      formField({ path: 'leads.readyShare', label: 'Share of leads ready to buy now (0 to 1)', kind: 'number', wide: true }),
      el('h4', {}, 'Lead sources'),
      listSection(json, 'sources', edit),
      el('h4', {}, 'Products'),
      listSection(json, 'products', edit),
    );
  }
  // Whether the lists are the scenario's own or the defaults changes without a rebuild.
  for (const [list, own] of [['sources', sources.own], ['products', products.own]] as const) {
    const note = container.querySelector<HTMLElement>(`[data-note="${list}"]`);
    if (note) note.textContent = own ? '' : `Using the default ${list}; editing a field copies them into this scenario.`;
    const reset = container.querySelector<HTMLButtonElement>(`[data-reset="${list}"]`);
    if (reset) reset.disabled = !own;
  }
  if (!container.dataset.wired) {
    wireInputs(container, onInput);
    container.dataset.wired = 'yes';
  }
}
