// The hand-made log scale of the charts: a log axis is a linear uPlot axis over log10 of the data
// (uPlot's own log scale finds no ticks beyond 1e17, where diverging runs go). Values go in with
// shown() and come back with unshown(); the range of an axis is lib/chart-range.mjs's (lib/axes-fit.mjs), and
// logSplits gives it ticks that fit.
import uPlot from 'uplot';

/** A value as drawn: log10 of it on log axes, where ≤ 0 is a gap (null). */
export function shown(v, log) {
  if (!log) return v;
  return v > 0 ? Math.log10(v) : null;
}

/** A value back from an axis: 10^v on log axes. */
export function unshown(v, log) {
  if (v == null || !log) return v;
  return Number((10 ** v).toPrecision(12));
}

/** Whether the y axis `scaleKey` of a chart model is a log axis. */
export function isLog(model, scaleKey) {
  return model.y.some((a) => a.key === scaleKey && a.log);
}

/**
 * Ticks of a log axis (in log10 units): every k-th decade so the labels fit, or 1-2-5 steps
 * when the range is short enough to label them.
 */
export function logSplits(u, axisIdx, min, max) {
  const lo = Math.ceil(min - 1e-9);
  const hi = Math.floor(max + 1e-9);
  const room = Math.max(2, Math.floor((u.bbox.height / uPlot.pxRatio || 200) / 24));
  const splits = [];
  if (3 * (hi - lo + 1) <= room) {
    for (let e = lo - 1; e <= hi; ++e) {
      for (const m of [1, 2, 5]) {
        const v = e + Math.log10(m);
        if (v >= min - 1e-9 && v <= max + 1e-9) splits.push(v);
      }
    }
    return splits;
  }
  const stride = Math.ceil((hi - lo + 1) / room);
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) splits.push(e);
  return splits;
}
