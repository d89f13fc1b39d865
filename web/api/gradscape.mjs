// Gradscape's JS API (README.md, "JS API"; configs and results in docs/schema.md): one ES module for browsers, workers and Node.
//   const gs = await loadGradscape();          // SIMD build where the engine supports it
//   const full = await loadGradscape({ full: true });  // also typed formulas, data objectives, the pack
//   const result = gs.run(config);             // the run result of docs/schema.md
//   const opt = gs.createOptimizer({name: 'adam', lr: 1e-3}, n, 'f32');
//   opt.params.set(x0); opt.grads.set(g); opt.step(); opt.delete();
//   const labs = await loadGradscape({ regret: true, sweep: true });  // also the labs' modules
//   const regret = labs.regret(regretConfig);  // the regret result of docs/schema.md
//   const lab = labs.createRegretSession(regretConfig);  // advance(k) in a Web Worker, views of R(t)
//   const map = labs.sweep(sweepConfig);       // the sweep result of docs/schema.md
//   const maps = labs.createSweepSession(sweepConfig);   // advanceRows(k) in a Web Worker
//   const race = await loadGradscape({ race: true });   // the race lab (docs/schema.md)
//   const board = race.race(raceConfig);        // the race result: leaderboard, intervals, trials
//   const racing = race.createRaceSession(raceConfig);    // advance(k) trials in a Web Worker
//   const paper = await loadGradscape({ paper: true });  // the paper lab (docs/schema.md)
//   paper.loadPaperImages(bytes);              // public/data/fashion-mnist-6k.bin (Node: no argument)
//   const curves = paper.paper(paperConfig);   // the paper result of docs/schema.md
//   const lab = paper.createPaperSession(paperConfig);   // advance(k) minibatches in a Web Worker
// The labs (loadGradscape's options, their modules and calls) are the entries of LABS (labs.mjs).
// Every call validates in C++ and throws a GradscapeError whose message names the field.
import { LABS } from './labs.mjs';
import { Optimizer } from './optimizer.mjs';
import { RunSession } from './run-session.mjs';
import { GradscapeError, configText, importNodeFs, isNode, setLabModules } from './support.mjs';

export { GradscapeError, configText } from './support.mjs';
export { Optimizer } from './optimizer.mjs';
export { RunSession } from './run-session.mjs';
/** @deprecated the old name of RunSession */
export { RunSession as Session } from './run-session.mjs';
export { RegretSession } from './regret-lab.mjs';
export { SweepSession } from './sweep-lab.mjs';
export { RaceSession } from './race-lab.mjs';
export { PaperRun, PaperSession } from './paper-lab.mjs';
/** @deprecated the old name of PaperRun */
export { PaperRun as TrainRun } from './paper-lab.mjs';
/** @deprecated the old name of PaperSession */
export { PaperSession as TrainSession } from './paper-lab.mjs';

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

// The core module's glue and wasm, by literal paths so bundlers (Vite, webpack) find and copy them
// (each lab's are in its entry of LABS); and the full engine, the same core with what it leaves
// out to stay small (the user objectives: a typed formula, least_squares, logistic; the optimizer
// pack: PACK_OPTIMIZERS), which loadGradscape({ full: true }) loads instead.
const CORE_MODULES = {
  simd: {
    glue: () => import('../engine/gradscape-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-simd.wasm', import.meta.url),
  },
  scalar: {
    glue: () => import('../engine/gradscape-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-scalar.wasm', import.meta.url),
  },
};
const FULL_MODULES = {
  simd: {
    glue: () => import('../engine/gradscape-full-simd.mjs'),
    wasm: () => new URL('../engine/gradscape-full-simd.wasm', import.meta.url),
  },
  scalar: {
    glue: () => import('../engine/gradscape-full-scalar.mjs'),
    wasm: () => new URL('../engine/gradscape-full-scalar.wasm', import.meta.url),
  },
};

