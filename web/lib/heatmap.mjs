// The field under a canvas figure (the landscape's surface, the sweep lab's contours): the viridis
// heatmap painted from f's grid and contour lines traced at levels of its colour scale (the grid
// and the scale are field-scale.mjs's, re-exported here).

import { contours as contourGenerator } from 'd3-contour';
import { NEUTRAL, viridisTable } from './colormap.mjs';
import { contourThresholds, levelOf, sampleGrid } from './field-scale.mjs';
import { clipToPlot } from '../landscape/surface/layout.mjs';

const LUT = viridisTable(256);

export { colourScale, levelOf, sampleGrid } from './field-scale.mjs';

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
  const thresholds = contourThresholds(scale);
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
