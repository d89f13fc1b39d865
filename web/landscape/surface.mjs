// The surface view of Gradscape's landscape page: the loss surface of a 2-D objective as a canvas
// heatmap (log-scaled viridis) with contour lines, axes, a colour legend, the known minima, the
// start point and optimizer trajectories, with pan, zoom, pinch, keyboard, hover and PNG export.
// It knows nothing about the engine except the grid function it is given.
//
// Two stacked canvases. The base layer (heatmap, contours, axes, legends, minima) is recomputed
// only when the view, the size or the theme changes, at most once per animation frame; while a
// gesture is under way it uses a coarser grid and the previous contours, reprojected, and is
// recomputed in full once the gesture settles. The overlay is what draw() repaints every frame:
// each run's polyline is decimated in screen space (Track) and rasterised once into cached
// layers (TrackLayer) that only ever receive a run's new segments, so a frame costs two blits
// plus the markers (current points, diverged ✕, start, hover ring).
// The stylesheet surface.css is linked once per document.

import { scaleLinear } from 'd3-scale';
import { contours as contourGenerator } from 'd3-contour';
import { NEUTRAL, addViridisStops, viridisTable } from './colormap.mjs';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const THEMES = {
  light: {
    background: '#ffffff', text: '#1d1f24', muted: '#5d636f', frame: 'rgba(29, 31, 36, 0.55)',
    contour: 'rgba(255, 255, 255, 0.34)', pill: 'rgba(255, 255, 255, 0.94)', pillText: '#1d1f24',
  },
  dark: {
    background: '#1e2128', text: '#e8e9ec', muted: '#a3a9b4', frame: 'rgba(232, 233, 236, 0.5)',
    contour: 'rgba(255, 255, 255, 0.3)', pill: 'rgba(24, 26, 32, 0.94)', pillText: '#e8e9ec',
  },
};
const HALO_DARK = 'rgba(12, 14, 20, 0.82)';
const HALO_LIGHT = 'rgba(255, 255, 255, 0.86)';
const INK = '#1d1f24';
const FALLBACK_COLOURS = ['#ff6b4a', '#4cc3ff', '#ffc23d', '#7be07b', '#d58cff', '#ff8fc7', '#f2f2f2', '#38e0c8'];
const LUT = viridisTable(256);
const CONTOUR_LEVELS = 14;
const HOVER_RADIUS = 10;
const SETTLE_MS = 160;
const MIN_SPAN = 1e-9;
const MAX_SPAN = 1e12;
const WIDE_LAYOUT = 560;
const CLICK_SLOP = { mouse: 4, pen: 6, touch: 10 };
const GRAB_RADIUS = { mouse: 12, pen: 14, touch: 24 };
const ZOOM_STEP = 1.5;
const FAST_GRID_CELLS = 400;
const LAYER_CHUNK = 256;

// ---------------------------------------------------------------------------------------------
// View boxes

function fitSpan(a, b) {
  const mid = (a + b) / 2;
  const span = Math.min(Math.max(b - a, MIN_SPAN * Math.max(1, Math.abs(mid))), MAX_SPAN);
  return [mid - span / 2, mid + span / 2];
}

/** A valid [xmin, xmax, ymin, ymax] (ordered, finite, never zero-size) or null. */
function normaliseBox(box) {
  if (!box || typeof box.length !== 'number' || box.length < 4) return null;
  let [x0, x1, y0, y1] = Array.from(box).slice(0, 4).map(Number);
  if (![x0, x1, y0, y1].every(Number.isFinite)) return null;
  if (x1 < x0) [x0, x1] = [x1, x0];
  if (y1 < y0) [y0, y1] = [y1, y0];
  return [...fitSpan(x0, x1), ...fitSpan(y0, y1)];
}

const isSquare = (box) => Math.abs((box[1] - box[0]) / (box[3] - box[2]) - 1) < 1e-3;

function zoomBox(box, [cx, cy], k) {
  return [cx - (cx - box[0]) * k, cx + (box[1] - cx) * k, cy - (cy - box[2]) * k, cy + (box[3] - cy) * k];
}

const shiftBox = (box, dx, dy) => [box[0] + dx, box[1] + dx, box[2] + dy, box[3] + dy];

/** The affine map from data to CSS pixels: sx = ax·x + bx, sy = ay·y + by. */
function screenMap({ plot }, box) {
  const ax = plot.w / (box[1] - box[0]);
  const ay = -plot.h / (box[3] - box[2]);
  return { ax, bx: plot.x - ax * box[0], ay, by: plot.y - ay * box[3] };
}

const inPlot = ({ plot }, x, y, pad = 0) =>
  x >= plot.x - pad && x <= plot.x + plot.w + pad && y >= plot.y - pad && y <= plot.y + plot.h + pad;

const clampToPlot = ({ plot }, x, y, inset) => [
  Math.min(Math.max(x, plot.x + inset), plot.x + plot.w - inset),
  Math.min(Math.max(y, plot.y + inset), plot.y + plot.h - inset),
];

const pointCount = (xy) => (xy && typeof xy.length === 'number' ? Math.floor(xy.length / 2) : 0);

// ---------------------------------------------------------------------------------------------
// Number formatting

const minus = (text) => text.replace(/-/g, '\u2212').replace('e+', 'e');

/** Tooltip numbers: four to five significant digits, exponent form when very small or large. */
function formatNumber(v) {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : minus(String(v));
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return minus(v.toExponential(3));
  return minus(String(Number(v.toPrecision(5))));
}

/** A colour-legend value v that was rounded to a multiple of 10^k. */
function formatLegendValue(v, k) {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e5) return minus(v.toExponential(Math.max(0, Math.floor(Math.log10(a)) - k)));
  if (k < -4 && a < 1) return minus(v.toExponential(Math.max(0, Math.floor(Math.log10(a)) - k)));
  return minus(v.toFixed(Math.max(0, -k)));
}

// ---------------------------------------------------------------------------------------------
// The field: sampling, colour scale, heatmap, contours

/** f at the centres of an nx × ny grid of cells over box, top row first, copied out of wasm. */
function sampleGrid(gridFn, box, nx, ny) {
  const [x0, x1, y0, y1] = box;
  const hx = (x1 - x0) / nx / 2;
  const hy = (y1 - y0) / ny / 2;
  let out;
  try {
    out = gridFn(x0 + hx, x1 - hx, y1 - hy, y0 + hy, nx, ny);
  } catch {
    return null;
  }
  const n = nx * ny;
  if (!out || typeof out.length !== 'number' || out.length < n) return null;
  const copy = new Float64Array(n);
  if (ArrayBuffer.isView(out)) copy.set(out.subarray(0, n));
  else for (let i = 0; i < n; ++i) copy[i] = +out[i];
  return copy;
}

/**
 * log10(f − fmin + ε) mapped onto [lo, hi]. ε = 1e-5 of the range allows five decades; lo is raised
 * to the 1st percentile of the grid (keeping at least one decade) so the colours are spent where
 * the surface is rather than on the few cells next to the minimum.
 */
const levelOf = (v, s) => Math.log10(Math.max(v - s.fmin, 0) + s.eps);

function colourScale(values) {
  let fmin = Infinity;
  let fmax = -Infinity;
  for (const v of values) {
    if (v < fmin) fmin = v;
    if (v > fmax) fmax = v;
  }
  if (!(fmin <= fmax) || !Number.isFinite(fmin) || !Number.isFinite(fmax)) return finiteScale(values);
  const span = Math.min(fmax - fmin, Number.MAX_VALUE);
  const eps = span > 0 ? span * 1e-5 : Math.max(Math.abs(fmin), 1) * 1e-6;
  const floor = Math.log10(eps);
  const hi = Math.max(Math.log10(span + eps), floor + 1e-9);
  const scale = { fmin, fmax, eps, lo: floor, hi };
  scale.lo = Math.max(floor, Math.min(levelQuantile(values, scale, 0.01), hi - 1));
  return scale;
}

