/**
 * The name of a scenario from its JSON text, also while the text is not valid JSON (being edited, or broken): the
 * string value of the top-level "name" key, read by a scan that skips strings and counts braces and brackets, so the
 * name of an agent group ("agents": [{"name": ...}]) is never taken for it. Undefined when there is no such name.
 * The tab and every message about the scenario use it, so a broken edit is named as the tab names it.
 */
export function scenarioNameIn(text: string): string | undefined {
  try {
    const n = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof n === 'string' && n.trim() ? n : undefined;
  } catch {
    // Not valid JSON: scanned below.
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (depth === 1 && text.slice(i, end + 1) === '"name"') {
        const value = /^\s*:\s*("(?:[^"\\\n]|\\.)*")/.exec(text.slice(end + 1));
        if (value) {
          try {
            const n = JSON.parse(value[1]) as string;
            if (n.trim()) return n;
          } catch {
            // A broken escape in the name itself: no name.
          }
        }
      }
      i = end;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `start`, or -1 when it is never closed. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}
