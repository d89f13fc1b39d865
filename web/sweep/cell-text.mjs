// What a cell of a sweep map says in words: its two axis values, its metric, its divergence step.
// Used by the hover tooltip and the pinned cell's panel.
import { axisTitle } from './axes.mjs';
import { formatPrecise } from '../lib/format.mjs';

export const pointText = ([x, y]) => `(${formatPrecise(x)}, ${formatPrecise(y)})`;

/** The metric of cell k in words. */
export function metricText(map, k) {
  const { metric } = map.config;
  const v = map.values[k];
  if (map.diverged[k]) return `diverged at step ${map.divergedAt[k]}`;
  if (k >= map.rowsDone * map.columns) return 'not computed yet';
  if (metric === 'final_loss') return `final loss = ${formatPrecise(v)}`;
  if (metric === 'steps_to_tol') {
    return Number.isFinite(v) ? `reaches f − f* ≤ ${formatPrecise(map.config.tol)} at step ${v}` : `never reaches f − f* ≤ ${formatPrecise(map.config.tol)}`;
  }
  return Number.isFinite(v) ? `ends at minimum ${v + 1}: ${pointText(map.minima[v])}` : 'ends at no known minimum';
}

/** [x line, y line, metric line] of cell (i, j). */
export function cellLines(map, i, j) {
  const { x, y } = map.config;
  return [
    `${axisTitle(x.param)} = ${formatPrecise(map.xValues[i])}`,
    `${axisTitle(y.param)} = ${formatPrecise(map.yValues[j])}`,
    metricText(map, i + j * map.columns),
  ];
}