/** The q-quantile of log10(f − fmin + ε) over a subsample of at most ~4096 finite values. */
function levelQuantile(values, scale, q) {
  const stride = Math.max(1, Math.floor(values.length / 4096));
  const levels = [];
  for (let i = 0; i < values.length; i += stride) if (Number.isFinite(values[i])) levels.push(levelOf(values[i], scale));
  if (!levels.length) return scale.lo;
  levels.sort((a, b) => a - b);
  return levels[Math.floor(q * (levels.length - 1))];
}

function finiteScale(values) {
  const finite = values.filter(Number.isFinite);
  return finite.length && finite.length < values.length ? colourScale(finite) : null;
}

function paintHeatmap(canvas, values, scale, nx, ny) {
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(nx, ny);
  const px = image.data;
  const k = scale ? 255 / (scale.hi - scale.lo) : 0;
  for (let i = 0; i < nx * ny; ++i) {
    const v = values ? values[i] : NaN;
    const o = 4 * i;
    if (scale && Number.isFinite(v)) {
      const t = (levelOf(v, scale) - scale.lo) * k;
      const c = 3 * (t >= 255 ? 255 : t > 0 ? Math.round(t) : 0);
      px[o] = LUT[c];
      px[o + 1] = LUT[c + 1];
      px[o + 2] = LUT[c + 2];
    } else {
      px[o] = NEUTRAL[0];
      px[o + 1] = NEUTRAL[1];
      px[o + 2] = NEUTRAL[2];
    }
    px[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

const onSameBorder = (a, b, nx, ny) =>
  (a[0] === b[0] && (a[0] === 0 || a[0] === nx)) || (a[1] === b[1] && (a[1] === 0 || a[1] === ny));

/** One d3-contour ring into the path, leaving out the stretches that run along the grid edge. */
function traceRing(path, ring, nx, ny) {
  let penDown = false;
  for (let k = 1; k < ring.length; ++k) {
    if (onSameBorder(ring[k - 1], ring[k], nx, ny)) {
      penDown = false;
      continue;
    }
    if (!penDown) path.moveTo(ring[k - 1][0], ring[k - 1][1]);
    path.lineTo(ring[k][0], ring[k][1]);
    penDown = true;
  }
}

/** Contour lines at CONTOUR_LEVELS levels evenly spaced in the log domain, in grid units. */
function contourLines(gridFn, box, scale, nx, ny) {
  const values = sampleGrid(gridFn, box, nx, ny);
  if (!values || !scale) return null;
  const levels = values.map((v) => (Number.isFinite(v) ? levelOf(v, scale) : NaN));
  const step = (scale.hi - scale.lo) / CONTOUR_LEVELS;
  const thresholds = Array.from({ length: CONTOUR_LEVELS }, (_, k) => scale.lo + (k + 0.5) * step);
  const path = new Path2D();
  for (const geometry of contourGenerator().size([nx, ny]).thresholds(thresholds)(levels)) {
    for (const polygon of geometry.coordinates) for (const ring of polygon) traceRing(path, ring, nx, ny);
  }
  return { path, box: [...box], nx, ny };
}

/**
 * Colour-legend tick candidates: nice values of f at 1, 2 and 5 × 10^k above fmin, rounded to a
 * multiple of 10^k and positioned on the log scale; the decades (1 × 10^k) come first.
 */
function legendCandidates(scale) {
  const out = [];
  for (let k = Math.floor(scale.lo) - 1; k <= Math.ceil(scale.hi) && out.length < 300; ++k) {
    const step = 10 ** k;
    for (const [m, priority] of [[1, 0], [2, 1], [5, 1]]) {
      let v = Math.round((scale.fmin + m * step) / step) * step;
      if (v <= scale.fmin) v += step;
      const t = (levelOf(v, scale) - scale.lo) / (scale.hi - scale.lo);
      if (t >= 0 && t <= 1) out.push({ t, priority, text: formatLegendValue(v, k) });
    }
  }
  return out.length ? out : [{ t: 0, priority: 0, text: formatNumber(scale.fmin) }];
}

/** Candidates by priority, each kept if its label clears the ones already kept (size(c) in px). */
function pickTicks(candidates, length, size, gap) {
  const kept = [];
  const ordered = [...candidates].sort((a, b) => a.priority - b.priority || a.t - b.t);
  for (const c of ordered) {
    const clear = kept.every((o) => o.text !== c.text && Math.abs(o.t - c.t) * length >= (size(o) + size(c)) / 2 + gap);
    if (clear) kept.push(c);
  }
  return kept.sort((a, b) => a.t - b.t);
}

// ---------------------------------------------------------------------------------------------
// Layout

const tickCount = (pixels, spacing) => Math.max(2, Math.round(pixels / spacing));

function yTickLabelWidth(ctx, box, plotHeight) {
  const y = scaleLinear().domain([box[2], box[3]]);
  const count = tickCount(plotHeight, 56);
  const format = y.tickFormat(count);
  ctx.font = `12px ${FONT}`;
  return Math.max(18, ...y.ticks(count).map((t) => ctx.measureText(format(t)).width));
}

/**
 * Plot area and margins for a component `width` CSS pixels wide. A square view box gets a square
 * plot (equal units); any other box fills a 4:3 plot. The height is capped by the viewport.
 */
function computeLayout(ctx, width, viewportHeight, dpr, box) {
  const wide = width >= WIDE_LAYOUT;
  const top = wide ? 28 : 52;
  const bottom = 44;
  const right = wide ? 88 : 14;
  const maxHeight = Math.max(280, Math.floor(viewportHeight * 0.9));
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
function exportLayout(layout) {
  const { plot } = layout;
  const left = Math.max(0, plot.x - layout.labelWidth - 34);
  const right = Math.min(layout.width, plot.x + plot.w + (layout.wide ? 88 : 14));
  return { ...layout, width: right - left, plot: { ...plot, x: plot.x - left } };
}

const sameLayout = (a, b) =>
  !!a && !!b && a.width === b.width && a.height === b.height && a.dpr === b.dpr &&
  a.plot.x === b.plot.x && a.plot.y === b.plot.y && a.plot.w === b.plot.w && a.plot.h === b.plot.h;

// ---------------------------------------------------------------------------------------------
// Drawing: base layer

/** Contour lines computed for contours.box, drawn (scaled and moved) into the current box. */
function strokeContours(ctx, layout, box, contours, colour) {
  const { plot, dpr } = layout;
  const [cx0, cx1, cy0, cy1] = contours.box;
  const sx = ((cx1 - cx0) / contours.nx / (box[1] - box[0])) * plot.w;
  const sy = ((cy1 - cy0) / contours.ny / (box[3] - box[2])) * plot.h;
  const ex = plot.x + ((cx0 - box[0]) / (box[1] - box[0])) * plot.w;
  const ey = plot.y + ((box[3] - cy1) / (box[3] - box[2])) * plot.h;
  ctx.save();
  clipToPlot(ctx, layout);
  ctx.setTransform(dpr * sx, 0, 0, dpr * sy, dpr * ex, dpr * ey);
  ctx.lineWidth = 0.8 / Math.sqrt(sx * sy);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = colour;
  ctx.stroke(contours.path);
  ctx.restore();
}

function clipToPlot(ctx, { plot }) {
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
}

function drawAxes(ctx, layout, box, theme) {
  const { plot } = layout;
  const x = scaleLinear().domain([box[0], box[1]]).range([plot.x, plot.x + plot.w]);
  const y = scaleLinear().domain([box[2], box[3]]).range([plot.y + plot.h, plot.y]);
  const xCount = tickCount(plot.w, layout.wide ? 90 : 70);
  const yCount = tickCount(plot.h, 56);
  const bottom = plot.y + plot.h;
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
  ctx.beginPath();
  for (const t of x.ticks(xCount)) {
    const px = Math.round(x(t)) + 0.5;
    ctx.moveTo(px, bottom + 0.5);
    ctx.lineTo(px, bottom + 5.5);
  }
  for (const t of y.ticks(yCount)) {
    const py = Math.round(y(t)) + 0.5;
    ctx.moveTo(plot.x - 0.5, py);
    ctx.lineTo(plot.x - 5.5, py);
  }
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xFormat = x.tickFormat(xCount);
  for (const t of x.ticks(xCount)) ctx.fillText(xFormat(t), x(t), bottom + 8);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yFormat = y.tickFormat(yCount);
  for (const t of y.ticks(yCount)) ctx.fillText(yFormat(t), plot.x - 8, y(t));
  ctx.fillStyle = theme.text;
  ctx.font = `italic 15px Georgia, "Times New Roman", serif`;
  ctx.textAlign = 'center';
  ctx.fillText('x', plot.x + plot.w / 2, bottom + 31);
  ctx.fillText('y', plot.x - layout.labelWidth - 22, plot.y + plot.h / 2);
}

function legendBar({ plot, wide }) {
  return wide
    ? { x: plot.x + plot.w + 16, y: plot.y, w: 12, h: plot.h, vertical: true }
    : { x: plot.x, y: plot.y - 22, w: plot.w, h: 9, vertical: false };
}

function drawColourLegend(ctx, layout, scale, theme) {
  const bar = legendBar(layout);
  const gradient = bar.vertical
    ? ctx.createLinearGradient(0, bar.y + bar.h, 0, bar.y)
    : ctx.createLinearGradient(bar.x, 0, bar.x + bar.w, 0);
  ctx.fillStyle = scale ? addViridisStops(gradient) : `rgb(${NEUTRAL.join(' ')})`;
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(bar.x - 0.5, bar.y - 0.5, bar.w + 1, bar.h + 1);
  ctx.fillStyle = theme.text;
  ctx.font = `italic 14px Georgia, "Times New Roman", serif`;
  ctx.textBaseline = bar.vertical ? 'bottom' : 'middle';
  ctx.textAlign = bar.vertical ? 'left' : 'right';
  ctx.fillText('f', bar.vertical ? bar.x : bar.x - 8, bar.vertical ? bar.y - 7 : bar.y + bar.h / 2);
  if (scale) drawLegendTicks(ctx, bar, scale, theme);
}

function drawLegendTicks(ctx, bar, scale, theme) {
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.frame;
  const ticks = bar.vertical
    ? pickTicks(legendCandidates(scale), bar.h, () => 12, 16)
    : pickTicks(legendCandidates(scale), bar.w, (c) => ctx.measureText(c.text).width, 14);
  for (const tick of ticks) {
    const width = ctx.measureText(tick.text).width;
    const at = bar.vertical ? bar.y + bar.h * (1 - tick.t) : bar.x + bar.w * tick.t;
    ctx.beginPath();
    if (bar.vertical) {
      ctx.moveTo(bar.x + bar.w, Math.round(at) + 0.5);
      ctx.lineTo(bar.x + bar.w + 4, Math.round(at) + 0.5);
      ctx.stroke();
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(tick.text, bar.x + bar.w + 6, Math.min(Math.max(at, bar.y + 5), bar.y + bar.h - 5));
    } else {
      ctx.moveTo(Math.round(at) + 0.5, bar.y);
      ctx.lineTo(Math.round(at) + 0.5, bar.y - 3);
      ctx.stroke();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      const x = Math.min(Math.max(at, bar.x + width / 2 - 6), bar.x + bar.w - width / 2 + 6);
      ctx.fillText(tick.text, x, bar.y - 4);
    }
  }
}

function starPath(ctx, x, y, r) {
  ctx.beginPath();
  for (let k = 0; k < 10; ++k) {
    const radius = k % 2 ? r * 0.45 : r;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    ctx.lineTo(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
  }
  ctx.closePath();
}

function drawMinima(ctx, layout, box, minima) {
  const map = screenMap(layout, box);
  ctx.save();
  clipToPlot(ctx, layout);
  for (const m of minima) {
    const x = map.ax * m.x + map.bx;
    const y = map.ay * m.y + map.by;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !inPlot(layout, x, y, 10)) continue;
    if (m.global) {
      starPath(ctx, x, y, 8.5);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = INK;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    } else {
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.strokeStyle = INK;
      ctx.lineWidth = 4;
      ctx.stroke();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  ctx.restore();
}

// ---------------------------------------------------------------------------------------------
// Drawing: overlay

const rgbCache = new Map();

/** [r, g, b] of a CSS colour, parsed by painting it on a 1×1 canvas (cached). */
function rgbOf(colour) {
  if (!rgbCache.has(colour)) {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    rgbCache.set(colour, Array.from(ctx.getImageData(0, 0, 1, 1).data.subarray(0, 3)));
  }
  return rgbCache.get(colour);
}

function luminance(colour) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = rgbOf(colour);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** A halo that contrasts with the line itself, so the line reads on dark and light heat alike. */
const haloFor = (colour) => (luminance(colour) > 0.3 ? HALO_DARK : HALO_LIGHT);

/** The colour faded (opaquely) towards grey: how runs other than the highlighted one are drawn. */
function faded(colour) {
  const [r, g, b] = rgbOf(colour).map((c, k) => Math.round(c + 0.6 * ([150, 154, 162][k] - c)));
  return `rgb(${r} ${g} ${b})`;
}

/** One pass of a trajectory: its halo (wider, contrasting) or its line. */
function strokePass(ctx, path, { colour, halo, width }, pass) {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = pass === 'halo' ? halo : colour;
  ctx.lineWidth = pass === 'halo' ? width + 2.5 : width;
  ctx.stroke(path);
}

function strokeTrack(ctx, path, style) {
  strokePass(ctx, path, style, 'halo');
  strokePass(ctx, path, style, 'line');
}

function drawDot(ctx, x, y, r, colour, halo) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.75;
  ctx.stroke();
}

function drawCross(ctx, x, y, r, colour, halo) {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.lineCap = 'round';
  ctx.strokeStyle = halo;
  ctx.lineWidth = 6.5;
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.stroke();
}

function drawStartMarker(ctx, x, y) {
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2.25;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, y, 2, 0, 2 * Math.PI);
  ctx.fillStyle = INK;
  ctx.fill();
}

function drawHoverRing(ctx, x, y) {
  ctx.beginPath();
  ctx.arc(x, y, 6.5, 0, 2 * Math.PI);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.stroke();
}

function roundedRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** rect moved up or down in steps of its height to the nearest spot inside the plot clear of `placed`. */
function placeLabel(rect, placed, { plot }) {
  const top = plot.y + 2;
  const bottom = plot.y + plot.h - rect.h - 2;
  const offsets = [0, ...Array.from({ length: 24 }, (_, k) => (k % 2 ? -1 : 1) * (Math.floor(k / 2) + 1) * (rect.h + 4))];
  for (const dy of offsets) {
    const candidate = { ...rect, y: Math.min(Math.max(rect.y + dy, top), bottom) };
    if (!placed.some((p) => overlaps(p, candidate))) return candidate;
  }
  return rect;
}

/** "diverged at step k" pills beside their ✕, kept inside the plot and clear of each other. */
function drawDivergedLabels(ctx, layout, labels, theme) {
  const { plot } = layout;
  const placed = [];
  ctx.font = `600 11.5px ${FONT}`;
  for (const { text, x, y, colour } of labels) {
    const w = ctx.measureText(text).width + 16;
    const h = 20;
    const rect = placeLabel({ x: x + 12 + w > plot.x + plot.w ? x - 12 - w : x + 12, y: y - h / 2, w, h }, placed, layout);
    placed.push(rect);
    roundedRect(ctx, rect.x, rect.y, rect.w, rect.h, 5);
    ctx.fillStyle = theme.pill;
    ctx.fill();
    ctx.fillStyle = colour;
    ctx.fillRect(rect.x + 5, rect.y + 5, 3, rect.h - 10);
    ctx.fillStyle = theme.pillText;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, rect.x + 12, rect.y + h / 2 + 0.5);
  }
}

// ---------------------------------------------------------------------------------------------
// Trajectories: screen-space decimation with a growing cache

/**
 * Liang–Barsky clip of a segment to rect r: [x0, y0, x1, y1, startClipped, endClipped] or null.
 */
function clipSegment(x0, y0, x1, y1, r) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges = [[-dx, x0 - r.x0], [dx, r.x1 - x0], [-dy, y0 - r.y0], [dy, r.y1 - y0]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy, t0 > 0, t1 < 1];
}

/**
 * Where a run leaves the plot for the last time, in CSS pixels: its last point if that is in
 * view, else where the last segment that crosses the plot exits it, else its last point clamped.
 */
function exitPoint(xy, n, map, layout) {
  const { plot } = layout;
  const rect = { x0: plot.x, x1: plot.x + plot.w, y0: plot.y, y1: plot.y + plot.h };
  const at = (k) => [map.ax * xy[2 * k] + map.bx, map.ay * xy[2 * k + 1] + map.by];
  const last = at(n - 1);
  if (inPlot(layout, last[0], last[1])) return last;
  let b = last;
  for (let k = n - 2; k >= 0; --k) {
    const a = at(k);
    if (!Number.isFinite(a[0]) || !Number.isFinite(a[1])) continue;
    const c = Number.isFinite(b[0]) && Number.isFinite(b[1]) ? clipSegment(a[0], a[1], b[0], b[1], rect) : null;
    if (c) return [c[2], c[3]];
    b = a;
  }
  return last;
}

let trackIds = 0;

/** A typed array of twice the length holding a's values. */
function grow(a) {
  const b = new a.constructor(2 * a.length);
  b.set(a);
  return b;
}

/**
 * One run's polyline in CSS pixels for one screen map, as moveTo/lineTo commands. Points closer
 * than half a pixel to the last kept point are dropped; segments are clipped to the plot (plus
 * a few pixels); and a segment whose every pixel the run's line already crosses (an oscillating
 * or retracing run, the jitter of a noisy one) is left out. So a run never holds more segments
 * than the pixels it covers, however many steps it has. The kept points (with their step) are
 * what hover searches. extend() appends a growing run's new points.
 */
class Track {
  constructor(map, layout) {
    this.id = ++trackIds;
    const { plot } = layout;
    const pad = 4;
    this.map = map;
    this.guard = { x0: plot.x - pad, x1: plot.x + plot.w + pad, y0: plot.y - pad, y1: plot.y + plot.h + pad };
    this.cols = Math.ceil(plot.w + 2 * pad) + 1;
    this.cover = null;
    this.coverRows = Math.ceil(plot.h + 2 * pad) + 1;
    const r = HOVER_RADIUS;
    this.hoverBox = { x0: plot.x - r, x1: plot.x + plot.w + r, y0: plot.y - r, y1: plot.y + plot.h + r };
    this.cx = new Float32Array(64);
    this.cy = new Float32Array(64);
    this.cmd = new Uint8Array(64);
    this.cmds = 0;
    this.n = 0;
    this.count = 0;
    this.sx = new Float32Array(64);
    this.sy = new Float32Array(64);
    this.step = new Int32Array(64);
    this.first = null;
    this.last = null;
    this.prevX = NaN;
    this.prevY = NaN;
    this.penDown = false;
  }

  /** Whether xy is this run grown (same first point, same point where the cache stopped). */
  continues(xy, n) {
    if (n < this.n) return false;
    if (this.n === 0) return true;
    const k = 2 * (this.n - 1);
    return xy[0] === this.first[0] && xy[1] === this.first[1] && xy[k] === this.last[0] && xy[k + 1] === this.last[1];
  }

  extend(xy, n) {
    for (let k = this.n; k < n; ++k) this.#add(xy[2 * k], xy[2 * k + 1], k);
    if (n > this.n) {
      this.first ??= [xy[0], xy[1]];
      this.last = [xy[2 * n - 2], xy[2 * n - 1]];
      this.n = n;
    }
  }

  #add(x, y, k) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      this.penDown = false;
      return;
    }
    const px = this.map.ax * x + this.map.bx;
    const py = this.map.ay * y + this.map.by;
    const hasPrev = !Number.isNaN(this.prevX);
    if (hasPrev && Math.abs(px - this.prevX) < 0.5 && Math.abs(py - this.prevY) < 0.5) return;
    if (hasPrev) this.#segment(this.prevX, this.prevY, px, py);
    else if (this.#inGuard(px, py)) {
      this.#command(px, py, 0);
      this.penDown = true;
    }
    this.prevX = px;
    this.prevY = py;
    this.#remember(px, py, k);
  }

  #inGuard(x, y) {
    const g = this.guard;
    return x >= g.x0 && x <= g.x1 && y >= g.y0 && y <= g.y1;
  }

  #segment(x0, y0, x1, y1) {
    const inside = this.#inGuard(x0, y0) && this.#inGuard(x1, y1);
    const c = inside ? [x0, y0, x1, y1, false, false] : clipSegment(x0, y0, x1, y1, this.guard);
    if (!c || this.#covered(c[0], c[1], c[2], c[3])) {
      this.penDown = false;
      return;
    }
    if (!this.penDown || c[4]) this.#command(c[0], c[1], 0);
    this.#command(c[2], c[3], 1);
    this.penDown = !c[5];
  }

  /** Whether the run's line already crosses every pixel of this segment; if not, marks them. */
  #covered(x0, y0, x1, y1) {
    this.cover ??= new Uint8Array(this.cols * this.coverRows);
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const cell = (s) => {
      const x = Math.floor(x0 + ((x1 - x0) * s) / steps - this.guard.x0);
      return x + Math.floor(y0 + ((y1 - y0) * s) / steps - this.guard.y0) * this.cols;
    };
    let s = 0;
    while (s <= steps && this.cover[cell(s)]) ++s;
    if (s > steps) return true;
    for (; s <= steps; ++s) this.cover[cell(s)] = 1;
    return false;
  }

  /** Appends moveTo (kind 0) or lineTo (kind 1). */
  #command(x, y, kind) {
    if (this.cmds === this.cmd.length) {
      this.cx = grow(this.cx);
      this.cy = grow(this.cy);
      this.cmd = grow(this.cmd);
    }
    this.cx[this.cmds] = x;
    this.cy[this.cmds] = y;
    this.cmd[this.cmds] = kind;
    this.cmds += 1;
  }

  /** Commands start..end (default: all the rest) as a path, starting at the pen position. */
  pathFrom(start, end = this.cmds) {
    const path = new Path2D();
    if (start > 0 && this.cmd[start] === 1) path.moveTo(this.cx[start - 1], this.cy[start - 1]);
    for (let k = start; k < end; ++k) {
      if (this.cmd[k]) path.lineTo(this.cx[k], this.cy[k]);
      else path.moveTo(this.cx[k], this.cy[k]);
    }
    return path;
  }

  #remember(px, py, k) {
    const h = this.hoverBox;
    if (px < h.x0 || px > h.x1 || py < h.y0 || py > h.y1) return;
    if (this.count === this.sx.length) {
      this.sx = grow(this.sx);
      this.sy = grow(this.sy);
      this.step = grow(this.step);
    }
    this.sx[this.count] = px;
    this.sy[this.count] = py;
    this.step[this.count] = k;
    this.count += 1;
  }

  /** The kept point nearest (x, y) within radius: { index, d2 } or null. */
  nearest(x, y, radius) {
    let best = null;
    let bestD2 = radius * radius;
    for (let j = 0; j < this.count; ++j) {
      const dx = this.sx[j] - x;
      const dy = this.sy[j] - y;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = { index: this.step[j], d2 };
      }
    }
    return best;
  }
}

