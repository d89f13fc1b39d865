// A chart as a file: a standalone SVG document through svg-export.mjs, or its uPlot canvas as a
// PNG with the title above and the legend and caption below.
import uPlot from 'uplot';
import { formatStep } from '../../lib/format.mjs';
import { unshown } from './log-axis.mjs';
import { chartSVG } from './svg-export.mjs';

const EXPORT_SIZE = { width: 720, plotHeight: 320 };

// Legend entries in rows that fit `width` device pixels: [[{entry, x}], ...].
function legendRows(ctx, legend, width, ratio) {
  const rows = [[]];
  let x = 0;
  for (const entry of legend) {
    const text = entry.note ? `${entry.label} ${entry.note}` : entry.label;
    const w = (30 + 16) * ratio + ctx.measureText(text).width;
    if (x + w > width && x > 0) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push({ entry, x });
    x += w;
  }
  return legend.length ? rows : [];
}

// Draws the legendRows() rows from (left, top): a swatch, the label and the note of each entry.
function drawLegendRows(ctx, rows, left, top, ratio, theme) {
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  rows.forEach((row, r) => {
    const y = top + r * 20 * ratio;
    for (const { entry, x } of row) {
      ctx.save();
      ctx.strokeStyle = entry.off ? theme.muted : entry.color;
      ctx.lineWidth = 2.5 * ratio;
      ctx.setLineDash((entry.dash ?? []).map((d) => d * ratio));
      ctx.beginPath();
      ctx.moveTo(left + x, y - 4 * ratio);
      ctx.lineTo(left + x + 22 * ratio, y - 4 * ratio);
      ctx.stroke();
      ctx.restore();
      ctx.fillStyle = entry.off ? theme.muted : theme.fg;
      ctx.fillText(entry.label, left + x + 28 * ratio, y);
      if (entry.note) {
        ctx.fillStyle = entry.off ? theme.muted : theme.accent;
        ctx.fillText(` ${entry.note}`, left + x + 28 * ratio + ctx.measureText(entry.label).width, y);
      }
    }
  });
}

/** The chart as a standalone SVG document (its current data and scales). */
export function chartToSVG(chart) {
  const model = chart.model;
  const data = chart.plot?.data ?? [chart.column(0), ...model.series.map((_, k) => chart.column(k + 1))];
  const axes = model.y.filter((a) => a.show !== false).map((a) => {
    const sc = chart.plot?.scales[a.key];
    const [min, max] = sc && sc.min != null ? [sc.min, sc.max] : [-1, 1];
    return { ...a, min: unshown(min, a.log), max: unshown(max, a.log) };
  });
  const logs = new Map(axes.map((a) => [a.key, a.log]));
  return chartSVG({
    ...EXPORT_SIZE,
    title: model.title,
    caption: model.caption,
    theme: chart.theme,
    x: { label: model.x.label, min: 0, max: chart.xMax, format: formatStep },
    y: axes,
    series: model.series.map((s, k) => ({ ...s, xs: data[0], ys: data[k + 1].map((v) => unshown(v, logs.get(s.scale))) }))
      .filter((s) => s.show && logs.has(s.scale)),
    markers: (model.markers ?? []).filter((m) => logs.has(m.scale)),
    legend: model.legend.map((e) => ({ ...e, off: e.off || chart.hidden.has(e.key), noteColor: e.off ? undefined : chart.theme.accent })),
  });
}

/** The uPlot canvas with the title above and the legend and caption below, as a PNG blob. */
export function chartToPNG(chart) {
  if (!chart.plot) return Promise.resolve(null);
  const ratio = uPlot.pxRatio;
  const src = chart.plot.ctx.canvas;
  const pad = 12 * ratio;
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${12 * ratio}px system-ui, sans-serif`;
  const rows = legendRows(measure, chart.model.legend, src.width, ratio);
  const titleH = 30 * ratio;
  const legendH = rows.length * 20 * ratio;
  const captionH = chart.model.caption ? 20 * ratio : 0;
  const canvas = document.createElement('canvas');
  canvas.width = src.width + 2 * pad;
  canvas.height = titleH + src.height + legendH + captionH + 2 * pad;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = chart.theme.bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = chart.theme.fg;
  ctx.font = `600 ${15 * ratio}px system-ui, sans-serif`;
  ctx.fillText(chart.model.title, pad, pad + 16 * ratio);
  ctx.drawImage(src, pad, pad + titleH);
  drawLegendRows(ctx, rows, pad, pad + titleH + src.height + 14 * ratio, ratio, chart.theme);
  if (chart.model.caption) {
    ctx.fillStyle = chart.theme.muted;
    ctx.font = `italic ${12 * ratio}px system-ui, sans-serif`;
    ctx.fillText(chart.model.caption, pad, canvas.height - pad - 4 * ratio);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
