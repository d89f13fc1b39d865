// The layout of one exported chart as a list of drawing items (lines, paths, bands, circles and
// text in CSS pixels), shared by the SVG writer (chart-svg.mjs) and the PNG painter
// (chart-png.mjs) so both files show the same figure: title, axes with d3-scale ticks (linear or
// log, one or two y axes), a polyline per series with an optional min–max band, end markers,
// arrows where a diverged run leaves a capped axis, a legend in rows, a caption and an optional stamp ("step k / N") in the top-right corner.
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatTick } from './format.mjs';

export const FIGURE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const TITLE_H = 34;
const LEGEND_ROW = 20;
const CHAR_W = 6.6;

function isPowerOfTen(v) {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

function scaleFor(axis, range) {
  const lo = axis.log ? Math.max(axis.min, Number.MIN_VALUE) : axis.min;
  const hi = axis.max > lo ? axis.max : (axis.log ? lo * 10 : lo + 1);
  return (axis.log ? scaleLog() : scaleLinear()).domain([lo, hi]).range(range);
}

// Ticks that fit `maxCount` labels: powers of ten (thinned) on log axes spanning two decades or
// more, 1-2-5 steps on shorter ones, d3's otherwise.
function ticksFor(axis, scale, maxCount) {
  if (!axis.log) return scale.ticks(maxCount);
  const all = scale.ticks();
  const powers = all.filter(isPowerOfTen);
  const mantissa = (v) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
  const nice = all.filter((v) => [1, 2, 5].includes(mantissa(v)));
  const pick = powers.length >= 3 ? powers : nice.length >= 2 ? nice : all;
  const stride = Math.ceil(pick.length / maxCount);
  return pick.filter((_, k) => k % stride === 0);
}

// The plot rectangle: room for the title, tick labels, axis labels and the legend rows.
function layout(spec, legendRows, captionLines) {
  const left = spec.y.some((a) => a.side !== 'right') ? 70 : 16;
  const right = spec.y.some((a) => a.side === 'right') ? 70 : 18;
  const top = TITLE_H + 6;
  const plotH = spec.plotHeight ?? 320;
  const captionH = captionLines ? 8 + captionLines * 16 : 0;
  const height = top + plotH + 44 + legendRows * LEGEND_ROW + captionH + 10;
  return { left, right, top, plotW: spec.width - left - right, plotH, height, legendTop: top + plotH + 48 };
}

// The caption in lines of at most `width` CSS pixels (estimated), broken at spaces.
function wrap(caption, width) {
  if (!caption) return [];
  const max = Math.max(20, Math.floor(width / CHAR_W));
  const lines = [''];
  for (const word of caption.split(/\s+/)) {
    const next = lines[lines.length - 1] ? `${lines[lines.length - 1]} ${word}` : word;
    if (next.length > max && lines[lines.length - 1]) lines.push(word);
    else lines[lines.length - 1] = next;
  }
  return lines;
}

// The width of `text` at 12px: measured on a canvas in a browser, estimated elsewhere.
let measureContext;
function textWidth(text) {
  if (measureContext === undefined) {
    measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measureContext) measureContext.font = `12px ${FIGURE_FONT}`;
  }
  return measureContext ? measureContext.measureText(text).width : CHAR_W * text.length;
}

// Legend entries laid out in rows: each entry is [x, row, entry].
function legendLayout(entries, width) {
  const placed = [];
  let x = 16;
  let row = 0;
  for (const entry of entries) {
    const w = 30 + textWidth(entry.note ? `${entry.label}  ${entry.note}` : entry.label) + 18;
    if (x + w > width - 12 && x > 16) {
      x = 16;
      row += 1;
    }
    placed.push([x, row, entry]);
    x += w;
  }
  return { placed, rows: entries.length ? row + 1 : 0 };
}

const text = (x, y, spans, style = {}) => ({ kind: 'text', x, y, spans: typeof spans === 'string' ? [{ text: spans }] : spans, ...style });
const line = (x1, y1, x2, y2, stroke, style = {}) => ({ kind: 'line', x1, y1, x2, y2, stroke, ...style });

