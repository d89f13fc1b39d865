// The curves of the landscape page: three uPlot charts under the surface.
//   loss vs step (log y, every run; a diverged run ends in a marked point),
//   step size |Δ_t|∞ vs step (log y; Adam-family runs also draw the Adam paper's Section 2.1
//   bound, dashed, and the exact worst case, dotted),
//   the selected run per coordinate (effective learning rate |Δθ_i|/|g_i| and the moments).
// update() runs up to once per animation frame, so every per-point quantity is decimated
// incrementally: points are folded once into min/max buckets of 2^k points (at most one bucket
// per pixel column), buckets merge pairwise when a run outgrows the width, and each frame only
// writes the bucket arrays that uPlot draws. uPlot instances live until their structure changes.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './curves.css';
import { chartSVG, formatTick, formatValue } from './svg-export.mjs';

const DIAG = 7; // gx, gy, lr_t, first_x, first_y, second_x, second_y per point
const EMPTY = new Float64Array(0);
const ADAM_FAMILY = new Set(['adam', 'adamw', 'nadam', 'radam']);
const DISPLAY_NAMES = {
  sgd: 'SGD', momentum: 'Momentum', nag: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSProp',
  adadelta: 'AdaDelta', adam: 'Adam', adamw: 'AdamW', adamax: 'AdaMax', nadam: 'NAdam', radam: 'RAdam',
};
const PAPER_DASH = [7, 4];
const EXACT_DASH = [1.5, 3.5];
const Y_DASH = [5, 3];
const BOUND_CAPTION = "Dashed: the Adam paper's bound (Section 2.1), approximate; dotted: the exact worst case.";
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const STEP_INCRS = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => m * p)).sort((a, b) => a - b);
const THEME_VARS = ['bg', 'fg', 'muted', 'grid', 'axis', 'accent', 'q1', 'q2', 'q3'];
const EXPORT_SIZE = { width: 720, plotHeight: 320 };

let syncCounter = 0;

/** A step number on the x axis: 1500, 12k, 1.5M. */
export function formatStep(v) {
  if (Math.abs(v) >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (Math.abs(v) >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Math.round(v * 100) / 100);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// A value as drawn: log axes are linear axes over log10 of the data (uPlot's own log scale finds
// no ticks beyond 1e17, where diverging runs go), so ≤ 0 is a gap there.
function shown(v, log) {
  if (!log) return v;
  return v > 0 ? Math.log10(v) : null;
}

// Min/max of one per-point quantity over buckets of 2^shift consecutive points, with where each
// extreme occurred, so a bucket draws its two extremes in time order. Non-finite values are gaps.
// write() rewrites only the buckets changed since its last write into the same array.
class Buckets {
  constructor() {
    this.clear();
  }

  clear() {
    this.n = 0;
    this.lo = new Float64Array(256);
    this.hi = new Float64Array(256);
    this.loAt = new Float64Array(256);
    this.hiAt = new Float64Array(256);
    this.last = NaN;
    this.lastAt = -1;
    this.min = Infinity;
    this.dirty = 0;
    this.written = null;
  }

  #reserve(n) {
    if (n <= this.lo.length) return;
    const cap = Math.max(n, 2 * this.lo.length);
    for (const key of ['lo', 'hi', 'loAt', 'hiAt']) {
      const grown = new Float64Array(cap);
      grown.set(this[key]);
      this[key] = grown;
    }
  }

  #open(b) {
    this.#reserve(b + 1);
    for (let k = this.n; k <= b; ++k) {
      this.lo[k] = NaN;
      this.hi[k] = NaN;
    }
    this.n = b + 1;
  }

  add(b, i, v) {
    if (b >= this.n) this.#open(b);
    if (b < this.dirty) this.dirty = b;
    if (!Number.isFinite(v)) return;
    this.last = v;
    this.lastAt = i;
    if (v < this.min) this.min = v;
    if (!(this.lo[b] <= v)) {
      this.lo[b] = v;
      this.loAt[b] = i;
    }
    if (!(this.hi[b] >= v)) {
      this.hi[b] = v;
      this.hiAt[b] = i;
    }
  }

  // Doubles the bucket size: bucket k becomes the union of buckets 2k and 2k + 1.
  halve() {
    const n = Math.ceil(this.n / 2);
    for (let k = 0; k < n; ++k) {
      const a = 2 * k;
      const b = a + 1;
      let [lo, loAt, hi, hiAt] = [this.lo[a], this.loAt[a], this.hi[a], this.hiAt[a]];
      if (b < this.n) {
        if (this.lo[b] < lo || lo !== lo) [lo, loAt] = [this.lo[b], this.loAt[b]];
        if (this.hi[b] > hi || hi !== hi) [hi, hiAt] = [this.hi[b], this.hiAt[b]];
      }
      [this.lo[k], this.loAt[k], this.hi[k], this.hiAt[k]] = [lo, loAt, hi, hiAt];
    }
    this.n = n;
    this.dirty = 0;
  }

  // Writes `buckets` buckets into ys (one value each, or both extremes in time order when
  // `two`), minus `offset`, through shown().
  write(ys, buckets, two, log, offset = 0) {
    const w = this.written;
    const same = w && ys.owner === this && w.two === two && w.log === log && w.offset === offset;
    const from = same ? Math.min(this.dirty, w.buckets, buckets) : 0;
    let j = two ? 2 * from : from;
    for (let k = from; k < buckets; ++k) {
      const have = k < this.n && this.lo[k] === this.lo[k];
      if (!two) {
        ys[j++] = have ? shown(this.lo[k] - offset, log) : null;
      } else if (!have) {
        ys[j++] = null;
        ys[j++] = null;
      } else {
        const loFirst = this.loAt[k] <= this.hiAt[k];
        ys[j++] = shown((loFirst ? this.lo[k] : this.hi[k]) - offset, log);
        ys[j++] = shown((loFirst ? this.hi[k] : this.lo[k]) - offset, log);
      }
    }
    ys.length = j;
    ys.owner = this;
    this.written = { two, log, offset, buckets };
    this.dirty = this.n;
  }
}

