// The ticks of an SVG figure: nice axis ticks (d3-array) with d3-scale's default labels (fixed
// decimals from the tick step, "−" for minus), and the colour legend's ticks, chosen as the surface
// view's are (decorations.mjs): nice values of f at 1, 2 and 5 × 10^k above fmin on the log
// scale, decades first, each kept if it clears the ones already kept.
import { tickStep, ticks } from 'd3-array';
import { formatLegendValue, formatPrecise } from '../format.mjs';
import { levelOf } from '../field-scale.mjs';

const minus = (text) => text.replace(/^-/, '\u2212');

/** [{value, text}] of about `count` nice ticks in [lo, hi]. */
export function axisTicks(lo, hi, count) {
  const step = Math.abs(tickStep(lo, hi, count));
  const digits = step > 0 && Number.isFinite(step) ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
  return ticks(lo, hi, count).map((value) => {
    const text = value.toFixed(Math.min(digits, 20));
    return { value, text: minus(/^-0(\.0*)?$/.test(text) ? text.slice(1) : text) };
  });
}

/** How many ticks fit in `pixels` with about `spacing` pixels between them (at least 2). */
export const tickCount = (pixels, spacing) => Math.max(2, Math.round(pixels / spacing));

function legendCandidates(scale) {
  if (scale.kind === 'signed') {
    return axisTicks(scale.lo, scale.hi, 8).map(({ value, text }) => ({
      t: (value - scale.lo) / (scale.hi - scale.lo), priority: value === 0 ? 0 : 1, text,
    }));
  }
  const out = [];
  for (let k = Math.floor(scale.lo) - 1; k <= Math.ceil(scale.hi) && out.length < 300; ++k) {
    const step = 10 ** k;
    for (const [m, priority] of [[1, 0], [2, 1], [5, 1]]) {
      let v = Math.round((scale.fmin + m * step) / step) * step;
      if (v <= scale.fmin) v += step;
      const t = (levelOf(v, scale) - scale.lo) / (scale.hi - scale.lo);
      if (t >= 0 && t <= 1) out.push({ t, priority, text: formatLegendValue(v, k) });
    }
  }
  return out.length ? out : [{ t: 0, priority: 0, text: formatPrecise(scale.fmin) }];
}

/** The colour legend's ticks [{t ∈ [0, 1], text}] for a bar `length` px long (labels `size` px apart at least). */
export function legendTicks(scale, length, size = 12, gap = 16) {
  const kept = [];
  const ordered = legendCandidates(scale).sort((a, b) => a.priority - b.priority || a.t - b.t);
  for (const c of ordered) {
    if (kept.every((o) => o.text !== c.text && Math.abs(o.t - c.t) * length >= size + gap)) kept.push(c);
  }
  return kept.sort((a, b) => a.t - b.t);
}
