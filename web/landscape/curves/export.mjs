// A landscape chart as a file: its current data and scales turned into the spec of the shared
// chart writers (lib/chart-svg.mjs, lib/chart-png.mjs): a standalone SVG document, or a PNG at
// twice the CSS size, optionally stamped "step k / N".
import { formatStep } from '../../lib/format.mjs';
import { unshown } from './log-axis.mjs';
import { chartSVG } from '../../lib/chart-svg.mjs';
import { chartPNG } from '../../lib/chart-png.mjs';

const EXPORT_SIZE = { width: 720, plotHeight: 320 };

function chartSpec(chart, stamp) {
  const model = chart.model;
  const data = chart.plot?.data ?? [chart.column(0), ...model.series.map((_, k) => chart.column(k + 1))];
  const axes = model.y.filter((a) => a.show !== false).map((a) => {
    const sc = chart.plot?.scales[a.key];
    const [min, max] = sc && sc.min != null ? [sc.min, sc.max] : [-1, 1];
    return { ...a, min: unshown(min, a.log), max: unshown(max, a.log) };
  });
  const logs = new Map(axes.map((a) => [a.key, a.log]));
  return {
    ...EXPORT_SIZE,
    title: model.title,
    caption: model.caption,
    stamp,
    theme: chart.theme,
    x: { label: model.x.label, min: 0, max: chart.xMax, format: formatStep },
    y: axes,
    series: model.series.map((s, k) => ({ ...s, xs: data[0], ys: data[k + 1].map((v) => unshown(v, logs.get(s.scale))) }))
      .filter((s) => s.show && logs.has(s.scale)),
    markers: (model.markers ?? []).filter((m) => logs.has(m.scale)),
    arrows: (model.arrows ?? []).filter((a) => logs.has(a.scale)),
    legend: model.legend.map((e) => ({ ...e, off: e.off || chart.hidden.has(e.key), noteColor: e.off ? undefined : chart.theme.accent })),
  };
}

/** The chart as a standalone SVG document (its current data and scales). */
export function chartToSVG(chart) {
  return chartSVG(chartSpec(chart));
}

/** The chart as a PNG blob at twice its CSS size; `stamp` (e.g. "step 40 / 300") in the top-right corner. */
export function chartToPNG(chart, { stamp } = {}) {
  if (!chart.model) return Promise.resolve(null);
  return chartPNG(chartSpec(chart, stamp));
}
