// A chart's log axes fitted by the shared rules of chart-range.mjs (landscape curves, regret lab): each log axis's
// range from its shown series (a floor below the survivors, a cap above them when a run diverged),
// the uPlot data with the values below a floor as gaps, and an arrow for every diverged series
// that leaves through the top of its capped axis, at the x where it does.
import { divergedExit, dropBelow, logAxisRange } from './chart-range.mjs';

/**
 * model: { y: [{ key, log }], series: [{ scale, show, diverged, color }] }; columns: [xs, ...ys]
 * in axis units. Returns { data, ranges: { key: { min, max, ... } }, arrows: [{ x, scale, color, text }] }.
 */
export function fitLogAxes(model, columns) {
  const data = columns.slice();
  const ranges = {};
  const arrows = [];
  for (const axis of model.y) {
    if (!axis.log) continue;
    const on = model.series.map((s, k) => [s, k + 1]).filter(([s]) => s.scale === axis.key);
    const range = logAxisRange(on.filter(([s]) => s.show).map(([s, c]) => ({ values: columns[c], diverged: Boolean(s.diverged) })));
    ranges[axis.key] = range;
    for (const [, c] of on) data[c] = dropBelow(columns[c], range.floor);
    if (!range.capped) continue;
    for (const [s, c] of on) {
      const x = s.show && s.diverged ? divergedExit(columns[0], columns[c], range.max) : null;
      if (x != null) arrows.push({ x, scale: axis.key, color: s.color, text: s.diverged });
    }
  }
  return { data, ranges, arrows };
}
