// PNG export of the surface view: the figure cropped to its axis labels, plot and colour legend,
// painted afresh at twice the CSS size (whatever the screen's pixel ratio) by the view's own
// painters, with a legend of the runs (title, then each run's swatch, label and divergence note)
// wrapped in rows underneath and an optional stamp ("step k / N") in the bottom-right corner.
// The legend, the stamp and the composition are shared with the animation's frames (frame-painter.mjs).

import { exportLayout } from './layout.mjs';
import { drawCross, drawDot, haloFor, runColour, runDash, strokeTrack } from './run-style.mjs';
import { FONT } from '../../lib/canvas-style.mjs';
import { pointCount } from './tracks.mjs';
import { EXPORT_RATIO, canvasPNG } from '../../lib/canvas-png.mjs';

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

function paintRunLegend(ctx, rows, top, runs, theme, left = 0) {
  rows.forEach((row, r) => {
    const y = top + 12 + r * 24;
    for (const { x: rowX, ...item } of row) {
      const x0 = left + rowX;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      if (item.title !== undefined) {
        ctx.font = `600 13px ${FONT}`;
        ctx.fillStyle = theme.text;
        ctx.fillText(item.title, x0, y);
        continue;
      }
      const own = runColour(runs, item.i);
      const style = { colour: own, dash: runDash(runs, item.i), halo: haloFor(own), width: 2.5 };
      const swatch = new Path2D();
      swatch.moveTo(x0, y);
      swatch.lineTo(x0 + 20, y);
      strokeTrack(ctx, swatch, style);
      if (item.note) drawCross(ctx, x0 + 20, y, 4, style.colour, style.halo);
      else drawDot(ctx, x0 + 20, y, 3.5, style.colour, style.halo);
      ctx.font = `12.5px ${FONT}`;
      ctx.fillStyle = theme.text;
      ctx.fillText(item.label, x0 + 30, y);
      if (item.note) {
        const x = x0 + 38 + ctx.measureText(item.label).width;
        ctx.font = `italic 12px ${FONT}`;
        ctx.fillStyle = theme.muted;
        ctx.fillText(item.note, x, y);
      }
    }
  });
}

/** The figure's title: the objective's display name. */
export const figureTitle = (objective) => String(objective?.displayName ?? objective?.display_name ?? objective?.name ?? 'Loss surface');

/**
 * The runs' legend laid out in rows across `width` CSS pixels, leaving room for `stamp` (its text,
 * or any string as wide) on the first row: { rows, height }.
 */
export function runLegend(measure, runs, title, width, stamp) {
  measure.font = `13px ${FONT}`;
  const stampWidth = stamp ? measure.measureText(stamp).width + 16 : 0;
  const rows = layoutRows(runLegendItems(measure, runs, title), width - stampWidth, 12);
  return { rows, height: 10 + rows.length * 24 };
}

/**
 * Paints the runs' legend `rows` (none: null) and the `stamp` (optional) below a figure `width`
 * CSS pixels wide whose plot ends at `top`, both shifted right by `left`; ctx in CSS pixels.
 */
export function paintLegendAndStamp(ctx, { rows, top, left = 0, width, runs, theme, stamp }) {
  if (rows) paintRunLegend(ctx, rows, top + 2, runs, theme, left);
  if (stamp) {
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(stamp, left + width - 12, top + 14);
  }
}

/**
 * Composes a figure on `canvas` (sized already) at `dpr`: paintOverlay(ctx, figure) on a canvas of
 * its own first (sampling the base's finer grid can grow the engine's memory, which detaches the
 * runs' trajectory views), then the base (paintBase(ctx, figure), or a canvas to copy), the overlay
 * over it, and the legend and stamp in CSS pixels (paintLegend(ctx)).
 */
export function composeFigure(canvas, figure, { paintBase, paintOverlay, paintLegend, overlay = document.createElement('canvas') }) {
  const { dpr } = figure;
  overlay.width = canvas.width;
  overlay.height = canvas.height;
  const overlayCtx = overlay.getContext('2d');
  overlayCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintOverlay(overlayCtx, figure);
  const ctx = canvas.getContext('2d');
  if (typeof paintBase === 'function') paintBase(ctx, figure);
  else {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(paintBase, 0, 0);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(overlay, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintLegend(ctx);
  return ctx;
}

/**
 * The PNG blob of the figure for the view's current `layout`, `stamp` (optional) in the
 * bottom-right corner. paintBase(ctx, layout) paints the base layer (it sets its own transform);
 * paintOverlay(ctx, layout) paints the trajectories and markers in CSS pixels.
 */
export function toPNG(layout, { objective, runs, theme, stamp, paintBase, paintOverlay }) {
  const figure = { ...exportLayout(layout), dpr: EXPORT_RATIO };
  const canvas = document.createElement('canvas');
  const { rows, height } = runLegend(canvas.getContext('2d'), runs, figureTitle(objective), figure.width, stamp);
  canvas.width = Math.round(figure.width * figure.dpr);
  canvas.height = Math.round((figure.height + height) * figure.dpr);
  composeFigure(canvas, figure, {
    paintBase, paintOverlay,
    paintLegend: (ctx) => paintLegendAndStamp(ctx, { rows, top: figure.height, width: figure.width, runs, theme, stamp }),
  });
  return canvasPNG(canvas);
}
