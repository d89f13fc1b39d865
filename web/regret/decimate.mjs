// Decimation of the recorded points for drawing: records are grouped by the pixel column their t
// falls in (on a linear or a log t axis), and a column with more than two records keeps, for every
// series, its smallest and largest finite value in time order, at the column's first and last t.
// Non-finite values (a bound where Theorem 4.1 does not apply) are gaps.

/** t on the x axis: t itself, or log10 t. */
export const axisT = (t, log) => (log ? Math.log10(t) : t);

/** A value on a y axis: v, or log10 v (null where v ≤ 0). */
export function axisY(v, log) {
  if (v == null || !Number.isFinite(v)) return null;
  if (!log) return v;
  return v > 0 ? Math.log10(v) : null;
}

/**
 * t: Float64Array of recorded times; series: Float64Arrays (same length as t);
 * columns: pixel columns; range: [lo, hi] of the x axis (in axisT units); logX, logY.
 * Returns { x: number[] (axis units), ts: number[] (t), ys: (number | null)[][] (axis units) }.
 */
export function decimate(t, series, { columns, range, logX, logY }) {
  const n = t.length;
  const x = [];
  const ts = [];
  const ys = series.map(() => []);
  const [lo, hi] = range;
  const scale = columns / Math.max(hi - lo, 1e-12);
  let k = 0;
  while (k < n) {
    const column = Math.floor((axisT(t[k], logX) - lo) * scale);
    let end = k + 1;
    while (end < n && Math.floor((axisT(t[end], logX) - lo) * scale) === column) end += 1;
    if (end - k <= 2) {
      for (let j = k; j < end; ++j) {
        x.push(axisT(t[j], logX));
        ts.push(t[j]);
        series.forEach((s, c) => ys[c].push(axisY(s[j], logY)));
      }
    } else {
      x.push(axisT(t[k], logX), axisT(t[end - 1], logX));
      ts.push(t[k], t[end - 1]);
      series.forEach((s, c) => {
        const [first, second] = extremes(s, k, end);
        ys[c].push(axisY(first, logY), axisY(second, logY));
      });
    }
    k = end;
  }
  return { x, ts, ys };
}

// The smallest and largest finite value of s[from..to) in the order they occur (NaN if none).
function extremes(s, from, to) {
  let min = NaN;
  let max = NaN;
  let minAt = -1;
  let maxAt = -1;
  for (let j = from; j < to; ++j) {
    const v = s[j];
    if (!Number.isFinite(v)) continue;
    if (!(v >= min)) {
      min = v;
      minAt = j;
    }
    if (!(v <= max)) {
      max = v;
      maxAt = j;
    }
  }
  return minAt <= maxAt ? [min, max] : [max, min];
}
