// The grid search shown: per optimizer entry a row with every learning rate of its grid and that
// point's final training loss (mean over the seeds; "diverged" or "…" while running), the chosen
// (lowest) one marked, then the chosen point's test accuracy and training time per epoch (the
// mean over its seeds of the wall-clock seconds, evaluation excluded).
import { formatNumber } from '../lib/format.mjs';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const lrText = (lr) => (lr >= 1e-3 ? String(Number(lr.toPrecision(3))) : lr.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e'));

function diverged(job, grid, g) {
  return job.runs.some((r) => r.info.optimizer_index === grid.optimizer_index && r.info.lr === grid.lr_grid[g] && r.status?.status === 'diverged');
}

/** Mean seconds per epoch of the chosen point's seeds (NaN before the first minibatch). */
export function secondsPerEpoch(job, grid) {
  const values = grid.chosen_runs.map((i) => job.runs[i].secondsPerEpoch).filter(Number.isFinite);
  return values.length ? values.reduce((a, v) => a + v, 0) / values.length : NaN;
}

/** Renders the table into `root`. labels and colors are per optimizer entry. */
export function renderGrid(root, { job, grids, labels, colors, vae }) {
  const table = el('table', 'rg-table pp-grid');
  table.append(el('caption', null, `Each cell: learning rate α → final training loss (mean of ${job.config.seeds.length} seed${job.config.seeds.length === 1 ? '' : 's'}). ★ the lowest, whose curves are drawn. Time: training seconds per epoch, evaluation excluded.`));
  const head = el('tr');
  head.append(el('th', null, 'optimizer'), el('th', 'pp-grid-head', 'learning-rate grid'), el('th', null, vae ? 'test −ELBO' : 'test acc.'), el('th', null, 's / epoch'));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  grids.forEach((grid, i) => {
    const row = el('tr');
    const name = el('td', 'rg-name');
    const swatch = el('span', 'swatch');
    swatch.style.setProperty('--run-colour', colors[i]);
    name.append(swatch, labels[i]);
    const strip = el('td', 'pp-strip');
    const cells = el('div', 'pp-strip-cells');
    grid.lr_grid.forEach((lr, g) => {
      const chosen = grid.chosen_lr === lr;
      const loss = grid.final_train_loss[g];
      const cell = el('span', `pp-cell${chosen ? ' pp-chosen' : ''}`);
      cell.dataset.lr = String(lr);
      cell.append(el('span', 'pp-cell-lr', `${chosen ? '★ ' : ''}α ${lrText(lr)}`),
        el('span', 'pp-cell-loss', loss != null ? formatNumber(loss, 3) : (diverged(job, grid, g) ? 'diverged' : '…')));
      cells.append(cell);
    });
    strip.append(cells);
    const curve = vae ? grid.test_loss?.mean : grid.test_accuracy?.mean;
    const last = curve?.length ? curve[curve.length - 1] : NaN;
    const test = Number.isFinite(last) ? (vae ? formatNumber(last, 4) : `${(100 * last).toFixed(1)}%`) : '–';
    const spe = secondsPerEpoch(job, grid);
    row.append(name, strip, el('td', null, test), el('td', null, Number.isFinite(spe) ? `${formatNumber(spe, 2)} s` : '–'));
    body.append(row);
  });
  table.append(body);
  root.replaceChildren(table);
}
