// What the surface view draws around and over the field: the axes with their ticks and labels,
// the colour legend with its f ticks, the known minima, the start marker, the hover ring and the
// "diverged at step k" pills.

import { scaleLinear } from 'd3-scale';
import { NEUTRAL, addViridisStops } from '../../lib/colormap.mjs';
import { logLegendCandidates } from '../../lib/field-scale.mjs';
import { clipToPlot, inPlot, screenMap } from './layout.mjs';
import { tickCount } from '../../lib/plot-geometry.mjs';
import { chartFont, INK } from '../../lib/canvas-style.mjs';

export function drawAxes(ctx, layout, box, theme, [xName, yName] = ['x', 'y']) {
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
  ctx.font = chartFont(12);
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
  ctx.fillText(xName, plot.x + plot.w / 2, bottom + 31);
  ctx.fillText(yName, plot.x - layout.labelWidth - 22, plot.y + plot.h / 2);
}

/** Colour-legend tick candidates: a signed scale's, or the log scale's (lib/field-scale.mjs). */
function legendCandidates(scale) {
  return scale.kind === 'signed' ? signedCandidates(scale) : logLegendCandidates(scale);
}

/** A signed scale's ticks: 0 first, then nice values of f across [−M, M] (d3's ticks). */
function signedCandidates(scale) {
  const ticks = scaleLinear().domain([scale.lo, scale.hi]).ticks(8);
  const format = scaleLinear().domain([scale.lo, scale.hi]).tickFormat(8);
  return ticks.map((v) => ({ t: (v - scale.lo) / (scale.hi - scale.lo), priority: v === 0 ? 0 : 1, text: format(v) }));
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

function legendBar({ plot, wide }) {
  return wide
    ? { x: plot.x + plot.w + 16, y: plot.y, w: 12, h: plot.h, vertical: true }
    : { x: plot.x, y: plot.y - 22, w: plot.w, h: 9, vertical: false };
}

export function drawColourLegend(ctx, layout, scale, theme) {
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
  ctx.font = chartFont(11);
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

export function drawMinima(ctx, layout, box, minima) {
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

export function drawStartMarker(ctx, x, y) {
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

export function drawHoverRing(ctx, x, y) {
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
export function drawDivergedLabels(ctx, layout, labels, theme) {
  const { plot } = layout;
  const placed = [];
  ctx.font = chartFont(11.5, 600);
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
