// One chart: header (title and tools), a uPlot canvas, a legend with live values and a caption.
// render() takes a model (loss-model.mjs, step-model.mjs, coords-model.mjs); the uPlot instance
// is rebuilt only when the structure (series, axes, theme) changes, else it gets the new data.
// Y axes are fitted by lib/axes-fit.mjs; a diverged run that leaves a capped axis gets an arrow
// (up, or down off a linear axis) labelled "diverged at step k": model.arrows, [{ x, scale,
// color, text, down }], for the SVG export too; model.markers keeps only the rings inside their
// axis. The section's data-y-range (each fitted axis's [min, max], log10 units on a log axis)
// and data-arrows ([{ x, scale, text }]) say what is drawn, for tests.
import uPlot from 'uplot';
import { scaleOptions, xAxisOptions, yAxisOptions } from './axes.mjs';
import { ChartLegend } from './chart-legend.mjs';
import { el, setText } from '../../lib/dom.mjs';
import { isLog, shown } from './log-axis.mjs';
import { drawArrow } from '../../lib/chart-arrow.mjs';
import { fitAxes } from '../../lib/axes-fit.mjs';
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
    this.fit = { ranges: {}, arrows: [] };
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
    this.fit = fitAxes(model, [this.column(0), ...model.series.map((_, k) => this.column(k + 1))]);
    const { data } = this.fit;
    model.markers = (model.markers ?? []).filter((m) => this.#inside(m));
    model.arrows = this.fit.arrows;
    this.#describe();
    const key = JSON.stringify([model.x, model.y, model.series.map((s) => [s.label, s.color, s.dash, s.scale, s.show, s.width]), theme, fontScale()]);
    if (key !== this.key || !this.plot) {
      this.key = key;
      this.#build(model, theme, data, syncKey);
    } else {
      this.plot.setData(data);
    }
  }

  #describe() {
    const { ranges, arrows } = this.fit;
    const range = JSON.stringify(Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, [r.min, r.max]])));
    const drawn = JSON.stringify(arrows.map(({ x, scale, text }) => ({ x, scale, text })));
    if (this.section.dataset.yRange !== range) this.section.dataset.yRange = range;
    if (this.section.dataset.arrows !== drawn) this.section.dataset.arrows = drawn;
  }

  // Whether marker m is inside its axis (a diverged run's last point is often above a capped top).
  #inside(m) {
    const value = shown(m.y, isLog(this.model, m.scale));
    const range = this.fit.ranges[m.scale];
    return value != null && Number.isFinite(value) && !(value > range?.max || value < range?.min);
  }

  // The fitted [min, max] of axis `key` (log10 units on a log axis; null: uPlot's own range).
  #range(key) {
    const r = this.fit.ranges[key];
    return r ? [r.min, r.max] : null;
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
      scales: { x: { time: false, range: () => [0, this.xMax] }, ...Object.fromEntries(model.y.map((a) => [a.key, scaleOptions(a, (k) => this.#range(k))])) },
      axes: [xAxisOptions(theme, model.x.label), ...model.y.map((a) => yAxisOptions(theme, a))],
      series: [{}, ...model.series.map((s) => ({
        label: s.label, stroke: s.color, width: s.width ?? 1.6, dash: s.dash ?? undefined, scale: s.scale,
        show: s.show, spanGaps: false, points: s.bound ? { show: false } : {},
      }))],
      hooks: { draw: [(u) => this.#drawMarkers(u)], setCursor: [() => this.legend.show(this.plot, this.model)] },
    };
    this.plot = new uPlot(opts, data, this.plotEl);
  }

  // The ring at a diverged run's last point (model.markers: those inside their axis) and the
  // arrows of the runs that left through a capped end (model.arrows).
  #drawMarkers(u) {
    for (const m of this.model.markers) {
      const x = u.valToPos(m.x, 'x', true);
      const y = u.valToPos(shown(m.y, isLog(this.model, m.scale)), m.scale, true);
      drawMarker(u.ctx, x, y, m.color, this.theme.bg);
    }
    const { left, top, width, height } = u.bbox;
    this.model.arrows.forEach((a, row) => {
      drawArrow(u.ctx, { x: u.valToPos(a.x, 'x', true), top, bottom: top + height, left, right: left + width, row, down: a.down }, a.color, this.theme.bg, a.text);
    });
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
