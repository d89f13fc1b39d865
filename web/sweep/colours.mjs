// The colours of a sweep map's cells, per metric: final_loss on the landscape's log-scaled viridis
// (its levelOf and lookup table), steps_to_tol on viridis over log(1 + steps), nearest_minimum
// on a categorical palette (one colour per known minimum). Diverged cells are red (the view hatches
// them), cells whose metric is undefined (tol never reached, no minimum reached) a neutral grey, and
// cells not computed yet are left transparent. One scale is shared by both maps of compare mode.
import { NEUTRAL, viridisTable } from '../lib/colormap.mjs';
import { levelOf } from '../lib/heatmap.mjs';

const LUT = viridisTable(256);

/** Okabe–Ito's colour-blind-safe palette (no red: red marks divergence). */
export const CATEGORICAL = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#f0e442', '#8c6d31', '#9467bd'];
export const DIVERGED = [[178, 24, 43], [239, 104, 112]];
export const UNDEFINED = NEUTRAL;

const hexRgb = (hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
const CATEGORICAL_RGB = CATEGORICAL.map(hexRgb);

/** A CSS colour of an [r, g, b] triple. */
export const css = ([r, g, b]) => `rgb(${r} ${g} ${b})`;

/** The colour scale of the metric over every computed cell of `maps`, or null before any is known. */
export function mapScale(metric, maps, steps) {
  if (metric === 'nearest_minimum') return { kind: 'categorical', count: Math.max(1, ...maps.map((m) => m.minima.length)) };
  if (metric === 'steps_to_tol') return { kind: 'steps', steps, hi: Math.log10(steps + 1) };
  return lossScale(maps);
}

/**
 * final_loss: log10(f − r + ε), the landscape's levelOf (so its legend draws the ticks), with r = 0
 * when every loss is ≥ 0 (the colours then read as the loss itself) and r = the lowest loss
 * otherwise; ε is half the smallest positive f − r. The range runs from the 0.5th to the 99.5th
 * percentile of the cells, at most 16 decades.
 */
function lossScale(maps) {
  let fmin = Infinity;
  let count = 0;
  for (const map of maps) {
    for (const v of map.values) {
      if (!Number.isFinite(v)) continue;
      count += 1;
      if (v < fmin) fmin = v;
    }
  }
  if (!count) return null;
  const reference = Math.min(fmin, 0);
  let smallest = Infinity;
  for (const map of maps) {
    for (const v of map.values) if (v - reference > 0 && v - reference < smallest) smallest = v - reference;
  }
  const scale = { kind: 'loss', fmin: reference, eps: Number.isFinite(smallest) ? smallest / 2 : 1e-30, lo: 0, hi: 1 };
  const levels = [];
  const stride = Math.max(1, Math.floor(count / 8192));
  let seen = 0;
  for (const map of maps) {
    for (const v of map.values) {
      if (Number.isFinite(v) && seen++ % stride === 0) levels.push(levelOf(v, scale));
    }
  }
  levels.sort((a, b) => a - b);
  const top = levels[Math.ceil(0.995 * (levels.length - 1))];
  scale.lo = Math.max(levels[Math.floor(0.005 * (levels.length - 1))], top - 16);
  scale.hi = Math.max(top, scale.lo + 1);
  scale.fmax = reference + 10 ** scale.hi;
  return scale;
}

/** Position t ∈ [0, 1] of a finite metric value on a continuous scale. */
export function scaleT(scale, v) {
  if (scale.kind === 'steps') return scale.hi > 0 ? Math.log10(v + 1) / scale.hi : 0;
  return (levelOf(v, scale) - scale.lo) / (scale.hi - scale.lo);
}

/**
 * Paints the map's cells into an ImageData of columns × rows pixels, row j of the map at pixel row
 * rows − 1 − j (y grows upward).
 */
export function paintCells(image, map, scale) {
  const { columns, rows, values, diverged } = map;
  const px = image.data;
  px.fill(0);
  for (let j = 0; j < map.rowsDone; ++j) {
    for (let i = 0; i < columns; ++i) {
      const k = i + j * columns;
      const o = 4 * (i + (rows - 1 - j) * columns);
      const rgb = cellColour(scale, values[k], diverged[k]);
      px[o] = rgb[0];
      px[o + 1] = rgb[1];
      px[o + 2] = rgb[2];
      px[o + 3] = 255;
    }
  }
}

function cellColour(scale, v, diverged) {
  if (diverged) return DIVERGED[0];
  if (!Number.isFinite(v) || !scale) return UNDEFINED;
  if (scale.kind === 'categorical') return CATEGORICAL_RGB[v % CATEGORICAL_RGB.length];
  const t = scaleT(scale, v);
  const c = 3 * (t >= 1 ? 255 : t > 0 ? Math.round(255 * t) : 0);
  return [LUT[c], LUT[c + 1], LUT[c + 2]];
}

/**
 * The diverged cells of the computed rows as a path in cell units (x: i, y: rows − j, one rect per
 * run of neighbouring diverged cells in a row), for the view to hatch.
 */
export function divergedPath(map) {
  const path = new Path2D();
  let any = false;
  for (let j = 0; j < map.rowsDone; ++j) {
    let from = -1;
    for (let i = 0; i <= map.columns; ++i) {
      const on = i < map.columns && map.diverged[i + j * map.columns] === 1;
      if (on && from < 0) from = i;
      if (!on && from >= 0) {
        path.rect(from, map.rows - 1 - j, i - from, 1);
        any = true;
        from = -1;
      }
    }
  }
  return any ? path : null;
}
