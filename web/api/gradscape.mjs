// Gradscape's JS API (README.md, "JS API"; configs and results in docs/schema.md): one ES module for browsers, workers and Node.
//   const gs = await loadGradscape();          // SIMD build where the engine supports it
//   const result = gs.run(config);             // the run result of docs/schema.md
//   const opt = gs.createOptimizer({name: 'adam', lr: 1e-3}, n, 'f32');
//   opt.params.set(x0); opt.grads.set(g); opt.step(); opt.delete();
//   const labs = await loadGradscape({ regret: true, sweep: true });  // also the labs' modules
//   const regret = labs.regret(regretConfig);  // the regret result of docs/schema.md
//   const lab = labs.createRegretSession(regretConfig);  // advance(k) in a Web Worker, views of R(t)
//   const map = labs.sweep(sweepConfig);       // the sweep result of docs/schema.md
//   const maps = labs.createSweepSession(sweepConfig);   // advanceRows(k) in a Web Worker
//   const paper = await loadGradscape({ paper: true });  // the paper lab (docs/schema.md)
//   paper.loadPaperImages(bytes);              // public/data/fashion-mnist-6k.bin (Node: no argument)
//   const curves = paper.paper(paperConfig);   // the paper result of docs/schema.md
//   const lab = paper.createPaperSession(paperConfig);   // advance(k) minibatches in a Web Worker
// Every call validates in C++ and throws a GradscapeError whose message names the field.
import { GradscapeError, check } from './support.mjs';
import { Optimizer } from './optimizer.mjs';
import { RegretSession, RunSession } from './sessions.mjs';
import { SweepSession } from './sweep-session.mjs';
import { PaperSession } from './paper-session.mjs';

export { GradscapeError, configText } from './support.mjs';
export { Optimizer } from './optimizer.mjs';
export { RegretSession, RunSession } from './sessions.mjs';
/** @deprecated the old name of RunSession */
export { RunSession as Session } from './sessions.mjs';
export { SweepSession } from './sweep-session.mjs';
export { PaperRun, PaperSession } from './paper-session.mjs';
/** @deprecated the old name of PaperRun */
export { PaperRun as TrainRun } from './paper-session.mjs';
/** @deprecated the old name of PaperSession */
export { PaperSession as TrainSession } from './paper-session.mjs';

// The smallest module that uses a v128 instruction (wasm-feature-detect's SIMD probe).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function simdSupported() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

// Each module's glue and wasm, by literal paths so bundlers (Vite, webpack) find and copy them.
const MODULES = {
  'core-simd': {
    glue: () => import('../engine/gradscape-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-simd.wasm', import.meta.url),
  },
  'core-scalar': {
    glue: () => import('../engine/gradscape-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-scalar.wasm', import.meta.url),
  },
  'regret-simd': {
    glue: () => import('../engine/gradscape-regret-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-regret-simd.wasm', import.meta.url),
  },
  'regret-scalar': {
    glue: () => import('../engine/gradscape-regret-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-regret-scalar.wasm', import.meta.url),
  },
  'sweep-simd': {
    glue: () => import('../engine/gradscape-sweep-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-sweep-simd.wasm', import.meta.url),
  },
  'sweep-scalar': {
    glue: () => import('../engine/gradscape-sweep-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-sweep-scalar.wasm', import.meta.url),
  },
  'paper-simd': {
    glue: () => import('../engine/gradscape-paper-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-paper-simd.wasm', import.meta.url),
  },
  'paper-scalar': {
    glue: () => import('../engine/gradscape-paper-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-paper-scalar.wasm', import.meta.url),
  },
};

// The paper lab's images as the package ships them, relative to this module. A variable, not a
// literal in new URL(), so bundlers don't copy 2.7 MB into every app: in Node only,
// loadPaperImages() with no argument reads it; a page fetches the file itself and passes the bytes.
const SHIPPED_IMAGES = '../../public/data/fashion-mnist-6k.bin';
let readFileSync = null;  // node:fs's, imported with a paper module in Node