// Quantities of one run filled together by fill(i, out), so one that costs an engine call per
// point (the step bounds) is computed once per point, and decimated at a shared bucket size.
class TrackGroup {
  constructor(channels, fill) {
    this.channels = Array.from({ length: channels }, () => new Buckets());
    this.out = new Float64Array(channels);
    this.fill = fill;
    this.count = 0;
    this.shift = 0;
  }

  reset() {
    this.count = 0;
    this.shift = 0;
    for (const c of this.channels) c.clear();
  }

  sync(points, shift) {
    if (shift < this.shift) this.reset();
    for (; this.shift < shift; this.shift += 1) for (const c of this.channels) c.halve();
    const { out, channels } = this;
    for (let i = this.count; i < points; ++i) {
      out.fill(NaN);
      this.fill(i, out);
      const b = i >> this.shift;
      for (let c = 0; c < channels.length; ++c) channels[c].add(b, i, out[c]);
    }
    if (points > this.count) this.count = points;
  }
}

// Labels of the moments the engine reports per optimizer (optim::Moments): what the step moves
// along and the scale it divides by, as plotted (√ of the second moment; AdaMax's u as is).
function momentLabels(spec) {
  const name = spec?.name;
  if (ADAM_FAMILY.has(name)) return { first: '|m̂|', second: spec.amsgrad ? '√v̂ (max)' : '√v̂' };
  if (name === 'adamax') return { first: '|m̂|', second: 'u' };
  if (name === 'sgd') return { first: '|b| (buffer)', second: '√v̂' };
  if (name === 'momentum') return { first: '|m|', second: '√v̂' };
  if (name === 'nag') return { first: '|v| (velocity)', second: '√v̂' };
  if (name === 'adagrad') return { first: '|m|', second: '√s (Σg²)' };
  if (name === 'rmsprop') return { first: '|b| (buffer)', second: '√a (avg g²)' };
  if (name === 'adadelta') return { first: '|m|', second: '√a (avg g²)' };
  return { first: 'first moment', second: 'second moment' };
}

