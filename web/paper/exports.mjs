// Exports of the paper lab (loaded on the first use of its Export menu or Embed image): the
// training-loss and test figures as SVG or as PNGs at twice their CSS size (mean curves with their
// min–max bands), in the page's theme or a named one; every run's curves as CSV.
import { chartSVG } from '../lib/chart-svg.mjs';
import { chartPNG } from '../lib/chart-png.mjs';
import { themeColours } from '../lib/chart-theme.mjs';
import { csvText } from '../lib/csv.mjs';
import { formatNumber } from '../lib/format.mjs';

const EXPORT_SIZE = { width: 720, plotHeight: 300 };
const THEME_VARS = { bg: '--rg-chart-bg', fg: '--rg-chart-fg', muted: '--rg-chart-muted', grid: '--rg-chart-grid' };
export const FIGURE_NAMES = { loss: 'training-loss', test: 'test' };

/** The chart-figure spec of a paper-lab chart (charts.mjs Chart) in `theme` colours. */
export function paperChartSpec(chart, theme) {
  const model = chart.model;
  const scale = chart.plot?.scales.y;
  const values = model.series.flatMap((s) => [...s.min, ...s.max]).filter((v) => v != null && Number.isFinite(v) && (!model.logY || v > 0));
  const [lo, hi] = scale?.min != null ? [scale.min, scale.max] : [Math.min(...values, model.logY ? 1 : 0), Math.max(...values, model.logY ? 10 : 1)];
  return {
    ...EXPORT_SIZE,
    title: model.title,
    theme,
    x: { label: 'epoch', min: 0, max: model.xMax },
    y: [{ key: 'y', label: model.yLabel, min: lo, max: hi, log: model.logY, format: (v) => formatNumber(v, 3) }],
    series: model.series.map((s) => ({
      xs: model.x, ys: s.mean, color: s.color, dash: s.dash, width: 2, scale: 'y', band: { lo: s.min, hi: s.max, fill: `${s.color}30` },
    })),
    legend: model.series.map((s) => ({ label: s.label, color: s.color, dash: s.dash })),
  };
}

/** The colours of the exported figures in theme `name` ('light' | 'dark'). */
export const paperTheme = (host, name) => themeColours(host, name, THEME_VARS);

function chartOf(charts, id) {
  const chart = charts[id];
  if (!chart?.model || !chart.model.x.length) throw new Error(`the ${FIGURE_NAMES[id]} figure has no points yet`);
  return chart;
}

/** A figure (id 'loss' | 'test') as an SVG document. */
export const paperSVG = (charts, id, themeName) => chartSVG(paperChartSpec(chartOf(charts, id), paperTheme(charts.root, themeName)));

/** A figure as a PNG blob at twice its CSS size. */
export const paperPNG = (charts, id, themeName) => chartPNG(paperChartSpec(chartOf(charts, id), paperTheme(charts.root, themeName)));

/**
 * run,label,optimizer,optimizer_index,lr,seed,batch,epoch,train_loss,test_loss,test_accuracy — one row
 * per record point of every run of a paper result (docs/schema.md).
 */
export function paperCsv(result) {
  const rows = [];
  result.runs.forEach((run, r) => {
    run.batch.forEach((batch, k) => {
      rows.push([r, run.optimizer?.label ?? run.optimizer?.name, run.optimizer?.name, run.optimizer_index, run.lr, run.seed, batch, run.epoch[k],
        run.train_loss[k], run.test_loss[k], run.test_accuracy?.[k]]);
    });
  });
  return csvText(['run', 'label', 'optimizer', 'optimizer_index', 'lr', 'seed', 'batch', 'epoch', 'train_loss', 'test_loss', 'test_accuracy'], rows);
}
