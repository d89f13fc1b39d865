// The colour scale of a figure's field, DOM-free (the surface view, the sweep lab and the SVG
// figure of lib/figure share it): f sampled on a grid of cells by the engine's grid call, the
// log-scaled (or signed) scale of its values, and the contour levels traced on that scale.

import { formatLegendValue, formatPrecise } from './format.mjs';

/** How many contour lines a figure draws, evenly spaced in the scale's domain. */
export const CONTOUR_LEVELS = 14;

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

/** The CONTOUR_LEVELS levels (in the scale's domain, levelOf) the contour lines are traced at. */
export function contourThresholds(scale) {
  const step = (scale.hi - scale.lo) / CONTOUR_LEVELS;
  return Array.from({ length: CONTOUR_LEVELS }, (_, k) => scale.lo + (k + 0.5) * step);
}

/**
 * The colour legend's tick candidates on a log scale (the surface view's and the SVG figure's):
 * nice values of f at 1, 2 and 5 × 10^k above fmin, rounded to a multiple of 10^k and placed at
 * t ∈ [0, 1] along the bar; the decades (1 × 10^k, priority 0) come first.
 */
export function logLegendCandidates(scale) {
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
  return out.length ? out : [{ t: 0, priority: 0, text: formatPrecise(scale.fmin) }];
}