const instances = new Map();
// Node's fs, named through a variable so that no bundler (Vite, webpack, esbuild) tries to bundle it
// for a browser: that branch runs in Node only.
const NODE_FS = 'node:fs';

function instantiate(key) {
  if (!instances.has(key)) {
    instances.set(key, (async () => {
      const { glue, wasm } = MODULES[key];
      const factory = (await glue()).default;
      const url = wasm();
      if (isNode) {
        const fs = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
        if (key.startsWith('paper-')) readFileSync = fs.readFileSync;
        return factory({ wasmBinary: await fs.promises.readFile(url) });
      }
      return factory({ locateFile: () => url.href });
    })());
  }
  return instances.get(key);
}

// The labs' engines live in modules of their own, loaded on request (loadGradscape's options).
function labModule(module, lab) {
  if (!module) {
    throw new GradscapeError(`${lab}: the ${lab} module is not loaded; load the engine with loadGradscape({ ${lab}: true })`);
  }
  return module;
}

export class Gradscape {
  #module;
  #regretModule;
  #sweepModule;
  #paperModule;
  #registry;
  #session;
  constructor(module, flavour, { regret = null, sweep = null, paper = null } = {}) {
    this.#module = module;
    this.#regretModule = regret;
    this.#sweepModule = sweep;
    this.#paperModule = paper;
    this.flavour = flavour;
    this.simdBackend = module.simdBackend();
  }
  /** Optimizers, schedules, objectives, step bounds and the regret lab's problems, as the UI is generated from them. */
  get registry() {
    this.#registry ??= JSON.parse(this.#module.registryJson());
    return this.#registry;
  }
  /** Runs a config to the end (same result schema as the CLI). */
  run(config) {
    this.#session ??= new RunSession(this.#module);
    this.#session.configure(config);
    this.#session.advance(this.#session.totalSteps);
    return this.#session.result();
  }
  createRunSession(config) { return new RunSession(this.#module, config); }
  /** @deprecated the old name of createRunSession */
  createSession(config) { return this.createRunSession(config); }
  /** Whether the regret module is loaded (loadGradscape({ regret: true })). */
  get hasRegret() { return this.#regretModule !== null; }
  /** Plays a regret config to the end (same result schema as `gradscape regret`). */
  regret(config) {
    const session = this.createRegretSession(config);
    try {
      session.advance(session.totalSteps);
      return session.result();
    } finally {
      session.delete();
    }
  }
  createRegretSession(config) { return new RegretSession(labModule(this.#regretModule, 'regret'), config); }
  /** Whether the sweep module is loaded (loadGradscape({ sweep: true })). */
  get hasSweep() { return this.#sweepModule !== null; }
  /** Computes a whole sweep map (same result schema as `gradscape sweep`). */
  sweep(config) {
    const session = this.createSweepSession(config);
    try {
      session.advanceRows(session.rows);
      return session.result();
    } finally {
      session.delete();
    }
  }
  createSweepSession(config) { return new SweepSession(labModule(this.#sweepModule, 'sweep'), config); }
  /** Whether the paper module is loaded (loadGradscape({ paper: true })). */
  get hasPaper() { return this.#paperModule !== null; }
  /** @deprecated the old name of hasPaper */
  get hasTrain() { return this.hasPaper; }
  /** Whether loadPaperImages succeeded (the image experiments need it). */
  get hasPaperImages() { return this.#paperModule !== null && this.#paperModule.hasImages(); }
  /** @deprecated the old name of hasPaperImages */
  get hasTrainImages() { return this.hasPaperImages; }
  /**
   * Hands the paper lab the bytes of public/data/fashion-mnist-6k.bin (Uint8Array or ArrayBuffer),
   * parsed once and shared by every paper session configured after it. In Node, with no argument,
   * reads the file shipped with the package. Bad bytes: a GradscapeError, the images loaded before stay.
   */
  loadPaperImages(bytes) {
    const module = labModule(this.#paperModule, 'paper');
    if (bytes === undefined) {
      if (!readFileSync) {
        throw new GradscapeError('bytes: in a browser, fetch public/data/fashion-mnist-6k.bin and pass its bytes');
      }
      const url = new URL(SHIPPED_IMAGES, import.meta.url);
      try {
        bytes = new Uint8Array(readFileSync(url));
      } catch (error) {
        throw new GradscapeError(`bytes: cannot read ${url.pathname}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      }
    } else if (bytes instanceof ArrayBuffer) {
      bytes = new Uint8Array(bytes);
    } else if (!(bytes instanceof Uint8Array)) {
      throw new GradscapeError(`bytes: must be a Uint8Array or an ArrayBuffer, got ${bytes === null ? 'null' : typeof bytes}`);
    }
    check(module.loadImages(bytes));
  }
  /** @deprecated the old name of loadPaperImages */
  loadTrainImages(bytes) { this.loadPaperImages(bytes); }
  /** Trains a paper config to the end (same result schema as `gradscape paper`). */
  paper(config) {
    const session = this.createPaperSession(config);
    try {
      session.advance(session.batchesPerRun);
      return session.result();
    } finally {
      session.delete();
    }
  }
  createPaperSession(config) { return new PaperSession(labModule(this.#paperModule, 'paper'), config); }
  /** @deprecated the old name of paper */
  train(config) { return this.paper(config); }
  /** @deprecated the old name of createPaperSession */
  createTrainSession(config) { return this.createPaperSession(config); }
  /** Bytes of wasm linear memory of every loaded module: grows on demand, never shrinks. */
  get memoryBytes() {
    return [this.#module, this.#regretModule, this.#sweepModule, this.#paperModule]
      .reduce((sum, m) => sum + (m ? m.heapBytes() : 0), 0);
  }
  createOptimizer(spec, n, precision = 'f32') { return new Optimizer(this.#module, spec, n, precision); }
  /** [paper, exact] bounds on Adam's step |Δ_t| (Section 2.1 and the Cauchy–Schwarz bound). */
  stepBounds({ lr, beta1, beta2, t }) {
    const [paper, exact] = this.#module.stepBounds(lr, beta1, beta2, t);
    return { paper, exact };
  }
}

const loaded = new Map();

/**
 * Loads the engine once per flavour, set of modules and page. flavour: 'auto' (SIMD where
 * supported), 'simd' or 'scalar'. regret: also load the regret lab's module (gs.regret,
 * gs.createRegretSession); sweep: the sweep lab's (gs.sweep, gs.createSweepSession); paper: the
 * paper lab's (gs.loadPaperImages, gs.paper, gs.createPaperSession); train: the deprecated old
 * name of paper.
 */
export function loadGradscape({ flavour = 'auto', regret = false, sweep = false, paper = false, train = false } = {}) {
  if (!['auto', 'simd', 'scalar'].includes(flavour)) {
    return Promise.reject(new GradscapeError(`flavour: must be "auto", "simd" or "scalar", got ${JSON.stringify(flavour)}`));
  }
  for (const [name, value] of [['regret', regret], ['sweep', sweep], ['paper', paper], ['train', train]]) {
    if (typeof value !== 'boolean') {
      return Promise.reject(new GradscapeError(`${name}: must be true or false, got ${JSON.stringify(value)}`));
    }
  }
  const chosen = flavour === 'auto' ? (simdSupported() ? 'simd' : 'scalar') : flavour;
  paper ||= train;
  const key = `${chosen}${regret ? '+regret' : ''}${sweep ? '+sweep' : ''}${paper ? '+paper' : ''}`;
  if (!loaded.has(key)) {
    const modules = [instantiate(`core-${chosen}`), regret ? instantiate(`regret-${chosen}`) : null,
      sweep ? instantiate(`sweep-${chosen}`) : null, paper ? instantiate(`paper-${chosen}`) : null];
    loaded.set(key, Promise.all(modules).then(([core, regretModule, sweepModule, paperModule]) =>
      new Gradscape(core, chosen, { regret: regretModule, sweep: sweepModule, paper: paperModule })));
  }
  return loaded.get(key);
}