/**
 * The trajectories rasterised once: a halo layer under a line layer, device-pixel canvases in
 * the overlay's coordinates. update() strokes only the commands each track gained since the last
 * frame, so a frame costs two blits however long the runs; a new view, size, highlight, colour or
 * a restarted run (signature) clears and restrokes everything once.
 */
class TrackLayer {
  halo = document.createElement('canvas');
  line = document.createElement('canvas');
  signature = '';
  map = null;
  width = 0;
  height = 0;
  drawn = [];

  reset(layout, map, signature) {
    for (const canvas of [this.halo, this.line]) {
      canvas.width = Math.round(layout.width * layout.dpr);
      canvas.height = Math.round(layout.height * layout.dpr);
      const ctx = canvas.getContext('2d');
      ctx.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
      clipToPlot(ctx, layout);
    }
    this.signature = signature;
    this.map = map;
    this.width = layout.width;
    this.height = layout.height;
    this.drawn = [];
  }

  update(tracks, order, styleOf) {
    const halo = this.halo.getContext('2d');
    const line = this.line.getContext('2d');
    for (const i of order) {
      const style = styleOf(i);
      for (let from = this.drawn[i] ?? 0; from < tracks[i].cmds; from += LAYER_CHUNK) {
        const path = tracks[i].pathFrom(from, Math.min(from + LAYER_CHUNK, tracks[i].cmds));
        strokePass(halo, path, style, 'halo');
        strokePass(line, path, style, 'line');
      }
      this.drawn[i] = tracks[i].cmds;
    }
  }