/** The user objectives' names: a config naming one needs the full engine (loadGradscape({ full: true })). */
export const USER_OBJECTIVES = Object.freeze(['formula', 'least_squares', 'logistic']);

/** Whether a config's objective (a name, or {name, ...}) is a user objective. */
export function isUserObjective(objective) {
  const name = typeof objective === 'string' ? objective : objective?.name;
  return USER_OBJECTIVES.includes(name);
}

/** The optimizer pack's names: the optimizers beyond the core twelve, in the full engine only. */
export const PACK_OPTIMIZERS = Object.freeze([
  'lion', 'asgd', 'adabelief', 'yogi', 'adan', 'ademamix', 'schedulefree_sgd', 'schedulefree_adamw',
]);

/**
 * The whole-vector optimizers' names: they need the objective itself (L-BFGS's closure, Newton's
 * Hessian, …), so they run on the 2-D surfaces only (f64), in the full engine.
 */
export const WHOLE_OPTIMIZERS = Object.freeze(['lbfgs', 'newton', 'lookahead', 'prodigy', 'sophia', 'shampoo']);
/**
 * The optimizer whose update rule the user types ({name: 'custom', rule, …}): interpreted per
 * coordinate, in f32 or f64, on the 2-D surfaces and in the sweep, in the full engine (and the
 * sweep's module). In the full registry it follows the pack, before the whole-vector optimizers.
 */
export const CUSTOM_OPTIMIZER = 'custom';

/**
 * Whether a run or sweep config needs the full engine: its objective is a user objective or an
 * optimizer (a run config's optimizers, a sweep config's optimizer) is in the pack, whole-vector or custom.
 */
export function needsFullEngine(config) {
  if (isUserObjective(config?.objective)) return true;
  const specs = Array.isArray(config?.optimizers) ? config.optimizers : [config?.optimizer];
  const full = [...PACK_OPTIMIZERS, ...WHOLE_OPTIMIZERS, CUSTOM_OPTIMIZER];
  return specs.some((spec) => full.includes(typeof spec === 'string' ? spec : spec?.name));
}

const instances = new Map();

/** The module instance of `files` ({glue, wasm}), created once per page. */
function instantiate(files) {
  if (!instances.has(files)) {
    instances.set(files, (async () => {
      const factory = (await files.glue()).default;
      const url = files.wasm();
      if (isNode) {
        const fs = await importNodeFs();
        return factory({ wasmBinary: await fs.promises.readFile(url) });
      }
      return factory({ locateFile: () => url.href });
    })());
  }
  return instances.get(files);
}

