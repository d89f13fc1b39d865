// The loss surface as a standalone SVG figure, DOM-free (the landscape's and the race page's
// Export → SVG figure, and `gradscape render`): a title, the heatmap as an embedded PNG (or none),
// the contour lines as vector paths, the axes with ticks, the colour legend, the minima, the start
// marker, each run's trajectory up to a step with its end dot or diverged ✕, and the runs' legend
// underneath, all with presentation attributes (no CSS), so Inkscape, browsers and resvg read it.
//
// model: { title, axes: [xName, yName], view: [xmin, xmax, ymin, ymax], grid(x0, x1, y0, y1, nx, ny)
//          (the engine's grid call, as RunSession.grid), signed (a formula's symmetric scale),
//          minima [{x, y, global}], start [x, y] | null, starts {tuning, heldOut} (a race's),
//          runs [{label, color, dash, xy (x0, y0, x1, y1, …), status {status, diverged_at}}],
//          legend (optional, instead of one item per run) [{label, color, dash, note, diverged}] }
// options: { width (CSS px), height (default: what the figure needs), theme 'light' | 'dark',
//            heatmap (default true), idPrefix (ids unique within a page holding several figures) }
import { colourScale, sampleGrid } from '../field-scale.mjs';
import { THEMES } from '../canvas-style.mjs';
import { viridis } from '../colormap.mjs';
import { contourColour, contourPaths, heatmapDataUri } from './field-svg.mjs';
import { axisTicks, legendTicks } from './ticks.mjs';
import { tickCount } from '../plot-geometry.mjs';
import {
  cross, divergedPills, dot, heldOutMark, minimumMark, runLook, startMark, trackPath, tuningMark,
} from './runs-svg.mjs';
import { escapeXml, num, paint, textWidth } from './svg-text.mjs';

export const FIGURE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
const SERIF = "Georgia, 'Times New Roman', 'DejaVu Serif', serif";
export const WIDTH_RANGE = [240, 4096];
export const HEIGHT_RANGE = [160, 4096];
const PAD = 12;
const TITLE_HEIGHT = 34;
const BOTTOM = 44;
const RIGHT = 88;

function checkOptions({ width, height, theme, heatmap }) {
  const inRange = (v, [lo, hi]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!inRange(width, WIDTH_RANGE)) throw new RangeError(`width: must be an integer in [${WIDTH_RANGE}], got ${width}`);
  if (height != null && !inRange(height, HEIGHT_RANGE)) throw new RangeError(`height: must be an integer in [${HEIGHT_RANGE}], got ${height}`);
  if (!THEMES[theme]) throw new RangeError(`theme: must be "light" or "dark", got ${JSON.stringify(theme)}`);
  if (typeof heatmap !== 'boolean') throw new RangeError(`heatmap: must be true or false, got ${JSON.stringify(heatmap)}`);
}

const pointCount = (xy) => (xy && typeof xy.length === 'number' ? Math.floor(xy.length / 2) : 0);
const runLabel = (run, i) => String(run?.label ?? `run ${i + 1}`);
const diverged = (run) => run?.status?.status === 'diverged';

/**
 * The legend's items: model.legend's ([{label, color, dash, note}], e.g. one per optimizer of a
 * race) or one per run (its label, look and "diverged at step k").
 */
function legendItems(model, runs) {
  if (Array.isArray(model.legend)) {
    return model.legend.map((item, i) => ({ label: String(item.label ?? `run ${i + 1}`), look: runLook(item, i), note: item.note ? String(item.note) : '', cross: !!item.diverged }));
  }
  return runs.map((run, i) => {
    const note = diverged(run) ? `diverged at step ${run.status.diverged_at ?? pointCount(run.xy) - 1}` : '';
    return { label: runLabel(run, i), look: runLook(run, i), note, cross: !!note };
  });
}

/** The legend's items wrapped in rows of `width`. */
function legendRows(items, width) {
  const rows = [[]];
  let x = PAD;
  for (const item of items) {
    const w = 30 + textWidth(item.label, 12.5) + (item.note ? 8 + textWidth(item.note, 12) : 0) + 20;
    if (x + w > width - PAD && rows.at(-1).length) {
      rows.push([]);
      x = PAD;
    }
    rows.at(-1).push({ ...item, x });
    x += w;
  }
  return items.length ? rows : [];
}

