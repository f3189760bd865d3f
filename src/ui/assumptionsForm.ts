/**
 * The contact and conversion assumptions in the form (docs/assumptions.md): the calibrated defaults a consultant
 * may want to question, e.g. faster competitors or a flatter day. The first-contact age table and the interest
 * curve stay in the JSON (a curve is not a field).
 */
import { el } from './dom';
import { fieldGroup, fieldsInUse, formField, renderFixedPart } from './scenarioForm';

/** The contact fields' group, marked to be found again. */
function contactGroup(legend: string, ...fields: HTMLElement[]): HTMLElement {
  const group = fieldGroup(legend, ...fields);
  group.dataset.part = 'contact';
  return group;
}

/**
 * Builds the assumption fields once; values and defaults come from `syncForm`. The contact fields are off while the
 * scenario has a fitted "contactModel", which replaces `contact`: typed there, they were written into the JSON and
 * ignored by the run, beside placeholders of the defaults rather than of the fit.
 */
export function renderAssumptions(container: HTMLElement, json: Record<string, unknown>, onInput: (path: string, value: unknown) => void): void {
  renderFixedPart(
    container,
    onInput,
    el('p', { className: 'hint' }, 'Calibrated to the field\'s studies (docs/assumptions.md; leadlab calibrate checks them). A fitted call log replaces the contact part: see History below.'),
    contactGroup(
      'How likely a call is answered',
      el('p', { className: 'hint wide', dataset: { note: 'contact' } }),
      formField({ path: 'contact.contactability.alpha', label: 'Contactability across leads, Beta alpha', kind: 'number', hint: 'mean = alpha / (alpha + beta)' }),
      formField({ path: 'contact.contactability.beta', label: 'Contactability across leads, Beta beta', kind: 'number', hint: 'smaller alpha + beta = leads differ more' }),
      formField({
        path: 'contact.hourOfWeek',
        label: 'Time-of-day and day-of-week profile',
        kind: 'choice',
        choices: [
          ['lrm-2007', 'LRM 2007: Wed-Thu and 4-6 pm best'],
          ['velocify-2016', 'Velocify 2016: nearly flat'],
          ['flat', 'Flat'],
        ],
        wide: true,
      }),
    ),
    fieldGroup(
      'Other buyers of the same lead',
      formField({ path: 'competitor.meanResponseMinutes', label: 'Their mean response (minutes)', kind: 'number' }),
      formField({ path: 'competitor.reachProbability', label: 'Chance each one reaches the consumer', kind: 'number' }),
      formField({ path: 'competitor.firstContactWins', label: 'Chance the consumer goes with whoever reached them first', kind: 'number', wide: true }),
    ),
    fieldGroup(
      'Conversion per conversation',
      formField({ path: 'funnel.applicationPerConversation', label: 'Chance a ready lead applies', kind: 'number' }),
      formField({ path: 'funnel.notInterestedPerConversation', label: 'Chance a lead says no for good', kind: 'number' }),
      formField({ path: 'funnel.closingPerConversation', label: 'Chance an application goes to closing', kind: 'number' }),
      formField({ path: 'funnel.fundedPerConversation', label: 'Chance a closing funds', kind: 'number' }),
    ),
  );
  fieldsInUse(container, 'contact', json.contactModel === undefined, 'This scenario uses a contact model fitted to a call log (its "contactModel" in the JSON), which replaces these; remove it from the JSON to set them again.');
}
