/**
 * Runs in the page (`page.evaluate`): every visible piece of text (HTML and SVG) whose contrast with what is behind it
 * is under 4.5:1 (WCAG 2 AA for normal text), with its colors. Disabled controls are exempt (as in WCAG). The
 * background is the nearest opaque one among the element's ancestors (white for SVG charts).
 */
export const lowContrastText = () => {
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (e: Element | null): number[] => {
    for (let x = e; x; x = x.parentElement) {
      const c = parse(getComputedStyle(x).backgroundColor);
      if (c[3] >= 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  const out: { text: string; color: string; background: string; ratio: number }[] = [];
  const all = document.querySelectorAll('body *');
  for (const e of all) {
    const own = [...e.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
    if (!own) continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || e.closest('[hidden], script, style, option, datalist')) continue;
    if ((e as HTMLButtonElement).disabled || e.closest(':disabled') || e.closest('button:disabled')) continue;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden') continue;
    const svg = e instanceof SVGElement;
    const fg = parse(svg ? (style.fill.startsWith('rgb') ? style.fill : style.color) : style.color);
    const bg = svg ? [255, 255, 255, 1] : background(e);
    // A half-transparent colour is drawn over its background.
    const mixed = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) out.push({ text: own.slice(0, 40), color: style.color + ' ' + style.fill, background: `rgb(${bg.slice(0, 3).join(',')})`, ratio: Math.round(ratio * 100) / 100 });
  }
  // Placeholders are text too (a grey that reads as "default" must still be readable).
  for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
    if (!input.placeholder || input.disabled || input.getBoundingClientRect().width === 0) continue;
    const fg = parse(getComputedStyle(input, '::placeholder').color);
    const bg = background(input);
    const mixed = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) out.push({ text: `placeholder "${input.placeholder.slice(0, 30)}"`, color: getComputedStyle(input, '::placeholder').color, background: `rgb(${bg.slice(0, 3).join(',')})`, ratio: Math.round(ratio * 100) / 100 });
  }
  return out;
};
