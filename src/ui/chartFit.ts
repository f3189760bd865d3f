/**
 * Charts drawn to the width of their figure, so a phone shows them whole with readable text (a chart drawn wider and
 * shrunk to fit would shrink its text too): each is drawn at its figure's width, and drawn again when that width
 * changes (a turned phone, a resized window, a section shown after it was drawn hidden). Redraws run one chart per
 * task, so a page of charts never holds the main thread for long.
 */

/** Draws the chart into its figure at `width` pixels. */
export type DrawAt = (width: number) => void;

interface Drawn {
  draw: DrawAt;
  width: number;
  max: number;
}

const drawn = new WeakMap<Element, Drawn>();
/** Charts to draw again, with the width their figure now has. */
const queue = new Map<Element, number>();
let observer: ResizeObserver | undefined;
let draining = false;

/** Lets the browser run other tasks (input, rendering) before going on: `scheduler.yield` where there is one. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  // A message, unlike setTimeout, is not slowed down to once a second in a background tab.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The width to draw a chart at in `figure`: the figure's, at most `max`; `max` while the figure is hidden. Reading
 * it lays the page out if anything changed since the last layout: read the widths of a page of charts together,
 * before drawing any.
 */
export function chartWidth(figure: HTMLElement, max: number): number {
  const width = Math.floor(figure.clientWidth);
  return width > 0 ? Math.min(max, width) : max;
}

/**
 * Draws a chart at the width of `figure` (at most `max` px) now, and again whenever that width changes. `width`, when
 * given, is the figure's width read beforehand with {@link chartWidth}.
 */
export function drawToWidth(figure: HTMLElement, draw: DrawAt, max = 760, width = chartWidth(figure, max)): void {
  draw(width);
  drawn.set(figure, { draw, width, max });
  queue.delete(figure);
  observer ??= new ResizeObserver(resized);
  observer.observe(figure);
}

function resized(entries: ResizeObserverEntry[]): void {
  for (const entry of entries) {
    const figure = entry.target;
    const chart = drawn.get(figure);
    if (!chart || !figure.isConnected) {
      observer!.unobserve(figure);
      continue;
    }
    const width = Math.floor(entry.contentRect.width);
    // Hidden (0) keeps the chart as it is; a chart at its largest stays so in a wider box.
    if (width > 0 && Math.min(chart.max, width) !== chart.width) queue.set(figure, Math.min(chart.max, width));
  }
  if (queue.size > 0 && !draining) void drain();
}

/** Redraws the charts whose width changed, one per task. */
async function drain(): Promise<void> {
  draining = true;
  try {
    while (queue.size > 0) {
      await nextTask();
      const [[figure, width]] = queue;
      queue.delete(figure);
      const chart = drawn.get(figure);
      if (!chart || !figure.isConnected || width === chart.width) continue;
      chart.width = width;
      chart.draw(width);
    }
  } finally {
    draining = false;
  }
}
