// Geometry of the surface view: view boxes [xmin, xmax, ymin, ymax] (validated, zoomed, shifted),
// the affine map from data to CSS pixels, the plot area and margins for a given width (and the
// export's cropped variant), and how many axis ticks fit.

import { scaleLinear } from 'd3-scale';
import { chartFont } from '../../lib/canvas-style.mjs';
import { tickCount } from '../../lib/plot-geometry.mjs';

const MIN_SPAN = 1e-9;
const MAX_SPAN = 1e12;
const WIDE_LAYOUT = 560;

function fitSpan(a, b) {
  const mid = (a + b) / 2;
  const span = Math.min(Math.max(b - a, MIN_SPAN * Math.max(1, Math.abs(mid))), MAX_SPAN);
  return [mid - span / 2, mid + span / 2];
}

/** A valid [xmin, xmax, ymin, ymax] (ordered, finite, never zero-size) or null. */
export function normaliseBox(box) {
  if (!box || typeof box.length !== 'number' || box.length < 4) return null;
  let [x0, x1, y0, y1] = Array.from(box).slice(0, 4).map(Number);
  if (![x0, x1, y0, y1].every(Number.isFinite)) return null;
  if (x1 < x0) [x0, x1] = [x1, x0];
  if (y1 < y0) [y0, y1] = [y1, y0];
  return [...fitSpan(x0, x1), ...fitSpan(y0, y1)];
}

const isSquare = (box) => Math.abs((box[1] - box[0]) / (box[3] - box[2]) - 1) < 1e-3;

export function zoomBox(box, [cx, cy], k) {
  return [cx - (cx - box[0]) * k, cx + (box[1] - cx) * k, cy - (cy - box[2]) * k, cy + (box[3] - cy) * k];
}

export const shiftBox = (box, dx, dy) => [box[0] + dx, box[1] + dx, box[2] + dy, box[3] + dy];

/** The affine map from data to CSS pixels: sx = ax·x + bx, sy = ay·y + by. */
export function screenMap({ plot }, box) {
  const ax = plot.w / (box[1] - box[0]);
  const ay = -plot.h / (box[3] - box[2]);
  return { ax, bx: plot.x - ax * box[0], ay, by: plot.y - ay * box[3] };
}

export const inPlot = ({ plot }, x, y, pad = 0) =>
  x >= plot.x - pad && x <= plot.x + plot.w + pad && y >= plot.y - pad && y <= plot.y + plot.h + pad;

export const clampToPlot = ({ plot }, x, y, inset) => [
  Math.min(Math.max(x, plot.x + inset), plot.x + plot.w - inset),
  Math.min(Math.max(y, plot.y + inset), plot.y + plot.h - inset),
];

export function clipToPlot(ctx, { plot }) {
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
}

function yTickLabelWidth(ctx, box, plotHeight) {
  const y = scaleLinear().domain([box[2], box[3]]);
  const count = tickCount(plotHeight, 56);
  const format = y.tickFormat(count);
  ctx.font = chartFont(12);
  return Math.max(18, ...y.ticks(count).map((t) => ctx.measureText(format(t)).width));
}

/**
 * Plot area and margins for a component `width` CSS pixels wide. A square view box gets a square
 * plot (equal units); any other box fills a 4:3 plot. The height is capped by the viewport.
 */
export function computeLayout(ctx, width, heightLimit, dpr, box) {
  const wide = width >= WIDE_LAYOUT;
  const top = wide ? 28 : 52;
  const bottom = 44;
  const right = wide ? 88 : 14;
  const maxHeight = Math.max(280, Math.floor(heightLimit));
  const availH = maxHeight - top - bottom;
  const labelWidth = Math.ceil(box ? yTickLabelWidth(ctx, box, availH) : 24);
  const left = labelWidth + 34;
  const availW = Math.max(100, width - left - right);
  let w = availW;
  let h = Math.min(Math.round(availW * 0.75), availH);
  if (!box || isSquare(box)) w = h = Math.min(availW, availH);
  const x = left + Math.floor((availW - w) / 2);
  return { width, height: top + h + bottom, dpr, wide, labelWidth, plot: { x, y: top, w, h } };
}

/** The layout shifted and narrowed to the figure itself: axis labels, plot and colour legend. */
export function exportLayout(layout) {
  const { plot } = layout;
  const left = Math.max(0, plot.x - layout.labelWidth - 34);
  const right = Math.min(layout.width, plot.x + plot.w + (layout.wide ? 88 : 14));
  return { ...layout, width: right - left, plot: { ...plot, x: plot.x - left } };
}

export const sameLayout = (a, b) =>
  !!a && !!b && a.width === b.width && a.height === b.height && a.dpr === b.dpr &&
  a.plot.x === b.plot.x && a.plot.y === b.plot.y && a.plot.w === b.plot.w && a.plot.h === b.plot.h;
