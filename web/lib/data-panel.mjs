// The data panel: an objective made of points (least_squares, logistic). A small scatter the user
// clicks points into (a click on a point removes it, but for the last; for logistic regression the toggle, or Shift
// or the right button, chooses the label), preset data sets, the minibatch size, and the line
// y = w·x + b of the selected run at the current step (the fit line, or the decision boundary),
// which the page moves with the player through showFit(). Edits change objective.data.
import { fieldErrorLine, hyperField } from './fields.mjs';
import { DATA_PRESETS } from './data-presets.mjs';

const MAX_POINTS = 10000;
const LABEL_COLOURS = ['#e4572e', '#2e86de'];  // label 0, label 1 (and every point of a regression)

/** The data range the scatter shows: [−1, 1]² widened to hold every point, with a margin. */
function rangeOf(points) {
  let lo = -1;
  let hi = 1;
  for (const [x, y] of points) lo = Math.min(lo, x, y), hi = Math.max(hi, x, y);
  const pad = 0.08 * (hi - lo);
  return [lo - pad, hi + pad];
}

class Scatter {
  constructor(canvas, { logistic, points, onChange, label }) {
    this.canvas = canvas;
    this.logistic = logistic;
    this.points = points.map((p) => [...p]);
    this.onChange = onChange;
    this.label = label;
    this.fit = null;
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('pointerdown', (e) => this.#click(e));
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  #toData(e) {
    const r = this.canvas.getBoundingClientRect();
    const [lo, hi] = this.range;
    return [lo + ((e.clientX - r.left) / r.width) * (hi - lo), hi - ((e.clientY - r.top) / r.height) * (hi - lo)];
  }

  #click(e) {
    e.preventDefault();
    const [x, y] = this.#toData(e);
    const [lo, hi] = this.range;
    const near = (hi - lo) * 0.03;
    const hit = this.points.findIndex((p) => Math.hypot(p[0] - x, p[1] - y) < near);
    if (hit >= 0) {
      if (this.points.length === 1) return;  // the data set keeps at least one point
      this.points.splice(hit, 1);
    } else {
      if (this.points.length >= MAX_POINTS) return;
      const round = (v) => Math.round(v * 100) / 100;
      const other = e.shiftKey || e.button === 2;
      this.points.push(this.logistic ? [round(x), round(y), other ? 1 - this.label() : this.label()] : [round(x), round(y)]);
    }
    this.draw();
    this.onChange(this.points.map((p) => [...p]));
  }

  draw() {
    const canvas = this.canvas;
    const size = canvas.clientWidth;
    if (!size) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const style = getComputedStyle(canvas);
    this.range = rangeOf(this.points);
    const [lo, hi] = this.range;
    const px = (x) => ((x - lo) / (hi - lo)) * size;
    const py = (y) => size - ((y - lo) / (hi - lo)) * size;
    ctx.fillStyle = style.getPropertyValue('--input-bg') || '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.strokeStyle = style.getPropertyValue('--border') || '#ccc';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(0), 0);
    ctx.lineTo(px(0), size);
    ctx.moveTo(0, py(0));
    ctx.lineTo(size, py(0));
    ctx.stroke();
    if (this.fit && this.fit.every(Number.isFinite)) {
      const [w, b] = this.fit;
      ctx.save();
      ctx.strokeStyle = this.fitColour ?? '#333';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(px(lo), py(w * lo + b));
      ctx.lineTo(px(hi), py(w * hi + b));
      ctx.stroke();
      ctx.restore();
    }
    for (const [x, y, label] of this.points) {
      ctx.beginPath();
      ctx.arc(px(x), py(y), 4, 0, 2 * Math.PI);
      ctx.fillStyle = LABEL_COLOURS[this.logistic ? label : 1];
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
  }
}

/**
 * The nodes for a data objective state {name, data, batch_size, noise} and its entry `info` (whose
 * points stand in when the state has none); edit(mutate, final)
 * changes values, restructure(mutate) what the fields are (a preset). The returned element has
 * showFit([w, b] | null, colour): the line of the selected run at the player's step.
 */
export function dataFields(objective, info, { edit, restructure }) {
  const logistic = objective.name === 'logistic';
  const box = document.createElement('div');
  box.className = 'data-panel';
  box.dataset.field = 'objective.data';
  const canvas = document.createElement('canvas');
  canvas.className = 'data-scatter';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', logistic
    ? 'Data points by label, and the decision boundary of the selected run; click to add or remove a point'
    : 'Data points and the fit line of the selected run; click to add or remove a point');
  let label = 1;
  const data = objective.data?.length ? objective.data : info?.data ?? [];  // a link without points: the engine's
  const count = document.createElement('span');
  count.className = 'data-count';
  const showCount = (n) => { count.textContent = `${n} point${n === 1 ? '' : 's'}`; };
  showCount(data.length);
  const scatter = new Scatter(canvas, {
    logistic, points: data, label: () => label,
    onChange: (points) => {
      showCount(points.length);
      edit((s) => {
        s.objective.data = points;
        if (s.objective.batch_size > points.length) s.objective.batch_size = Math.max(1, points.length);
      }, true);
    },
  });

