// A chart as a PNG: the drawing of chart-figure.mjs painted on a canvas at a fixed pixel ratio
// (2 by default, whatever the screen's), so exported text and lines are crisp everywhere.
import { chartFigure, FIGURE_FONT } from './chart-figure.mjs';
import { EXPORT_RATIO, canvasPNG } from './canvas-png.mjs';

function tracePath(ctx, segments, close) {
  ctx.beginPath();
  for (const points of segments) {
    points.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    if (close) ctx.closePath();
  }
}

function paintText(ctx, item) {
  ctx.save();
  ctx.font = `${item.italic ? 'italic ' : ''}${item.weight ?? 400} ${item.size ?? 12}px ${FIGURE_FONT}`;
  ctx.translate(item.x, item.y);
  if (item.rotate) ctx.rotate((item.rotate * Math.PI) / 180);
  const widths = item.spans.map((s) => ctx.measureText(s.text).width);
  const total = widths.reduce((a, b) => a + b, 0);
  let x = item.anchor === 'middle' ? -total / 2 : item.anchor === 'end' ? -total : 0;
  item.spans.forEach((s, k) => {
    ctx.fillStyle = s.fill ?? item.fill;
    ctx.fillText(s.text, x, 0);
    x += widths[k];
  });
  ctx.restore();
}

function paintItem(ctx, item) {
  ctx.setLineDash(item.dash ?? []);
  switch (item.kind) {
    case 'rect':
      ctx.fillStyle = item.fill;
      ctx.fillRect(item.x, item.y, item.w, item.h);
      break;
    case 'line':
      ctx.strokeStyle = item.stroke;
      ctx.lineWidth = item.width ?? 1;
      ctx.lineCap = 'butt';
      tracePath(ctx, [[[item.x1, item.y1], [item.x2, item.y2]]]);
      ctx.stroke();
      break;
    case 'path':
      ctx.strokeStyle = item.stroke;
      ctx.lineWidth = item.width;
      ctx.lineJoin = item.round ? 'round' : 'miter';
      ctx.lineCap = item.round ? 'round' : 'butt';
      tracePath(ctx, item.segments);
      ctx.stroke();
      break;
    case 'polygon':
      ctx.fillStyle = item.fill;
      tracePath(ctx, [item.points], true);
      ctx.fill();
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
      ctx.fillStyle = item.fill;
      ctx.fill();
      if (item.width > 0) {
        ctx.strokeStyle = item.stroke;
        ctx.lineWidth = item.width;
        ctx.stroke();
      }
      break;
    case 'text':
      paintText(ctx, item);
      break;
    case 'clip':
      ctx.save();
      ctx.beginPath();
      ctx.rect(item.x, item.y, item.w, item.h);
      ctx.clip();
      for (const inner of item.items) paintItem(ctx, inner);
      ctx.restore();
      break;
    default:
      throw new Error(`chart figure: unknown item kind ${JSON.stringify(item.kind)}`);
  }
}

/** The PNG blob of a chart-figure.mjs spec, `ratio` device pixels per CSS pixel. */
export function chartPNG(spec, ratio = EXPORT_RATIO) {
  const figure = chartFigure(spec);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(figure.width * ratio);
  canvas.height = Math.round(figure.height * ratio);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const item of figure.items) paintItem(ctx, item);
  return canvasPNG(canvas);
}
