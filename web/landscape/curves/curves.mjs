// The curves of the landscape page: three uPlot charts under the surface.
//   loss vs step (log y, every run; a diverged run ends in a marked point),
//   step size |Δ_t|∞ vs step (log y; Adam-family runs also draw the Adam paper's Section 2.1
//   bound, dashed, and the exact worst case, dotted),
//   the selected run per coordinate (effective learning rate |Δθ_i|/|g_i| and the moments).
// This module wires them: the runs (series.mjs), each chart's model (*-model.mjs), the charts
// (chart.mjs), the theme, resizing and the exports (export.mjs). update() runs up to once per
// animation frame; decimate.mjs keeps that cheap. uPlot instances live until their structure
// changes.
import 'uplot/dist/uPlot.min.css';
import '../curves.css';
import { Chart } from './chart.mjs';
import { coordsModel } from './coords-model.mjs';
import { el, exportButton } from '../../lib/dom.mjs';
import { saveFile } from '../../lib/download.mjs';
import { chartToPNG, chartToSVG } from './export.mjs';
import { lossModel } from './loss-model.mjs';
import { RunData } from './series.mjs';
import { stepModel } from './step-model.mjs';

export { formatStep } from '../../lib/format.mjs';

const THEME_VARS = ['bg', 'fg', 'muted', 'grid', 'axis', 'accent', 'q1', 'q2', 'q3'];

let syncCounter = 0;

/**
 * The landscape page's curves. new Curves(container, { exportButtons = true }) appends three
 * charts (loss, step, coords) to container; feed them with update() once per frame.
 */
export class Curves {
  constructor(container, { exportButtons = true } = {}) {
    this.root = el('div', { class: 'gs-curves' });
    container.append(this.root);
    this.syncKey = `gs-curves-${++syncCounter}`;
    this.runs = [];
    this.args = null;
    this.showExact = true;
    this.#setThemeName(globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const rerender = () => this.#render();
    const tools = (id) => (exportButtons ? [
      exportButton('SVG', () => saveFile(`gradscape-${id}.svg`, new Blob([this.exportSVG(id)], { type: 'image/svg+xml' }))),
      exportButton('PNG', async () => saveFile(`gradscape-${id}.png`, await this.exportPNG(id))),
    ] : []);
    this.exactBox = el('input');
    this.exactBox.type = 'checkbox';
    this.exactBox.checked = this.showExact;
    this.exactBox.addEventListener('change', () => {
      this.showExact = this.exactBox.checked;
      this.#render();
    });
    const exactLabel = el('label', { class: 'gs-chart-check' });
    exactLabel.append(this.exactBox, ' exact bound');
    this.charts = {
      loss: new Chart(this.root, 'loss', { onToggle: rerender, tools: tools('loss') }),
      step: new Chart(this.root, 'step', { onToggle: rerender, tools: [exactLabel, ...tools('step')] }),
      coords: new Chart(this.root, 'coords', { onToggle: rerender, tools: tools('coords') }),
    };
    this.observer = new ResizeObserver(() => this.#scheduleResize());
    this.observer.observe(this.root);
  }

  /**
   * New data for every chart. args: { runs: [{label, color, optimizer, loss, xy, diagnostics,
   * status}], selected, stepBounds, lossOffset?, totalSteps? }. lossOffset (e.g. the objective's
   * global minimum value) plots f − lossOffset; totalSteps fixes the x range to [0, totalSteps].
   */
  update(args) {
    this.args = args;
    const runs = args.runs ?? [];
    while (this.runs.length < runs.length) this.runs.push(new RunData());
    this.runs.length = runs.length;
    runs.forEach((run, k) => this.runs[k].bind(run, args.stepBounds));
    this.#render();
  }

  #render() {
    if (!this.args) return;
    const opts = { lossOffset: this.args.lossOffset, showExact: this.showExact };
    const selected = this.runs[Math.min(Math.max(0, this.args.selected ?? 0), this.runs.length - 1)];
    const builders = {
      loss: (chart) => lossModel(chart, this.runs, opts),
      step: (chart) => stepModel(chart, this.runs, opts),
      coords: (chart) => coordsModel(chart, selected),
    };
    for (const [id, chart] of Object.entries(this.charts)) {
      chart.theme = this.colors;
      chart.totalSteps = Number.isFinite(this.args.totalSteps) ? this.args.totalSteps : null;
      chart.render(builders[id](chart), this.colors, this.syncKey);
    }
    for (const chart of Object.values(this.charts)) chart.refresh();
    for (const run of this.runs) run.remember();
  }

  /** 'light' or 'dark': axis, grid and text colours of every chart. */
  setTheme(name) {
    this.#setThemeName(name);
    this.#render();
  }

  #setThemeName(name) {
    this.themeName = name === 'dark' ? 'dark' : 'light';
    this.root.dataset.theme = this.themeName;
    const style = getComputedStyle(this.root);
    this.colors = Object.fromEntries(THEME_VARS.map((v) => [v, style.getPropertyValue(`--gs-c-${v}`).trim() || '#888']));
  }

  #scheduleResize() {
    if (this.resizeFrame) return;
    this.resizeFrame = requestAnimationFrame(() => {
      this.resizeFrame = 0;
      this.resize();
    });
  }

  /** Fits every chart to the container's width (also done by a ResizeObserver). */
  resize() {
    const charts = Object.values(this.charts);
    const before = charts.map((c) => c.columns());
    if (!charts.map((c) => c.resize()).every(Boolean)) {
      this.#render();
      return;
    }
    queueMicrotask(() => {
      if (charts.some((c, k) => c.columns() !== before[k])) this.#render();
    });
  }

  #chart(id) {
    const chart = this.charts[id];
    if (!chart) throw new Error(`chart: must be "loss", "step" or "coords", got ${JSON.stringify(id)}`);
    return chart;
  }

  /** A standalone SVG document of chart id ('loss' | 'step' | 'coords'). */
  exportSVG(id) {
    const chart = this.#chart(id);
    if (!chart.model) throw new Error('exportSVG: nothing to export before the first update()');
    return chartToSVG(chart);
  }

  /** The chart's canvas with its title and legend, as a PNG Blob (null before the first draw). */
  async exportPNG(id) {
    const chart = this.#chart(id);
    await Promise.resolve();
    return chartToPNG(chart);
  }

  destroy() {
    this.observer.disconnect();
    if (this.resizeFrame) cancelAnimationFrame(this.resizeFrame);
    for (const chart of Object.values(this.charts)) chart.destroy();
    this.root.remove();
  }
}
