// Number formatting for the surface view: tooltip values and colour-legend tick labels, with a
// true minus sign.

const minus = (text) => text.replace(/-/g, '\u2212').replace('e+', 'e');

/** Tooltip numbers: four to five significant digits, exponent form when very small or large. */
export function formatNumber(v) {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : minus(String(v));
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return minus(v.toExponential(3));
  return minus(String(Number(v.toPrecision(5))));
}

/** A colour-legend value v that was rounded to a multiple of 10^k. */
export function formatLegendValue(v, k) {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e5) return minus(v.toExponential(Math.max(0, Math.floor(Math.log10(a)) - k)));
  if (k < -4 && a < 1) return minus(v.toExponential(Math.max(0, Math.floor(Math.log10(a)) - k)));
  return minus(v.toFixed(Math.max(0, -k)));
}
