/**
 * What is wrong with a whole-number field of the page, in words that say what it takes: "Replications: a whole
 * number from 2 to 200, got "2.5"". The bounds are the input's own min and max attributes, so the message and the
 * browser's own check never disagree; null when the value is fine.
 */
export function wholeNumberProblem(input: HTMLInputElement, label: string): string | null {
  const text = input.value.trim();
  const v = Number(text);
  const min = input.min === '' ? -Infinity : Number(input.min);
  const max = input.max === '' ? Infinity : Number(input.max);
  if (text !== '' && Number.isInteger(v) && v >= min && v <= max) return null;
  const range = Number.isFinite(min) && Number.isFinite(max) ? ` from ${fmt(min)} to ${fmt(max)}` : Number.isFinite(min) ? ` of at least ${fmt(min)}` : Number.isFinite(max) ? ` of at most ${fmt(max)}` : '';
  // A number input that holds no number (typed "e", cleared) has the empty string as its value.
  return `${label}: a whole number${range}, got ${text === '' ? 'nothing' : `"${input.value}"`}`;
}

const fmt = (x: number) => x.toLocaleString('en-US');
