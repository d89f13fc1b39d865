// A small SVG writer for Gradscape's curves: one standalone chart (title, axes with d3-scale
// ticks, linear or log, one or two y axes, a polyline per series, end markers, a legend and a
// caption) that reads well when pasted into a blog post. Its tick labels use format.mjs, as the
// on-screen charts do.
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatTick } from '../../lib/format.mjs';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const TITLE_H = 34;
const LEGEND_ROW = 20;
const CHAR_W = 6.6;

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function isPowerOfTen(v) {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

function scaleFor(axis, range) {
  const lo = axis.log ? Math.max(axis.min, Number.MIN_VALUE) : axis.min;
  return (axis.log ? scaleLog() : scaleLinear()).domain([lo, axis.max]).range(range);
}

// Ticks that fit `maxCount` labels: powers of ten (thinned) on long log axes, d3's otherwise.
function ticksFor(axis, scale, maxCount) {
  if (!axis.log) return scale.ticks(maxCount);
  const all = scale.ticks();
  const powers = all.filter(isPowerOfTen);
  const pick = powers.length >= 2 ? powers : all;
  const stride = Math.ceil(pick.length / maxCount);
  return pick.filter((_, k) => k % stride === 0);
}

function num(v) {
  return Math.round(v * 10) / 10;
}

function text(x, y, content, attrs = '') {
  return `<text x="${num(x)}" y="${num(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function dashAttr(dash) {
  return dash && dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
}

// The plot rectangle: room for the title, tick labels, axis labels and the legend rows.
function layout(spec, legendRows) {
  const left = spec.y.some((a) => a.side !== 'right') ? 70 : 16;
  const right = spec.y.some((a) => a.side === 'right') ? 70 : 18;
  const top = TITLE_H + 6;
  const plotH = spec.plotHeight ?? 320;
  const captionH = spec.caption ? 22 : 0;
  const height = top + plotH + 44 + legendRows * LEGEND_ROW + captionH + 10;
  return { left, right, top, plotW: spec.width - left - right, plotH, height, legendTop: top + plotH + 48 };
}

// Legend entries laid out in rows: each entry is [x, row, entry].
function legendLayout(entries, width) {
  const placed = [];
  let x = 16;
  let row = 0;
  for (const entry of entries) {
    const w = 30 + CHAR_W * (entry.label.length + (entry.note ? entry.note.length + 2 : 0)) + 18;
    if (x + w > width - 12 && x > 16) {
      x = 16;
      row += 1;
    }
    placed.push([x, row, entry]);
    x += w;
  }
  return { placed, rows: entries.length ? row + 1 : 0 };
}

function xAxisSvg(spec, box, sx, theme) {
  const y0 = box.top + box.plotH;
  const ticks = ticksFor(spec.x, sx, Math.max(2, Math.floor(box.plotW / 90)));
  const parts = [`<line x1="${box.left}" y1="${y0}" x2="${box.left + box.plotW}" y2="${y0}" stroke="${theme.muted}"/>`];
  for (const t of ticks) {
    const x = num(sx(t));
    parts.push(`<line x1="${x}" y1="${box.top}" x2="${x}" y2="${y0}" stroke="${theme.grid}"/>`);
    parts.push(text(x, y0 + 16, spec.x.format ? spec.x.format(t) : formatTick(t), `text-anchor="middle" fill="${theme.fg}"`));
  }
  parts.push(text(box.left + box.plotW / 2, y0 + 36, spec.x.label, `text-anchor="middle" fill="${theme.fg}" font-weight="600"`));
  return parts.join('');
}

function yAxisSvg(axis, box, sy, theme, withGrid) {
  const right = axis.side === 'right';
  const x0 = right ? box.left + box.plotW : box.left;
  const ticks = ticksFor(axis, sy, Math.max(2, Math.floor(box.plotH / 44)));
  const parts = [`<line x1="${x0}" y1="${box.top}" x2="${x0}" y2="${box.top + box.plotH}" stroke="${theme.muted}"/>`];
  for (const t of ticks) {
    const y = num(sy(t));
    if (withGrid) parts.push(`<line x1="${box.left}" y1="${y}" x2="${box.left + box.plotW}" y2="${y}" stroke="${theme.grid}"/>`);
    const anchor = right ? 'start' : 'end';
    parts.push(text(right ? x0 + 6 : x0 - 6, y + 4, formatTick(t), `text-anchor="${anchor}" fill="${theme.fg}"`));
  }
  const lx = right ? x0 + 58 : x0 - 56;
  const ly = box.top + box.plotH / 2;
  parts.push(`<text x="${num(lx)}" y="${num(ly)}" text-anchor="middle" fill="${theme.fg}" font-weight="600" ` +
    `transform="rotate(${right ? 90 : -90} ${num(lx)} ${num(ly)})">${escapeXml(axis.label)}</text>`);
  return parts.join('');
}

// One path per series; gaps (null, non-finite, or ≤ 0 on a log axis) split it into segments.
function seriesPath(series, sx, sy, log) {
  const { xs, ys } = series;
  let d = '';
  let pen = false;
  for (let i = 0; i < ys.length; ++i) {
    const v = ys[i];
    if (v == null || !Number.isFinite(v) || (log && v <= 0)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(sx(xs[i]))} ${num(sy(v))}`;
    pen = true;
  }
  if (!d) return '';
  const width = series.width ?? 1.6;
  return `<path d="${d}" fill="none" stroke="${escapeXml(series.color)}" stroke-width="${width}" ` +
    `stroke-linejoin="round" stroke-linecap="round"${dashAttr(series.dash)}/>`;
}