export class Gradscape {
  #module;
  #labModules;
  #registry;
  #session;
  /** labModules: the loaded labs' modules by lab name. */
  constructor(module, flavour, labModules = {}) {
    this.#module = module;
    this.#labModules = labModules;
    setLabModules(this, labModules);
    this.flavour = flavour;
    /** Whether this is the full engine (loadGradscape({ full: true })): the core with the user objectives and the optimizer pack. */
    this.full = typeof module.isFullEngine === 'function';
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
  /** Bytes of wasm linear memory of every loaded module: grows on demand, never shrinks. */
  get memoryBytes() {
    return [this.#module, ...Object.values(this.#labModules)].reduce((sum, m) => sum + m.heapBytes(), 0);
  }
  createOptimizer(spec, n, precision = 'f32') { return new Optimizer(this.#module, spec, n, precision); }
  /** [paper, exact] bounds on Adam's step |Δ_t| (Section 2.1 and the Cauchy–Schwarz bound). */
  stepBounds({ lr, beta1, beta2, t }) {
    const [paper, exact] = this.#module.stepBounds(lr, beta1, beta2, t);
    return { paper, exact };
  }
  /**
   * The update rule `spec` runs, in LaTeX: its variant of the optimizer's rule (bias correction on
   * or off, AMSGrad, centered, Nesterov, L2 or decoupled weight decay, momentum off), the
   * schedule's α_t and β1,t when beta1_decay decays it. registry.optimizers[i].latex is the general form.
   */
  formula(spec) {
    const out = this.#module.formulaLatex(configText(spec));
    if (out.startsWith('error: ')) throw new GradscapeError(out.slice(7));
    return out;
  }

  /**
   * What a custom optimizer's rule declares, checked and compiled as a config's `rule` would be:
   * { hyperparameters (registry entries: real, range, slider, scale), states [{name, initial}],
   * latex }. Bad text throws a GradscapeError "line L, column C: …". Full engine only.
   */
  ruleInfo(text) {
    if (typeof this.#module.ruleInfoJson !== 'function') {
      throw new GradscapeError('rule: custom optimizers are in the full engine; load it with loadGradscape({ full: true })');
    }
    if (typeof text !== 'string') throw new GradscapeError('rule: must be a string');
    const out = this.#module.ruleInfoJson(text);
    if (out.startsWith('error: ')) throw new GradscapeError(`rule: ${out.slice(7)}`);
    return JSON.parse(out);
  }
}

// Every lab's calls (gs.regret, gs.createSweepSession, gs.loadPaperImages, ...), as the class's own
// methods are: not enumerable. A name taken already is a mistake in a lab's entry.
for (const lab of LABS) {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(lab.calls))) {
    if (Object.hasOwn(Gradscape.prototype, name)) throw new Error(`labs.mjs: ${lab.name}'s call ${name} is taken`);
    Object.defineProperty(Gradscape.prototype, name, { ...descriptor, enumerable: false });
  }
}

const loaded = new Map();

/**
 * Loads the engine once per flavour, set of modules and page. flavour: 'auto' (SIMD where
 * supported), 'simd' or 'scalar'. full: true loads the full engine, the core module with the
 * user objectives (a typed formula, least_squares, logistic; USER_OBJECTIVES) and the optimizer
 * pack (PACK_OPTIMIZERS), instead of the smaller one without them. Every lab of LABS is an
 * option: regret: true also loads the regret lab's module (gs.regret, gs.createRegretSession);
 * sweep: the sweep lab's (gs.sweep, gs.createSweepSession); race: the race lab's (gs.race,
 * gs.createRaceSession); paper: the paper lab's
 * (gs.loadPaperImages, gs.paper, gs.createPaperSession), also under its deprecated old name train.
 * Each lab's module has the optimizer pack itself, and the sweep lab's the user objectives too.
 */
export function loadGradscape(options = {}) {
  const { flavour = 'auto', full = false } = options;
  if (!['auto', 'simd', 'scalar'].includes(flavour)) {
    return Promise.reject(new GradscapeError(`flavour: must be "auto", "simd" or "scalar", got ${JSON.stringify(flavour)}`));
  }
  if (typeof full !== 'boolean') {
    return Promise.reject(new GradscapeError(`full: must be true or false, got ${JSON.stringify(full)}`));
  }
  const labs = [];
  for (const lab of LABS) {
    for (const name of [lab.name, ...(lab.oldNames ?? [])]) {
      const value = options[name] === undefined ? false : options[name];
      if (typeof value !== 'boolean') {
        return Promise.reject(new GradscapeError(`${name}: must be true or false, got ${JSON.stringify(value)}`));
      }
      if (value && !labs.includes(lab)) labs.push(lab);
    }
  }
  const chosen = flavour === 'auto' ? (simdSupported() ? 'simd' : 'scalar') : flavour;
  const key = [chosen, ...(full ? ['full'] : []), ...labs.map((lab) => lab.name)].join('+');
  if (!loaded.has(key)) {
    const core = (full ? FULL_MODULES : CORE_MODULES)[chosen];
    const modules = [core, ...labs.map((lab) => lab.modules[chosen])].map(instantiate);
    loaded.set(key, Promise.all(modules).then(([core, ...labModules]) =>
      new Gradscape(core, chosen, Object.fromEntries(labs.map((lab, i) => [lab.name, labModules[i]])))));
  }
  return loaded.get(key);
}
