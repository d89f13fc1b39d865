// The paper lab's part of the JS API: its session, its calls on the Gradscape object (gs.paper,
// gs.createPaperSession, gs.loadPaperImages, gs.hasPaper, gs.hasPaperImages and their deprecated
// `train` names), its wasm module, gradscape-paper-{simd,scalar}, and the image data the CLI hands
// it; its entry in LABS (labs.mjs) says so.
// The session (docs/schema.md, "Paper config"): every run of a paper config
// (optimizers × lr_grid points × seeds) trained together; advance(k) trains each unfinished run by
// up to k minibatches in one wasm call, so a Web Worker can show the curves growing and cancel
// between calls. run(i) is a live handle on run i: its curves are zero-copy Float64Array views of
// the points recorded so far, re-fetched on every read once more points were recorded or wasm
// memory grew, so a held handle never shows a detached array. reset() and configure() start a new
// epoch of the session: a handle of an older epoch drops its views and what it knew of its run and
// fetches them again (after a configure() with fewer runs, a handle past the end throws).
import {
  EngineSession, GradscapeError, check, checkCount, checkIndex, hasLabModule, importedNodeFs, labModule, resultOf,
} from './support.mjs';

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

// The images as the package ships them, relative to this module. A variable, not a literal in
// new URL(), so bundlers don't copy 2.7 MB into every app: in Node only, loadPaperImages() with no
// argument reads it (and the CLI, by default); a page fetches the file itself and passes the bytes.
const SHIPPED_IMAGES = '../../public/data/fashion-mnist-6k.bin';

const finish = (session) => session.advance(session.batchesPerRun);

export const PAPER_LAB = {
  name: 'paper',
  oldNames: ['train'],
  modules: {
    simd: {
      glue: () => import('../engine/gradscape-paper-simd.mjs'),
      wasm: () => new URL('../engine/gradscape-paper-simd.wasm', import.meta.url),
    },
    scalar: {
      glue: () => import('../engine/gradscape-paper-scalar.mjs'),
      wasm: () => new URL('../engine/gradscape-paper-scalar.wasm', import.meta.url),
    },
  },
  createSession: (gs, config) => gs.createPaperSession(config),
  finish,
  inputs: [{
    option: 'images',
    value: 'FILE',
    help: "the image data (default: the package's public/data/fashion-mnist-6k.bin)",
    shipped: SHIPPED_IMAGES,
    load: (gs, bytes) => gs.loadPaperImages(bytes),
  }],
  calls: {
    /** Whether the paper module is loaded (loadGradscape({ paper: true })). */
    get hasPaper() { return hasLabModule(this, 'paper'); },
    /** Whether loadPaperImages succeeded (the image experiments need it). */
    get hasPaperImages() { return hasLabModule(this, 'paper') && labModule(this, 'paper').hasImages(); },
    /**
     * Hands the paper lab the bytes of public/data/fashion-mnist-6k.bin (Uint8Array or ArrayBuffer),
     * parsed once and shared by every paper session configured after it. In Node, with no argument,
     * reads the file shipped with the package. Bad bytes: a GradscapeError, the images loaded before stay.
     */
    loadPaperImages(bytes) {
      const module = labModule(this, 'paper');
      if (bytes === undefined) {
        const fs = importedNodeFs();
        if (!fs) throw new GradscapeError('bytes: in a browser, fetch public/data/fashion-mnist-6k.bin and pass its bytes');
        const url = new URL(SHIPPED_IMAGES, import.meta.url);
        try {
          bytes = new Uint8Array(fs.readFileSync(url));
        } catch (error) {
          throw new GradscapeError(`bytes: cannot read ${url.pathname}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        }
      } else if (bytes instanceof ArrayBuffer) {
        bytes = new Uint8Array(bytes);
      } else if (!(bytes instanceof Uint8Array)) {
        throw new GradscapeError(`bytes: must be a Uint8Array or an ArrayBuffer, got ${bytes === null ? 'null' : typeof bytes}`);
      }
      check(module.loadImages(bytes));
    },
    /** Trains a paper config to the end (same result schema as `gradscape paper`). */
    paper(config) { return resultOf(this.createPaperSession(config), finish); },
    createPaperSession(config) { return new PaperSession(labModule(this, 'paper'), config); },
    /** @deprecated the old name of hasPaper */
    get hasTrain() { return this.hasPaper; },
    /** @deprecated the old name of hasPaperImages */
    get hasTrainImages() { return this.hasPaperImages; },
    /** @deprecated the old name of loadPaperImages */
    loadTrainImages(bytes) { this.loadPaperImages(bytes); },
    /** @deprecated the old name of paper */
    train(config) { return this.paper(config); },
    /** @deprecated the old name of createPaperSession */
    createTrainSession(config) { return this.createPaperSession(config); },
  },
};