function markerSvg(marker, sx, sy, theme) {
  const x = num(sx(marker.x));
  const y = num(sy(marker.y));
  const color = escapeXml(marker.color);
  return `<circle cx="${x}" cy="${y}" r="5" fill="${theme.bg}" stroke="${color}" stroke-width="2"/>` +
    `<path d="M${x - 2.5} ${y - 2.5}L${x + 2.5} ${y + 2.5}M${x + 2.5} ${y - 2.5}L${x - 2.5} ${y + 2.5}" ` +
    `stroke="${color}" stroke-width="1.6"/>`;
}

function legendSvg(placed, top, theme) {
  return placed.map(([x, row, entry]) => {
    const y = top + row * LEGEND_ROW;
    const colour = escapeXml(entry.off ? theme.muted : entry.color);
    const swatch = `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${colour}" stroke-width="2.5"${dashAttr(entry.dash)}/>`;
    const label = `<tspan fill="${entry.off ? theme.muted : theme.fg}">${escapeXml(entry.label)}</tspan>`;
    const note = entry.note ? `<tspan fill="${escapeXml(entry.noteColor ?? theme.muted)}"> ${escapeXml(entry.note)}</tspan>` : '';
    return `${swatch}<text x="${x + 28}" y="${y + 4}">${label}${note}</text>`;
  }).join('');
}

/**
 * A standalone SVG document for one chart.
 * spec: { width, plotHeight?, title, caption?, theme: {bg, fg, muted, grid},
 *         x: {label, min, max, log?, format?}, y: [{key, label, min, max, log?, side?}],
 *         series: [{xs, ys, color, dash?, width?, scale}], markers?: [{x, y, scale, color}],
 *         legend: [{label, color, dash?, note?, noteColor?, off?}] }
 */
export function chartSVG(spec) {
  const theme = spec.theme;
  const legend = legendLayout(spec.legend ?? [], spec.width);
  const box = layout(spec, legend.rows);
  const sx = scaleFor(spec.x, [box.left, box.left + box.plotW]);
  const scales = new Map(spec.y.map((a) => [a.key, { axis: a, scale: scaleFor(a, [box.top + box.plotH, box.top]) }]));
  const axes = spec.y.map((a, k) => yAxisSvg(a, box, scales.get(a.key).scale, theme, k === 0)).join('');
  const lines = spec.series.map((s) => {
    const y = scales.get(s.scale);
    return y ? seriesPath(s, sx, y.scale, y.axis.log) : '';
  }).join('');
  const markers = (spec.markers ?? []).map((m) => markerSvg(m, sx, scales.get(m.scale).scale, theme)).join('');
  const caption = spec.caption
    ? text(16, box.height - 14, spec.caption, `fill="${theme.muted}" font-style="italic"`) : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${box.height}" viewBox="0 0 ${spec.width} ${box.height}" `,
    `font-family="${FONT}" font-size="12">`,
    `<defs><clipPath id="plot"><rect x="${box.left}" y="${box.top}" width="${box.plotW}" height="${box.plotH}"/></clipPath></defs>`,
    `<rect width="100%" height="100%" fill="${theme.bg}"/>`,
    text(16, 24, spec.title, `fill="${theme.fg}" font-size="16" font-weight="600"`),
    xAxisSvg(spec, box, sx, theme),
    axes,
    `<g clip-path="url(#plot)">${lines}</g>`,
    markers,
    legendSvg(legend.placed, box.legendTop, theme),
    caption,
    '</svg>',
  ].join('');
}
