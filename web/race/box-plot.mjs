// Box plots of the held-out runs' steps to ε, one row per optimizer in rank order, as SVG (themed by
// the page's CSS variables): the box from the first to the third quartile with the median (the
// engine's summary, as in the leaderboard), whiskers to the fastest and slowest run that reached ε,
// and every run as a dot. Runs that never reached ε
// (counted as T + 1) sit in a hatched "unreached" strip at the right end of the axis; diverged runs
// are red crosses in a strip of their own beyond it, so neither reads as a step count.
import { scaleLinear } from 'd3-scale';
import { formatInt } from '../lib/format.mjs';
import { FONT } from '../lib/canvas-style.mjs';
import { dashArray } from '../lib/palette.mjs';
import { entryName, entryStyle } from './entries.mjs';
import { rankOrder } from './leaderboard.mjs';

const NS = 'http://www.w3.org/2000/svg';
const ROW = 24;
const TOP = 8;
const AXIS = 40;
const STRIP = 62;  // the unreached and diverged strips (wide enough for their labels)

function node(tag, attributes = {}, text = null) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, String(v));
  if (text != null) n.textContent = text;
  return n;
}

const measure = document.createElement('canvas').getContext('2d');
/** The width of a row label (12px in the page's font) in CSS pixels. */
function textWidth(text) {
  measure.font = `12px ${FONT}`;
  return measure.measureText(text).width;
}

// A small deterministic jitter in [-1, 1] per run, so the dots of equal steps do not hide each other.
const jitter = (k) => (((k * 2654435761) >>> 0) / 2 ** 32) * 2 - 1;

/** The <svg> of `result`'s held-out steps to ε, `width` CSS pixels wide; null before any held-out runs. */
export function boxPlot(result, width) {
  const order = rankOrder(result).filter((i) => result.entries[i].held_out && result.entries[i].summary);
  if (!order.length) return null;
  const steps = result.steps;
  const label = Math.min(width * 0.45, 10 + Math.max(...order.map((i) => textWidth(entryName(result.entries[i])))));
  const left = label + 10;
  const right = width - 2 * STRIP - 8;
  const x = scaleLinear().domain([0, steps]).range([left, right]).nice();
  const unreachedX = right + STRIP / 2;
  const divergedX = right + 1.5 * STRIP;
  const height = TOP + order.length * ROW + AXIS;
  const bottom = TOP + order.length * ROW;
  const svg = node('svg', { class: 'rc-box-plot', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Box plots of the held-out runs\' steps to ε per optimizer, with unreached and diverged runs at the right' });
  const defs = node('defs');
  const hatch = node('pattern', { id: 'rc-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(node('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'rc-hatch-line' }));
  defs.append(hatch);
  svg.append(defs);
  svg.append(node('rect', { x: right + 4, y: TOP, width: STRIP - 8, height: bottom - TOP, fill: 'url(#rc-hatch)', class: 'rc-strip' }));
  svg.append(node('rect', { x: right + STRIP + 4, y: TOP, width: STRIP - 8, height: bottom - TOP, class: 'rc-strip rc-strip-diverged' }));
  // The ticks, but one so close to the axis' end that its label would run into the strips'.
  for (const t of x.ticks(Math.max(2, Math.floor((right - left) / 70))).filter((v) => x(v) < right - 24 || v === 0)) {
    svg.append(node('line', { x1: x(t), x2: x(t), y1: TOP, y2: bottom, class: 'rc-grid' }));
    svg.append(node('text', { x: x(t), y: bottom + 14, class: 'rc-tick', 'text-anchor': 'middle' }, formatInt(t)));
  }
  svg.append(node('text', { x: unreachedX, y: bottom + 14, class: 'rc-tick', 'text-anchor': 'middle' }, 'unreached'));
  svg.append(node('text', { x: divergedX, y: bottom + 14, class: 'rc-tick rc-bad-text', 'text-anchor': 'middle' }, 'diverged'));
  svg.append(node('text', { x: width / 2, y: bottom + 32, class: 'rc-axis-title', 'text-anchor': 'middle' }, `held-out steps to ε (unreached: T + 1 = ${formatInt(steps + 1)})`));
  order.forEach((i, row) => {
    const entry = result.entries[i];
    const { colour, dash } = entryStyle(i);
    const y = TOP + row * ROW + ROW / 2;
    const name = node('text', { x: label, y: y + 4, class: 'rc-row-label', 'text-anchor': 'end' }, entryName(entry));
    svg.append(name);
    const { steps_to_eps: all, diverged_at: divergedAt } = entry.held_out;
    const reached = [];
    all.forEach((s, k) => {
      const dy = jitter(k + 97 * i) * ROW * 0.28;
      if (divergedAt[k] > 0) {
        const cx = divergedX + jitter(k + 13) * (STRIP / 2 - 8);
        svg.append(node('path', { d: `M${cx - 3},${y + dy - 3}l6,6m0,-6l-6,6`, class: 'rc-diverged-mark' }));
      } else if (s > steps) {
        svg.append(node('circle', { cx: unreachedX + jitter(k + 29) * (STRIP / 2 - 8), cy: y + dy, r: 2.2, fill: colour, class: 'rc-dot' }));
      } else {
        reached.push(s);
        svg.append(node('circle', { cx: x(s), cy: y + dy, r: 2.2, fill: colour, class: 'rc-dot' }));
      }
    });
    // The box is the engine's summary (every run, unreached and diverged counted as T + 1): a
    // quartile past T reaches into the unreached strip.
    const at = (v) => (v > steps ? right + STRIP / 2 : x(v));
    const { steps_median: med, steps_iqr: [q1, q3] } = entry.summary;
    const stroke = { stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashArray(dash) || 'none' };
    if (reached.length) {
      const [lo, hi] = [Math.min(...reached), Math.max(...reached)];
      svg.append(node('line', { x1: x(lo), x2: at(q1), y1: y, y2: y, ...stroke, class: 'rc-whisker' }));
      if (q3 <= steps) svg.append(node('line', { x1: at(q3), x2: x(hi), y1: y, y2: y, ...stroke, class: 'rc-whisker' }));
    }
    svg.append(node('rect', { x: at(q1), y: y - ROW * 0.32, width: Math.max(1.5, at(q3) - at(q1)), height: ROW * 0.64, ...stroke, class: 'rc-box' }));
    svg.append(node('line', { x1: at(med), x2: at(med), y1: y - ROW * 0.36, y2: y + ROW * 0.36, stroke: colour, 'stroke-width': 3, class: 'rc-median' }));
  });
  return svg;
}