  /** Both layers onto ctx (device-pixel transform), as they are. */
  blit(ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.halo, 0, 0);
    ctx.drawImage(this.line, 0, 0);
    ctx.restore();
  }

  /** Both layers moved and scaled from the view they were drawn for onto `map` (during gestures). */
  reproject(ctx, layout, map) {
    const kx = map.ax / this.map.ax;
    const ky = map.ay / this.map.ay;
    ctx.save();
    clipToPlot(ctx, layout);
    ctx.transform(kx, 0, 0, ky, map.bx - kx * this.map.bx, map.by - ky * this.map.by);
    ctx.drawImage(this.halo, 0, 0, this.width, this.height);
    ctx.drawImage(this.line, 0, 0, this.width, this.height);
    ctx.restore();
  }
}

// ---------------------------------------------------------------------------------------------
// PNG export: legend of runs

function runLegendItems(ctx, runs, title) {
  const items = [{ title, width: 0 }];
  ctx.font = `600 13px ${FONT}`;
  items[0].width = ctx.measureText(title).width + 22;
  runs.forEach((run, i) => {
    const label = String(run?.label ?? `run ${i + 1}`);
    const diverged = run?.status?.status === 'diverged';
    const note = diverged ? `diverged at step ${run.status.diverged_at ?? pointCount(run.xy)}` : '';
    ctx.font = `12.5px ${FONT}`;
    let width = 30 + ctx.measureText(label).width;
    ctx.font = `italic 12px ${FONT}`;
    if (note) width += 8 + ctx.measureText(note).width;
    items.push({ run, i, label, note, width: width + 20 });
  });
  return items;
}

