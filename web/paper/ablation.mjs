// Fig. 4's view: the bias-correction ablation as small multiples, one panel per β₁ × β₂, the
// training loss (−ELBO, mean over the seeds, log scale) against log₁₀ α with and without bias correction,
// after the short budget (dashed) and after the whole run (solid); a diverged point is a ✕ on the
// panel's top edge. ablationTable() reads the values from a job; renderAblation() draws them as
// SVG (one shared y range, so panels compare).
import { runColour } from '../lib/palette.mjs';
import { formatNumber } from '../lib/format.mjs';

export const CORRECTED = runColour(2);
export const UNCORRECTED = runColour(0);
const SVG = 'http://www.w3.org/2000/svg';
const W = 240;
const H = 160;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };

// Run k's training loss at its last record point at or before `epoch`: undefined if not reached
// yet, NaN if the run diverged by then.
function lossAt(run, epoch) {
  const epochs = run.epoch.view();
  let k = -1;
  for (let j = 0; j < epochs.length && epochs[j] <= epoch + 1e-9; ++j) k = j;
  const reached = k >= 0 && Math.abs(epochs[k] - epoch) < 1e-9;
  if (run.status?.status === 'diverged' && (run.status.diverged_at ?? 0) <= epoch * run.batchesPerEpoch) return NaN;
  return reached ? run.trainLoss.data[k] : undefined;
}

/** The ablation's cells: [{beta1, beta2, corrected: {short, long}, uncorrected: {short, long}}], each list per α. */
export function ablationTable(job, ablation) {
  const nb2 = ablation.beta2.length;
  const short = Math.min(ablation.short, job.config.epochs);
  const cells = [];
  ablation.beta1.forEach((beta1, i1) => {
    ablation.beta2.forEach((beta2, i2) => {
      const cell = { beta1, beta2 };
      ['corrected', 'uncorrected'].forEach((bias, b) => {
        const entry = (i1 * nb2 + i2) * 2 + b;
        const values = { short: [], long: [] };
        ablation.log_lr.forEach((_, g) => {
          const seeds = job.runs.filter((r) => r.info.optimizer_index === entry).slice(g * job.config.seeds.length, (g + 1) * job.config.seeds.length);
          for (const [budget, epoch] of [['short', short], ['long', job.config.epochs]]) {
            const losses = seeds.map((r) => lossAt({ ...r, epoch: r.epoch, batchesPerEpoch: job.batchesPerEpoch }, epoch));
            if (!seeds.length || losses.some((v) => v === undefined)) values[budget].push(null);
            else values[budget].push(losses.reduce((a, v) => a + v, 0) / losses.length);
          }
        });
        cell[bias] = values;
      });
      cells.push(cell);
    });
  });
  return { cells, beta1: ablation.beta1, beta2: ablation.beta2, log_lr: ablation.log_lr, short, long: job.config.epochs };
}

function node(tag, attrs, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text != null) n.textContent = text;
  return n;
}

