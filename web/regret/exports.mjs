// Exports of the regret lab (loaded on the first use of its Export menu or Embed image): each
// chart as SVG or as a PNG at twice its CSS size, in the page's theme or a named one; the
// recorded series as CSV; the result JSON with the config it ran.
import { chartSVG } from '../lib/chart-svg.mjs';
import { chartPNG } from '../lib/chart-png.mjs';
import { themeColours } from '../lib/chart-theme.mjs';
import { csvText } from '../lib/csv.mjs';
import { formatNumber, formatT } from '../lib/format.mjs';

const EXPORT_SIZE = { width: 720, plotHeight: 300 };
const THEME_VARS = { bg: '--rg-chart-bg', fg: '--rg-chart-fg', muted: '--rg-chart-muted', grid: '--rg-chart-grid' };
export const CHART_NAMES = { regret: 'regret', average: 'average-regret', iterate: 'iterate' };

const unlog = (v, log) => (v == null ? null : log ? 10 ** v : v);

/** The chart-figure spec of a regret-lab chart (charts.mjs Chart) in `theme` colours. */
export function regretChartSpec(chart, theme) {
  const model = chart.model;
  const { xAxis, yAxis } = model;
  const scale = chart.plot?.scales.y;
  const finite = model.series.flatMap((s) => s.values.filter((v) => v != null && Number.isFinite(v)));
  const [lo, hi] = scale?.min != null ? [scale.min, scale.max] : [Math.min(0, ...finite), Math.max(1, ...finite)];
  const xs = model.x.map((v) => unlog(v, xAxis.log));
  return {
    ...EXPORT_SIZE,
    title: model.title,
    caption: model.caption,
    theme,
    x: { label: xAxis.label, min: unlog(xAxis.range[0], xAxis.log), max: unlog(xAxis.range[1], xAxis.log), log: xAxis.log, format: formatT },
    y: [{ key: 'y', label: yAxis.label, min: unlog(lo, yAxis.log), max: unlog(hi, yAxis.log), log: yAxis.log, format: (v) => formatNumber(v, 3) }],
    series: model.series.map((s) => ({
      xs, ys: s.values.map((v) => unlog(v, yAxis.log)), color: s.color, dash: s.dash, width: s.width ?? 1.8, scale: 'y',
    })),
    markers: (model.marks ?? []).filter((m) => m.x != null && m.y != null)
      .map((m) => ({ x: unlog(m.x, xAxis.log), y: unlog(m.y, yAxis.log), color: m.color, scale: 'y', shape: 'ring' })),
    arrows: (chart.fit?.arrows ?? []).map((a) => ({ ...a, x: unlog(a.x, xAxis.log), scale: 'y' })),
    legend: model.key.map((k) => ({ label: k.label, color: k.color, dash: k.dash })),
  };
}

/** The colours of the exported charts in theme `name` ('light' | 'dark'). */
export const regretTheme = (host, name) => themeColours(host, name, THEME_VARS);

function chartOf(charts, id) {
  const chart = charts.charts[id];
  if (id === 'iterate' && charts.iterateRoot?.hidden) throw new Error('the iterate chart is drawn for 1-D problems only');
  if (!chart?.model) throw new Error(`the ${CHART_NAMES[id]} chart has nothing to show yet`);
  return chart;
}

/** A chart (id 'regret' | 'average' | 'iterate') as an SVG document. */
export const regretSVG = (charts, id, themeName) => chartSVG(regretChartSpec(chartOf(charts, id), regretTheme(charts.root, themeName)));

/** A chart as a PNG blob at twice its CSS size. */
export const regretPNG = (charts, id, themeName) => chartPNG(regretChartSpec(chartOf(charts, id), regretTheme(charts.root, themeName)));

/** run,label,optimizer,t,regret,average_regret,bound,iterate — one row per record point of every run. */
export function regretCsv(result) {
  const rows = [];
  result.runs.forEach((run, r) => {
    const label = run.optimizer?.label ?? run.optimizer?.name ?? '';
    run.t.forEach((t, k) => {
      rows.push([r, label, run.optimizer?.name ?? '', t, run.regret[k], run.average_regret[k], run.bound?.[k], run.iterate?.[k]]);
    });
  });
  return csvText(['run', 'label', 'optimizer', 't', 'regret', 'average_regret', 'bound', 'iterate'], rows);
}