function xAxisItems(spec, box, sx, theme) {
  const y0 = box.top + box.plotH;
  const items = [line(box.left, y0, box.left + box.plotW, y0, theme.muted)];
  for (const t of ticksFor(spec.x, sx, Math.max(2, Math.floor(box.plotW / 90)))) {
    const x = sx(t);
    items.push(line(x, box.top, x, y0, theme.grid));
    items.push(text(x, y0 + 16, spec.x.format ? spec.x.format(t) : formatTick(t), { anchor: 'middle', fill: theme.fg }));
  }
  items.push(text(box.left + box.plotW / 2, y0 + 36, spec.x.label, { anchor: 'middle', fill: theme.fg, weight: 600 }));
  return items;
}

function yAxisItems(axis, box, sy, theme, withGrid) {
  const right = axis.side === 'right';
  const x0 = right ? box.left + box.plotW : box.left;
  const items = [line(x0, box.top, x0, box.top + box.plotH, theme.muted)];
  for (const t of ticksFor(axis, sy, Math.max(2, Math.floor(box.plotH / 44)))) {
    const y = sy(t);
    if (withGrid) items.push(line(box.left, y, box.left + box.plotW, y, theme.grid));
    const label = axis.format ? axis.format(t) : formatTick(t);
    items.push(text(right ? x0 + 6 : x0 - 6, y + 4, label, { anchor: right ? 'start' : 'end', fill: theme.fg }));
  }
  const lx = right ? x0 + 58 : x0 - 56;
  items.push(text(lx, box.top + box.plotH / 2, axis.label, { anchor: 'middle', fill: theme.fg, weight: 600, rotate: right ? 90 : -90 }));
  return items;
}

const drawable = (v, log) => v != null && Number.isFinite(v) && !(log && v <= 0);

// A series' runs of drawable points: gaps (null, non-finite, or ≤ 0 on a log axis) split it.
function segments(xs, ys, sx, sy, log) {
  const out = [];
  let current = null;
  for (let i = 0; i < ys.length; ++i) {
    if (!drawable(ys[i], log) || !Number.isFinite(xs[i])) {
      current = null;
      continue;
    }
    if (!current) out.push(current = []);
    current.push([sx(xs[i]), sy(ys[i])]);
  }
  return out;
}

// The shaded area between a series' band.lo and band.hi, one polygon per gap-free stretch.
function bandPolygons(series, sx, sy, log) {
  const { xs } = series;
  const { lo, hi } = series.band;
  const polygons = [];
  let upper = [];
  let lower = [];
  const close = () => {
    if (upper.length > 1) polygons.push([...upper, ...lower.reverse()]);
    upper = [];
    lower = [];
  };
  for (let i = 0; i < xs.length; ++i) {
    if (!drawable(lo[i], log) || !drawable(hi[i], log)) {
      close();
      continue;
    }
    upper.push([sx(xs[i]), sy(hi[i])]);
    lower.push([sx(xs[i]), sy(lo[i])]);
  }
  close();
  return polygons;
}

// A diverged run's end (a ring with a cross) or, with shape 'ring', a ring with a dot.
function markerItems(marker, sx, sy, theme) {
  const x = sx(marker.x);
  const y = sy(marker.y);
  if (marker.shape === 'ring') {
    return [
      { kind: 'circle', cx: x, cy: y, r: 5.5, fill: theme.bg, stroke: marker.color, width: 2.2 },
      { kind: 'circle', cx: x, cy: y, r: 2.1, fill: marker.color, stroke: marker.color, width: 0 },
    ];
  }
  return [
    { kind: 'circle', cx: x, cy: y, r: 5, fill: theme.bg, stroke: marker.color, width: 2 },
    { kind: 'path', segments: [[[x - 2.5, y - 2.5], [x + 2.5, y + 2.5]], [[x + 2.5, y - 2.5], [x - 2.5, y + 2.5]]], stroke: marker.color, width: 1.6 },
  ];
}