// Why a moment is missing: the optimizer has none, or (SGD, RMSProp) its momentum is off.
function unusedNote(spec, first) {
  const display = DISPLAY_NAMES[spec?.name] ?? spec?.name ?? 'this optimizer';
  const momentumOff = first && (spec?.name === 'sgd' || spec?.name === 'rmsprop') && !(spec.momentum > 0);
  return momentumOff ? `(not used by ${display} without momentum)` : `(not used by ${display})`;
}

// One run as the curves see it: the arrays of the latest update() and its decimated quantities.
class RunData {
  constructor() {
    this.groups = {
      loss: new TrackGroup(1, (i, out) => this.#fillLoss(i, out)),
      step: new TrackGroup(3, (i, out) => this.#fillStep(i, out)),
      coords: new TrackGroup(6, (i, out) => this.#fillCoords(i, out)),
    };
    this.optimizer = null;
    this.specKey = '';
    this.loss = EMPTY;
    this.seen = 0;
    this.mark = NaN;
  }

  // Takes the run's arrays; forgets the decimated past when the run is not the one seen before
  // (another optimizer, fewer points, or a different loss at the last point already folded in).
  bind(run, stepBounds) {
    if (!this.#continues(run)) for (const g of Object.values(this.groups)) g.reset();
    if (run.optimizer !== this.optimizer) {
      this.optimizer = run.optimizer;
      this.specKey = JSON.stringify(run.optimizer ?? null);
    }
    Object.assign(this, {
      label: run.label ?? DISPLAY_NAMES[run.optimizer?.name] ?? 'run',
      color: run.color ?? '#888',
      status: run.status ?? { status: 'ok' },
      loss: run.loss ?? EMPTY,
      xy: run.xy ?? EMPTY,
      diag: run.diagnostics ?? EMPTY,
      stepBounds,
    });
    this.adam = ADAM_FAMILY.has(this.optimizer?.name) && typeof stepBounds === 'function';
    this.sqrtSecond = this.optimizer?.name !== 'adamax';
  }

  #continues(run) {
    if (run.optimizer !== this.optimizer && JSON.stringify(run.optimizer ?? null) !== this.specKey) return false;
    const loss = run.loss ?? EMPTY;
    return loss.length >= this.seen && (this.seen === 0 || Object.is(loss[this.seen - 1], this.mark));
  }

  // Notes how far the groups have folded in the run and its loss there, for #continues.
  remember() {
    this.seen = Math.max(...Object.values(this.groups).map((g) => g.count));
    this.mark = this.seen > 0 ? this.loss[this.seen - 1] : NaN;
  }

  get points() {
    return this.loss.length;
  }

  get diverged() {
    return this.status?.status === 'diverged';
  }

  get hasDiagnostics() {
    return this.diag.length >= DIAG * this.points && this.points > 0;
  }

  // A group can be (re)decimated only while its arrays still hold what it has folded in (a view
  // into wasm memory reads as empty once the memory has grown).
  canSync(group) {
    return this.points >= group.count;
  }

  #fillLoss(i, out) {
    out[0] = this.loss[i];
  }

  #fillStep(i, out) {
    if (i === 0) return;
    const xy = this.xy;
    out[0] = Math.max(Math.abs(xy[2 * i] - xy[2 * i - 2]), Math.abs(xy[2 * i + 1] - xy[2 * i - 1]));
    const lr = this.diag[DIAG * i + 2];
    if (!this.adam || !Number.isFinite(lr)) return;
    const bounds = this.stepBounds({ lr, beta1: this.optimizer.beta1, beta2: this.optimizer.beta2, t: i });
    out[1] = bounds.paper;
    out[2] = bounds.exact;
  }

  #fillCoords(i, out) {
    const d = this.diag;
    const k = DIAG * i;
    if (i === 0 || k + DIAG > d.length) return;
    const xy = this.xy;
    out[0] = d[k] !== 0 ? Math.abs(xy[2 * i] - xy[2 * i - 2]) / Math.abs(d[k]) : NaN;
    out[1] = d[k + 1] !== 0 ? Math.abs(xy[2 * i + 1] - xy[2 * i - 1]) / Math.abs(d[k + 1]) : NaN;
    out[2] = Math.abs(d[k + 3]);
    out[3] = Math.abs(d[k + 4]);
    out[4] = this.sqrtSecond ? Math.sqrt(d[k + 5]) : d[k + 5];
    out[5] = this.sqrtSecond ? Math.sqrt(d[k + 6]) : d[k + 6];
  }
}

