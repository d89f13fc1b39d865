// The paper lab's curves (uPlot, styled like the regret lab's charts, regret/regret.css): training
// loss vs epoch on a log y axis and test accuracy vs epoch (the VAE: test loss, log axis), one
// curve per optimizer entry at its chosen learning rate, the mean over the seeds with a shaded
// min/max band, in the entry's colour and dash. update({ grids, labels, colors, dashes, epochs,
// experiment }) redraws from the grid summaries (summary.mjs); the x axis always spans every
// epoch of the run, so curves grow into it. A log axis follows the rules of lib/chart-range.mjs:
// values ≤ 0 and values more than FLOOR_DECADES below the largest are gaps, and its range is
// whole decades around the rest. (The chosen learning rate of an entry never diverged: no cap.)
import uPlot from 'uplot';
import { dropBelow, logAxisRange, logValue } from '../lib/chart-range.mjs';
import { chartFont, fontScale } from '../lib/canvas-style.mjs';
import { formatNumber } from '../lib/format.mjs';
import { lineSwatch } from '../lib/line-swatch.mjs';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const band = (hex) => `${hex}30`;

// The x values (epochs) of the summary with the most points, and each summary's curve padded to them.
function align(grids, curve) {
  const x = grids.reduce((best, g) => (g.epoch.length > best.length ? g.epoch : best), []);
  const pad = (values) => Array.from({ length: x.length }, (_, k) => (k < values.length && Number.isFinite(values[k]) ? values[k] : null));
  return { x, series: grids.map((g) => (g[curve] ? { mean: pad(g[curve].mean), min: pad(g[curve].min), max: pad(g[curve].max) } : null)) };
}

class Chart {
  constructor(parent, title) {
    this.section = el('section', 'rg-chart');
    const head = el('div', 'rg-chart-head');
    this.titleEl = el('h3', 'rg-chart-title', title);
    this.keyEl = el('div', 'rg-chart-key');
    head.append(this.titleEl, this.keyEl);
    this.plotEl = el('div', 'rg-chart-plot');
    this.readoutEl = el('div', 'rg-chart-readout');
    this.section.append(head, this.plotEl, this.readoutEl);
    parent.append(this.section);
    this.plot = null;
    this.key = '';
  }

  size() {
    const width = Math.max(220, Math.floor(this.plotEl.clientWidth));
    return { width, height: Math.round(Math.min(280, Math.max(190, width * 0.5))) };
  }

  render(model, theme) {
    this.model = model;
    if (this.titleEl.textContent !== model.title) this.titleEl.textContent = model.title;
    const data = [model.x];
    for (const s of model.series) data.push(s.mean, s.min, s.max);
    this.#fitLog(model, data);
    const key = JSON.stringify([model.title, model.logY, model.xMax, model.series.map((s) => [s.label, s.color, s.dash]), theme, fontScale()]);
    if (!this.plot || key !== this.key) {
      this.key = key;
      this.#build(model, theme, data);
    } else {
      this.plot.setData(data);
    }
    this.keyEl.replaceChildren(...model.series.map((s) => {
      const item = el('span', 'rg-key-item');
      item.append(lineSwatch(s.color, s.dash, { className: 'rg-key-swatch' }), el('span', null, s.label));
      return item;
    }));
    this.#readout();
  }

