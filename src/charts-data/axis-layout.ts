/** Layout of the charts' axes and legends (pure): whole-number ticks, an x range for epochs, room for long tick labels, legend rows. */

/** Average width of one character of the charts' 12 px text, in SVG units (a generous estimate, so text is never cut). */
export const CHAR_WIDTH = 7;

/** The x range of an epoch chart: epochs 1…max(planned, done); a single epoch gets half an epoch either side, so its point is not on the axis. */
export function epochDomain(planned: number, done = 0): [number, number] {
  const last = Math.max(1, Math.floor(planned), Math.floor(done));
  return last === 1 ? [0.5, 1.5] : [1, last];
}

/** Whole numbers inside [lo, hi], thinned to at most `maxTicks` by a step of 1, 2, 5, 10, 20, 50… */
export function wholeTicks(domain: readonly [number, number], maxTicks = 10): number[] {
  const lo = Math.ceil(Math.min(domain[0], domain[1]));
  const hi = Math.floor(Math.max(domain[0], domain[1]));
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const limit = Math.max(1, Math.floor(maxTicks));
  let step = 1;
  for (let k = 0; Math.floor((hi - lo) / step) + 1 > limit; k++) step = [1, 2, 5][(k + 1) % 3] * 10 ** Math.floor((k + 1) / 3);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

/** The left margin that fits the widest tick label beside the axis plus the rotated axis title (`titleBand` wide), never less than `min`. */
export function leftMargin(tickLabels: readonly string[], min = 56, titleBand = 22): number {
  const widest = Math.max(0, ...tickLabels.map((t) => t.length));
  return Math.max(min, Math.ceil(titleBand + 9 + widest * CHAR_WIDTH));
}

/** One legend entry's place: top-left corner of its row, relative to the legend's origin. */
export interface LegendSlot {
  x: number;
  y: number;
}

/**
 * Places legend entries left to right, wrapping to a new row when the next would pass `width`;
 * each entry is a `swatch`-wide mark, a gap and its text. Returns the slots and the rows' total height.
 */
export function legendRows(names: readonly string[], width: number, swatch = 22, rowHeight = 16): { slots: LegendSlot[]; height: number } {
  const slots: LegendSlot[] = [];
  let x = 0;
  let y = 0;
  for (const name of names) {
    const w = swatch + 6 + name.length * CHAR_WIDTH + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight;
    }
    slots.push({ x, y });
    x += w;
  }
  return { slots, height: names.length === 0 ? 0 : y + rowHeight };
}

/** Splits `text` into lines of at most `width` SVG units (at CHAR_WIDTH per character), breaking at spaces; a longer word keeps its own line. */
export function wrapLines(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width / CHAR_WIDTH));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
