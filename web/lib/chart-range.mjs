// The y range rules shared by the labs' log-scale charts (landscape curves, regret, paper), in
// log10 units (a log axis is a linear axis over log10 of the data):
//   gaps:  0, negative, NaN and ±Infinity cannot be drawn on a log axis and are gaps (null);
//   floor: an axis reaches at most FLOOR_DECADES decades below the largest value of its runs that
//          did not diverge; a value further down is 0 in spirit (an underflowed moment, a float32
//          denormal, a sparse gradient's 1e-36) and is a gap too, so it neither stretches the axis
//          nor draws a spike (when every run diverged there is no floor: their whole climb shows);
//   cap:   when a run diverged, the top is at most CAP_DECADES decades above the surviving runs'
//          largest value; the diverged run leaves through the top (divergedExit says where), so
//          the survivors keep their resolution.
// A linear axis (a loss that goes negative) caps the same way, CAP_SPANS times the survivors' span
// beyond them, at the top or the bottom (linearAxisRange). And runningMax, the upper envelope
// drawn for a bound that oscillates within a problem's period.

/**
 * How many decades a log axis spans at most below the survivors' largest value: about the relative
 * precision of a double (ε ≈ 2.2·10⁻¹⁶), below which a quantity is 0 next to the largest one.
 */
export const FLOOR_DECADES = 15;
/** How many decades above the surviving runs a log axis reaches when some run diverged. */
export const CAP_DECADES = 3;

/** How far a linear axis reaches beyond the surviving runs when a run diverged: times their span. */
export const CAP_SPANS = 1;

/** A value as drawn on a log axis: log10 v, or null (a gap) for 0, negatives, NaN and ±Infinity. */
export function logValue(v) {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.log10(v) : null;
}

// The smallest and largest finite number of the arrays, at least `floor` (null: none).
function extent(arrays, floor = -Infinity) {
  let min = Infinity;
  let max = -Infinity;
  for (const values of arrays) {
    for (let k = 0; k < values.length; ++k) {
      const v = values[k];
      if (v == null || !Number.isFinite(v) || v < floor) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return max >= min ? { min, max } : null;
}

/**
 * The range of a log axis from its shown series, each { values (log10 units, null for gaps),
 * diverged (boolean) }: { min, max } in whole decades (at least one), `floor` (values below it are
 * gaps, dropBelow), `top` (the highest value drawn inside the axis) and `capped` (whether a
 * diverged series reaches above the axis).
 */
export function logAxisRange(series, { floorDecades = FLOOR_DECADES, capDecades = CAP_DECADES } = {}) {
  const all = extent(series.map((s) => s.values));
  if (!all) return { min: -1, max: 1, floor: -Infinity, top: 1, capped: false };
  const survivors = extent(series.filter((s) => !s.diverged).map((s) => s.values));
  const capped = Boolean(survivors) && series.some((s) => s.diverged) && all.max > survivors.max + capDecades;
  const top = capped ? survivors.max + capDecades : all.max;
  const floor = survivors ? survivors.max - floorDecades : -Infinity;
  const kept = extent(series.map((s) => s.values), floor) ?? { min: top };
  const min = Math.floor(kept.min + 1e-9) + 0;
  const max = Math.max(Math.ceil(top - 1e-9) + 0, min + 1);
  return { min, max, floor, top, capped };
}

/**
 * The range of a linear axis when a diverged series leaves the survivors far behind (series as for
 * logAxisRange): { min, max } with 5% room, capped CAP_SPANS times the survivors' span beyond
 * them; `capped` / `cappedBelow` say at which end. null when nothing is capped (the chart's own
 * range then).
 */
export function linearAxisRange(series, { capSpans = CAP_SPANS } = {}) {
  const all = extent(series.map((s) => s.values));
  const survivors = extent(series.filter((s) => !s.diverged).map((s) => s.values));
  if (!all || !survivors || !series.some((s) => s.diverged)) return null;
  const span = Math.max(survivors.max - survivors.min, 1e-3 * Math.abs(survivors.max), 1e-12);
  const capped = all.max > survivors.max + capSpans * span;
  const cappedBelow = all.min < survivors.min - capSpans * span;
  if (!capped && !cappedBelow) return null;
  const hi = capped ? survivors.max + capSpans * span : all.max;
  const lo = cappedBelow ? survivors.min - capSpans * span : all.min;
  const room = 0.05 * (hi - lo);
  return { min: lo - room, max: hi + room, capped, cappedBelow };
}

/** values with every one below `floor` a gap (null); the same array when none is. */
export function dropBelow(values, floor) {
  let copy = null;
  for (let k = 0; k < values.length; ++k) {
    if (values[k] != null && values[k] < floor) {
      copy ??= Array.from(values);
      copy[k] = null;
    }
  }
  return copy ?? values;
}

/**
 * Where a series first rises above `top` (log10 units): the x at which its line crosses `top`
 * (interpolated between the last point inside and the first above), or null if it never does.
 */
export function divergedExit(xs, values, top) {
  let prev = -1;
  for (let k = 0; k < values.length; ++k) {
    const v = values[k];
    if (v == null || !Number.isFinite(v)) continue;
    if (v > top) {
      if (prev < 0) return xs[k];
      const f = (top - values[prev]) / (v - values[prev]);
      return xs[prev] + f * (xs[k] - xs[prev]);
    }
    prev = k;
  }
  return null;
}

/**
 * The running maximum max_{s ≤ t} of values (a typed or plain array; NaN where values is not
 * finite, which does not reset it). Where a bound B holds (R(t) ≤ B(t) for every t), so does its
 * running maximum, which draws as a clean line where B saw-tooths within a period.
 */
export function runningMax(values) {
  const out = new Float64Array(values.length);
  let max = -Infinity;
  for (let k = 0; k < values.length; ++k) {
    const v = values[k];
    if (Number.isFinite(v)) {
      if (v > max) max = v;
      out[k] = max;
    } else {
      out[k] = NaN;
    }
  }
  return out;
}
