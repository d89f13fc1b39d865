// The paper lab's training loop, apart from the worker so that the component view runs it on the
// main thread too (views/in-thread-worker.mjs). A paper config's runs (optimizer entries × lr_grid
// points × seeds, docs/schema.md) are trained in chunks of ~20 ms of engine time, round robin
// one minibatch at a time so every curve grows together, with the newly recorded points posted
// after every chunk and a yield in between, so a Cancel or a new run is seen between two chunks.
//
// PaperSession.advance(k) trains every run of a session at once, so one session holding all runs
// of an image experiment would take 24–60 minibatches per call (over a second for Fig. 4). The
// driver therefore validates the whole config with one session, then trains an image experiment
// with one session per run (its optimizer entry with lr = the grid point, seeds = [its seed]): a
// run's trajectory depends only on its optimizer, lr and seed, so the curves are exactly those of
// gs.paper(config) (tests/browser/paper.test.mjs checks it). The bag-of-words experiment keeps one
// session, because each session generates its documents (~0.4 s) and its minibatches are cheap.
//
// Messages in:  {type: 'images', bytes} · {type: 'run', id, config} · {type: 'cancel', id}
// Messages out: {type: 'waiting', id} (an image experiment waits for the images)
//               {type: 'start', id, runs: [{optimizer_index, lr, seed, optimizer}], batchesPerRun, batchesPerEpoch, parameters}
//               {type: 'points', id, runs: [{from, batch, epoch, trainLoss, testLoss, testAccuracy, status, secondsPerEpoch, batchesDone}], batchesDone, elapsed}
//               {type: 'done', id, batchesDone, elapsed} · {type: 'cancelled', id, batchesDone, elapsed}
//               {type: 'images', ok, message} · {type: 'error', id, field, message}
// Curve arrays are Float64Array copies whose buffers are transferred.
import { needsImages } from './state.mjs';
import { LabDriver, configErrors } from '../lib/lab-driver.mjs';

const CURVES = ['batch', 'epoch', 'trainLoss', 'testLoss', 'testAccuracy'];

/** The seeds of a paper config (its `seeds`, or `seed`, or [1]). */
function seedsOf(config) {
  if (Array.isArray(config.seeds)) return config.seeds;
  return config.seed != null ? [config.seed] : [1];
}

/** One config per run, in the session's order: entry by entry, then grid point, then seed. */
export function runConfigs(config) {
  const { seed, seeds, optimizers: entries = [{ name: 'adam' }], ...rest } = config;
  const out = [];
  for (const entry of entries) {
    const { lr_grid: grid, ...single } = entry;
    for (const lr of grid ?? [entry.lr]) {
      for (const s of seedsOf(config)) {
        out.push({ ...rest, seeds: [s], optimizers: [lr === undefined ? single : { ...single, lr }] });
      }
    }
  }
  return out;
}

export class PaperDriver extends LabDriver {
  #job = null;
  #waiting = null;

  handle(message) {
    if (message?.type === 'images') this.#images(message.bytes);
    else if (message?.type === 'run') this.#start(message.id, message.config);
    else if (message?.type === 'cancel') this.#cancel(message.id);
  }