// The smallest power-of-two bucket size (as a shift) that fits `points` into `columns` buckets.
function shiftFor(points, columns) {
  let shift = 0;
  while (Math.ceil(points / 2 ** shift) > columns) shift += 1;
  return shift;
}

// Decimates the given groups of the given runs at one bucket size and writes the shared x array.
// Returns { buckets, two } for Buckets.write.
function decimate(chart, entries, columns) {
  const points = Math.max(1, ...entries.map(([run]) => run.points));
  let shift = shiftFor(points, columns);
  for (const [run, group] of entries) if (!run.canSync(group)) shift = Math.max(shift, group.shift);
  for (const [run, group] of entries) if (run.canSync(group)) group.sync(run.points, shift);
  const size = 2 ** shift;
  const buckets = Math.ceil(points / size);
  const two = shift > 0;
  const xs = chart.column(0);
  let j = 0;
  for (let k = 0; k < buckets; ++k) {
    xs[j++] = k * size;
    if (two) xs[j++] = Math.min(k * size + size / 2, points - 1);
  }
  xs.length = j;
  chart.xMax = Math.max(chart.totalSteps ?? points - 1, 1);
  return { buckets, two };
}

function lastMarker(run, channel, scale, offset = 0) {
  if (!run.diverged || run.hidden || channel.lastAt !== run.points - 1) return null;
  return { x: channel.lastAt, y: channel.last - offset, scale, color: run.color };
}

function divergedNote(run) {
  return run.diverged ? `diverged at ${run.status.diverged_at}` : '';
}

// Loss vs step: every run, log y when every value shown is positive.
function lossModel(chart, runs, opts) {
  const offset = Number.isFinite(opts.lossOffset) ? opts.lossOffset : 0;
  runs.forEach((run, k) => { run.hidden = chart.hidden.has(`run${k}`); });
  const { buckets, two } = decimate(chart, runs.map((r) => [r, r.groups.loss]), chart.columns());
  const log = runs.every((r) => !(r.groups.loss.channels[0].min - offset <= 0));
  const series = runs.map((run, k) => {
    const channel = run.groups.loss.channels[0];
    channel.write(chart.column(k + 1), buckets, two, log, offset);
    return { label: run.label, color: run.color, scale: 'y', show: !run.hidden };
  });
  return {
    title: offset ? 'Loss above the minimum vs step' : 'Loss vs step',
    x: { label: 'step t' },
    y: [{ key: 'y', label: offset ? 'f(θₜ) − f*' : 'loss f(θₜ)', log }],
    series,
    legend: runs.map((run, k) => ({
      key: `run${k}`, label: run.label, color: run.color, series: [k], note: divergedNote(run),
      title: run.status?.message ?? '', latest: run.groups.loss.channels[0].last - offset,
    })),
    markers: runs.map((r) => lastMarker(r, r.groups.loss.channels[0], 'y', offset)).filter(Boolean),
  };
}

