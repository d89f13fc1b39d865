// The regret lab's charts (uPlot): regret R(t), average regret R(t)/t and, for 1-D problems, the
// iterate x_t, for every run at once. Theorem 4.1's bound is drawn dashed in the run's colour where
// the engine evaluated it (bound/t on the average chart), as its running maximum: the bound
// oscillates within each period of a periodic problem (Reddi's: one large gradient in three) and
// would draw as a sawtooth band, while its running maximum is a clean line that bounds R(t)
// wherever the bound does. On log-log axes a dotted grey line of slope ½ (√t, and 1/√t for the
// average) is the reference a sublinear regret should follow. Log axes are linear axes over log10
// of the data, fitted by lib/axes-fit.mjs (non-positive values and values far below the rest are
// gaps; a diverged run leaves through a capped end with an arrow, on linear axes too). A crossing of the bound
// itself is marked with a ring. Charts share a cursor; a readout under each gives the values at it.
// uPlot's stylesheet is the page's to load (regret/app.mjs; the component adopts it in its shadow root).
import uPlot from 'uplot';
import { chartFont, fontScale } from '../lib/canvas-style.mjs';
import { decimate, axisT, axisY } from './decimate.mjs';
import { drawArrow } from '../lib/chart-arrow.mjs';
import { runningMax } from '../lib/chart-range.mjs';
import { fitAxes } from '../lib/axes-fit.mjs';
import { formatNumber, formatT } from '../lib/format.mjs';
import { lineSwatch } from '../lib/line-swatch.mjs';

// The line width of run i: the selected run (the story's, args.selected) is drawn thicker.
const runWidth = (args, i) => (args.selected === i ? 3 : 1.8);
const BOUND_DASH = [6, 4];
const REF_DASH = [2, 4];

let syncCounter = 0;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// Ticks of a log axis (log10 units): 1-2-5 steps over short ranges, else every k-th decade.
function logSplits(u, axisIdx, min, max, room) {
  const lo = Math.ceil(min - 1e-9);
  const hi = Math.floor(max + 1e-9);
  const splits = [];
  if (3 * (hi - lo + 2) <= room) {
    for (let e = lo - 1; e <= hi; ++e) {
      for (const m of [1, 2, 5]) {
        const v = e + Math.log10(m);
        if (v >= min - 1e-9 && v <= max + 1e-9) splits.push(v);
      }
    }
    if (splits.length >= 2) return splits;
  }
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(room, 2)));
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) splits.push(e);
  return splits;
}

// A linear y range with a little room, always containing 0 for regret (it can be negative).
function linearRange(withZero) {
  return (u, min, max) => {
    if (min == null || max == null) return [0, 1];
    let lo = withZero ? Math.min(min, 0) : min;
    let hi = withZero ? Math.max(max, 0) : max;
    if (hi - lo < 1e-12) {
      lo -= 1;
      hi += 1;
    }
    const pad = 0.04 * (hi - lo);
    return [lo === 0 ? 0 : lo - pad, hi + pad];
  };
}

function axisSize(self, values, axisIdx, cycleNum) {
  const axis = self.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  const longest = (values ?? []).reduce((acc, v) => (v && v.length > acc.length ? v : acc), '');
  self.ctx.font = axis.font[0];
  const width = longest ? self.ctx.measureText(longest).width / uPlot.pxRatio : 0;
  return Math.ceil(axis.ticks.size + axis.gap + width + 4);
}

const unlog = (v, log) => (log ? 10 ** v : v);

// One chart: a header (title, key), the uPlot canvas, a cursor readout and a caption.
class Chart {
  constructor(parent, { title, syncKey, short = false, plotHeight = null }) {
    this.short = short;
    this.plotHeight = plotHeight;
    this.section = el('section', 'rg-chart');
    const head = el('div', 'rg-chart-head');
    this.titleEl = el('h3', 'rg-chart-title', title);
    this.keyEl = el('div', 'rg-chart-key');
    head.append(this.titleEl, this.keyEl);
    this.plotEl = el('div', 'rg-chart-plot');
    this.readoutEl = el('div', 'rg-chart-readout');
    this.captionEl = el('p', 'rg-chart-caption');
    this.section.append(head, this.plotEl, this.readoutEl, this.captionEl);
    parent.append(this.section);
    this.syncKey = syncKey;
    this.plot = null;
    this.key = '';
    this.model = null;
    this.fit = { ranges: {}, arrows: [] };
  }

