// Gradscape's JS API (DESIGN.md, "JS API"): one ES module for browsers, workers and Node.
//   const gs = await loadGradscape();          // SIMD build where the engine supports it
//   const result = gs.run(config);             // the result schema of DESIGN.md
//   const opt = gs.createOptimizer({name: 'adam', lr: 1e-3}, n, 'f32');
//   opt.params.set(x0); opt.grads.set(g); opt.step(); opt.delete();
//   const labs = await loadGradscape({ regret: true, sweep: true });  // also the labs' modules
//   const regret = labs.regret(regretConfig);  // the regret lab's result schema of DESIGN.md
//   const lab = labs.createRegretSession(regretConfig);  // advance(k) in a Web Worker, views of R(t)
//   const map = labs.sweep(sweepConfig);       // the sweep lab's result schema of DESIGN.md
//   const maps = labs.createSweepSession(sweepConfig);   // advanceRows(k) in a Web Worker
// Every call validates in C++ and throws a GradscapeError whose message names the field.
import { GradscapeError } from './support.mjs';
import { Optimizer } from './optimizer.mjs';
import { RegretSession, Session } from './sessions.mjs';
import { SweepSession } from './sweep-session.mjs';

export { GradscapeError, configText } from './support.mjs';
export { Optimizer } from './optimizer.mjs';
export { RegretSession, Session } from './sessions.mjs';
export { SweepSession } from './sweep-session.mjs';

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
};

const instances = new Map();

function instantiate(key) {
  if (!instances.has(key)) {
    instances.set(key, (async () => {
      const { glue, wasm } = MODULES[key];
      const factory = (await glue()).default;
      const url = wasm();
      if (isNode) {
        const { readFile } = await import(/* @vite-ignore */ 'node:fs/promises');
        return factory({ wasmBinary: await readFile(url) });
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
  #registry;
  #session;
  constructor(module, flavour, { regret = null, sweep = null } = {}) {
    this.#module = module;
    this.#regretModule = regret;
    this.#sweepModule = sweep;
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
    this.#session ??= new Session(this.#module);
    this.#session.configure(config);
    this.#session.advance(this.#session.totalSteps);
    return this.#session.result();
  }
  createSession(config) { return new Session(this.#module, config); }
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
  /** Bytes of wasm linear memory of every loaded module: grows on demand, never shrinks. */
  get memoryBytes() {
    return [this.#module, this.#regretModule, this.#sweepModule].reduce((sum, m) => sum + (m ? m.heapBytes() : 0), 0);
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
 * gs.createRegretSession); sweep: the sweep lab's (gs.sweep, gs.createSweepSession).
 */
export function loadGradscape({ flavour = 'auto', regret = false, sweep = false } = {}) {
  if (!['auto', 'simd', 'scalar'].includes(flavour)) {
    return Promise.reject(new GradscapeError(`flavour: must be "auto", "simd" or "scalar", got ${JSON.stringify(flavour)}`));
  }
  for (const [name, value] of [['regret', regret], ['sweep', sweep]]) {
    if (typeof value !== 'boolean') {
      return Promise.reject(new GradscapeError(`${name}: must be true or false, got ${JSON.stringify(value)}`));
    }
  }
  const chosen = flavour === 'auto' ? (simdSupported() ? 'simd' : 'scalar') : flavour;
  const key = `${chosen}${regret ? '+regret' : ''}${sweep ? '+sweep' : ''}`;
  if (!loaded.has(key)) {
    const modules = [instantiate(`core-${chosen}`), regret ? instantiate(`regret-${chosen}`) : null,
      sweep ? instantiate(`sweep-${chosen}`) : null];
    loaded.set(key, Promise.all(modules).then(([core, regretModule, sweepModule]) =>
      new Gradscape(core, chosen, { regret: regretModule, sweep: sweepModule })));
  }
  return loaded.get(key);
}