/** Where everything goes: the plot (square for a square view, else 4:3), margins, legend rows. */
function figureLayout(model, { width, height }) {
  const rows = legendRows(legendItems(model, model.runs), width);
  const legendHeight = rows.length ? 10 + rows.length * 24 : 0;
  const [, , y0, y1] = model.view;
  const availH0 = (height ?? 4096) - TITLE_HEIGHT - BOTTOM - legendHeight;
  const yLabels = axisTicks(y0, y1, tickCount(Math.min(availH0, width * 0.75), 56)).map((t) => textWidth(t.text, 12));
  const labelWidth = Math.ceil(Math.max(18, ...yLabels));
  const left = labelWidth + 34;
  const availW = width - left - RIGHT;
  const square = Math.abs((model.view[1] - model.view[0]) / (y1 - y0) - 1) < 1e-3;
  let w = availW;
  let h = Math.round(availW * 0.75);
  if (height != null) h = Math.min(h, availH0);
  if (square) w = h = Math.min(availW, height != null ? availH0 : availW);
  if (w < 80 || h < 80) {
    throw new RangeError(`width, height: ${width} × ${height ?? 'auto'} leaves the plot ${Math.max(0, Math.round(w))} × ${Math.max(0, Math.round(h))} px; it needs at least 80 × 80`);
  }
  const plot = { x: left + Math.floor((availW - w) / 2), y: TITLE_HEIGHT, w, h };
  return { width, height: height ?? TITLE_HEIGHT + h + BOTTOM + legendHeight, plot, labelWidth, rows };
}

function axesSvg(layout, view, theme, [xName, yName]) {
  const { plot } = layout;
  const bottom = plot.y + plot.h;
  const sx = (v) => plot.x + ((v - view[0]) / (view[1] - view[0])) * plot.w;
  const sy = (v) => plot.y + plot.h - ((v - view[2]) / (view[3] - view[2])) * plot.h;
  const xTicks = axisTicks(view[0], view[1], tickCount(plot.w, 90));
  const yTicks = axisTicks(view[2], view[3], tickCount(plot.h, 56));
  let marks = '';
  let labels = '';
  for (const t of xTicks) {
    marks += `M${num(sx(t.value))} ${num(bottom)}v5`;
    labels += `<text x="${num(sx(t.value))}" y="${num(bottom + 19)}" text-anchor="middle">${escapeXml(t.text)}</text>`;
  }
  for (const t of yTicks) {
    marks += `M${num(plot.x)} ${num(sy(t.value))}h-5`;
    labels += `<text x="${num(plot.x - 8)}" y="${num(sy(t.value) + 4)}" text-anchor="end">${escapeXml(t.text)}</text>`;
  }
  const nameY = plot.y + plot.h / 2;
  const nameX = plot.x - layout.labelWidth - 22;
  return `<rect x="${num(plot.x - 0.5)}" y="${num(plot.y - 0.5)}" width="${num(plot.w + 1)}" height="${num(plot.h + 1)}" fill="none" ${paint('stroke', theme.frame)}/>` +
    `<path d="${marks}" fill="none" ${paint('stroke', theme.frame)}/>` +
    `<g font-size="12" ${paint('fill', theme.muted)}>${labels}</g>` +
    `<g font-family="${SERIF}" font-style="italic" font-size="15" ${paint('fill', theme.text)} text-anchor="middle">` +
    `<text x="${num(plot.x + plot.w / 2)}" y="${num(bottom + 37)}">${escapeXml(xName)}</text>` +
    `<text x="${num(nameX)}" y="${num(nameY + 5)}">${escapeXml(yName)}</text></g>`;
}

