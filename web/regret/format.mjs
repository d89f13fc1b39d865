// Numbers as the regret lab shows them: times as 250, 12.5k, 1M; values with 3–4 significant
// digits, thousands as k and millions as M, tiny ones in exponent form.

/** A time step: 250, 12.5k, 1M. */
export function formatT(t) {
  const a = Math.abs(t);
  if (a >= 1e6) return `${Number((t / 1e6).toPrecision(3))}M`;
  if (a >= 1e3) return `${Number((t / 1e3).toPrecision(3))}k`;
  return String(Number(t.toPrecision(3)));
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