// Step size |Δ_t|∞ vs step, with the Adam family's paper (dashed) and exact (dotted) bounds.
function stepModel(chart, runs, opts) {
  runs.forEach((run, k) => { run.hidden = chart.hidden.has(`run${k}`); });
  const { buckets, two } = decimate(chart, runs.map((r) => [r, r.groups.step]), chart.columns());
  const series = [];
  const legend = [];
  let column = 1;
  runs.forEach((run, k) => {
    const on = !run.hidden;
    const [step, paper, exact] = run.groups.step.channels;
    legend.push({ key: `run${k}`, label: run.label, color: run.color, series: [series.length],
      note: divergedNote(run), title: run.status?.message ?? '', latest: step.last });
    step.write(chart.column(column++), buckets, two, true);
    series.push({ label: run.label, color: run.color, scale: 'y', show: on });
    if (!run.adam) return;
    paper.write(chart.column(column++), buckets, two, true);
    series.push({ label: `${run.label} paper bound`, color: run.color, dash: PAPER_DASH, width: 1.25, scale: 'y', show: on, bound: true });
    exact.write(chart.column(column++), buckets, two, true);
    series.push({ label: `${run.label} exact bound`, color: run.color, dash: EXACT_DASH, width: 1.5, scale: 'y', show: on && opts.showExact, bound: true });
  });
  const bounds = runs.some((r) => r.adam);
  if (bounds) {
    legend.push({ key: 'paper', label: 'paper bound', color: chart.theme.muted, dash: PAPER_DASH, series: [], static: true });
    legend.push({ key: 'exact', label: 'exact bound', color: chart.theme.muted, dash: EXACT_DASH, series: [], static: true, off: !opts.showExact });
  }
  return {
    title: 'Step size |Δₜ| vs step',
    x: { label: 'step t' },
    y: [{ key: 'y', label: '|θₜ − θₜ₋₁|∞', log: true }],
    series,
    legend,
    caption: bounds ? BOUND_CAPTION : '',
    markers: runs.map((r) => lastMarker(r, r.groups.step.channels[0], 'y')).filter(Boolean),
  };
}

function coordSeries(quantity, axis, color, labels, available, note) {
  return ['x', 'y'].map((coord, c) => ({
    key: `${quantity}${coord}`,
    label: `${labels} ${coord}`,
    color,
    dash: c ? Y_DASH : null,
    scale: axis,
    available,
    note: available ? '' : note,
  }));
}

// The selected run per coordinate: effective learning rate (left axis) and moments (right axis).
function coordsModel(chart, run) {
  if (!run) {
    chart.column(0).length = 0;
    return { title: 'Per coordinate', x: { label: 'step t' }, y: [{ key: 'y', label: '', log: true }], series: [], legend: [], markers: [] };
  }
  const group = run.groups.coords;
  const { buckets, two } = decimate(chart, [[run, group]], chart.columns());
  const pending = group.count <= 1;
  const has = (c) => pending || group.channels[c].lastAt >= 0 || group.channels[c + 1].lastAt >= 0;
  const names = momentLabels(run.optimizer);
  const theme = chart.theme;
  const defs = [
    ...coordSeries('lr', 'y', theme.q1, 'eff. lr', true, ''),
    ...coordSeries('m1', 'y2', theme.q2, names.first, has(2), unusedNote(run.optimizer, true)),
    ...coordSeries('m2', 'y2', theme.q3, names.second, has(4), unusedNote(run.optimizer, false)),
  ];
  defs.forEach((def, c) => group.channels[c].write(chart.column(c + 1), buckets, two, true));
  const series = defs.map((d) => ({ ...d, show: d.available && !chart.hidden.has(d.key) }));
  const moments = [defs[2], defs[4]].filter((d) => d.available).map((d) => d.label.slice(0, -2));
  return {
    title: `${run.label}: per coordinate`,
    x: { label: 'step t' },
    y: [
      { key: 'y', label: 'effective lr |Δθᵢ|/|gᵢ|', log: true },
      { key: 'y2', label: moments.join(', ') || 'moments', log: true, side: 'right', show: moments.length > 0 },
    ],
    series,
    legend: defs.map((d, c) => ({ key: d.key, label: d.label, color: d.color, dash: d.dash, series: d.available ? [c] : [],
      note: d.note, off: !d.available, static: !d.available, latest: group.channels[c].last })),
    caption: run.hasDiagnostics || run.points <= 1 ? ''
      : 'Per-step diagnostics were not recorded: call session.recordDiagnostics(true) before configure().',
    markers: [],
  };
}

function axisSize(self, values, axisIdx, cycleNum) {
  const axis = self.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  const longest = (values ?? []).reduce((acc, v) => (v && v.length > acc.length ? v : acc), '');
  self.ctx.font = axis.font[0];
  const width = longest ? self.ctx.measureText(longest).width / uPlot.pxRatio : 0;
  return Math.ceil(axis.ticks.size + axis.gap + width + 2);
}