function layoutRows(items, width, pad) {
  const rows = [[]];
  let x = pad;
  for (const item of items) {
    if (x + item.width > width - pad && rows.at(-1).length) {
      rows.push([]);
      x = pad;
    }
    rows.at(-1).push({ ...item, x });
    x += item.width;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

function ensureStylesheet() {
  if (typeof document === 'undefined' || document.querySelector('link[data-gs-surface]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./surface.css', import.meta.url).href;
  link.dataset.gsSurface = '';
  document.head.append(link);
}

export class SurfaceView {
  #gridFn;
  #root;
  #base;
  #overlay;
  #tooltip;
  #heat = document.createElement('canvas');
  #resizeObserver;
  #listeners = new Map();
  #themeName = 'light';
  #objective = null;
  #defaultBox = null;
  #box = null;
  #minima = [];
  #start = null;
  #runs = [];
  #highlight = null;
  #layout = null;
  #contours = null;
  #trackStore = { key: '', tracks: [] };
  #layer = new TrackLayer();
  #interacting = false;
  #baseMode = 'full';
  #resizePending = false;
  #overlayDirty = true;
  #viewPending = false;
  #startPending = false;
  #hoverPending = false;
  #hoverAt = null;
  #hover = null;
  #pointers = new Map();
  #gesture = null;
  #raf = 0;
  #settleTimer = 0;
  #destroyed = false;
  #timings = { grid: 0, heatmap: 0, contours: 0, total: 0 };

  /**
   * @param {HTMLElement} container  the element to fill (its width; the height follows)
   * @param {{ grid: Function, theme?: 'light'|'dark' }} options
   */
  constructor(container, { grid, theme = 'light' } = {}) {
    if (typeof grid !== 'function') throw new TypeError('SurfaceView: options.grid must be a function');
    ensureStylesheet();
    this.#gridFn = grid;
    this.#buildDom(container);
    this.#themeName = THEMES[theme] ? theme : 'light';
    this.#root.dataset.theme = this.#themeName;
    this.#listen();
    this.#resizePending = true;
    this.#requestFrame();
  }

  // ----- public API -----------------------------------------------------------------------

  setObjective(objective) {
    if (this.#destroyed) return;
    this.#objective = objective ?? null;
    const minima = Array.isArray(objective?.minima) ? objective.minima : [];
    this.#minima = minima.filter((m) => m && Number.isFinite(+m.x) && Number.isFinite(+m.y));
    this.#defaultBox = normaliseBox(objective?.view) ?? [-1, 1, -1, 1];
    this.#box = [...this.#defaultBox];
    this.#contours = null;
    this.#setHover(null, null);
    this.#overlay.setAttribute('aria-label', this.#ariaLabel());
    this.#invalidateBase('full');
  }

  setView(box) {
    if (!this.#destroyed) this.#changeView(box, false);
  }

  getView() {
    return this.#box ? [...this.#box] : null;
  }

  resetView() {
    if (!this.#destroyed && this.#defaultBox) this.#changeView(this.#defaultBox, false);
  }

  setStart(point) {
    if (this.#destroyed) return;
    const ok = point && Number.isFinite(+point[0]) && Number.isFinite(+point[1]);
    this.#start = ok ? [+point[0], +point[1]] : null;
    this.#markOverlay();
  }

  setRuns(runs) {
    if (this.#destroyed) return;
    this.#runs = Array.isArray(runs) ? runs.map((run) => (run && typeof run === 'object' ? run : {})) : [];
    if (this.#hover && this.#hover.run >= this.#runs.length) this.#setHover(null, null);
    this.#markOverlay();
  }

  setHighlight(index) {
    if (this.#destroyed) return;
    this.#highlight = Number.isInteger(index) ? index : null;
    this.#markOverlay();
  }

  setTheme(theme) {
    if (this.#destroyed || !THEMES[theme]) return;
    this.#themeName = theme;
    this.#root.dataset.theme = theme;
    this.#invalidateBase('full');
  }

  /** Repaints the overlay (trajectories and markers); first applies any pending resize or view. */
  draw() {
    if (this.#destroyed) return;
    this.#flushBase();
    const layout = this.#layout;
    if (!layout) return;
    const ctx = this.#overlay.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.#overlay.width, this.#overlay.height);
    ctx.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
    this.#paintOverlay(ctx, layout, false);
    this.#overlayDirty = false;
  }

  /**
   * Subscribes to 'start', 'view' or 'hover'; returns a function that unsubscribes.
   * 'view' fires for the user's pan and zoom (and the 0 key), not for setView/resetView/setObjective.
   */
  on(event, handler) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(handler);
    return () => this.off(event, handler);
  }

  off(event, handler) {
    this.#listeners.get(event)?.delete(handler);
  }

  /** The plot area in CSS pixels relative to the component's top-left corner, or null before layout. */
  get plotRect() {
    const plot = this.#layout?.plot;
    return plot ? { x: plot.x, y: plot.y, width: plot.w, height: plot.h } : null;
  }

  /**
   * The last base-layer recompute: milliseconds in the engine's grid call, the heatmap (colour
   * mapping and upsampling), the contours, in total, and the grid size nx × ny.
   */
  get timings() {
    return { ...this.#timings };
  }

  /**
   * The surface, trajectories, a legend of the runs and the colour legend, at devicePixelRatio,
   * cropped to the figure (no side margins), with the full-resolution grid.
   */
  async toPNG() {
    if (this.#destroyed) return null;
    this.#flushBase();
    if (!this.#layout) return null;
    const layout = exportLayout(this.#layout);
    const dpr = layout.dpr;
    const canvas = document.createElement('canvas');
    const measure = canvas.getContext('2d');
    const title = this.#objective?.displayName ?? this.#objective?.display_name ?? this.#objective?.name ?? 'Loss surface';
    const rows = layoutRows(runLegendItems(measure, this.#runs, String(title)), layout.width, 12);
    const legendHeight = 10 + rows.length * 24;
    canvas.width = Math.round(layout.width * dpr);
    canvas.height = Math.round((layout.height + legendHeight) * dpr);
    const ctx = canvas.getContext('2d');
    this.#paintBase(ctx, layout, { detail: 1, contourCell: 1.5, live: false });
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.#paintOverlay(ctx, layout, true);
    this.#paintRunLegend(ctx, rows, layout.height + 2);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#settleTimer);
    this.#resizeObserver?.disconnect();
    window.removeEventListener('resize', this.#onResize);
    this.#root.remove();
    this.#listeners.clear();
    this.#trackStore = { key: '', tracks: [] };
    this.#runs = [];
  }

  // ----- DOM and events -------------------------------------------------------------------

  #buildDom(container) {
    this.#root = document.createElement('div');
    this.#root.className = 'gs-surface';
    this.#root.style.position = 'relative';
    this.#base = document.createElement('canvas');
    this.#base.className = 'gs-surface-base';
    this.#base.style.display = 'block';
    this.#base.setAttribute('aria-hidden', 'true');
    this.#overlay = document.createElement('canvas');
    this.#overlay.className = 'gs-surface-overlay';
    this.#overlay.tabIndex = 0;
    this.#overlay.setAttribute('role', 'application');
    this.#overlay.setAttribute('aria-label', this.#ariaLabel());
    Object.assign(this.#overlay.style, { position: 'absolute', left: '0', top: '0', touchAction: 'none' });
    this.#tooltip = document.createElement('div');
    this.#tooltip.className = 'gs-surface-tooltip';
    this.#tooltip.hidden = true;
    Object.assign(this.#tooltip.style, { position: 'absolute', pointerEvents: 'none' });
    this.#root.append(this.#base, this.#overlay, this.#tooltip);
    container.append(this.#root);
  }

  #ariaLabel() {
    const name = this.#objective?.displayName ?? this.#objective?.display_name ?? 'the objective';
    return `Loss surface of ${name} with optimizer trajectories. Drag to pan, scroll or pinch to zoom, ` +
      'click to set the start point. Keys: arrows pan, plus and minus zoom, 0 resets the view, ' +
      'Enter sets the start point at the centre.';
  }

  #listen() {
    const o = this.#overlay;
    o.addEventListener('pointerdown', this.#onPointerDown);
    o.addEventListener('pointermove', this.#onPointerMove);
    o.addEventListener('pointerup', this.#onPointerUp);
    o.addEventListener('pointercancel', this.#onPointerUp);
    o.addEventListener('pointerleave', this.#onPointerLeave);
    o.addEventListener('dblclick', this.#onDoubleClick);
    o.addEventListener('wheel', this.#onWheel, { passive: false });
    o.addEventListener('keydown', this.#onKeyDown);
    o.addEventListener('contextmenu', (e) => this.#gesture && e.preventDefault());
    this.#resizeObserver = new ResizeObserver(this.#onResize);
    this.#resizeObserver.observe(this.#root);
    window.addEventListener('resize', this.#onResize);
  }

  #emit(event, ...args) {
    for (const handler of [...(this.#listeners.get(event) ?? [])]) {
      try {
        handler(...args);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  #localPoint(e) {
    const rect = this.#overlay.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  #toData({ x, y }) {
    const map = screenMap(this.#layout, this.#box);
    return [(x - map.bx) / map.ax, (y - map.by) / map.ay];
  }

  #startOnScreen() {
    if (!this.#start || !this.#box || !this.#layout) return null;
    const map = screenMap(this.#layout, this.#box);
    return { x: map.ax * this.#start[0] + map.bx, y: map.ay * this.#start[1] + map.by };
  }

  #nearStart(p, pointerType) {
    const s = this.#startOnScreen();
    const r = GRAB_RADIUS[pointerType] ?? GRAB_RADIUS.mouse;
    return !!s && Math.hypot(s.x - p.x, s.y - p.y) <= r;
  }

  #onPointerDown = (e) => {
    if (!this.#layout || !this.#box || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const p = this.#localPoint(e);
    this.#overlay.setPointerCapture?.(e.pointerId);
    this.#pointers.set(e.pointerId, p);
    if (this.#pointers.size === 1) {
      this.#gesture = this.#nearStart(p, e.pointerType)
        ? { type: 'drag-start' }
        : { type: 'press', origin: p, box0: [...this.#box], slop: CLICK_SLOP[e.pointerType] ?? 4 };
    } else if (this.#pointers.size === 2) {
      if (this.#gesture?.type === 'drag-start') this.#finishStartDrag();
      this.#beginPinch();
    }
    if (e.pointerType !== 'mouse') this.#setHover(null, null);
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerMove = (e) => {
    if (!this.#layout || !this.#box) return;
    const p = this.#localPoint(e);
    if (this.#pointers.has(e.pointerId)) this.#pointers.set(e.pointerId, p);
    const g = this.#gesture;
    if (g?.type === 'press' && Math.hypot(p.x - g.origin.x, p.y - g.origin.y) > g.slop) g.type = 'pan';
    if (g?.type === 'pan') this.#panTo(p);
    else if (g?.type === 'drag-start') this.#dragStartTo(p);
    else if (g?.type === 'pinch') this.#pinchMove();
    else if (!g && e.pointerType !== 'touch') {
      this.#hoverAt = p;
      this.#hoverPending = true;
      this.#requestFrame();
    }
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerUp = (e) => {
    if (!this.#pointers.has(e.pointerId)) return;
    const p = this.#localPoint(e);
    this.#pointers.delete(e.pointerId);
    const g = this.#gesture;
    if (g?.type === 'press' && e.type === 'pointerup' && inPlot(this.#layout, p.x, p.y)) this.#placeStart(this.#toData(p), true);
    if (g?.type === 'drag-start') this.#finishStartDrag();
    if (g?.type === 'pinch' && this.#pointers.size === 1) {
      const [rest] = this.#pointers.values();
      this.#gesture = { type: 'pan', origin: rest, box0: [...this.#box] };
    } else if (this.#pointers.size === 0) this.#gesture = null;
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerLeave = (e) => {
    if (e.pointerType === 'mouse' && !this.#gesture) {
      this.#hoverAt = null;
      this.#setHover(null, null);
    }
  };

  #onDoubleClick = (e) => {
    if (!this.#layout || !this.#box) return;
    e.preventDefault();
    this.#changeView(zoomBox(this.#box, this.#toData(this.#localPoint(e)), 1 / 2), true);
  };

  #onWheel = (e) => {
    if (!this.#layout || !this.#box) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.#layout.height : 1;
    const k = Math.min(Math.max(Math.exp(e.deltaY * unit * 0.002), 0.5), 2);
    this.#changeView(zoomBox(this.#box, this.#toData(this.#localPoint(e)), k), true);
  };

  #onKeyDown = (e) => {
    if (!this.#box || e.altKey || e.ctrlKey || e.metaKey) return;
    const box = this.#box;
    const w = box[1] - box[0];
    const h = box[3] - box[2];
    const f = e.shiftKey ? 0.25 : 0.1;
    const centre = [(box[0] + box[1]) / 2, (box[2] + box[3]) / 2];
    const moves = {
      ArrowLeft: () => shiftBox(box, -w * f, 0),
      ArrowRight: () => shiftBox(box, w * f, 0),
      ArrowUp: () => shiftBox(box, 0, h * f),
      ArrowDown: () => shiftBox(box, 0, -h * f),
      '+': () => zoomBox(box, centre, 1 / ZOOM_STEP),
      '=': () => zoomBox(box, centre, 1 / ZOOM_STEP),
      '-': () => zoomBox(box, centre, ZOOM_STEP),
      _: () => zoomBox(box, centre, ZOOM_STEP),
      0: () => this.#defaultBox,
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      this.#placeStart(centre, true);
    } else if (moves[e.key]) {
      e.preventDefault();
      this.#changeView(moves[e.key](), true);
    }
  };

  #onResize = () => {
    this.#resizePending = true;
    this.#requestFrame();
  };

  #updateCursor(p, pointerType) {
    const g = this.#gesture?.type;
    let cursor = 'crosshair';
    if (g === 'drag-start' || g === 'pan' || g === 'pinch') cursor = 'grabbing';
    else if (!g && this.#nearStart(p, pointerType)) cursor = 'grab';
    if (this.#overlay.style.cursor !== cursor) this.#overlay.style.cursor = cursor;
  }

  #panTo(p) {
    const { box0, origin } = this.#gesture;
    const { plot } = this.#layout;
    const dx = (-(p.x - origin.x) / plot.w) * (box0[1] - box0[0]);
    const dy = ((p.y - origin.y) / plot.h) * (box0[3] - box0[2]);
    this.#changeView(shiftBox(box0, dx, dy), true);
  }

  #beginPinch() {
    const [a, b] = [...this.#pointers.values()];
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.#gesture = {
      type: 'pinch',
      box0: [...this.#box],
      d0: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 10),
      anchor: this.#toData(mid),
    };
  }

  /** Zooms by the change in finger distance and keeps the data point under the fingers under them. */
  #pinchMove() {
    const [a, b] = [...this.#pointers.values()];
    const { box0, d0, anchor } = this.#gesture;
    const k = d0 / Math.max(Math.hypot(a.x - b.x, a.y - b.y), 10);
    const { plot } = this.#layout;
    const fx = ((a.x + b.x) / 2 - plot.x) / plot.w;
    const fy = ((a.y + b.y) / 2 - plot.y) / plot.h;
    const w = (box0[1] - box0[0]) * k;
    const h = (box0[3] - box0[2]) * k;
    const x0 = anchor[0] - fx * w;
    const y1 = anchor[1] + fy * h;
    this.#changeView([x0, x0 + w, y1 - h, y1], true);
  }

  #dragStartTo(p) {
    const [x, y] = clampToPlot(this.#layout, p.x, p.y, 0);
    this.#start = this.#toData({ x, y });
    this.#startPending = true;
    this.#markOverlay();
  }

  #finishStartDrag() {
    this.#startPending = false;
    this.#gesture = null;
    if (this.#start) this.#emit('start', [...this.#start], { final: true });
  }

  #placeStart(point, final) {
    this.#start = [point[0], point[1]];
    this.#markOverlay();
    this.#emit('start', [...this.#start], { final });
  }

  // ----- hover ----------------------------------------------------------------------------

  #updateHover() {
    const p = this.#hoverAt;
    if (!p || !this.#layout || !this.#box) return this.#setHover(null, null);
    const tracks = this.#syncTracks(this.#layout);
    let best = null;
    tracks.forEach((track, run) => {
      const hit = track.nearest(p.x, p.y, HOVER_RADIUS);
      if (hit && (!best || hit.d2 < best.d2)) best = { ...hit, run };
    });
    if (!best) return this.#setHover(null, p);
    const run = this.#runs[best.run];
    const step = best.index;
    this.#setHover({
      run: best.run,
      label: String(run.label ?? `run ${best.run + 1}`),
      step,
      x: run.xy[2 * step],
      y: run.xy[2 * step + 1],
      loss: run.loss && step < run.loss.length ? run.loss[step] : NaN,
    }, p);
  }

  #setHover(info, p) {
    const before = this.#hover;
    this.#hover = info;
    this.#showTooltip(info, p);
    if (before?.run !== info?.run || before?.step !== info?.step) {
      this.#markOverlay();
      this.#emit('hover', info ? { ...info } : null);
    }
  }

  #showTooltip(info, p) {
    const tip = this.#tooltip;
    if (!info || !p) {
      tip.hidden = true;
      return;
    }
    const colour = this.#runColour(info.run);
    const head = document.createElement('div');
    head.className = 'gs-surface-tooltip-head';
    const swatch = document.createElement('span');
    swatch.className = 'gs-surface-swatch';
    swatch.style.background = colour;
    const label = document.createElement('strong');
    label.textContent = info.label;
    head.append(swatch, label, ` · step ${info.step}`);
    const at = document.createElement('div');
    at.textContent = `x = ${formatNumber(info.x)}, y = ${formatNumber(info.y)}`;
    const loss = document.createElement('div');
    loss.textContent = `loss = ${formatNumber(info.loss)}`;
    tip.replaceChildren(head, at, loss);
    tip.hidden = false;
    const { width, height } = this.#layout;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = p.x + 14 + w > width ? p.x - 14 - w : p.x + 14;
    const top = p.y + 14 + h > height ? p.y - 14 - h : p.y + 14;
    tip.style.left = `${Math.max(0, Math.min(left, width - w))}px`;
    tip.style.top = `${Math.max(0, top)}px`;
  }

  // ----- scheduling -----------------------------------------------------------------------

  #requestFrame() {
    if (!this.#raf && !this.#destroyed) this.#raf = requestAnimationFrame(this.#onFrame);
  }

  #onFrame = () => {
    this.#raf = 0;
    if (this.#destroyed) return;
    this.#flushBase();
    if (this.#viewPending) {
      this.#viewPending = false;
      this.#emit('view', this.getView());
    }
    if (this.#startPending && this.#start) {
      this.#startPending = false;
      this.#emit('start', [...this.#start], { final: false });
    }
    if (this.#hoverPending) {
      this.#hoverPending = false;
      this.#updateHover();
    }
    if (this.#overlayDirty) this.draw();
  };

  #markOverlay() {
    this.#overlayDirty = true;
    this.#requestFrame();
  }

  #invalidateBase(mode) {
    if (mode === 'full' || !this.#baseMode) this.#baseMode = mode;
    this.#markOverlay();
  }

  #changeView(box, user) {
    const next = normaliseBox(box);
    if (!next) return;
    this.#box = next;
    if (!user) {
      this.#invalidateBase('full');
      return;
    }
    this.#viewPending = true;
    this.#interacting = true;
    this.#setHover(null, null);
    this.#invalidateBase('fast');
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#invalidateBase('full'), SETTLE_MS);
  }

  #flushBase() {
    if (this.#resizePending) this.#applySize();
    if (this.#baseMode && this.#layout) this.#renderBase();
  }

  #applySize() {
    this.#resizePending = false;
    const width = Math.floor(this.#root.clientWidth);
    if (width < 120) return;
    const before = this.#layout;
    this.#relayout(width);
    if (!sameLayout(before, this.#layout)) {
      this.#interacting = !!before;
      this.#invalidateBase(before ? 'fast' : 'full');
      clearTimeout(this.#settleTimer);
      if (before) this.#settleTimer = setTimeout(() => this.#invalidateBase('full'), SETTLE_MS);
    }
  }

  #relayout(width) {
    const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 4);
    const layout = computeLayout(this.#base.getContext('2d'), width, window.innerHeight, dpr, this.#box);
    if (sameLayout(layout, this.#layout)) return;
    if (layout.width !== this.#layout?.width || layout.height !== this.#layout?.height || dpr !== this.#layout?.dpr) {
      for (const canvas of [this.#base, this.#overlay]) {
        canvas.width = Math.round(layout.width * dpr);
        canvas.height = Math.round(layout.height * dpr);
        canvas.style.width = `${layout.width}px`;
        canvas.style.height = `${layout.height}px`;
      }
    }
    this.#layout = layout;
  }

  #renderBase() {
    const full = this.#baseMode === 'full';
    this.#baseMode = null;
    if (full) {
      this.#interacting = false;
      this.#relayout(this.#layout.width);
    }
    this.#paintBase(this.#base.getContext('2d'), this.#layout, { detail: 0.5, contourCell: 3, live: true, reuseContours: !full });
    this.#overlayDirty = true;
  }

  // ----- painting -------------------------------------------------------------------------

  #paintBase(ctx, layout, { detail, contourCell, live, reuseContours = false }) {
    const theme = THEMES[this.#themeName];
    const { dpr, plot } = layout;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const box = this.#box;
    if (!box) return;
    const t0 = performance.now();
    const cells = Math.min(plot.w * dpr * detail, reuseContours ? FAST_GRID_CELLS : Infinity) / plot.w;
    const nx = Math.min(Math.max(Math.round(plot.w * cells), 2), 4096);
    const ny = Math.min(Math.max(Math.round(plot.h * cells), 2), 4096);
    const values = sampleGrid(this.#gridFn, box, nx, ny);
    const t1 = performance.now();
    const scale = values && colourScale(values);
    const heat = live ? this.#heat : document.createElement('canvas');
    paintHeatmap(heat, values, scale, nx, ny);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(heat, plot.x, plot.y, plot.w, plot.h);
    const t2 = performance.now();
    let contours = reuseContours ? this.#contours : null;
    if (!contours) {
      const cx = Math.max(8, Math.round(plot.w / contourCell));
      const cy = Math.max(8, Math.round(plot.h / contourCell));
      contours = contourLines(this.#gridFn, box, scale, cx, cy);
    }
    if (contours) strokeContours(ctx, layout, box, contours, theme.contour);
    const t3 = performance.now();
    drawMinima(ctx, layout, box, this.#minima);
    drawAxes(ctx, layout, box, theme);
    drawColourLegend(ctx, layout, scale, theme);
    if (!live) return;
    this.#contours = contours;
    this.#timings = { grid: t1 - t0, heatmap: t2 - t1, contours: t3 - t2, total: performance.now() - t0, nx, ny };
  }

  #runColour(i) {
    const colour = this.#runs[i]?.color ?? this.#runs[i]?.colour;
    return typeof colour === 'string' && colour ? colour : FALLBACK_COLOURS[i % FALLBACK_COLOURS.length];
  }

  /** Each run's Track for this layout and view, from `store` (grown in place where possible). */
  #syncTracks(layout, store = this.#trackStore) {
    if (!this.#box) return [];
    const map = screenMap(layout, this.#box);
    const key = `${map.ax},${map.bx},${map.ay},${map.by},${layout.plot.w},${layout.plot.h}`;
    if (key !== store.key) {
      store.tracks = [];
      store.key = key;
    }
    return this.#runs.map((run, i) => {
      const n = pointCount(run.xy);
      let track = store.tracks[i];
      if (!track || !track.continues(run.xy, n)) track = store.tracks[i] = new Track(map, layout);
      track.extend(run.xy, n);
      return track;
    });
  }

  #runStyle(i) {
    const own = this.#runColour(i);
    const highlighted = this.#highlight === i;
    const dimmed = this.#highlight !== null && !highlighted && this.#highlight < this.#runs.length;
    const colour = dimmed ? faded(own) : own;
    return { own, colour, halo: haloFor(colour), width: highlighted ? 3 : dimmed ? 1.5 : 2, highlighted };
  }

  #paintOverlay(ctx, layout, exporting) {
    const box = this.#box;
    if (!box) return;
    const map = screenMap(layout, box);
    const order = this.#runs.map((_, i) => i).sort((a, b) => (a === this.#highlight) - (b === this.#highlight));
    if (exporting) this.#strokeTracks(ctx, layout, order);
    else this.#blitTracks(ctx, layout, map, order);
    ctx.save();
    clipToPlot(ctx, layout);
    const labels = [];
    for (const i of order) {
      const label = this.#paintRunEnd(ctx, layout, map, i, this.#runStyle(i));
      if (label) labels.push(label);
    }
    const s = this.#start && [map.ax * this.#start[0] + map.bx, map.ay * this.#start[1] + map.by];
    if (s && inPlot(layout, s[0], s[1], 8)) drawStartMarker(ctx, s[0], s[1]);
    drawDivergedLabels(ctx, layout, labels, THEMES[this.#themeName]);
    if (!exporting && this.#hover) {
      drawHoverRing(ctx, map.ax * this.#hover.x + map.bx, map.ay * this.#hover.y + map.by);
    }
    ctx.restore();
  }

  /** Every run stroked afresh (for export): all halos, then all lines, highlighted run last. */
  #strokeTracks(ctx, layout, order) {
    const tracks = this.#syncTracks(layout, { key: '', tracks: [] });
    ctx.save();
    clipToPlot(ctx, layout);
    for (const pass of ['halo', 'line']) {
      for (const i of order) strokePass(ctx, tracks[i].pathFrom(0), this.#runStyle(i), pass);
    }
    ctx.restore();
  }

  /** The cached trajectory layers: grown by this frame's new points, or reprojected mid-gesture. */
  #blitTracks(ctx, layout, map, order) {
    const layer = this.#layer;
    if (this.#interacting && layer.map) {
      layer.reproject(ctx, layout, map);
      return;
    }
    const tracks = this.#syncTracks(layout);
    const signature = [this.#trackStore.key, layout.width, layout.height, layout.dpr, this.#highlight,
      ...tracks.map((t, i) => `${t.id}:${this.#runColour(i)}`)].join('|');
    if (signature !== layer.signature) layer.reset(layout, map, signature);
    layer.update(tracks, order, (i) => this.#runStyle(i));
    layer.blit(ctx);
  }

  /**
   * The current point (a dot) or, for a diverged run, an ✕ where it left the view for the last
   * time (always kept in view); returns the ✕'s label.
   */
  #paintRunEnd(ctx, layout, map, i, style) {
    const run = this.#runs[i];
    const n = pointCount(run.xy);
    const diverged = run.status?.status === 'diverged';
    if (!diverged) {
      const x = n > 0 ? map.ax * run.xy[2 * n - 2] + map.bx : NaN;
      const y = n > 0 ? map.ay * run.xy[2 * n - 1] + map.by : NaN;
      if (inPlot(layout, x, y, 6)) drawDot(ctx, x, y, style.highlighted ? 5 : 4, style.colour, style.halo);
      return null;
    }
    const start = this.#start && [map.ax * this.#start[0] + map.bx, map.ay * this.#start[1] + map.by];
    const end = n > 0 ? exitPoint(run.xy, n, map, layout) : start;
    if (!end || !Number.isFinite(end[0]) || !Number.isFinite(end[1])) return null;
    const [x, y] = clampToPlot(layout, end[0], end[1], 9);
    drawCross(ctx, x, y, 6, style.colour, style.halo);
    const step = run.status.diverged_at ?? n;
    return { text: `diverged at step ${step}`, x, y, colour: style.own };
  }

  #paintRunLegend(ctx, rows, top) {
    const theme = THEMES[this.#themeName];
    rows.forEach((row, r) => {
      const y = top + 12 + r * 24;
      for (const item of row) {
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        if (item.title !== undefined) {
          ctx.font = `600 13px ${FONT}`;
          ctx.fillStyle = theme.text;
          ctx.fillText(item.title, item.x, y);
          continue;
        }
        const own = this.#runColour(item.i);
        const style = { colour: own, halo: haloFor(own), width: 2.5 };
        const swatch = new Path2D();
        swatch.moveTo(item.x, y);
        swatch.lineTo(item.x + 20, y);
        strokeTrack(ctx, swatch, style);
        if (item.note) drawCross(ctx, item.x + 20, y, 4, style.colour, style.halo);
        else drawDot(ctx, item.x + 20, y, 3.5, style.colour, style.halo);
        ctx.font = `12.5px ${FONT}`;
        ctx.fillStyle = theme.text;
        ctx.fillText(item.label, item.x + 30, y);
        if (item.note) {
          const x = item.x + 38 + ctx.measureText(item.label).width;
          ctx.font = `italic 12px ${FONT}`;
          ctx.fillStyle = theme.muted;
          ctx.fillText(item.note, x, y);
        }
      }
    });
  }
}