  // On a log axis: the data with the gaps of lib/chart-range.mjs (in place, after the x column),
  // and this.range, the axis' [min, max]; the section's data-y-range says it in log10 units.
  #fitLog(model, data) {
    this.range = null;
    if (!model.logY) return;
    const logs = data.slice(1).map((values) => values.map(logValue));
    const r = logAxisRange(logs.map((values) => ({ values, diverged: false })));
    logs.forEach((values, k) => {
      const raw = data[k + 1];
      data[k + 1] = dropBelow(values, r.floor).map((v, j) => (v == null ? null : raw[j]));
    });
    this.range = [10 ** r.min, 10 ** r.max];
    const text = `${r.min},${r.max}`;
    if (this.section.dataset.yRange !== text) this.section.dataset.yRange = text;
  }

  #build(model, theme, data) {
    this.plot?.destroy();
    this.plot = null;
    if (this.plotEl.clientWidth === 0) return;
    const series = [{}];
    const bands = [];
    model.series.forEach((s, i) => {
      const mean = 1 + 3 * i;
      series.push({ label: s.label, stroke: s.color, dash: s.dash ?? undefined, width: 2, points: { show: false }, spanGaps: true });
      series.push({ label: `${s.label} min`, stroke: 'transparent', width: 0, points: { show: false }, spanGaps: true });
      series.push({ label: `${s.label} max`, stroke: 'transparent', width: 0, points: { show: false }, spanGaps: true });
      bands.push({ series: [mean + 2, mean + 1], fill: band(s.color) });
    });
    this.plot = new uPlot({
      ...this.size(),
      legend: { show: false },
      padding: [10, 14, 0, 0],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      scales: { x: { time: false, range: [0, model.xMax] }, y: model.logY ? { distr: 3, range: () => this.range ?? [0.1, 10] } : { auto: true } },
      axes: [
        { label: 'epoch', stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), size: Math.round(28 * fontScale()), labelSize: Math.round(18 * fontScale()), labelGap: 0,
          grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 }, space: 48 },
        { label: model.yLabel, stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), labelSize: Math.round(20 * fontScale()), labelGap: 2, size: Math.round(52 * fontScale()),
          space: 24, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
          values: (u, splits) => splits.map((v) => formatNumber(v, 3)) },
      ],
      series,
      bands,
      hooks: { setCursor: [() => this.#readout()] },
    }, data, this.plotEl);
  }

  // "epoch 1.5 · Adam 0.412 · AdaGrad 0.508": at the cursor, or the latest values.
  #readout() {
    const { model } = this;
    const idx = this.plot?.cursor.idx;
    const hovering = idx != null && idx < model.x.length;
    const k = hovering ? idx : model.x.length - 1;
    if (k < 0) {
      this.readoutEl.textContent = '';
      return;
    }
    const parts = [`${hovering ? '' : 'latest: '}epoch ${formatNumber(model.x[k], 3)}`];
    for (const s of model.series) {
      let j = k;
      while (j >= 0 && s.mean[j] == null) j -= 1;
      parts.push(`${s.label} ${j < 0 ? '–' : model.format(s.mean[j])}`);
    }
    const text = parts.join(' · ');
    if (this.readoutEl.textContent !== text) this.readoutEl.textContent = text;
  }

  resize() {
    if (!this.plot) return;
    const size = this.size();
    if (size.width !== this.plot.width || size.height !== this.plot.height) this.plot.setSize(size);
  }

  destroy() {
    this.plot?.destroy();
    this.section.remove();
  }
}

export class PaperCharts {
  constructor(container) {
    this.root = el('div', 'rg-charts');
    container.append(this.root);
    this.loss = new Chart(this.root, 'Training loss');
    this.test = new Chart(this.root, 'Test accuracy');
    this.args = null;
    this.theme = null;
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this.root);
  }

  setTheme() {
    const style = getComputedStyle(this.root);
    const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    this.theme = {
      fg: read('--rg-chart-fg', '#222'), grid: read('--rg-chart-grid', 'rgba(0,0,0,0.08)'),
      axis: read('--rg-chart-axis', 'rgba(0,0,0,0.35)'),
    };
    if (this.args) this.update(this.args);
  }

  update(args) {
    this.args = args;
    if (!this.theme) this.setTheme();
    const { grids, labels, colors, dashes = [], epochs, experiment } = args;
    const vae = experiment === 'vae_images';
    const make = (curve, title, yLabel, logY, format) => {
      const { x, series } = align(grids, curve);
      return {
        title, yLabel, logY, format, x, xMax: epochs,
        series: series.map((s, i) => (s ? { label: labels[i], color: colors[i], dash: dashes[i], ...s } : null)).filter(Boolean),
      };
    };
    this.loss.render(make('train_loss', 'Training loss (log scale), mean of the seeds with min–max band',
      vae ? '−ELBO' : 'loss', true, (v) => formatNumber(v, 4)), this.theme);
    this.test.render(vae
      ? make('test_loss', 'Test loss (−ELBO, log scale)', '−ELBO', true, (v) => formatNumber(v, 4))
      : make('test_accuracy', 'Test accuracy', 'accuracy', false, (v) => `${(100 * v).toFixed(1)}%`), this.theme);
  }

  resize() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.loss.resize();
      this.test.resize();
      if (this.args && (!this.loss.plot || !this.test.plot)) this.update(this.args);
    });
  }

  destroy() {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.loss.destroy();
    this.test.destroy();
    this.root.remove();
  }
}