// The range of a log axis (in log10 units): whole decades around the data, at least one.
function logRange(u, min, max) {
  if (min == null || max == null || !Number.isFinite(min)) return [-1, 1];
  const lo = Math.floor(min + 1e-9);
  const hi = Math.max(Math.ceil(max - 1e-9), lo + 1);
  return [lo, hi];
}

// Ticks of a log axis (in log10 units): every k-th decade so the labels fit, or 1-2-5 steps
// when the range is short enough to label them.
function logSplits(u, axisIdx, min, max) {
  const lo = Math.ceil(min - 1e-9);
  const hi = Math.floor(max + 1e-9);
  const room = Math.max(2, Math.floor((u.bbox.height / uPlot.pxRatio || 200) / 24));
  const splits = [];
  if (3 * (hi - lo + 1) <= room) {
    for (let e = lo - 1; e <= hi; ++e) {
      for (const m of [1, 2, 5]) {
        const v = e + Math.log10(m);
        if (v >= min - 1e-9 && v <= max + 1e-9) splits.push(v);
      }
    }
    return splits;
  }
  const stride = Math.ceil((hi - lo + 1) / room);
  for (let e = Math.ceil(lo / stride) * stride; e <= hi; e += stride) splits.push(e);
  return splits;
}

/** A value back from an axis: 10^v on log axes. */
function unshown(v, log) {
  if (v == null || !log) return v;
  return Number((10 ** v).toPrecision(12));
}

function xAxisOptions(theme, label) {
  return {
    scale: 'x', label, stroke: theme.fg, font: FONT, labelFont: LABEL_FONT, size: 26, labelSize: 18, labelGap: 0,
    grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
    incrs: STEP_INCRS, space: 60, values: (u, splits) => splits.map(formatStep),
  };
}

function yAxisOptions(theme, axis) {
  return {
    scale: axis.key, label: axis.label, side: axis.side === 'right' ? 1 : 3, show: axis.show !== false,
    stroke: theme.fg, font: FONT, labelFont: LABEL_FONT, labelSize: 20, labelGap: 2, size: axisSize, space: 28,
    grid: { show: axis.side !== 'right', stroke: theme.grid, width: 1 }, ticks: { stroke: theme.axis, width: 1, size: 4 },
    values: (u, splits) => splits.map((v) => (v == null ? '' : formatTick(unshown(v, axis.log)))),
    ...(axis.log ? { splits: logSplits } : {}),
  };
}

function scaleOptions(axis) {
  return axis.log ? { auto: true, range: logRange } : { auto: true };
}

// Draws a diverged run's end: a ring with a cross, in the run's colour.
function drawMarker(ctx, x, y, color, bg) {
  const r = 5 * uPlot.pxRatio;
  const c = 2.5 * uPlot.pxRatio;
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineWidth = 2 * uPlot.pxRatio;
  ctx.strokeStyle = color;
  ctx.fillStyle = bg;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.lineWidth = 1.6 * uPlot.pxRatio;
  ctx.beginPath();
  ctx.moveTo(x - c, y - c);
  ctx.lineTo(x + c, y + c);
  ctx.moveTo(x + c, y - c);
  ctx.lineTo(x - c, y + c);
  ctx.stroke();
  ctx.restore();
}

