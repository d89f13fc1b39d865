// The canvas marker at the end of a diverged run: a ring with a cross, in the run's colour.
import uPlot from 'uplot';

export function drawMarker(ctx, x, y, color, bg) {
  const r = 5 * uPlot.pxRatio;
  const c = 2.5 * uPlot.pxRatio;
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineWidth = 2 * uPlot.pxRatio;
  ctx.strokeStyle = color;
  ctx.fillStyle = bg;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.lineWidth = 1.6 * uPlot.pxRatio;
  ctx.beginPath();
  ctx.moveTo(x - c, y - c);
  ctx.lineTo(x + c, y + c);
  ctx.moveTo(x + c, y - c);
  ctx.lineTo(x - c, y + c);
  ctx.stroke();
  ctx.restore();
}