  size() {
    const width = Math.max(220, Math.floor(this.plotEl.clientWidth));
    if (this.plotHeight) return { width, height: Math.round(Math.max(120, this.plotHeight())) };
    const height = this.short ? Math.min(220, Math.max(170, width * 0.3)) : Math.min(300, Math.max(200, width * 0.42));
    return { width, height: Math.round(height) };
  }

  columns() {
    return Math.max(64, Math.round(this.plot ? this.plot.bbox.width / uPlot.pxRatio : this.plotEl.clientWidth - 70));
  }

  render(model, theme) {
    this.model = model;
    const data = this.#fit(model, [model.x, ...model.series.map((s) => s.values)]);
    const key = JSON.stringify([model.xAxis, model.yAxis, model.series.map((s) => [s.label, s.color, s.dash, s.width, s.spanGaps]), theme, fontScale()]);
    if (!this.plot || key !== this.key) {
      this.key = key;
      this.#build(model, theme, data);
    } else {
      this.plot.setData(data);
    }
    this.#text(this.titleEl, model.title);
    this.#text(this.captionEl, model.caption ?? '');
    this.captionEl.hidden = !model.caption;
    const keyHtml = JSON.stringify(model.key);
    if (keyHtml !== this.keyState) {
      this.keyState = keyHtml;
      this.keyEl.replaceChildren(...model.key.map((k) => keyItem(k)));
    }
    this.#readout();
  }

