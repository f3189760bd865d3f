/*
 * Room below a chart for Plot's x axis: its ticks, their labels and, below them, the axis label, computed from the
 * font the axis is written in rather than a margin that happens to fit. Plot's default sets an axis label's baseline
 * 3 px above the bottom edge of the svg (`labelOffset` = marginBottom - 3), less than the descent of a 10 px system font
 * (2.4 px in DejaVu Sans, 2.9 px in Noto Sans): drawn a little smaller (a 720 px chart in a 700 px page) the label's
 * box reached past the edge, and an svg clips what lies outside it.
 */

/** Plot's axis defaults: ticks 6 px long, their labels 3 px beyond them, the axis text 10 px. */
const TICK_SIZE = 6;
const TICK_PADDING = 3;
const AXIS_FONT_SIZE = 10;

/**
 * Font metrics, in ems, taken wide enough for the system fonts a report meets (DejaVu Sans: ascent 0.93, descent 0.24;
 * Noto Sans 1.07 and 0.29; Liberation Sans 0.91 and 0.21): a text's box runs from its ascent above its baseline to its
 * descent below it.
 */
const ASCENT = 1.07;
const DESCENT = 0.3;

/** Plot writes a bottom axis's tick labels with `y="0.71em"` below their top: their baseline, in ems. */
const TICK_LABEL_BASELINE = 0.71;

/** Space between the tick labels and the axis label, and below the axis label (px). */
const GAP = 3;

/**
 * Width of a tick label's character, in ems, taken wide enough for the system fonts a report meets (DejaVu Sans, the
 * widest of them, writes the time bins' longest label, "15 min-30 min", at 0.56 em a character).
 */
const CHAR_WIDTH = 0.65;

/** Tick labels drawn at an angle (Plot's `tickRotate`, in degrees), and their texts. */
export interface RotatedTicks {
  angle: number;
  labels: readonly string[];
}

/**
 * How far below the frame the tick labels reach (px). Plot writes a bottom axis's labels `tickSize + tickPadding`
 * below the frame; rotated by 10° or more, it pads them 4 cos(angle) px more, ends each label at its tick and centers
 * it on its line (`y="0.32em"`), so that the rotated label's far corner, its width times sin(angle) below the tick,
 * lies lowest.
 */
function tickLabelsDepth(fontSize: number, rotated?: RotatedTicks): number {
  if (!rotated || Math.abs(rotated.angle) < 10) return TICK_SIZE + TICK_PADDING + (TICK_LABEL_BASELINE + DESCENT) * fontSize;
  const angle = (Math.abs(rotated.angle) * Math.PI) / 180;
  const width = Math.max(0, ...rotated.labels.map((l) => l.length)) * CHAR_WIDTH * fontSize;
  return TICK_SIZE + TICK_PADDING + 4 * Math.cos(angle) + width * Math.sin(angle) + (0.32 + DESCENT) * fontSize * Math.cos(angle);
}

/**
 * The bottom margin and the axis label's offset (the distance from the frame to its baseline, Plot's `labelOffset`)
 * that hold the ticks, their labels (`rotated` at an angle, if they are) and the axis label below them, each whole
 * with its descent.
 *
 * @example
 * const room = xAxisRoom();
 * ({ marginBottom: room.marginBottom, x: { label: 'Funded loans a month', labelOffset: room.labelOffset } })
 */
export function xAxisRoom(rotated?: RotatedTicks, fontSize = AXIS_FONT_SIZE): { marginBottom: number; labelOffset: number } {
  const labelOffset = Math.ceil(tickLabelsDepth(fontSize, rotated) + GAP + ASCENT * fontSize);
  return { marginBottom: Math.ceil(labelOffset + DESCENT * fontSize + GAP), labelOffset };
}
