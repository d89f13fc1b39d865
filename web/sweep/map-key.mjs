// The keys of a sweep map drawn on its canvas: the continuous colour bar on the right (final_loss:
// the landscape's own legend of f; steps_to_tol: viridis over log(1 + steps) with 1, 10, 100 … ticks)
// and, under the axes, a wrapped row of swatches: one per known minimum (nearest_minimum),
// "diverged" (red stripes), the metric's undefined colour and the analytic boundary line.
import { addViridisStops } from '../lib/colormap.mjs';
import { drawColourLegend } from '../landscape/surface/decorations.mjs';
import { FONT } from '../lib/canvas-style.mjs';
import { CATEGORICAL, DIVERGED, UNDEFINED, css } from './colours.mjs';
import { pointText } from './cell-text.mjs';

const ROW = 20;

/** The swatches of the key row for a map, as {kind, colour?, text}. */
export function keyItems(map, scale, boundary) {
  const items = [];
  const { metric } = map.config;
  if (metric === 'nearest_minimum') {
    map.minima.forEach((m, k) => items.push({ kind: 'fill', colour: CATEGORICAL[k % CATEGORICAL.length], text: `minimum ${k + 1} ${pointText(m)}` }));
    items.push({ kind: 'fill', colour: css(UNDEFINED), text: 'no minimum reached' });
  }
  if (metric === 'steps_to_tol') items.push({ kind: 'fill', colour: css(UNDEFINED), text: 'tol never reached' });
  items.push({ kind: 'stripes', text: 'diverged' });
  if (boundary.length) items.push({ kind: 'line', text: 'α·λ = 2(1 + β): heavy ball’s boundary' });
  if (!scale && metric === 'final_loss') items.push({ kind: 'fill', colour: css(UNDEFINED), text: 'no finite loss' });
  return items;
}

/** Items placed in rows of at most `width` pixels: [{...item, x, row}], and the row count. */
export function placeKeys(ctx, items, width) {
  ctx.font = `12px ${FONT}`;
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const w = 22 + ctx.measureText(item.text).width + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const out = { ...item, x, row };
    x += w;
    return out;
  });
  return { placed, rows: items.length ? row + 1 : 0 };
}

export const keyHeight = (rows) => rows * ROW;

function stripes(ctx, x, y, w, h) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = css(DIVERGED[0]);
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = css(DIVERGED[1]);
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let d = -h; d < w; d += 5) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

export function drawKeys(ctx, placed, left, top, theme) {
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const item of placed) {
    const x = left + item.x;
    const y = top + item.row * ROW + ROW / 2;
    if (item.kind === 'stripes') stripes(ctx, x, y - 6, 16, 12);
    else if (item.kind === 'line') drawBoundaryStroke(ctx, [[x, y], [x + 16, y]]);
    else {
      ctx.fillStyle = item.colour;
      ctx.fillRect(x, y - 6, 16, 12);
    }
    if (item.kind !== 'line') {
      ctx.strokeStyle = theme.frame;
      ctx.lineWidth = 1;
      ctx.strokeRect(x - 0.5, y - 6.5, 17, 13);
    }
    ctx.fillStyle = theme.text;
    ctx.fillText(item.text, x + 22, y);
  }
}

/** The analytic boundary's stroke: white dashes over a dark halo, readable on every colour. */
export function drawBoundaryStroke(ctx, points) {
  ctx.save();
  ctx.beginPath();
  points.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.lineJoin = 'round';
  ctx.strokeStyle = 'rgb(20 20 24 / 0.8)';
  ctx.lineWidth = 4.5;
  ctx.stroke();
  ctx.setLineDash([7, 5]);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.restore();
}

const decadeText = (k) => (k >= 4 ? `10${'⁰¹²³⁴⁵⁶⁷⁸⁹'[k]}` : String(10 ** k));

/**
 * The colour bar: right of the plot on a wide layout, above it on a narrow one; the landscape's
 * legend of f for final_loss, steps on a log(1 + k) scale for steps_to_tol.
 */
export function drawColourBar(ctx, { plot, wide }, scale, theme) {
  if (!scale || scale.kind === 'categorical') return;
  if (scale.kind === 'loss') {
    drawColourLegend(ctx, { plot, wide }, scale, theme);
    return;
  }
  const bar = wide ? { x: plot.x + plot.w + 16, y: plot.y, w: 12, h: plot.h } : { x: plot.x, y: plot.y - 22, w: plot.w, h: 9 };
  const gradient = wide ? ctx.createLinearGradient(0, bar.y + bar.h, 0, bar.y) : ctx.createLinearGradient(bar.x, 0, bar.x + bar.w, 0);
  ctx.fillStyle = addViridisStops(gradient);
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(bar.x - 0.5, bar.y - 0.5, bar.w + 1, bar.h + 1);
  ctx.fillStyle = theme.text;
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = wide ? 'left' : 'right';
  ctx.textBaseline = wide ? 'bottom' : 'middle';
  ctx.fillText('steps', wide ? bar.x - 4 : bar.x - 6, wide ? bar.y - 6 : bar.y + bar.h / 2);
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = wide ? 'left' : 'center';
  ctx.textBaseline = wide ? 'middle' : 'bottom';
  const ticks = [{ v: 0, text: '0' }];
  for (let k = 0; 10 ** k <= scale.steps; ++k) ticks.push({ v: 10 ** k, text: decadeText(k) });
  if (scale.steps / ticks.at(-1).v >= 2) ticks.push({ v: scale.steps, text: String(scale.steps) });
  let last = -Infinity;
  for (const { v, text } of ticks) {
    const t = Math.log10(v + 1) / scale.hi;
    const along = wide ? bar.h * t : bar.w * t;
    if (along - last < (wide ? 13 : 30)) continue;
    last = along;
    ctx.beginPath();
    if (wide) {
      const at = Math.round(bar.y + bar.h - along) + 0.5;
      ctx.moveTo(bar.x + bar.w, at);
      ctx.lineTo(bar.x + bar.w + 4, at);
      ctx.stroke();
      ctx.fillText(text, bar.x + bar.w + 6, at);
    } else {
      const at = Math.round(bar.x + along) + 0.5;
      ctx.moveTo(at, bar.y);
      ctx.lineTo(at, bar.y - 3);
      ctx.stroke();
      ctx.fillText(text, at, bar.y - 4);
    }
  }
}