  // The y axis fitted (lib/axes-fit.mjs): the data to draw, and the section's data-y-range ([min,
  // max], log10 units on a log axis; '' for the chart's own range) and data-arrows (the diverged
  // runs' arrows) for tests.
  #fit(model, columns) {
    const series = model.series.map((s) => ({ scale: 'y', show: true, diverged: s.diverged ?? '', color: s.color }));
    this.fit = fitAxes({ y: [{ key: 'y', log: model.yAxis.log }], series }, columns);
    const r = this.fit.ranges.y;
    const range = r ? `${r.min},${r.max}` : '';
    const arrows = JSON.stringify(this.fit.arrows.map(({ x, text }) => ({ x, text })));
    if (this.section.dataset.yRange !== range) this.section.dataset.yRange = range;
    if (this.section.dataset.arrows !== arrows) this.section.dataset.arrows = arrows;
    return this.fit.data;
  }

  // The y range: the fitted one, else `own` (a linear axis not capped).
  #yRange(own) {
    return (u, min, max) => {
      const r = this.fit.ranges.y;
      return r ? [r.min, r.max] : own(u, min, max);
    };
  }

  #build(model, theme, data) {
    this.plot?.destroy();
    this.plot = null;
    if (this.plotEl.clientWidth === 0) return;
    const logX = model.xAxis.log;
    const logY = model.yAxis.log;
    const room = (px) => Math.max(2, Math.floor(px / 26));
    this.plot = new uPlot({
      ...this.size(),
      legend: { show: false },
      padding: [10, 14, 0, 0],
      cursor: { drag: { x: false, y: false, setScale: false }, sync: { key: this.syncKey }, points: { size: 6 } },
      scales: {
        x: { time: false, range: () => model.xAxis.range },
        y: { auto: true, range: this.#yRange(logY ? null : linearRange(model.yAxis.zero)) },
      },
      axes: [
        {
          scale: 'x', label: model.xAxis.label, stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), size: Math.round(28 * fontScale()), labelSize: Math.round(18 * fontScale()), labelGap: 0,
          grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 }, space: 56,
          values: (u, splits) => splits.map((v) => formatT(unlog(v, logX))),
          ...(logX ? { splits: (u, i, min, max) => logSplits(u, i, min, max, room(u.bbox.width / uPlot.pxRatio) / 1.6) } : {}),
        },
        {
          scale: 'y', label: model.yAxis.label, stroke: theme.fg, font: chartFont(12), labelFont: chartFont(12, 600), labelSize: Math.round(20 * fontScale()), labelGap: 2,
          size: axisSize, space: 26, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
          values: (u, splits) => splits.map((v) => formatNumber(unlog(v, logY), 3)),
          ...(logY ? { splits: (u, i, min, max) => logSplits(u, i, min, max, room(u.bbox.height / uPlot.pxRatio)) } : {}),
        },
      ],
      series: [{}, ...model.series.map((s) => ({
        label: s.label, stroke: s.color, width: s.width ?? 1.8, dash: s.dash ?? undefined, spanGaps: !!s.spanGaps,
        points: { show: false },
      }))],
      hooks: { draw: [(u) => this.#drawMarks(u, theme)], setCursor: [() => this.#readout()] },
    }, data, this.plotEl);
  }

  #drawMarks(u, theme) {
    const ctx = u.ctx;
    const r = 5.5 * uPlot.pxRatio;
    for (const mark of this.model.marks ?? []) {
      if (mark.x == null || mark.y == null || mark.y > this.fit.ranges.y?.max || mark.y < this.fit.ranges.y?.min) continue;
      const x = u.valToPos(mark.x, 'x', true);
      const y = u.valToPos(mark.y, 'y', true);
      ctx.save();
      ctx.setLineDash([]);
      ctx.lineWidth = 2.2 * uPlot.pxRatio;
      ctx.strokeStyle = mark.color;
      ctx.fillStyle = theme.bg;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, r * 0.38, 0, 2 * Math.PI);
      ctx.fillStyle = mark.color;
      ctx.fill();
      ctx.restore();
    }
    const { left, top, width, height } = u.bbox;
    this.fit.arrows.forEach((a, row) => {
      drawArrow(ctx, { x: u.valToPos(a.x, 'x', true), top, bottom: top + height, left, right: left + width, row, down: a.down }, a.color, theme.bg, a.text);
    });
  }

  // "t = 12.3k · Adam 8.1k · AMSGrad 95": the values at the cursor, or the latest ones.
  #readout() {
    const model = this.model;
    if (!model) return;
    const idx = this.plot?.cursor.idx;
    const hovering = idx != null && idx < model.ts.length;
    const parts = [];
    const t = hovering ? model.ts[idx] : model.ts[model.ts.length - 1];
    if (t != null) parts.push(`${hovering ? '' : 'latest: '}t = ${formatT(t)}`);
    model.series.forEach((s) => {
      if (!s.readout) return;
      const raw = hovering ? s.values[idx] : lastValue(s.values);
      parts.push(`${s.label} ${raw == null ? '–' : formatNumber(unlog(raw, model.yAxis.log), 4)}`);
    });
    this.#text(this.readoutEl, parts.join(' · '));
  }

  #text(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  resize() {
    if (!this.plot) return false;
    const size = this.size();
    if (size.width !== this.plot.width || size.height !== this.plot.height) this.plot.setSize(size);
    return true;
  }

  destroy() {
    this.plot?.destroy();
    this.section.remove();
  }
}

function lastValue(values) {
  for (let k = values.length - 1; k >= 0; --k) if (values[k] != null) return values[k];
  return null;
}

// The key's entry for every run: its line sample (colour and dash) and label.
const runKey = (runs) => runs.map(({ label, color, dash }) => ({ label, color, dash }));

function keyItem({ label, color, dash }) {
  const item = el('span', 'rg-key-item');
  item.append(lineSwatch(color, dash, { stroke: 2.4, className: 'rg-key-swatch' }), el('span', null, label));
  return item;
}

/**
 * The regret lab's charts: R(t) and R(t)/t side by side in `container`, the iterate chart in
 * `iterateContainer` (null: none). update({ job, runs: [{label, color}], axes, crossings,
 * comparator }) redraws from the job's recorded points (runner.mjs RunData). plotHeight (optional):
 * () => the CSS pixel height of each R(t) and R(t)/t plot, instead of one that follows its width.
 */
