// The paper lab's session (docs/schema.md, "Paper config"): every run of a paper config
// (optimizers × lr_grid points × seeds) trained together; advance(k) trains each unfinished run by
// up to k minibatches in one wasm call, so a Web Worker can show the curves growing and cancel
// between calls. run(i) is a live handle on run i: its curves are zero-copy Float64Array views of
// the points recorded so far, re-fetched on every read once more points were recorded or wasm
// memory grew, so a held handle never shows a detached array. reset() and configure() start a new
// epoch of the session: a handle of an older epoch drops its views and what it knew of its run and
// fetches them again (after a configure() with fewer runs, a handle past the end throws).
import { EngineSession, GradscapeError, checkCount, checkIndex } from './support.mjs';

// Each session's epoch, bumped by reset() and configure() (a WeakMap: the base constructor
// configures before a subclass's private fields exist).
const epochs = new WeakMap();
const epochOf = (session) => epochs.get(session) ?? 0;
const nextEpoch = (session) => epochs.set(session, epochOf(session) + 1);

/** Run i of a PaperSession: what it is, its status and its curves so far. */
export class PaperRun {
  #session;
  #i;
  #info;
  #views = new Map();
  #epoch;
  constructor(session, i) {
    this.#session = session;
    this.#i = i;
    this.#epoch = epochOf(session);
  }
  // The engine's session, once this handle is checked against the session's epoch: after a
  // reset() or configure() the cached views point at freed curves and #info may be another run's.
  #live() {
    const handle = this.#session.live();
    const epoch = epochOf(this.#session);
    if (epoch !== this.#epoch) {
      const count = handle.runCount();
      if (this.#i >= count) {
        throw new GradscapeError(`run: this handle's index ${this.#i} is out of range since the last configure(), which gives ${count} runs (indices 0 to ${count - 1})`);
      }
      this.#views.clear();
      this.#info = undefined;
      this.#epoch = epoch;
    }
    return handle;
  }
  #details() {
    this.#info ??= JSON.parse(this.#live().runInfo(this.#i));
    return this.#info;
  }
  #curve(name) {
    const handle = this.#live();
    const points = handle.points(this.#i);
    let view = this.#views.get(name);
    // Memory growth detaches a view (its buffer's length becomes 0), even one of 0 points.
    if (!view || view.length !== points || view.buffer.byteLength === 0) {
      view = handle[name](this.#i);
      this.#views.set(name, view);
    }
    return view;
  }
  get index() { return this.#i; }
  /** The optimizer with every hyperparameter resolved and lr = this grid point. */
  get optimizer() { return this.#details().optimizer; }
  get optimizerIndex() { return this.#details().optimizer_index; }
  get lr() { return this.#details().lr; }
  get seed() { return this.#details().seed; }
  /** { status: 'ok' | 'diverged' | 'running', diverged_at, message } */
  get status() { return JSON.parse(this.#live().runStatus(this.#i)); }
  get batchesDone() { return this.#live().runBatchesDone(this.#i); }
  /** Record points so far (the curves' length). */
  get points() { return this.#live().points(this.#i); }
  /** Wall-clock training seconds per epoch so far (NaN before the first minibatch). */
  get secondsPerEpoch() { return this.#live().secondsPerEpoch(this.#i); }
  /** Minibatches done at each record point. */
  get batch() { return this.#curve('batch'); }
  /** batch / batches per epoch. */
  get epoch() { return this.#curve('epoch'); }
  /** The mean training loss of the minibatches since the previous record point. */
  get trainLoss() { return this.#curve('trainLoss'); }
  /** The mean per-example loss over the test split, without dropout. */
  get testLoss() { return this.#curve('testLoss'); }
  /** The fraction of the test split classified correctly (NaN for vae_images). */
  get testAccuracy() { return this.#curve('testAccuracy'); }
}

// Each session's run handles, until its next configure().
const runHandles = new WeakMap();

export class PaperSession extends EngineSession {
  constructor(module, config) { super(new module.PaperSession(), 'paper session', config); }
  configure(config) {
    try {
      super.configure(config);
    } finally {
      nextEpoch(this);
      runHandles.set(this, []);
    }
  }
  /** Back to minibatch 0 with the same config (fresh initial parameters, empty curves). */
  reset() {
    this.live().reset();
    nextEpoch(this);
  }
  /** Trains every unfinished run by up to k minibatches; returns the most any run trained. */
  advance(k) { return this.live().advance(checkCount(k, 'minibatches')); }
  get runCount() { return this.live().runCount(); }
  /** Minibatches each run trains in all (epochs × batches per epoch). */
  get batchesPerRun() { return this.live().batchesPerRun(); }
  get batchesPerEpoch() { return this.live().batchesPerEpoch(); }
  /** The most minibatches any run has trained so far. */
  get batchesDone() { return this.live().batchesDone(); }
  /** The model's parameter count. */
  get parameters() { return this.live().parameterCount(); }
  /**
   * Run i (ordered optimizer entry by entry, then grid point, then seed). A handle kept across
   * reset() or configure() shows run i of the session as it is then.
   */
  run(i) {
    checkIndex('run', i, this.live().runCount());
    if (!runHandles.has(this)) runHandles.set(this, []);
    const runs = runHandles.get(this);
    runs[i] ??= new PaperRun(this, i);
    return runs[i];
  }
  /** The result's grid[i] so far: optimizer entry i's grid search and its chosen point's seed bands. */
  summary(i) {
    const handle = this.live();
    return JSON.parse(handle.summaryJson(checkIndex('optimizer', i, handle.optimizerCount())));
  }
}