  /** Stops the current run and frees its sessions. */
  dispose() {
    this.#waiting = null;
    if (this.#job) this.#stop(this.#job);
  }

  #images(bytes) {
    try {
      this.gs.loadPaperImages(bytes);
      this.post({ type: 'images', ok: true });
    } catch (error) {
      this.post({ type: 'images', ok: false, message: error.message });
      return;
    }
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting) this.#start(waiting.id, waiting.config);
  }

  #cancel(id) {
    if (this.#waiting && (id == null || this.#waiting.id === id)) {
      const { id: waitingId } = this.#waiting;
      this.#waiting = null;
      this.post({ type: 'cancelled', id: waitingId, batchesDone: 0, elapsed: 0 });
      return;
    }
    const job = this.#job;
    if (!job || (id != null && job.id !== id)) return;
    this.#stop(job);
    this.post({ type: 'cancelled', id: job.id, batchesDone: job.batchesDone, elapsed: job.elapsed });
  }

  #stop(job) {
    job.stopped = true;
    if (this.#job === job) this.#job = null;
    for (const unit of job.units) {
      unit.session?.delete();
      unit.session = null;
    }
  }

  #start(id, config) {
    if (this.#job) this.#cancel(this.#job.id);
    this.#waiting = null;
    if (needsImages(config.experiment) && !this.gs.hasPaperImages) {
      this.#waiting = { id, config };
      this.post({ type: 'waiting', id });
      return;
    }
    let job;
    try {
      job = this.#plan(id, config);
    } catch (error) {
      const errors = configErrors(config, (c) => this.gs.createPaperSession(c), error);
      this.post({ type: 'error', id, field: error.field ?? null, message: error.message, errors });
      return;
    }
    this.#job = job;
    this.post({
      type: 'start', id, runs: job.runs.map(({ sent, ...info }) => info),
      batchesPerRun: job.batchesPerRun, batchesPerEpoch: job.batchesPerEpoch, parameters: job.parameters,
    });
    this.#loop(job).catch((error) => {
      if (job.stopped) return;
      this.#stop(job);
      this.post({ type: 'error', id, field: error.field ?? null, message: error.message });
    });
  }

  // Validates the config with one session and splits it into the units the loop advances.
  #plan(id, config) {
    const whole = this.gs.createPaperSession(config);
    const info = (session, i) => {
      const run = session.run(i);
      return { optimizer_index: run.optimizerIndex, lr: run.lr, seed: run.seed, optimizer: run.optimizer, sent: 0 };
    };
    const job = {
      id, stopped: false, elapsed: 0, batchesDone: 0, cursor: 0,
      batchesPerRun: whole.batchesPerRun, batchesPerEpoch: whole.batchesPerEpoch, parameters: whole.parameters,
      runs: Array.from({ length: whole.runCount }, (_, i) => info(whole, i)),
      units: [],
    };
    if (!needsImages(config.experiment)) {
      job.units.push({ session: whole, runs: job.runs.map((_, i) => i) });
      return job;
    }
    whole.delete();
    try {
      runConfigs(config).forEach((runConfig, i) => {
        job.units.push({ session: this.gs.createPaperSession(runConfig), runs: [i] });
      });
    } catch (error) {
      this.#stop(job);
      throw error;
    }
    return job;
  }

  async #loop(job) {
    while (!job.stopped) {
      const t0 = this.now();
      let open = job.units.filter((u) => u.session && !u.session.finished);
      while (open.length && this.now() - t0 < this.chunkMs) {
        const unit = open[job.cursor % open.length];
        job.cursor += 1;
        unit.session.advance(1);
        if (unit.session.finished) open = open.filter((u) => u !== unit);
      }
      job.elapsed += this.now() - t0;
      this.#sendPoints(job);
      if (!open.length) {
        this.#stop(job);
        this.post({ type: 'done', id: job.id, batchesDone: job.batchesDone, elapsed: job.elapsed });
        return;
      }
      await this.yieldTask();
    }
  }

  #sendPoints(job) {
    const transfer = [];
    const runs = [];
    let done = 0;
    for (const unit of job.units) {
      if (!unit.session) {
        done += unit.batchesDone;
        continue;
      }
      let unitDone = 0;
      unit.runs.forEach((global, local) => {
        const run = unit.session.run(local);
        const state = job.runs[global];
        const message = { index: global, from: state.sent };
        for (const name of CURVES) {
          message[name] = run[name].slice(state.sent);
          transfer.push(message[name].buffer);
        }
        message.status = run.status;
        message.secondsPerEpoch = run.secondsPerEpoch;
        message.batchesDone = run.batchesDone;
        state.sent += message.batch.length;
        // A diverged run's remaining minibatches are skipped: they count as done.
        const counted = message.status.status === 'diverged' ? job.batchesPerRun : run.batchesDone;
        unitDone += counted;
        runs.push(message);
      });
      done += unitDone;
      if (unit.session.finished) {
        unit.batchesDone = unitDone;
        unit.session.delete();
        unit.session = null;
      }
    }
    job.batchesDone = done;
    this.post({ type: 'points', id: job.id, runs, batchesDone: done, elapsed: job.elapsed }, transfer);
  }
}
