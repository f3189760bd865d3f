/*
 * What the phone-width tests of the workbench (test/ui/phoneWidth.e2e.test.ts) and of the notebooks check on a page.
 */

/**
 * What does not fit, in words: sideways scroll of the page or of a figure, a chart drawn wider than its figure (or
 * shrunk into it, which shrinks its text), text of a chart outside its chart or the screen (clipped), and text with
 * no fill (unreadable).
 */
export function misfits(): string[] {
  const out: string[] = [];
  const width = window.innerWidth;
  const root = document.documentElement;
  if (root.scrollWidth > width) out.push(`the page scrolls sideways: ${root.scrollWidth} px wide in ${width} px`);
  // The page's figures (Plot wraps a chart with a legend in a figure of its own, inside the page's).
  const figures = [...document.querySelectorAll('figure')].filter((f) => f.querySelector('svg') && f.getClientRects().length > 0 && !f.parentElement?.closest('figure'));
  for (const figure of figures) {
    const name = figure.id || figure.closest('[id]')?.id || 'a figure';
    if (figure.scrollWidth > figure.clientWidth + 1) out.push(`#${name} scrolls sideways: ${figure.scrollWidth} px in ${figure.clientWidth} px`);
    const box = figure.getBoundingClientRect();
    // The charts: Plot's svg (a legend's swatches are svgs of their own, inside a div).
    for (const svg of figure.querySelectorAll<SVGSVGElement>('svg[class^="plot"]:not(div > svg)')) {
      const drawn = svg.width.baseVal.value;
      const shown = svg.getBoundingClientRect();
      if (drawn > figure.clientWidth + 0.5) out.push(`#${name}: chart drawn ${drawn} px wide in a figure of ${figure.clientWidth} px`);
      if (shown.width > box.width + 0.5 || shown.right > width + 0.5) out.push(`#${name}: chart shown ${shown.width.toFixed(0)} px wide from ${shown.left.toFixed(0)} px`);
      for (const text of svg.querySelectorAll('text')) {
        const t = text.getBoundingClientRect();
        if (t.width === 0 || !text.textContent?.trim()) continue;
        // A text with no fill shows only its halo (Plot leaves the fill out of a text given a stroke).
        if (getComputedStyle(text).fill === 'none') out.push(`#${name}: "${text.textContent.slice(0, 60)}" has no fill (invisible)`);
        if (t.left < shown.left - 1 || t.right > shown.right + 1 || t.top < shown.top - 1 || t.bottom > shown.bottom + 1 || t.right > width + 0.5)
          out.push(`#${name}: "${text.textContent.slice(0, 60)}" is cut off (text ${t.left.toFixed(0)}-${t.right.toFixed(0)} x ${t.top.toFixed(0)}-${t.bottom.toFixed(0)}, chart ${shown.left.toFixed(0)}-${shown.right.toFixed(0)} x ${shown.top.toFixed(0)}-${shown.bottom.toFixed(0)})`);
      }
    }
  }
  return out;
}