function svgNode(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

// A legend swatch: a short line in the series' colour and dash.
function swatch(color, dash) {
  const svg = svgNode('svg', { width: 22, height: 8, class: 'gs-legend-swatch' });
  const line = svgNode('line', { x1: 1, y1: 4, x2: 21, y2: 4, stroke: color, 'stroke-width': 2.5 });
  if (dash) line.setAttribute('stroke-dasharray', dash.join(' '));
  svg.append(line);
  return svg;
}

function download(name, blob) {
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// One chart: header (title and tools), a uPlot canvas, a legend with live values and a caption.
// The uPlot instance is rebuilt only when the structure (series, axes, theme) changes.
class Chart {
  constructor(parent, id, { onToggle, tools = [] }) {
    this.id = id;
    this.onToggle = onToggle;
    this.hidden = new Set();
    this.arrays = [];
    this.plot = null;
    this.key = '';
    this.xMax = 1;
    this.totalSteps = null;
    this.section = el('section', 'gs-chart');
    this.section.dataset.chart = id;
    this.titleEl = el('h3', 'gs-chart-title');
    const head = el('header', 'gs-chart-head');
    const toolbox = el('div', 'gs-chart-tools');
    toolbox.append(...tools);
    head.append(this.titleEl, toolbox);
    this.plotEl = el('div', 'gs-chart-plot');
    this.legendEl = el('div', 'gs-chart-legend');
    this.captionEl = el('p', 'gs-chart-caption');
    this.section.append(head, this.plotEl, this.legendEl, this.captionEl);
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
    const key = JSON.stringify([model.x, model.y, model.series.map((s) => [s.label, s.color, s.dash, s.scale, s.show, s.width]), theme]);
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
    const legendKey = JSON.stringify(model.legend.map((e) => [e.key, e.label, e.color, e.note, e.off, e.title, this.hidden.has(e.key)]));
    if (legendKey !== this.legendKey) {
      this.legendKey = legendKey;
      this.#buildLegend(model);
    }
    model.legend.forEach((entry, k) => {
      this.legendItems[k].entry = entry;
    });
    this.#setText(this.titleEl, model.title);
    this.#setText(this.captionEl, model.caption ?? '');
    if (this.captionEl.hidden !== !model.caption) this.captionEl.hidden = !model.caption;
    this.#refreshLegend();
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
      hooks: { draw: [(u) => this.#drawMarkers(u)], setCursor: [() => this.#refreshLegend()] },
    };
    this.plot = new uPlot(opts, data, this.plotEl);
  }

  #buildLegend(model) {
    this.cursorEl = el('span', 'gs-legend-cursor');
    this.legendItems = model.legend.map((entry) => {
      const item = el('span', `gs-legend-item${entry.off ? ' off' : ''}${entry.static ? ' static' : ''}`);
      item.title = entry.title || '';
      const value = el('span', 'gs-legend-value');
      item.append(swatch(entry.color, entry.dash), el('span', 'gs-legend-label', entry.label));
      if (entry.note) item.append(el('span', `gs-legend-note${entry.off ? '' : ' alert'}`, entry.note));
      if (entry.series.length) item.append(value);
      if (!entry.static) {
        item.setAttribute('role', 'button');
        item.tabIndex = 0;
        item.classList.toggle('is-hidden', this.hidden.has(entry.key));
        item.addEventListener('click', () => this.#toggle(entry.key));
        item.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && this.#toggle(entry.key));
      }
      return { entry, node: item, value };
    });
    this.legendEl.replaceChildren(this.cursorEl, ...this.legendItems.map((item) => item.node));
  }

  #toggle(key) {
    if (this.hidden.has(key)) this.hidden.delete(key);
    else this.hidden.add(key);
    this.onToggle();
  }

  // Legend values: at the cursor while hovering, else each series' latest value.
  #refreshLegend() {
    if (!this.legendItems) return;
    const idx = this.plot?.cursor.idx;
    const hovering = idx != null && this.plot.data[0].length > idx;
    this.#setText(this.cursorEl, hovering ? `t = ${formatStep(this.plot.data[0][idx])}` : '');
    for (const item of this.legendItems) {
      if (!item.entry.series.length) continue;
      const k = item.entry.series[0];
      const v = hovering ? unshown(this.plot.data[k + 1][idx], this.#isLog(this.model.series[k].scale)) : item.entry.latest;
      this.#setText(item.value, formatValue(v));
    }
  }

  #setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  #isLog(scaleKey) {
    return this.model.y.some((a) => a.key === scaleKey && a.log);
  }

  #drawMarkers(u) {
    for (const m of this.model.markers ?? []) {
      const value = shown(m.y, this.#isLog(m.scale));
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

  /** The chart as a standalone SVG document (its current data and scales). */
  toSVG() {
    const model = this.model;
    const data = this.plot?.data ?? [this.column(0), ...model.series.map((_, k) => this.column(k + 1))];
    const axes = model.y.filter((a) => a.show !== false).map((a) => {
      const sc = this.plot?.scales[a.key];
      const [min, max] = sc && sc.min != null ? [sc.min, sc.max] : [-1, 1];
      return { ...a, min: unshown(min, a.log), max: unshown(max, a.log) };
    });
    const logs = new Map(axes.map((a) => [a.key, a.log]));
    return chartSVG({
      ...EXPORT_SIZE,
      title: model.title,
      caption: model.caption,
      theme: this.theme,
      x: { label: model.x.label, min: 0, max: this.xMax, format: formatStep },
      y: axes,
      series: model.series.map((s, k) => ({ ...s, xs: data[0], ys: data[k + 1].map((v) => unshown(v, logs.get(s.scale))) }))
        .filter((s) => s.show && logs.has(s.scale)),
      markers: (model.markers ?? []).filter((m) => logs.has(m.scale)),
      legend: model.legend.map((e) => ({ ...e, off: e.off || this.hidden.has(e.key), noteColor: e.off ? undefined : this.theme.accent })),
    });
  }

  /** The uPlot canvas with the title above and the legend and caption below, as a PNG blob. */
  toPNG() {
    if (!this.plot) return Promise.resolve(null);
    const ratio = uPlot.pxRatio;
    const src = this.plot.ctx.canvas;
    const pad = 12 * ratio;
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = `${12 * ratio}px system-ui, sans-serif`;
    const rows = legendRows(measure, this.model.legend, src.width, ratio);
    const titleH = 30 * ratio;
    const legendH = rows.length * 20 * ratio;
    const captionH = this.model.caption ? 20 * ratio : 0;
    const canvas = document.createElement('canvas');
    canvas.width = src.width + 2 * pad;
    canvas.height = titleH + src.height + legendH + captionH + 2 * pad;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = this.theme.bg;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = this.theme.fg;
    ctx.font = `600 ${15 * ratio}px system-ui, sans-serif`;
    ctx.fillText(this.model.title, pad, pad + 16 * ratio);
    ctx.drawImage(src, pad, pad + titleH);
    drawLegendRows(ctx, rows, pad, pad + titleH + src.height + 14 * ratio, ratio, this.theme);
    if (this.model.caption) {
      ctx.fillStyle = this.theme.muted;
      ctx.font = `italic ${12 * ratio}px system-ui, sans-serif`;
      ctx.fillText(this.model.caption, pad, canvas.height - pad - 4 * ratio);
    }
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
    this.section.remove();
  }
}

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

function exportButton(label, onClick) {
  const button = el('button', 'gs-chart-button', label);
  button.type = 'button';
  button.addEventListener('click', onClick);
  return button;
}

/**
 * The landscape page's curves. new Curves(container, { exportButtons = true }) appends three
 * charts (loss, step, coords) to container; feed them with update() once per frame.
 */
export class Curves {
  constructor(container, { exportButtons = true } = {}) {
    this.root = el('div', 'gs-curves');
    container.append(this.root);
    this.syncKey = `gs-curves-${++syncCounter}`;
    this.runs = [];
    this.args = null;
    this.showExact = true;
    this.#setThemeName(globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const rerender = () => this.#render();
    const tools = (id) => (exportButtons ? [
      exportButton('SVG', () => download(`gradscape-${id}.svg`, new Blob([this.exportSVG(id)], { type: 'image/svg+xml' }))),
      exportButton('PNG', async () => download(`gradscape-${id}.png`, await this.exportPNG(id))),
    ] : []);
    this.exactBox = el('input');
    this.exactBox.type = 'checkbox';
    this.exactBox.checked = this.showExact;
    this.exactBox.addEventListener('change', () => {
      this.showExact = this.exactBox.checked;
      this.#render();
    });
    const exactLabel = el('label', 'gs-chart-check');
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
    return chart.toSVG();
  }

  /** The chart's canvas with its title and legend, as a PNG Blob (null before the first draw). */
  async exportPNG(id) {
    const chart = this.#chart(id);
    await Promise.resolve();
    return chart.toPNG();
  }

  destroy() {
    this.observer.disconnect();
    if (this.resizeFrame) cancelAnimationFrame(this.resizeFrame);
    for (const chart of Object.values(this.charts)) chart.destroy();
    this.root.remove();
  }
}
