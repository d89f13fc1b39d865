// A chart's y axes fitted by the shared rules of chart-range.mjs (landscape curves, regret lab):
// each axis's range from its shown series (on a log axis a floor below the survivors; on either
// kind a cap beyond them when a run diverged), the uPlot data with the values below a floor as
// gaps, and an arrow for every diverged series that leaves through a capped end of its axis, at
// the x where it does.
import { divergedExit, dropBelow, linearAxisRange, logAxisRange } from './chart-range.mjs';

const negated = (values) => Array.from(values, (v) => (v == null ? null : -v));

// The arrows of the shown diverged series `on` ([series, column]) that leave the range's capped ends.
function exits(on, columns, range, key) {
  const arrows = [];
  for (const [s, c] of on) {
    if (!s.show || !s.diverged) continue;
    const up = range.capped ? divergedExit(columns[0], columns[c], range.max) : null;
    const down = up == null && range.cappedBelow ? divergedExit(columns[0], negated(columns[c]), -range.min) : null;
    const x = up ?? down;
    if (x != null) arrows.push({ x, scale: key, color: s.color, text: s.diverged, down: up == null });
  }
  return arrows;
}

/**
 * model: { y: [{ key, log }], series: [{ scale, show, diverged, color }] }; columns: [xs, ...ys]
 * in axis units. Returns { data, ranges: { key: { min, max, ... } } (a linear axis only when
 * capped), arrows: [{ x, scale, color, text, down }] }.
 */
export function fitAxes(model, columns) {
  const data = columns.slice();
  const ranges = {};
  const arrows = [];
  for (const axis of model.y) {
    const on = model.series.map((s, k) => [s, k + 1]).filter(([s]) => s.scale === axis.key);
    const shown = on.filter(([s]) => s.show).map(([s, c]) => ({ values: columns[c], diverged: Boolean(s.diverged) }));
    const range = axis.log ? logAxisRange(shown) : linearAxisRange(shown);
    if (!range) continue;
    ranges[axis.key] = range;
    if (axis.log) for (const [, c] of on) data[c] = dropBelow(columns[c], range.floor);
    arrows.push(...exits(on, columns, range, axis.key));
  }
  return { data, ranges, arrows };
}
