// The ticks of an SVG figure: nice axis ticks (d3-array) with d3-scale's default labels (fixed
// decimals from the tick step, "−" for minus), and the colour legend's ticks, chosen as the surface
// view's are (decorations.mjs): nice values of f at 1, 2 and 5 × 10^k above fmin on the log
// scale, decades first, each kept if it clears the ones already kept.
import { tickStep, ticks } from 'd3-array';
import { logLegendCandidates } from '../field-scale.mjs';

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

function legendCandidates(scale) {
  if (scale.kind === 'signed') {
    return axisTicks(scale.lo, scale.hi, 8).map(({ value, text }) => ({
      t: (value - scale.lo) / (scale.hi - scale.lo), priority: value === 0 ? 0 : 1, text,
    }));
  }
  return logLegendCandidates(scale);
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
