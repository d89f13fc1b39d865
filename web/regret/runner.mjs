// The page's side of the worker: starts and cancels runs, gathers the streamed points into
// growable Float64Arrays (RunData) and reports progress. Only the newest run's messages count.
import { Column } from '../lib/column.mjs';
import { CANCELLED, RunRunner } from '../lib/lab-runner.mjs';

const CERTIFIED = 0.01;

/**
 * Everything recorded so far of one job: the record times t, the comparator's tolerance at each,
 * and per run regret, average, bound, iterate (shorter than t for a diverged run) and the
 * session's status of the run.
 */
export class RunData {
  constructor({ id, config, runCount, totalSteps }) {
    const capacity = Math.min(1 << 16, Math.ceil(totalSteps / Math.max(1, config.record_every)) + 2);
    Object.assign(this, { id, config, runCount, totalSteps });
    this.t = new Column(capacity);
    this.tolerance = new Column(capacity);
    this.runs = Array.from({ length: runCount }, () => ({
      regret: new Column(capacity), average: new Column(capacity), bound: new Column(capacity), iterate: new Column(capacity),
      status: null, uncertain: 0, crossing: null,
    }));
    this.stepsDone = 0;
    this.elapsed = 0;
    this.state = 'running';
    this.comparator = null;
    this.version = 0;
  }
  get count() { return this.t.length; }

  /**
   * Whether run i's regret at record k is known to 1%: the comparator min Σ f_s is certified only
   * to within its tolerance (an iteratively solved comparator is re-solved at some records only).
   */
  certified(i, k) {
    const tol = this.tolerance.data[k];
    return tol === 0 || tol <= CERTIFIED * Math.max(1, Math.abs(this.runs[i].regret.data[k]));
  }

  /** Whether every record of run i is certified. */
  allCertified(i) { return this.runs[i].uncertain === 0; }

  /** Run i's regret (or average regret) with NaN where it is not certified; the view itself when all are. */
  certifiedView(i, key) {
    const values = this.runs[i][key].view();
    if (this.allCertified(i)) return values;
    const out = new Float64Array(values.length);
    for (let k = 0; k < values.length; ++k) out[k] = this.certified(i, k) ? values[k] : NaN;
    return out;
  }

  /**
   * Appends a 'points' message. Per run it also counts the records that are not certified and
   * notes the first certified record where the regret exceeds a finite bound, {run, k, t, regret,
   * bound} (a record's values never change once recorded).
   */
  add(message) {
    this.t.append(message.t);
    this.tolerance.append(message.tolerance);
    message.runs.forEach((incoming, i) => {
      const run = this.runs[i];
      const from = run.regret.length;
      for (const key of ['regret', 'average', 'bound', 'iterate']) run[key].append(incoming[key]);
      run.status = incoming.status;
      for (let k = from; k < run.regret.length; ++k) {
        const ok = this.certified(i, k);
        if (!ok) run.uncertain += 1;
        const r = run.regret.data[k];
        const b = run.bound.data[k];
        if (ok && !run.crossing && Number.isFinite(b) && Number.isFinite(r) && r > b) {
          run.crossing = { run: i, k, t: this.t.data[k], regret: r, bound: b };
        }
      }
    });
    this.stepsDone = message.stepsDone;
    this.elapsed = message.elapsed;
    this.version += 1;
  }
}

/**
 * handlers: onReady(registry, flavour), onFatal(message), onStart(job), onPoints(job),
 * onDone(job), onCancelled(job), onError({config, field, message}).
 */
export class RegretRunner extends RunRunner {
  #result = null;  // the result asked for last: {id, promise, resolve, reject, settled}

  /** The result JSON (docs/schema.md) of the current job once it has finished or was cancelled. */
  result() {
    const job = this.job;
    if (!job || job.state === 'running' || this.pending) return Promise.reject(new Error('result: no finished run'));
    if (this.#result?.id !== job.id) {
      const asked = { id: job.id, settled: false };
      asked.promise = new Promise((resolve, reject) => Object.assign(asked, { resolve, reject }));
      this.#result = asked;
      this.send({ type: 'result', id: job.id });
    }
    return this.#result.promise;
  }

  doneResult() { return this.result(); }

  receive(message) {
    const h = this.handlers;
    const asked = this.#result;
    if (asked && !asked.settled && message.id === asked.id && (message.type === 'result' || message.type === 'error')) {
      asked.settled = true;
      if (message.type === 'result') asked.resolve(message.result);
      else asked.reject(new Error(message.message));
      return undefined;
    }
    const current = this.pending?.id ?? this.job?.id;
    if (message.id !== current) return undefined;
    switch (message.type) {
      case 'start':
        this.job = new RunData({ ...message, config: this.pending.config });
        this.pending = null;
        return h.onStart?.(this.job);
      case 'points':
        this.job.add(message);
        return h.onPoints?.(this.job);
      case 'done':
        this.job.stepsDone = message.stepsDone;
        this.job.elapsed = message.elapsed;
        this.job.comparator = message.comparator;
        this.job.state = 'done';
        this.waiters.resolve(() => this.result());
        return h.onDone?.(this.job);
      case 'cancelled':
        this.waiters.reject(CANCELLED);
        if (this.pending?.id === message.id) {
          this.pending = null;
          return undefined;
        }
        this.job.stepsDone = message.stepsDone;
        this.job.comparator = message.comparator;
        this.job.state = 'cancelled';
        return h.onCancelled?.(this.job);
      case 'error':
        return this.fail(message);
      default:
        return undefined;
    }
  }
}
