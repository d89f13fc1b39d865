// One chart: header (title and tools), a uPlot canvas, a legend with live values and a caption.
// render() takes a model (loss-model.mjs, step-model.mjs, coords-model.mjs); the uPlot instance
// is rebuilt only when the structure (series, axes, theme) changes, else it gets the new data.
import uPlot from 'uplot';
import { scaleOptions, xAxisOptions, yAxisOptions } from './axes.mjs';
import { ChartLegend } from './chart-legend.mjs';
import { el, setText } from '../../lib/dom.mjs';
import { isLog, shown } from './log-axis.mjs';
import { drawMarker } from './marker.mjs';
import { fontScale } from '../../lib/canvas-style.mjs';

export class Chart {
  constructor(parent, id, { onToggle, tools = [] }) {
    this.hidden = new Set();
    this.arrays = [];
    this.plot = null;
    this.key = '';
    this.xMax = 1;
    this.totalSteps = null;
    this.section = el('section', { class: 'gs-chart' });
    this.section.dataset.chart = id;
    this.titleEl = el('h3', { class: 'gs-chart-title' });
    const head = el('header', { class: 'gs-chart-head' });
    const toolbox = el('div', { class: 'gs-chart-tools' });
    toolbox.append(...tools);
    head.append(this.titleEl, toolbox);
    this.plotEl = el('div', { class: 'gs-chart-plot' });
    const legendEl = el('div', { class: 'gs-chart-legend' });
    this.legend = new ChartLegend(legendEl, this.hidden, onToggle);
    this.captionEl = el('p', { class: 'gs-chart-caption' });
    this.section.append(head, this.plotEl, legendEl, this.captionEl);
    parent.append(this.section);
  }

  /** The reused data array k (0: x). */
  column(k) {
    while (this.arrays.length <= k) this.arrays.push([]);
    return this.arrays[k];
  }

  /** Pixel columns of the plot area (the decimation target). */
  columns() {
    const width = this.plot ? this.plot.bbox.width / uPlot.pxRatio : this.plotEl.clientWidth - 80;
    return Math.max(64, Math.round(width));
  }

  size() {
    const width = Math.max(200, Math.floor(this.plotEl.clientWidth));
    return { width, height: Math.round(Math.min(280, Math.max(210, width * 0.42))) };
  }

  render(model, theme, syncKey) {
    this.model = model;
    this.theme = theme;
    const data = [this.column(0), ...model.series.map((_, k) => this.column(k + 1))];
    const key = JSON.stringify([model.x, model.y, model.series.map((s) => [s.label, s.color, s.dash, s.scale, s.show, s.width]), theme, fontScale()]);
    if (key !== this.key || !this.plot) {
      this.key = key;
      this.#build(model, theme, data, syncKey);
    } else {
      this.plot.setData(data);
    }
  }

  // The DOM around the canvas: title, caption and legend (after every chart's setData, so the
  // layout uPlot reads is not invalidated in between).
  refresh() {
    const model = this.model;
    this.legend.update(model);
    setText(this.titleEl, model.title);
    setText(this.captionEl, model.caption ?? '');
    if (this.captionEl.hidden !== !model.caption) this.captionEl.hidden = !model.caption;
    this.legend.show(this.plot, model);
  }

  #build(model, theme, data, syncKey) {
    this.plot?.destroy();
    if (this.plotEl.clientWidth === 0) {
      this.plot = null;
      return;
    }
    const opts = {
      ...this.size(),
      legend: { show: false },
      padding: [10, null, 0, null],
      cursor: { drag: { x: false, y: false, setScale: false }, sync: { key: syncKey }, points: { size: 7 } },
      scales: { x: { time: false, range: () => [0, this.xMax] }, ...Object.fromEntries(model.y.map((a) => [a.key, scaleOptions(a)])) },
      axes: [xAxisOptions(theme, model.x.label), ...model.y.map((a) => yAxisOptions(theme, a))],
      series: [{}, ...model.series.map((s) => ({
        label: s.label, stroke: s.color, width: s.width ?? 1.6, dash: s.dash ?? undefined, scale: s.scale,
        show: s.show, spanGaps: false, points: s.bound ? { show: false } : {},
      }))],
      hooks: { draw: [(u) => this.#drawMarkers(u)], setCursor: [() => this.legend.show(this.plot, this.model)] },
    };
    this.plot = new uPlot(opts, data, this.plotEl);
  }

  #drawMarkers(u) {
    for (const m of this.model.markers ?? []) {
      const value = shown(m.y, isLog(this.model, m.scale));
      if (value == null || !Number.isFinite(value)) continue;
      const x = u.valToPos(m.x, 'x', true);
      const y = u.valToPos(value, m.scale, true);
      drawMarker(u.ctx, x, y, m.color, this.theme.bg);
    }
  }

  resize() {
    if (!this.plot) return false;
    const size = this.size();
    if (size.width !== this.plot.width || size.height !== this.plot.height) this.plot.setSize(size);
    return true;
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
    this.section.remove();
  }
}
