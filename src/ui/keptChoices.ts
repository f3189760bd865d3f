/** Where the Sensitivity section's and the optimizer's choices are kept in the browser. */
export const SENSITIVITY_CHOICES_KEY = 'leadlab.workbench.sensitivity.v1';

/**
 * Keeps the values of the inputs and selects of these ids in `storage` as they change, and puts the kept values back
 * now, so that a reload keeps what the user chose, as it keeps the scenarios. A choice a select no longer offers is
 * left at the page's default.
 */
export function keepChoices(ids: readonly string[], key: string, storage: Storage = localStorage): void {
  const fields = ids.map((id) => document.getElementById(id) as HTMLInputElement | HTMLSelectElement);
  let kept: Record<string, unknown> = {};
  try {
    kept = JSON.parse(storage.getItem(key) ?? '{}') as Record<string, unknown>;
  } catch {
    // Unreadable: the page's defaults stay.
  }
  for (const field of fields) {
    const value = kept[field.id];
    if (typeof value !== 'string') continue;
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) continue;
    field.value = value;
  }
  const save = () => {
    try {
      storage.setItem(key, JSON.stringify(Object.fromEntries(fields.map((f) => [f.id, f.value]))));
    } catch {
      // A full or disabled storage keeps the choices for this visit only.
    }
  };
  for (const field of fields) {
    field.addEventListener('input', save);
    field.addEventListener('change', save);
  }
}