function colourLegendSvg(layout, scale, theme, id) {
  const { plot } = layout;
  const bar = { x: plot.x + plot.w + 16, y: plot.y, w: 12, h: plot.h };
  const stops = Array.from({ length: 33 }, (_, k) => {
    const [r, g, b] = viridis(k / 32);
    return `<stop offset="${num(k / 32, 4)}" stop-color="rgb(${r}, ${g}, ${b})"/>`;
  }).join('');
  let ticks = '';
  for (const tick of scale ? legendTicks(scale, bar.h) : []) {
    const at = bar.y + bar.h * (1 - tick.t);
    ticks += `<path d="M${num(bar.x + bar.w)} ${num(at)}h4" ${paint('stroke', theme.frame)}/>` +
      `<text x="${num(bar.x + bar.w + 6)}" y="${num(Math.min(Math.max(at, bar.y + 5), bar.y + bar.h - 5) + 4)}">${escapeXml(tick.text)}</text>`;
  }
  return `<defs><linearGradient id="${id}" x1="0" y1="1" x2="0" y2="0">${stops}</linearGradient></defs>` +
    `<rect x="${bar.x}" y="${bar.y}" width="${bar.w}" height="${bar.h}" fill="${scale ? `url(#${id})` : 'rgb(128, 128, 128)'}"/>` +
    `<rect x="${num(bar.x - 0.5)}" y="${num(bar.y - 0.5)}" width="${bar.w + 1}" height="${num(bar.h + 1)}" fill="none" ${paint('stroke', theme.frame)}/>` +
    `<text x="${bar.x}" y="${num(bar.y - 7)}" font-family="${SERIF}" font-style="italic" font-size="14" ${paint('fill', theme.text)}>f</text>` +
    `<g font-size="11" ${paint('fill', theme.muted)}>${ticks}</g>`;
}

/** The field: the heatmap image (or none), then the contour lines, clipped to the plot. */
function fieldSvg(model, layout, options, theme) {
  const { plot } = layout;
  const cx = Math.max(8, Math.round(plot.w / 1.5));
  const cy = Math.max(8, Math.round(plot.h / 1.5));
  const contourValues = sampleGrid(model.grid, model.view, cx, cy);
  const scale = contourValues && colourScale(contourValues, { signed: !!model.signed });
  let image = '';
  if (options.heatmap) {
    const nx = Math.min(Math.max(Math.round(plot.w), 2), 2048);
    const ny = Math.min(Math.max(Math.round(plot.h), 2), 2048);
    const values = sampleGrid(model.grid, model.view, nx, ny);
    if (values) {
      image = `<image x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" preserveAspectRatio="none" ` +
        `xlink:href="${heatmapDataUri(values, scale, nx, ny)}"/>`;
    }
  }
  const lines = contourValues ? contourPaths(contourValues, scale, cx, cy, plot) : [];
  const contours = options.heatmap
    ? `<path d="${lines.map((l) => l.d).join('')}" fill="none" ${paint('stroke', theme.contour)} stroke-width="0.8" stroke-linejoin="round"/>`
    : lines.map((l) => `<path d="${l.d}" fill="none" ${paint('stroke', contourColour(l.t))} stroke-width="1.1" stroke-linejoin="round"/>`).join('');
  return { svg: image + (lines.length ? contours : ''), scale, contourCount: lines.length };
}

function legendSvg(layout, theme) {
  const top = layout.plot.y + layout.plot.h + BOTTOM + 2;
  let out = '';
  layout.rows.forEach((row, r) => {
    const y = top + 12 + r * 24;
    for (const item of row) {
      const { look } = item;
      const swatch = `M${num(item.x)} ${num(y)}h20`;
      const dash = look.dash?.length ? ` stroke-dasharray="${look.dash.join(' ')}"` : '';
      out += `<path d="${swatch}" fill="none" ${paint('stroke', look.halo)} stroke-width="5" stroke-linecap="round"/>` +
        `<path d="${swatch}" fill="none" ${paint('stroke', look.colour)} stroke-width="2.5"${dash}/>` +
        (item.cross ? cross(item.x + 20, y, 4, look) : dot(item.x + 20, y, 3.5, look)) +
        `<text x="${num(item.x + 30)}" y="${num(y + 4.5)}" font-size="12.5" ${paint('fill', theme.text)}>${escapeXml(item.label)}` +
        (item.note ? `<tspan dx="8" font-size="12" font-style="italic" ${paint('fill', theme.muted)}>${escapeXml(item.note)}</tspan>` : '') +
        '</text>';
    }
  });
  return out;
}

/**
 * The figure for `model` and `options`, with its field computed once: svgAt(step, stamp) is the
 * SVG document with the runs up to `step` (Infinity: all of them) and `stamp` (e.g. "step 40 / 300")
 * above the plot's top-right corner. Also width, height and contourCount.
 */
export function buildFigure(model, options = {}) {
  const opts = { width: 720, height: null, theme: 'light', heatmap: true, idPrefix: 'gs', ...options };
  checkOptions(opts);
  const view = model.view;
  if (!Array.isArray(view) || view.length !== 4 || !view.every(Number.isFinite) || !(view[1] > view[0]) || !(view[3] > view[2])) {
    throw new RangeError(`view: must be [xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax, got ${JSON.stringify(view)}`);
  }
  const runs = Array.isArray(model.runs) ? model.runs : [];
  const theme = THEMES[opts.theme];
  const layout = figureLayout({ ...model, runs }, opts);
  const { plot } = layout;
  const ids = { clip: `${opts.idPrefix}-plot`, gradient: `${opts.idPrefix}-viridis` };
  const map = { ax: plot.w / (view[1] - view[0]), ay: -plot.h / (view[3] - view[2]) };
  map.bx = plot.x - map.ax * view[0];
  map.by = plot.y - map.ay * view[3];
  const at = ([x, y]) => [map.ax * x + map.bx, map.ay * y + map.by];
  const inPlot = ([x, y], pad) => Number.isFinite(x) && Number.isFinite(y) &&
    x >= plot.x - pad && x <= plot.x + plot.w + pad && y >= plot.y - pad && y <= plot.y + plot.h + pad;
  const field = fieldSvg(model, layout, opts, theme);
  const looks = runs.map(runLook);
  const minima = (model.minima ?? []).map((m) => [at([+m.x, +m.y]), !!m.global]).filter(([p]) => inPlot(p, 10))
    .map(([p, global]) => minimumMark(p[0], p[1], global)).join('');
  const startMarkers = [...(model.starts?.tuning ?? []).map((p) => [at(p), tuningMark]), ...(model.starts?.heldOut ?? []).map((p) => [at(p), heldOutMark])]
    .filter(([p]) => inPlot(p, 4)).map(([p, mark]) => mark(p[0], p[1])).join('');
  const fixed = [
    `<rect width="${layout.width}" height="${layout.height}" ${paint('fill', theme.background)}/>`,
    `<defs><clipPath id="${ids.clip}-field"><rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}"/></clipPath></defs>`,
    `<g clip-path="url(#${ids.clip}-field)">${field.svg}${minima}</g>`,
    axesSvg(layout, view, theme, model.axes ?? ['x', 'y']),
    colourLegendSvg(layout, field.scale, theme, ids.gradient),
    `<text x="${PAD}" y="22" font-size="16" font-weight="600" ${paint('fill', theme.text)}>${escapeXml(model.title ?? 'Loss surface')}</text>`,
    legendSvg(layout, theme),
  ].join('\n');

  const runsAt = (step) => {
    const halos = [];
    const lines = [];
    const ends = [];
    const labels = [];
    runs.forEach((run, i) => {
      const total = pointCount(run.xy);
      const n = Math.min(total, Number.isFinite(step) ? Math.max(0, Math.floor(step)) + 1 : total);
      const look = looks[i];
      const { d, exit } = trackPath(run.xy, n, map, plot);
      if (d) {
        halos.push(`<path d="${d}" fill="none" ${paint('stroke', look.halo)} stroke-width="4.5" stroke-linejoin="round" stroke-linecap="round"/>`);
        const dash = look.dash?.length ? ` stroke-dasharray="${look.dash.join(' ')}"` : '';
        lines.push(`<path data-run="${i}" d="${d}" fill="none" ${paint('stroke', look.colour)} stroke-width="2" stroke-linejoin="round" stroke-linecap="${dash ? 'butt' : 'round'}"${dash}/>`);
      }
      if (diverged(run) && n === total) {
        const end = exit ?? (model.start ? at(model.start) : null);
        if (!end || !end.every(Number.isFinite)) return;
        const x = Math.min(Math.max(end[0], plot.x + 9), plot.x + plot.w - 9);
        const y = Math.min(Math.max(end[1], plot.y + 9), plot.y + plot.h - 9);
        ends.push(cross(x, y, 6, look));
        labels.push({ text: `diverged at step ${run.status.diverged_at ?? n - 1}`, x, y, colour: look.colour });
      } else if (n > 0) {
        const p = at([run.xy[2 * n - 2], run.xy[2 * n - 1]]);
        if (inPlot(p, 6)) ends.push(dot(p[0], p[1], 4, look, ` data-run-end="${i}"`));
      }
    });
    const start = model.start && at(model.start);
    const startSvg = start && inPlot(start, 8) ? startMark(start[0], start[1]) : '';
    return `${clipDef}<g clip-path="url(#${ids.clip})">${startMarkers}${halos.join('')}${lines.join('')}${ends.join('')}${startSvg}` +
      `${divergedPills(labels, plot, theme, textWidth, FIGURE_FONT)}</g>`;
  };

  const clipDef = `<defs><clipPath id="${ids.clip}"><rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}"/></clipPath></defs>`;
  const stampSvg = (stamp) => (stamp
    ? `<text x="${plot.x + plot.w}" y="22" text-anchor="end" font-size="13" ${paint('fill', theme.muted)}>${escapeXml(stamp)}</text>`
    : '');
  const documentOf = (...parts) => [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ` +
      `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" ` +
      `font-family="${FIGURE_FONT}" font-size="12" data-view="${view.map((v) => String(v)).join(' ')}">`,
    `<title>${escapeXml(model.title ?? 'Loss surface')}</title>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');

  return {
    width: layout.width,
    height: layout.height,
    plot: { ...plot },
    contourCount: field.contourCount,
    svgAt: (step = Infinity, stamp = '') => documentOf(fixed, runsAt(step), stampSvg(stamp)),
    /** The figure without the runs and the stamp (an animation's still background). */
    baseSvg: () => documentOf(fixed),
    /** The runs up to `step` and the stamp alone, on a transparent background (drawn over baseSvg). */
    overlaySvg: (step = Infinity, stamp = '') => documentOf(runsAt(step), stampSvg(stamp)),
  };
}

/** The SVG document of `model` (see the header) with the runs up to options.step and options.stamp. */
export function svgFigure(model, options = {}) {
  const { step = Infinity, stamp = '', ...rest } = options;
  return buildFigure(model, rest).svgAt(step, stamp);
}
