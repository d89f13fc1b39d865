// The page's side of the paper lab's worker (driver.mjs): hands it the image bytes, starts and
// cancels runs, and gathers the streamed points of every run into growable columns. Only the
// newest run's messages count; a finished or cancelled job's curves stay until the next run.
import { Column } from '../lib/column.mjs';
import { CANCELLED, RunRunner } from '../lib/lab-runner.mjs';

const CURVES = ['batch', 'epoch', 'trainLoss', 'testLoss', 'testAccuracy'];

/** Everything recorded so far of one job: per run its curves, status and seconds per epoch. */
export class TrainJob {
  constructor({ id, config, runs, batchesPerRun, batchesPerEpoch, parameters }) {
    Object.assign(this, { id, config, batchesPerRun, batchesPerEpoch, parameters });
    const capacity = Math.ceil(batchesPerRun / Math.max(1, config.record_every ?? 1)) + 2;
    this.runs = runs.map((info) => ({
      info, status: null, secondsPerEpoch: NaN, batchesDone: 0,
      ...Object.fromEntries(CURVES.map((name) => [name, new Column(capacity)])),
    }));
    this.totalBatches = runs.length * batchesPerRun;
    this.batchesDone = 0;
    this.elapsed = 0;
    this.state = 'running';
    this.version = 0;
  }
  get runCount() { return this.runs.length; }
  /** Record points of the run with the most. */
  get points() { return Math.max(0, ...this.runs.map((r) => r.trainLoss.length)); }
  add(message) {
    for (const incoming of message.runs) {
      const run = this.runs[incoming.index];
      for (const name of CURVES) run[name].append(incoming[name]);
      run.status = incoming.status;
      run.secondsPerEpoch = incoming.secondsPerEpoch;
      run.batchesDone = incoming.batchesDone;
    }
    this.batchesDone = message.batchesDone;
    this.elapsed = message.elapsed;
    this.version += 1;
  }
}

/**
 * handlers: onReady(registry, flavour), onFatal(message), onImages({ok, message}), onWaiting(),
 * onStart(job), onPoints(job), onDone(job), onCancelled(job), onError({config, field, message}).
 */
export class PaperRunner extends RunRunner {
  /** Hands the worker the bytes of the image file (transferred). */
  images(bytes) {
    this.send({ type: 'images', bytes }, [bytes.buffer]);
  }

  doneResult() { return Promise.resolve(this.job); }

  receive(message) {
    const h = this.handlers;
    if (message.type === 'images') return h.onImages?.(message);
    const current = this.pending?.id ?? this.job?.id;
    if (message.id !== current) return undefined;
    switch (message.type) {
      case 'waiting':
        this.pending.waiting = true;
        return h.onWaiting?.();
      case 'start':
        this.job = new TrainJob({ ...message, config: this.pending.config });
        this.pending = null;
        return h.onStart?.(this.job);
      case 'points':
        this.job.add(message);
        return h.onPoints?.(this.job);
      case 'done':
        this.job.state = 'done';
        this.job.elapsed = message.elapsed;
        this.waiters.resolve(() => Promise.resolve(this.job));
        return h.onDone?.(this.job);
      case 'cancelled':
        this.waiters.reject(CANCELLED);
        if (this.pending?.id === message.id) {
          this.pending = null;
          return h.onCancelled?.(this.job);
        }
        this.job.state = 'cancelled';
        return h.onCancelled?.(this.job);
      case 'error':
        return this.fail(message);
      default:
        return undefined;
    }
  }
}
