// The uPlot axis and scale options of a chart: the step axis below, and y axes left or right,
// linear or log (log-axis.mjs), in the theme's colours and the curves' number formats.
import uPlot from 'uplot';
import { formatStep, formatTick } from '../../lib/format.mjs';
import { logSplits, unshown } from './log-axis.mjs';
import { chartFont, fontScale } from '../../lib/canvas-style.mjs';

const STEP_INCRS = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => m * p)).sort((a, b) => a - b);

// The width of a y axis: room for its longest tick label.
function axisSize(self, values, axisIdx, cycleNum) {
  const axis = self.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  const longest = (values ?? []).reduce((acc, v) => (v && v.length > acc.length ? v : acc), '');
  self.ctx.font = axis.font[0];
  const width = longest ? self.ctx.measureText(longest).width / uPlot.pxRatio : 0;
  return Math.ceil(axis.ticks.size + axis.gap + width + 2);
}

export function xAxisOptions(theme, label) {
  return {
    scale: 'x', label, stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), size: Math.round(26 * fontScale()), labelSize: Math.round(18 * fontScale()), labelGap: 0,
    grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
    incrs: STEP_INCRS, space: 60, values: (u, splits) => splits.map(formatStep),
  };
}

export function yAxisOptions(theme, axis) {
  return {
    scale: axis.key, label: axis.label, side: axis.side === 'right' ? 1 : 3, show: axis.show !== false,
    stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), labelSize: Math.round(20 * fontScale()), labelGap: 2, size: axisSize, space: 28,
    grid: { show: axis.side !== 'right', stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
    values: (u, splits) => splits.map((v) => (v == null ? '' : formatTick(unshown(v, axis.log)))),
    ...(axis.log ? { splits: logSplits } : {}),
  };
}

// fitted(key): the axis' range by the rules of lib/chart-range.mjs, [min, max] (log10 units on a
// log axis), or null for uPlot's own range of a linear axis.
export function scaleOptions(axis, fitted) {
  return { auto: true, range: (u, min, max) => fitted(axis.key) ?? (min == null ? [null, null] : uPlot.rangeNum(min, max, 0.1, true)) };
}