function panel(cell, table, [lo, hi], labelled) {
  const svg = node('svg', { viewBox: `0 0 ${W} ${H}`, class: 'pp-panel-plot', role: 'img',
    'aria-label': `β₁ ${cell.beta1}, β₂ ${cell.beta2}: loss against log₁₀ α` });
  const [a0, a1] = [Math.min(...table.log_lr), Math.max(...table.log_lr)];
  const x = (a) => PAD.left + ((a - a0) / Math.max(1e-9, a1 - a0)) * (W - PAD.left - PAD.right);
  const [l0, l1] = [Math.log10(lo), Math.log10(hi)];
  const y = (v) => PAD.top + (1 - (Math.log10(v) - l0) / Math.max(1e-9, l1 - l0)) * (H - PAD.top - PAD.bottom);
  svg.append(node('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, class: 'pp-panel-frame' }));
  for (const a of table.log_lr) {
    svg.append(node('text', { x: x(a), y: H - PAD.bottom + 13, class: 'pp-panel-tick', 'text-anchor': 'middle' }, String(a)));
  }
  for (const v of [lo, 10 ** ((l0 + l1) / 2), hi]) {
    svg.append(node('text', { x: PAD.left - 4, y: y(v) + 4, class: 'pp-panel-tick', 'text-anchor': 'end' }, formatNumber(v, 2)));
  }
  if (labelled) svg.append(node('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 1, class: 'pp-panel-axis', 'text-anchor': 'middle' }, 'log₁₀ α'));
  for (const [bias, color] of [['uncorrected', UNCORRECTED], ['corrected', CORRECTED]]) {
    for (const budget of ['short', 'long']) {
      const values = cell[bias][budget];
      let path = '';
      values.forEach((v, g) => {
        if (v == null || !Number.isFinite(v) || v <= 0 || v > hi) {
          path += ' ';
          return;
        }
        path += `${path.endsWith(' ') || !path ? 'M' : 'L'}${x(table.log_lr[g]).toFixed(1)},${y(v).toFixed(1)}`;
      });
      const d = path.trim().replace(/ +/g, ' ');
      if (d) {
        svg.append(node('path', { d, fill: 'none', stroke: color, 'stroke-width': budget === 'long' ? 2.2 : 1.6,
          'stroke-dasharray': budget === 'short' ? '5 3' : 'none', 'data-series': `${bias}-${budget}` }));
      }
      values.forEach((v, g) => {
        if (v == null) return;
        if (Number.isNaN(v) || v <= 0) {
          svg.append(node('text', { x: x(table.log_lr[g]), y: PAD.top + 4, fill: color, 'text-anchor': 'middle', class: 'pp-panel-cross' }, '✕'));
        } else if (v > hi) {
          const above = node('text', { x: x(table.log_lr[g]), y: PAD.top + 4, fill: color, 'text-anchor': 'middle', class: 'pp-panel-cross', 'data-above': formatNumber(v, 3) }, '▲');
          above.append(node('title', {}, `loss ${formatNumber(v, 3)}, above the axis`));
          svg.append(above);
        } else {
          svg.append(node('circle', { cx: x(table.log_lr[g]), cy: y(v), r: budget === 'long' ? 2.8 : 2.2, fill: color }));
        }
      });
    }
  }
  return svg;
}

/** Draws the table into `root`: the key, then a β₁ (rows) × β₂ (columns) grid of panels. */
export function renderAblation(root, table) {
  const all = table.cells.flatMap((c) => ['corrected', 'uncorrected'].flatMap((b) => [...c[b].short, ...c[b].long]))
    .filter((v) => v != null && Number.isFinite(v) && v > 0);
  // The axis stops one decade above the runs with bias correction: a run without it that ends far
  // above them (up to 10¹¹ at the largest α) is drawn as ▲ on the top edge instead of flattening the rest.
  const corrected = table.cells.flatMap((c) => [...c.corrected.short, ...c.corrected.long])
    .filter((v) => v != null && Number.isFinite(v) && v > 0);
  const cap = corrected.length ? 10 * Math.max(...corrected) : Infinity;
  const [lo, hi] = all.length ? [Math.min(...all), Math.min(cap, Math.max(...all))] : [1, 10];
  const range = hi > lo ? [lo, hi] : [lo / 2, hi * 2];
  const capped = all.some((v) => v > range[1]);
  const key = document.createElement('p');
  key.className = 'pp-ablation-key';
  const item = (color, dash, text) => {
    const span = document.createElement('span');
    span.className = 'rg-key-item';
    const line = document.createElement('span');
    line.className = `pp-key-line${dash ? ' pp-key-dashed' : ''}`;
    line.style.setProperty('--line', color);
    span.append(line, text);
    return span;
  };
  key.append(
    item(CORRECTED, false, 'with bias correction'), item(UNCORRECTED, false, 'without'),
    item('currentColor', true, `after ${table.short} epoch${table.short === 1 ? '' : 's'}`), item('currentColor', false, `after ${table.long} epochs`),
    Object.assign(document.createElement('span'), { textContent: '✕ diverged' }),
    ...(capped ? [Object.assign(document.createElement('span'), { textContent: '▲ above the axis (more than 10 × the worst loss with correction)' })] : []),
  );
  const grid = document.createElement('div');
  grid.className = 'pp-ablation-grid';
  grid.style.setProperty('--columns', String(table.beta2.length));
  table.cells.forEach((cell, i) => {
    const figure = document.createElement('figure');
    figure.className = 'pp-panel';
    const caption = document.createElement('figcaption');
    caption.textContent = `β₁ = ${cell.beta1}, β₂ = ${cell.beta2}`;
    figure.append(caption, panel(cell, table, range, i >= table.cells.length - table.beta2.length));
    grid.append(figure);
  });
  root.replaceChildren(key, grid);
}
