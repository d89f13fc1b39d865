// The canvas mark of a run that leaves through a capped end of an axis (chart-range.mjs): an arrow
// at the plot's edge pointing out of it, in the run's colour, labelled "diverged at step k".
import uPlot from 'uplot';

/**
 * The arrow at canvas x, pointing up at the plot's top edge (or down at its bottom edge), with its
 * label beside it, right of the arrow unless that overflows the plot (left, right: its edges);
 * `row` stacks the labels of several arrows.
 */
export function drawArrow(ctx, { x, top, bottom, left, right, row, down = false }, color, bg, label) {
  const px = uPlot.pxRatio;
  const inward = down ? -1 : 1;
  const tip = down ? bottom - px : top + px;
  ctx.save();
  ctx.setLineDash([]);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2 * px;
  ctx.beginPath();
  ctx.moveTo(x, tip + inward * 24 * px);
  ctx.lineTo(x, tip + inward * 6 * px);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x, tip);
  ctx.lineTo(x - 5 * px, tip + inward * 9 * px);
  ctx.lineTo(x + 5 * px, tip + inward * 9 * px);
  ctx.closePath();
  ctx.fill();
  ctx.font = `600 ${11 * px}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  const width = ctx.measureText(label).width;
  const onRight = x + 8 * px + width <= right || x - 8 * px - width < left;
  ctx.textAlign = onRight ? 'left' : 'right';
  const tx = onRight ? x + 8 * px : x - 8 * px;
  const ty = tip + inward * (10 + 14 * row) * px;
  ctx.lineWidth = 3 * px;
  ctx.strokeStyle = bg;
  ctx.strokeText(label, tx, ty);
  ctx.fillText(label, tx, ty);
  ctx.restore();
}
