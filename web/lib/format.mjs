// How the site writes numbers, in one place so that a figure, its export and its table agree:
// time steps (formatT, formatStep), compact values with k and M (formatNumber), legend and axis
// values (formatValue, formatTick), tooltip values and colour-legend labels with a true minus sign
// (formatPrecise, formatLegendValue), counts, durations and rates, and the registry's defaults and
// ranges as the docs write them (formatDefault, formatRange). Pure functions.
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

const superscript = (n) => String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
const minus = (text) => text.replace(/-/g, '\u2212').replace('e+', 'e');

/** A time step of the labs: 250, 12.5k, 1M. */
export function formatT(t) {
  const a = Math.abs(t);
  if (a >= 1e6) return `${Number((t / 1e6).toPrecision(3))}M`;
  if (a >= 1e3) return `${Number((t / 1e3).toPrecision(3))}k`;
  return String(Number(t.toPrecision(3)));
}

/** A step number on a curve's x axis: 1500, 12k, 1.5M. */
export function formatStep(v) {
  if (Math.abs(v) >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (Math.abs(v) >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Math.round(v * 100) / 100);
}

/** A value with `digits` significant digits: 0.667, 12.3k, 4.5M, 3.2e-5. */
export function formatNumber(v, digits = 3) {
  if (v == null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}${a.toExponential(digits - 1).replace('e+', 'e')}`;
  if (a >= 1e6) return `${sign}${Number((a / 1e6).toPrecision(digits))}M`;
  if (a >= 1e4) return `${sign}${Number((a / 1e3).toPrecision(digits))}k`;
  if (a >= 1e-3) return `${sign}${Number(a.toPrecision(digits))}`;
  return `${sign}${a.toExponential(digits - 1).replace(/\.?0+e/, 'e')}`;
}

/** A value in a curve's legend or readout: three significant digits, exponent form when tiny or huge. */
export function formatValue(v) {
  if (v == null || Number.isNaN(v)) return '–';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(3)));
  const [m, e] = v.toExponential(2).split('e');
  return `${Number(m)}e${Number(e)}`;
}

/** An axis tick label: plain between 0.01 and 10⁴, else 10ᵏ or m·10ᵏ. */
export function formatTick(v) {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return '';
  const e = Math.floor(Math.log10(Math.abs(v)) + 1e-9);
  if (e >= -2 && e <= 3) return String(Number(v.toPrecision(3)));
  const m = Number((v / 10 ** e).toPrecision(2));
  return m === 1 ? `10${superscript(e)}` : m === -1 ? `−10${superscript(e)}` : `${m}·10${superscript(e)}`;
}

/** A tooltip value: four to five significant digits, exponent form when very small or large. */
export function formatPrecise(v) {
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

/** An integer with thousands separators: 1,000,000. */
export const formatInt = (n) => Math.round(n).toLocaleString('en-US');

/** A duration: 850 ms, 4.2 s, 2 min 5 s. */
export function formatDuration(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A rate: 850 steps/s, 12.3k steps/s, 4.1M steps/s. */
export const formatRate = (perSecond) => `${formatNumber(perSecond, 3)} steps/s`;

/** A range's bound: 2⁵³ − 1 for the largest safe integer, 10ⁿ for large powers of ten, else the number. */
function formatBound(v) {
  if (v === Number.MAX_SAFE_INTEGER) return '2⁵³ − 1';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (a >= 1e5) {
    const e = Math.log10(a);
    if (Number.isInteger(e)) return `${sign}10${superscript(e)}`;
  }
  return `${sign}${a}`;
}

/** A registry default as it is written in a config. */
export function formatDefault(h) {
  return JSON.stringify(h.default);
}

/** The allowed values of a registry hyperparameter or parameter. */
export function formatRange(h) {
  if (h.type === 'bool') return 'true | false';
  if (h.type === 'choice') return h.choices.map((c) => JSON.stringify(c)).join(' | ');
  if (h.min === undefined || h.max === undefined) return '';
  const open = h.min_exclusive ? '(' : '[';
  const close = h.max_exclusive ? ')' : ']';
  const interval = `${open}${formatBound(h.min)}, ${formatBound(h.max)}${close}`;
  return h.type === 'int' ? `integer in ${interval}` : interval;
}
