// The field of an SVG figure: the heatmap as an embedded PNG (fast-png, a data: URI; log-scaled
// viridis as the surface view paints it) and the contour lines as vector paths (d3-contour, at the
// surface view's levels), in the figure's pixel coordinates, leaving out the stretches of a
// contour ring that run along the grid's edge.
import { encode } from 'fast-png';
import { contours as contourGenerator } from 'd3-contour';
import { NEUTRAL, viridis, viridisTable } from '../colormap.mjs';
import { CONTOUR_LEVELS, contourThresholds, levelOf } from '../field-scale.mjs';
import { num } from './svg-text.mjs';

const LUT = viridisTable(256);

/** Base64 of bytes, in Node (Buffer) and in a browser (btoa). */
function base64(bytes) {
  if (globalThis.Buffer) return globalThis.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The heatmap of `values` (nx × ny, top row first) on `scale` as a PNG data: URI (RGB, 8 bits). */
export function heatmapDataUri(values, scale, nx, ny) {
  const data = new Uint8Array(3 * nx * ny);
  const k = scale ? 255 / (scale.hi - scale.lo) : 0;
  for (let i = 0; i < nx * ny; ++i) {
    const v = values[i];
    let rgb = NEUTRAL;
    if (scale && Number.isFinite(v)) {
      const t = (levelOf(v, scale) - scale.lo) * k;
      const c = 3 * (t >= 255 ? 255 : t > 0 ? Math.round(t) : 0);
      rgb = LUT.subarray(c, c + 3);
    }
    data.set(rgb, 3 * i);
  }
  return `data:image/png;base64,${base64(encode({ width: nx, height: ny, data, channels: 3, depth: 8 }))}`;
}

const onSameBorder = (a, b, nx, ny) =>
  (a[0] === b[0] && (a[0] === 0 || a[0] === nx)) || (a[1] === b[1] && (a[1] === 0 || a[1] === ny));

/**
 * Path data of one stretch of contour (points in px): the first point absolute, the rest relative
 * in tenths of a pixel (rounded against the rounded position, so errors do not add up), a point
 * dropped where it lies within 0.05 px of the straight line past it.
 */
function stretchPath(points) {
  const kept = [points[0]];
  for (let k = 1; k < points.length - 1; ++k) {
    const [ax, ay] = kept.at(-1);
    const [bx, by] = points[k];
    const [cx, cy] = points[k + 1];
    const length = Math.hypot(cx - ax, cy - ay);
    if (length > 0 && Math.abs((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / length < 0.05) continue;
    kept.push(points[k]);
  }
  kept.push(points.at(-1));
  let x = Math.round(kept[0][0] * 10);
  let y = Math.round(kept[0][1] * 10);
  let d = `M${num(x / 10, 1)} ${num(y / 10, 1)}l`;
  for (let k = 1; k < kept.length; ++k) {
    const nx = Math.round(kept[k][0] * 10);
    const ny = Math.round(kept[k][1] * 10);
    const dy = num((ny - y) / 10, 1);
    d += `${k > 1 ? ' ' : ''}${num((nx - x) / 10, 1)}${dy.startsWith('-') ? '' : ' '}${dy}`;
    x = nx;
    y = ny;
  }
  return d;
}

/**
 * Path data of each contour level of `values` (nx × ny) mapped onto `plot` ({x, y, w, h}):
 * [{ level (0 … CONTOUR_LEVELS − 1), t (its place on the colour scale), d }], empty levels left out.
 */
export function contourPaths(values, scale, nx, ny, plot) {
  if (!scale) return [];
  const levels = Array.from(values, (v) => (Number.isFinite(v) ? levelOf(v, scale) : NaN));
  const sx = plot.w / nx;
  const sy = plot.h / ny;
  const point = ([gx, gy]) => [plot.x + gx * sx, plot.y + gy * sy];
  const out = [];
  contourGenerator().size([nx, ny]).thresholds(contourThresholds(scale))(levels).forEach((geometry, level) => {
    let d = '';
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) {
        let stretch = [];
        for (let k = 1; k <= ring.length; ++k) {
          if (k === ring.length || onSameBorder(ring[k - 1], ring[k], nx, ny)) {
            if (stretch.length > 1) d += stretchPath(stretch);
            stretch = [];
            continue;
          }
          if (!stretch.length) stretch.push(point(ring[k - 1]));
          stretch.push(point(ring[k]));
        }
      }
    }
    if (d) out.push({ level, t: (level + 0.5) / CONTOUR_LEVELS, d });
  });
  return out;
}

/** The colour of contour level t when there is no heatmap under it: viridis, short of its palest yellows. */
export function contourColour(t) {
  const [r, g, b] = viridis(0.05 + 0.8 * t);
  return `rgb(${r}, ${g}, ${b})`;
}
