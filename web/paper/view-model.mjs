// What the paper lab's page and component view both draw from a job: labels and colours per
// optimizer entry, the grid summaries, the claim check and, for Fig. 4, the ablation table, and
// drawJob() draws them; a run's label; and the progress in words (minibatches done / total, runs/s,
// ETA).
import { runColour, runDash } from '../lib/palette.mjs';
import { formatDuration, formatInt, formatNumber } from '../lib/format.mjs';
import { summariseAll } from './summary.mjs';
import { checkClaim, renderClaim } from './claims.mjs';
import { ablationTable, renderAblation } from './ablation.mjs';
import { renderGrid } from './grid-table.mjs';

/** Each optimizer entry's label: its own, or the registry's display name (SGD with Nesterov: "SGD Nesterov"). */
export function entryLabels(config, registry) {
  return (config.optimizers ?? []).map((o) => {
    if (o.label) return o.label;
    const name = registry.optimizers.find((r) => r.name === o.name)?.display_name ?? o.name;
    return o.name === 'sgd' && o.nesterov ? `${name} Nesterov` : name;
  });
}

/** Run i's label: its entry's label with its learning rate and seed ("Adam, lr 0.001, seed 1"). */
export function runLabel(job, i, labels) {
  const { optimizer_index: entry, lr, seed } = job.runs[i].info;
  return `${labels[entry]}, lr ${formatNumber(lr, 3)}, seed ${seed}`;
}

/** Everything drawn for a job whose state is `state` (the state the job was started from). */
export function viewModel(job, state, registry) {
  const labels = entryLabels(job.config, registry);
  const colors = labels.map((_, i) => runColour(i));
  const dashes = labels.map((_, i) => runDash(i));
  const grids = summariseAll(job);
  const ablation = state.ablation ? ablationTable(job, state.ablation) : null;
  const check = checkClaim({ figure: state.figure, grids, config: job.config, labels, ablation, finished: job.state === 'done' });
  return { labels, colors, dashes, grids, ablation, check, vae: job.config.experiment === 'vae_images' };
}

/**
 * Draws a job started from the page state job.pageState into the page's or the view's elements:
 * the claim box, the PaperCharts and their host, the ablation host and the learning-rate grid
 * (the ablation replaces the charts and the grid for Fig. 4). Returns the view model.
 */
export function drawJob(job, registry, { claim, charts, chartsHost, ablationHost, grid }) {
  const model = viewModel(job, job.pageState, registry);
  const ablation = !!model.ablation;
  chartsHost.hidden = ablation;
  grid.hidden = ablation;
  ablationHost.hidden = !ablation;
  if (ablation) renderAblation(ablationHost, model.ablation);
  else {
    charts.update({ grids: model.grids, labels: model.labels, colors: model.colors, dashes: model.dashes, epochs: job.config.epochs, experiment: job.config.experiment });
    renderGrid(grid, { job, grids: model.grids, labels: model.labels, colors: model.colors, vae: model.vae });
  }
  claim.hidden = false;
  renderClaim(claim, model.check);
  return model;
}

/** {fraction, text} of a job's progress; wall: milliseconds since it started. */
export function progressText(job, wall) {
  const fraction = job.totalBatches ? Math.min(1, job.batchesDone / job.totalBatches) : 1;
  const runsDone = job.batchesDone / Math.max(1, job.batchesPerRun);
  const rate = wall > 0 ? (1000 * runsDone) / wall : 0;
  const done = `${formatInt(job.batchesDone)} / ${formatInt(job.totalBatches)} minibatches (${job.runCount} runs)`;
  if (job.state === 'running') {
    const eta = rate > 0 ? formatDuration((1000 * (job.runCount - runsDone)) / rate) : '–';
    return { fraction, text: `${done} · ${formatNumber(rate, 3)} runs/s · ETA ${eta}` };
  }
  if (job.state === 'done') return { fraction, text: `${done} in ${formatDuration(wall)} · ${formatNumber(rate, 3)} runs/s` };
  if (job.state === 'cancelled') return { fraction, text: `Cancelled at ${formatInt(job.batchesDone)} of ${formatInt(job.totalBatches)} minibatches; the curves so far stay.` };
  return { fraction, text: `Stopped at ${formatInt(job.batchesDone)} minibatches.` };
}
