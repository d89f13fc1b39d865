// The page's side of the worker: starts and cancels runs, gathers the streamed points into
// growable Float64Arrays (RunData) and reports progress. Only the newest run's messages count.

const CERTIFIED = 0.01;

/** A growable Float64Array: append() copies a chunk in; view() is the filled part. */
export class Column {
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
    this.length = 0;
  }
  append(values) {
    const need = this.length + values.length;
    if (need > this.data.length) {
      const grown = new Float64Array(Math.max(need, 2 * this.data.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(values, this.length);
    this.length = need;
  }
  view() { return this.data.subarray(0, this.length); }
}

export const CANCELLED = 'result: the computation was cancelled before it finished';
export const failed = (message) => `result: the computation failed: ${message}`;

/**
 * The promises of callers waiting for the current computation to finish, settled together:
 * resolve(get) gives each what get() promises (called once, only when someone waits).
 */
export class Waiters {
  #waiting = [];
  wait() { return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject })); }
  resolve(get) {
    const waiting = this.#take();
    if (!waiting.length) return;
    const promise = get();
    for (const w of waiting) promise.then(w.resolve, w.reject);
  }
  reject(message) {
    for (const w of this.#take()) w.reject(new Error(message));
  }
  #take() {
    const waiting = this.#waiting;
    this.#waiting = [];
    return waiting;
  }
}

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

export class RegretRunner {
  #worker;
  #nextId = 1;
  #handlers;
  /** The current job's data (kept after it finishes or is cancelled), or null. */
  job = null;

  #result = null;  // the result asked for last: {id, promise, resolve, reject, settled}
  #waiters = new Waiters();
  #failure = null;  // the engine's message when the newest run failed

  /**
   * handlers: onReady(registry, flavour), onFatal(message), onStart(job), onPoints(job),
   * onDone(job), onCancelled(job), onError({config, field, message}).
   */
  constructor(worker, handlers) {
    this.#worker = worker;
    this.#handlers = handlers;
    this.pending = null;
    worker.addEventListener('message', (event) => this.#receive(event.data));
    worker.addEventListener('error', (event) => handlers.onFatal?.(event.message || 'the worker failed to start'));
  }

  get running() { return this.pending !== null || this.job?.state === 'running'; }

  run(config) {
    const id = this.#nextId++;
    this.pending = { id, config };
    this.#failure = null;
    this.#worker.postMessage({ type: 'run', id, config });
    return id;
  }

  /** The result JSON (DESIGN.md) of the current job once it has finished or was cancelled. */
  result() {
    const job = this.job;
    if (!job || job.state === 'running' || this.pending) return Promise.reject(new Error('result: no finished run'));
    if (this.#result?.id !== job.id) {
      const asked = { id: job.id, settled: false };
      asked.promise = new Promise((resolve, reject) => Object.assign(asked, { resolve, reject }));
      this.#result = asked;
      this.#worker.postMessage({ type: 'result', id: job.id });
    }
    return this.#result.promise;
  }

  /**
   * A promise of the result JSON of the newest run once it has finished (when a new run() replaces
   * it first, of that one); rejects when it fails or is cancelled.
   */
  whenDone() {
    if (!this.pending) {
      if (this.#failure !== null) return Promise.reject(new Error(failed(this.#failure)));
      if (!this.job) return Promise.reject(new Error('result: nothing has been run'));
      if (this.job.state === 'done') return this.result();
      if (this.job.state === 'cancelled') return Promise.reject(new Error(CANCELLED));
    }
    return this.#waiters.wait();
  }

  cancel() {
    const id = this.pending?.id ?? (this.job?.state === 'running' ? this.job.id : null);
    if (id != null) this.#worker.postMessage({ type: 'cancel', id });
  }

  #receive(message) {
    const h = this.#handlers;
    if (message.type === 'ready') return h.onReady?.(message.registry, message.flavour);
    if (message.type === 'fatal') return h.onFatal?.(message.message);
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
        this.#waiters.resolve(() => this.result());
        return h.onDone?.(this.job);
      case 'cancelled':
        this.#waiters.reject(CANCELLED);
        if (this.pending?.id === message.id) {
          this.pending = null;
          return undefined;
        }
        this.job.stepsDone = message.stepsDone;
        this.job.comparator = message.comparator;
        this.job.state = 'cancelled';
        return h.onCancelled?.(this.job);
      case 'error': {
        const config = this.pending?.config ?? this.job?.config;
        if (this.pending?.id === message.id) this.pending = null;
        else if (this.job) this.job.state = 'error';
        this.#failure = message.message;
        this.#waiters.reject(failed(message.message));
        return h.onError?.({ config, field: message.field, message: message.message });
      }
      default:
        return undefined;
    }
  }
}