// A run that leaves through a capped end of its axis (chart-range.mjs): an arrow at the plot's top
// edge (bottom if `down`) at its x, in its colour, labelled beside it; `row` stacks several labels.
function arrowItems(arrow, row, sx, box, theme) {
  const x = sx(arrow.x);
  const inward = arrow.down ? -1 : 1;
  const tip = arrow.down ? box.top + box.plotH : box.top;
  const onRight = x + 8 + textWidth(arrow.text) <= box.left + box.plotW;
  return [
    line(x, tip + inward * 24, x, tip + inward * 6, arrow.color, { width: 2 }),
    { kind: 'polygon', points: [[x, tip], [x - 5, tip + inward * 9], [x + 5, tip + inward * 9]], fill: arrow.color },
    text(onRight ? x + 8 : x - 8, tip + inward * (10 + 14 * row) + 4, arrow.text,
      { anchor: onRight ? 'start' : 'end', fill: arrow.color, weight: 600 }),
  ];
}

function legendItems(placed, top, theme) {
  return placed.flatMap(([x, row, entry]) => {
    const y = top + row * LEGEND_ROW;
    const swatch = line(x, y, x + 22, y, entry.off ? theme.muted : entry.color, { width: 2.5, dash: entry.dash });
    const spans = [{ text: entry.label, fill: entry.off ? theme.muted : theme.fg }];
    if (entry.note) spans.push({ text: ` ${entry.note}`, fill: entry.noteColor ?? theme.muted });
    return [swatch, text(x + 28, y + 4, spans)];
  });
}

/**
 * The drawing of one chart: { width, height, items }.
 * spec: { width, plotHeight?, title, caption?, stamp?, theme: {bg, fg, muted, grid},
 *         x: {label, min, max, log?, format?}, y: [{key, label, min, max, log?, side?, format?}],
 *         series: [{xs, ys, color, dash?, width?, scale, band?: {lo, hi, fill}}],
 *         markers?: [{x, y, scale, color, shape?: 'ring'}], arrows?: [{x, scale, color, text, down?}],
 *         legend: [{label, color, dash?, note?, noteColor?, off?}] }
 */
export function chartFigure(spec) {
  const theme = spec.theme;
  const legend = legendLayout(spec.legend ?? [], spec.width);
  const caption = wrap(spec.caption, spec.width - 32);
  const box = layout(spec, legend.rows, caption.length);
  const sx = scaleFor(spec.x, [box.left, box.left + box.plotW]);
  const scales = new Map(spec.y.map((a) => [a.key, { axis: a, scale: scaleFor(a, [box.top + box.plotH, box.top]) }]));
  const plotted = [];
  for (const s of spec.series) {
    const y = scales.get(s.scale);
    if (!y) continue;
    for (const points of s.band ? bandPolygons(s, sx, y.scale, y.axis.log) : []) plotted.push({ kind: 'polygon', points, fill: s.band.fill });
  }
  for (const s of spec.series) {
    const y = scales.get(s.scale);
    const parts = y ? segments(s.xs, s.ys, sx, y.scale, y.axis.log) : [];
    if (parts.length) plotted.push({ kind: 'path', segments: parts, stroke: s.color, width: s.width ?? 1.6, dash: s.dash, round: true });
  }
  const items = [
    { kind: 'rect', x: 0, y: 0, w: spec.width, h: box.height, fill: theme.bg },
    text(16, 24, spec.title, { fill: theme.fg, size: 16, weight: 600 }),
    ...(spec.stamp ? [text(spec.width - 16, 24, spec.stamp, { fill: theme.muted, anchor: 'end', size: 13 })] : []),
    ...xAxisItems(spec, box, sx, theme),
    ...spec.y.flatMap((a, k) => yAxisItems(a, box, scales.get(a.key).scale, theme, k === 0)),
    { kind: 'clip', x: box.left, y: box.top, w: box.plotW, h: box.plotH, items: plotted },
    ...(spec.markers ?? []).filter((m) => scales.has(m.scale)).flatMap((m) => markerItems(m, sx, scales.get(m.scale).scale, theme)),
    ...(spec.arrows ?? []).filter((a) => scales.has(a.scale) && Number.isFinite(a.x)).flatMap((a, row) => arrowItems(a, row, sx, box, theme)),
    ...legendItems(legend.placed, box.legendTop, theme),
    ...caption.map((words, k) => text(16, box.height - 14 - (caption.length - 1 - k) * 16, words, { fill: theme.muted, italic: true })),
  ];
  return { width: spec.width, height: box.height, items };
}
