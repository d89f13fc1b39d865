// What the recorded points of a paper-lab job amount to, computed as the engine's
// summarise_grid (src/train/grid_summary.cpp) does, so the page's grid is gs.paper's `grid`: per
// optimizer entry each grid point's final training loss (the last recorded train_loss, the mean
// over the seeds; null while a seed has no point yet or once one diverged), the chosen lr (the
// lowest; the first on a tie) and the mean and min/max band over the chosen point's seeds of every
// curve, over the record points every seed has. result() is the paper result of docs/schema.md.

/** The runs of optimizer entry `entry`, grouped by grid point in the grid's order. */
function gridRuns(job, entry) {
  const points = new Map();
  job.runs.forEach((run, index) => {
    if (run.info.optimizer_index !== entry) return;
    if (!points.has(run.info.lr)) points.set(run.info.lr, []);
    points.get(run.info.lr).push(index);
  });
  return [...points.entries()].map(([lr, runs]) => ({ lr, runs }));
}

function finalLoss(job, runs) {
  let sum = 0;
  for (const i of runs) {
    const run = job.runs[i];
    if (run.status?.status === 'diverged' || run.trainLoss.length === 0) return Infinity;
    sum += run.trainLoss.data[run.trainLoss.length - 1];
  }
  return sum / runs.length;
}

function band(job, runs, curve, points) {
  const b = { mean: [], min: [], max: [] };
  for (let k = 0; k < points; ++k) {
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of runs) {
      const x = job.runs[i][curve].data[k];
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    b.mean.push(sum / runs.length);
    b.min.push(lo);
    b.max.push(hi);
  }
  return b;
}

/** The grid summary of entry `entry` so far (the result's grid[entry]). */
export function summarise(job, entry) {
  const grid = gridRuns(job, entry);
  const finals = grid.map((g) => finalLoss(job, g.runs));
  let chosen = -1;
  finals.forEach((f, g) => {
    if (Number.isFinite(f) && (chosen < 0 || f < finals[chosen])) chosen = g;
  });
  const out = {
    optimizer_index: entry, lr_grid: grid.map((g) => g.lr),
    final_train_loss: finals.map((f) => (Number.isFinite(f) ? f : null)),
    chosen_lr: chosen < 0 ? null : grid[chosen].lr, chosen_runs: chosen < 0 ? [] : grid[chosen].runs,
    batch: [], epoch: [], train_loss: band(job, [], 'trainLoss', 0), test_loss: band(job, [], 'testLoss', 0),
    test_accuracy: band(job, [], 'testAccuracy', 0),
  };
  if (chosen < 0) return out;
  const seeds = grid[chosen].runs;
  const points = Math.min(...seeds.map((i) => job.runs[i].trainLoss.length));
  const first = job.runs[seeds[0]];
  out.batch = Array.from(first.batch.data.subarray(0, points));
  out.epoch = Array.from(first.epoch.data.subarray(0, points));
  out.train_loss = band(job, seeds, 'trainLoss', points);
  out.test_loss = band(job, seeds, 'testLoss', points);
  out.test_accuracy = band(job, seeds, 'testAccuracy', points);
  return out;
}

/** Every optimizer entry's summary. */
export const summariseAll = (job) => (job.config.optimizers ?? [{}]).map((_, i) => summarise(job, i));

const noNaN = (values) => Array.from(values, (v) => (Number.isNaN(v) ? null : v));

/** The paper result (docs/schema.md) of the points recorded so far, as gs.paper returns it at the end. */
export function result(job) {
  const images = job.config.experiment !== 'vae_images';
  const grid = summariseAll(job);
  if (!images) for (const g of grid) g.test_accuracy = null;
  return {
    experiment: job.config.experiment, batches_per_epoch: job.batchesPerEpoch, parameters: job.parameters,
    runs: job.runs.map((run) => ({
      optimizer: run.info.optimizer, optimizer_index: run.info.optimizer_index, lr: run.info.lr, seed: run.info.seed,
      batch: Array.from(run.batch.view()), epoch: Array.from(run.epoch.view()),
      train_loss: Array.from(run.trainLoss.view()), test_loss: Array.from(run.testLoss.view()),
      test_accuracy: images ? noNaN(run.testAccuracy.view()) : null,
      seconds_per_epoch: run.secondsPerEpoch, status: run.status?.status ?? 'running',
      diverged_at: run.status?.diverged_at ?? null,
    })),
    grid,
  };
}
