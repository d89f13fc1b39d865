// The number formats of the curves, shared by the on-screen charts and the SVG export so a figure
// and its export label ticks and values the same way: steps, axis ticks and legend values.
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

function superscript(n) {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
}

/** A step number on the x axis: 1500, 12k, 1.5M. */
export function formatStep(v) {
  if (Math.abs(v) >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (Math.abs(v) >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Math.round(v * 100) / 100);
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

/** A value in a legend or readout: three significant digits, exponent form when tiny or huge. */
export function formatValue(v) {
  if (v == null || Number.isNaN(v)) return '–';
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(3)));
  const [m, e] = v.toExponential(2).split('e');
  return `${Number(m)}e${Number(e)}`;
}
