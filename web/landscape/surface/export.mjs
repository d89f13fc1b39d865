// PNG export of the surface view: the figure cropped to its axis labels, plot and colour legend,
// painted afresh at twice the CSS size (whatever the screen's pixel ratio) by the view's own
// painters, with a legend of the runs (title, then each run's swatch, label and divergence note)
// wrapped in rows underneath and an optional stamp ("step k / N") in the bottom-right corner.

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

function paintRunLegend(ctx, rows, top, runs, theme) {
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
      const own = runColour(runs, item.i);
      const style = { colour: own, dash: runDash(runs, item.i), halo: haloFor(own), width: 2.5 };
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

/**
 * The PNG blob of the figure for the view's current `layout`, `stamp` (optional) in the
 * bottom-right corner. paintBase(ctx, layout) paints the base layer (it sets its own transform);
 * paintOverlay(ctx, layout) paints the trajectories and markers in CSS pixels.
 */
export function toPNG(layout, { objective, runs, theme, stamp, paintBase, paintOverlay }) {
  const figure = { ...exportLayout(layout), dpr: EXPORT_RATIO };
  const dpr = figure.dpr;
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  const title = objective?.displayName ?? objective?.display_name ?? objective?.name ?? 'Loss surface';
  measure.font = `13px ${FONT}`;
  const stampWidth = stamp ? measure.measureText(stamp).width + 16 : 0;
  const rows = layoutRows(runLegendItems(measure, runs, String(title)), figure.width - stampWidth, 12);
  const legendHeight = 10 + rows.length * 24;
  canvas.width = Math.round(figure.width * dpr);
  canvas.height = Math.round((figure.height + legendHeight) * dpr);
  // The overlay first, on a canvas of its own: sampling the base's finer grid can grow the
  // engine's memory, which detaches the runs' trajectory views.
  const overlay = document.createElement('canvas');
  overlay.width = canvas.width;
  overlay.height = canvas.height;
  const overlayCtx = overlay.getContext('2d');
  overlayCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintOverlay(overlayCtx, figure);
  const ctx = canvas.getContext('2d');
  paintBase(ctx, figure);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(overlay, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintRunLegend(ctx, rows, figure.height + 2, runs, theme);
  if (stamp) {
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(stamp, figure.width - 12, figure.height + 14);
  }
  return canvasPNG(canvas);
}
