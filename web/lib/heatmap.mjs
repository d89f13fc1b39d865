// The field under a canvas figure (the landscape's surface, the sweep lab's contours): f sampled on
// a grid of cells, the log-scaled colour scale, the viridis heatmap painted from it, and contour
// lines traced at levels of the same scale.

import { contours as contourGenerator } from 'd3-contour';
import { NEUTRAL, viridisTable } from './colormap.mjs';
import { clipToPlot } from '../landscape/surface/layout.mjs';

const LUT = viridisTable(256);
const CONTOUR_LEVELS = 14;

/** f at the centres of an nx × ny grid of cells over box, top row first, copied out of wasm. */
export function sampleGrid(gridFn, box, nx, ny) {
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
 * the surface is rather than on the few cells next to the minimum. A signed scale (kind 'signed',
 * colourScale's `signed` option for a function that takes both signs) is f itself on [−M, M],
 * M = max |f|, so 0 sits mid-scale.
 */
export const levelOf = (v, s) => (s.kind === 'signed' ? v : Math.log10(Math.max(v - s.fmin, 0) + s.eps));

/**
 * The colour scale of a grid of f: log-scaled above its minimum; with `signed` (a typed formula),
 * symmetric about 0 instead when f takes both signs.
 */
export function colourScale(values, { signed = false } = {}) {
  const scale = logScale(values);
  if (!signed || !scale || !(scale.fmin < 0 && scale.fmax > 0)) return scale;
  const m = Math.max(-scale.fmin, scale.fmax);
  return { kind: 'signed', fmin: scale.fmin, fmax: scale.fmax, eps: 0, lo: -m, hi: m };
}

function logScale(values) {
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
  return finite.length && finite.length < values.length ? logScale(finite) : null;
}

export function paintHeatmap(canvas, values, scale, nx, ny) {
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
export function contourLines(gridFn, box, scale, nx, ny) {
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

/** Contour lines computed for contours.box, drawn (scaled and moved) into the current box. */
export function strokeContours(ctx, layout, box, contours, colour) {
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