  const tools = document.createElement('div');
  tools.className = 'data-tools';
  if (logistic) {
    const toggle = document.createElement('div');
    toggle.className = 'data-labels';
    toggle.setAttribute('role', 'radiogroup');
    toggle.setAttribute('aria-label', 'Label of a new point');
    for (const value of [1, 0]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.label = String(value);
      button.setAttribute('role', 'radio');
      button.style.setProperty('--label-colour', LABEL_COLOURS[value]);
      button.textContent = `label ${value}`;
      button.title = `New points get label ${value} (Shift-click or right-click for the other)`;
      const show = () => button.setAttribute('aria-checked', String(label === value));
      button.addEventListener('click', () => {
        label = value;
        for (const b of toggle.children) b.setAttribute('aria-checked', String(Number(b.dataset.label) === label));
      });
      show();
      toggle.append(button);
    }
    tools.append(toggle);
  }
  const presets = document.createElement('select');
  presets.className = 'data-presets';
  presets.setAttribute('aria-label', 'Preset data sets');
  presets.append(new Option('Data sets…', ''));
  for (const p of DATA_PRESETS[objective.name] ?? []) presets.append(new Option(p.label, p.id));
  presets.addEventListener('change', () => {
    const preset = (DATA_PRESETS[objective.name] ?? []).find((p) => p.id === presets.value);
    if (!preset) return;
    restructure((s) => {
      s.objective = { name: s.objective.name, data: structuredClone(preset.data), noise: s.objective.noise };
      s.start = null;
      s.view = null;
    });
  });
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = 'Clear';
  clear.title = 'Remove every point (then click to add new ones)';
  clear.addEventListener('click', () => {
    scatter.points = [];
    scatter.draw();
    showCount(0);
  });
  tools.append(presets, clear, count);

  const error = fieldErrorLine();
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = logistic
    ? 'Click to add a point (Shift-click or right-click: the other label), click a point to remove it. The surface is the cross-entropy over (w, b) of the boundary y = w·x + b (label 1 above it).'
    : 'Click to add a point, click a point to remove it. The surface is the mean squared error over (w, b) of the line y = w·x + b.';
  const batch = hyperField({
    name: 'batch_size', type: 'int', min: 1, max: Math.max(1, data.length), slider_min: 1,
    slider_max: Math.max(1, data.length), scale: 'linear',
    description: 'points per step\'s minibatch, shuffled each epoch with the noise seed (all points: the full gradient)',
  }, objective.batch_size ?? data.length, {
    path: 'objective.batch_size', label: 'batch size',
    onChange: (v, { final }) => edit((s) => { s.objective.batch_size = v; }, final),
  });
  box.append(canvas, tools, error, hint, batch);
  box.showFit = (fit, colour) => {
    box.dataset.fit = fit ? fit.join(',') : '';
    scatter.fit = fit;
    scatter.fitColour = colour;
    scatter.draw();
  };
  return box;
}
