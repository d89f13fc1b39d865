// The keys of a sweep map drawn on its canvas: the continuous colour bar on the right (final_loss:
// the landscape's own legend of f; steps_to_tol: viridis over log(1 + steps) with 1, 10, 100 … ticks)
// and, under the axes, a wrapped row of swatches: one per known minimum (nearest_minimum),
// "diverged" (red stripes), the metric's undefined colour and the analytic boundary line.
import { addViridisStops } from '../landscape/surface/colormap.mjs';
import { drawColourLegend } from '../landscape/surface/decorations.mjs';
import { FONT } from '../landscape/surface/style.mjs';
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

/** The colour bar right of the plot: the landscape's legend of f, or steps on a log(1 + k) scale. */
export function drawColourBar(ctx, plot, scale, theme) {
  if (!scale || scale.kind === 'categorical') return;
  if (scale.kind === 'loss') {
    drawColourLegend(ctx, { plot, wide: true }, scale, theme);
    return;
  }
  const bar = { x: plot.x + plot.w + 16, y: plot.y, w: 12, h: plot.h };
  ctx.fillStyle = addViridisStops(ctx.createLinearGradient(0, bar.y + bar.h, 0, bar.y));
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.strokeStyle = theme.frame;
  ctx.lineWidth = 1;
  ctx.strokeRect(bar.x - 0.5, bar.y - 0.5, bar.w + 1, bar.h + 1);
  ctx.fillStyle = theme.text;
  ctx.font = `12px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText('steps', bar.x - 4, bar.y - 6);
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = 'middle';
  const ticks = [];
  for (let k = 0; 10 ** k <= scale.steps; ++k) ticks.push({ v: 10 ** k, text: decadeText(k) });
  ticks.unshift({ v: 0, text: '0' });
  if (scale.steps / ticks.at(-1).v >= 2) ticks.push({ v: scale.steps, text: String(scale.steps) });
  let last = Infinity;
  for (const { v, text } of ticks) {
    const at = bar.y + bar.h * (1 - Math.log10(v + 1) / scale.hi);
    if (last - at < 13) continue;
    last = at;
    ctx.beginPath();
    ctx.moveTo(bar.x + bar.w, Math.round(at) + 0.5);
    ctx.lineTo(bar.x + bar.w + 4, Math.round(at) + 0.5);
    ctx.stroke();
    ctx.fillText(text, bar.x + bar.w + 6, at);
  }
}
