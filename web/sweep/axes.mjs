// A sweep axis on screen: where a value sits (cell i's centre at (i + ½)/n of the plot, geometric
// spacing for log axes), the ticks that fit (decades, then 2 and 5 × 10^k, on log axes; d3's nice
// ticks on linear ones) and the title: the hyperparameter's name and its symbol.
import { scaleLinear } from 'd3-scale';
import { formatPrecise } from '../lib/format.mjs';

const SYMBOLS = {
  lr: 'α', beta1: 'β₁', beta2: 'β₂', beta: 'β', momentum: 'μ', dampening: 'τ', eps: 'ε', weight_decay: 'λ',
  alpha: 'α', rho: 'ρ', lr_decay: 'η', initial_accumulator_value: 'G₀', momentum_decay: 'ψ', beta1_decay: 'λ',
  start_x: 'x₀', start_y: 'y₀',
};

/** "lr (α)", "beta1 (β₁)", "start_x (x₀)". */
export function axisTitle(param) {
  return SYMBOLS[param] ? `${param} (${SYMBOLS[param]})` : param;
}

/** Fraction of the plot extent at which value v sits on an axis of n cells. */
export function unitOf(axis, n, v) {
  const f = axis.log
    ? Math.log(v / axis.min) / Math.log(axis.max / axis.min)
    : (v - axis.min) / (axis.max - axis.min);
  if (n <= 1 || !Number.isFinite(f)) return 0.5;
  return (f * (n - 1) + 0.5) / n;
}

/** The value at fraction u of the plot extent (the inverse of unitOf). */
export function valueAt(axis, n, u) {
  const f = n <= 1 ? 0 : (u * n - 0.5) / (n - 1);
  return axis.log ? axis.min * (axis.max / axis.min) ** f : axis.min + f * (axis.max - axis.min);
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const power = (k) => `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c])}`;

function logTicks(axis, count) {
  const lo = Math.min(axis.min, axis.max);
  const hi = Math.max(axis.min, axis.max);
  const ticks = [];
  const decades = Math.log10(hi / lo);
  const mantissas = decades < 1.5 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil(decades / count));
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); ++k) {
    for (const m of mantissas) {
      const v = m * 10 ** k;
      if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) continue;
      if (m === 1 && k % every !== 0) continue;
      ticks.push({ value: v, text: m === 1 ? power(k) : `${m}·${power(k)}` });
    }
  }
  if (ticks.length < 2) {
    return [lo, hi].map((v) => ({ value: v, text: formatPrecise(v) }));
  }
  return ticks;
}

/** Ticks {value, text} for an axis drawn over `pixels` pixels, one per ~spacing pixels. */
export function axisTicks(axis, pixels, spacing) {
  const count = Math.max(2, Math.round(pixels / spacing));
  if (axis.log) return logTicks(axis, count);
  const scale = scaleLinear().domain([axis.min, axis.max]);
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, text: format(value).replace(/-/g, '\u2212') }));
}