export class RegretCharts {
  constructor(container, iterateContainer, { plotHeight = null } = {}) {
    this.root = el('div', 'rg-charts');
    this.iterateRoot = iterateContainer ? el('div', 'rg-charts rg-charts-iterate') : null;
    container.append(this.root);
    iterateContainer?.append(this.iterateRoot);
    const syncKey = `rg-${++syncCounter}`;
    this.charts = {
      regret: new Chart(this.root, { title: 'Regret R(t)', syncKey, plotHeight }),
      average: new Chart(this.root, { title: 'Average regret R(t)/t', syncKey, plotHeight }),
      ...(this.iterateRoot ? { iterate: new Chart(this.iterateRoot, { title: 'Iterate xₜ', syncKey, short: true }) } : {}),
    };
    this.args = null;
    this.theme = null;
    this.observer = new ResizeObserver(() => this.#scheduleResize());
    this.observer.observe(this.root);
    if (this.iterateRoot) this.observer.observe(this.iterateRoot);
  }

  setTheme() {
    const style = getComputedStyle(this.root);
    const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    this.theme = {
      bg: read('--rg-chart-bg', '#fff'), fg: read('--rg-chart-fg', '#222'), muted: read('--rg-chart-muted', '#666'),
      grid: read('--rg-chart-grid', 'rgba(0,0,0,0.08)'), axis: read('--rg-chart-axis', 'rgba(0,0,0,0.35)'),
      ref: read('--rg-chart-ref', '#777'),
    };
    if (this.args) this.update(this.args);
  }

  update(args) {
    this.args = args;
    if (!this.theme) this.setTheme();
    const { job } = args;
    if (!job) return;
    const logX = args.axes === 'loglog';
    const tView = job.t.view();
    const first = Math.max(1, Math.min(job.config.record_every, tView.length ? tView[0] : Infinity));
    const top = Math.log10(Math.max(job.totalSteps, 10));
    const range = logX ? [Math.min(Math.floor(Math.log10(first)), Math.floor(top - 1)), top] : [0, Math.max(job.totalSteps, 1)];
    const xAxis = { log: logX, range, label: logX ? 't (log scale)' : 't' };
    this.charts.regret.render(this.#model('regret', job, args, tView, xAxis), this.theme);
    this.charts.average.render(this.#model('average', job, args, tView, xAxis), this.theme);
    if (!this.iterateRoot) return;
    const oneD = job.dim === 1;
    this.iterateRoot.hidden = !oneD;
    if (oneD) this.charts.iterate.render(this.#iterateModel(job, args, tView, xAxis), this.theme);
  }

  #model(kind, job, args, t, xAxis) {
    const logY = args.axes === 'loglog';
    const average = kind === 'average';
    const chart = this.charts[kind];
    const raw = [];
    const defs = [];
    const values = job.runs.map((_, i) => job.certifiedView(i, average ? 'average' : 'regret'));
    const uncertain = job.runs.some((_, i) => !job.allCertified(i));
    job.runs.forEach((run, i) => {
      const meta = args.runs[i];
      const diverged = run.status?.status === 'diverged' ? `diverged at step ${run.status.diverged_at}` : '';
      raw.push(values[i]);
      defs.push({ label: meta.label, color: meta.color, dash: meta.dash, readout: true, spanGaps: uncertain, diverged, width: runWidth(args, i) });
      const bound = run.bound.view();
      if (hasFinite(bound)) {
        const envelope = runningMax(bound);
        raw.push(average ? perT(envelope, t) : envelope);
        defs.push({ label: `${meta.label} bound`, color: `${meta.color}b0`, dash: BOUND_DASH, width: 1.2, bound: true });
      }
    });
    const d = decimate(t, raw, { columns: chart.columns(), range: xAxis.range, logX: xAxis.log, logY });
    const series = defs.map((def, c) => ({ ...def, values: d.ys[c] }));
    const key = runKey(args.runs);
    const bounds = defs.some((s) => s.bound);
    if (bounds) key.push({ label: average ? 'Thm 4.1 bound / t, running max' : 'Thm 4.1 bound, running max', color: this.theme.muted, dash: BOUND_DASH });
    if (logY && d.ts.length > 1) {
      const reference = referenceLine(d.ts, values, t, average ? -0.5 : 0.5);
      if (reference) {
        series.push({ label: average ? '∝ 1/√t' : '∝ √t', color: this.theme.ref, dash: REF_DASH, width: 1.4, values: reference });
        key.push({ label: average ? '∝ 1/√t' : '∝ √t', color: this.theme.ref, dash: REF_DASH });
      }
    }
    const marks = average ? [] : (args.crossings ?? []).filter(Boolean).map((c) => ({
      x: axisT(c.t, xAxis.log), y: axisY(c.regret, logY), color: args.runs[c.run].color,
    }));
    return {
      title: average ? 'Average regret R(t)/t' : 'Regret R(t)',
      xAxis, yAxis: { log: logY, zero: !logY, label: average ? 'R(t) / t' : 'R(t)' },
      x: d.x, ts: d.ts, series, key, marks,
      caption: [
        uncertain ? `The best fixed point in hindsight is solved iteratively and re-solved only now and then: R(t) is drawn at the ${formatNumber(certifiedCount(job), 3)} of ${formatNumber(job.count, 3)} record points where it is known to 1%, joined by straight lines.` : '',
        bounds ? `Dashed: Theorem 4.1's bound B(t)${average ? ' / t' : ''} as its running maximum over s ≤ t, a clean line where B oscillates within each period of the problem; wherever R(t) ≤ B(t) holds, R(t) stays below it too.${marks.length ? ' The ring: where R(t) first exceeds B(t) itself.' : ''}` : '',
        logY && raw.some(hasNonPositive) ? 'Values ≤ 0 cannot be drawn on a log axis: those stretches are gaps.' : '',
      ].filter(Boolean).join(' '),
    };
  }

  #iterateModel(job, args, t, xAxis) {
    const chart = this.charts.iterate;
    const raw = job.runs.map((run) => run.iterate.view());
    const d = decimate(t, raw, { columns: chart.columns(), range: xAxis.range, logX: xAxis.log, logY: false });
    const series = args.runs.map((meta, i) => ({ label: meta.label, color: meta.color, dash: meta.dash, values: d.ys[i], readout: true, width: runWidth(args, i) - 0.3 }));
    const key = runKey(args.runs);
    const star = args.comparator?.[0];
    if (Number.isFinite(star) && d.x.length) {
      series.push({ label: 'x*', color: this.theme.ref, dash: BOUND_DASH, width: 1.3, values: d.x.map(() => star) });
      key.push({ label: `x* = ${formatNumber(star, 4)} (best fixed point)`, color: this.theme.ref, dash: BOUND_DASH });
    }
    return {
      title: 'Iterate xₜ', xAxis, yAxis: { log: false, zero: false, label: 'xₜ' },
      x: d.x, ts: d.ts, series, key, marks: [],
      caption: 'xₜ at each recorded t (every record_every-th step).',
    };
  }

  /** Fits the charts to their containers again (on the next animation frame). */
  resize() { this.#scheduleResize(); }

  #scheduleResize() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const chart of Object.values(this.charts)) chart.resize();
      if (this.args) this.update(this.args);
    });
  }

  destroy() {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    for (const c of Object.values(this.charts)) c.destroy();
    this.root.remove();
    this.iterateRoot?.remove();
  }
}

function hasFinite(values) {
  for (let k = 0; k < values.length; ++k) if (Number.isFinite(values[k])) return true;
  return false;
}

// Records where every run's regret is certified (runner.mjs RunData.certified).
function certifiedCount(job) {
  let n = 0;
  for (let k = 0; k < job.count; ++k) if (job.runs.every((_, i) => job.certified(i, k))) n += 1;
  return n;
}

function hasNonPositive(values) {
  for (let k = 0; k < values.length; ++k) if (values[k] <= 0) return true;
  return false;
}

function perT(values, t) {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; ++k) out[k] = values[k] / t[k];
  return out;
}

// c·t^power through the smallest positive final value of the runs' curves (on log axes), at the
// decimated times ts.
function referenceLine(ts, runs, t, power) {
  const last = t.length - 1;
  const finals = runs.map((s) => s[last]).filter((v) => v > 0 && Number.isFinite(v));
  if (!finals.length) return null;
  const c = Math.min(...finals) / t[last] ** power;
  return ts.map((x) => axisY(c * x ** power, true));
}
