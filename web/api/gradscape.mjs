// Gradscape's JS API (DESIGN.md, "JS API"): one ES module for browsers, workers and Node.
//   const gs = await loadGradscape();          // SIMD build where the engine supports it
//   const result = gs.run(config);             // the result schema of DESIGN.md
//   const opt = gs.createOptimizer({name: 'adam', lr: 1e-3}, n, 'f32');
//   opt.params.set(x0); opt.grads.set(g); opt.step(); opt.delete();
//   const regret = gs.regret(regretConfig);    // the regret lab's result schema of DESIGN.md
//   const lab = gs.createRegretSession(regretConfig);  // advance(k) in a Web Worker, views of R(t)
// Every call validates in C++ and throws a GradscapeError whose message names the field.

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

export class GradscapeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GradscapeError';
    const match = /^([A-Za-z_][\w.[\]]*): /.exec(message);
    this.field = match ? match[1] : null;
  }
}

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

function wasmUrl(flavour) {
  return flavour === 'simd'
    ? new URL('../engine/gradscape-simd.wasm', import.meta.url)
    : new URL('../engine/gradscape-scalar.wasm', import.meta.url);
}

async function importFactory(flavour) {
  const glue = flavour === 'simd'
    ? await import('../engine/gradscape-simd.mjs')
    : await import('../engine/gradscape-scalar.mjs');
  return glue.default;
}

async function instantiate(flavour) {
  const factory = await importFactory(flavour);
  const url = wasmUrl(flavour);
  if (isNode) {
    const { readFile } = await import(/* @vite-ignore */ 'node:fs/promises');
    return factory({ wasmBinary: await readFile(url) });
  }
  return factory({ locateFile: () => url.href });
}

// JSON text of a config, with NaN and ±Infinity kept visible (JSON.stringify would turn them
// into null) so the engine's message can say what it got.
export function configText(config) {
  if (typeof config === 'string') return config;
  if (config === null || typeof config !== 'object') {
    throw new GradscapeError(`config: must be an object or JSON text, got ${config === null ? 'null' : typeof config}`);
  }
  return JSON.stringify(config, (key, value) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value);
}

function check(errorText) {
  if (errorText) throw new GradscapeError(errorText);
}

// A view that is re-fetched when wasm memory grows: growth detaches the old buffer, which
// leaves old views with length 0, so a length mismatch is the epoch change.
function liveView(fetch, length) {
  let view = fetch();
  return () => {
    if (view.length !== length) view = fetch();
    return view;
  };
}

export class Optimizer {
  #handle;
  #params;
  #grads;
  constructor(module, spec, n, precision) {
    if (!Number.isInteger(n) || n < 0 || n > 1e8) {
      throw new GradscapeError(`n: must be an integer in [0, 100000000], got ${n}`);
    }
    this.#handle = new module.OptimizerHandle();
    const error = this.#handle.init(configText(spec), n, String(precision));
    if (error) {
      this.#handle.delete();
      this.#handle = null;
      throw new GradscapeError(error);
    }
    this.n = n;
    this.precision = precision;
    this.#params = liveView(() => this.#live().params(), n);
    this.#grads = liveView(() => this.#live().grads(), n);
  }
  #live() {
    if (!this.#handle) throw new GradscapeError('optimizer: used after delete()');
    return this.#handle;
  }
  /** Zero-copy view of the parameters (Float32Array or Float64Array). */
  get params() { return this.#params(); }
  /** Zero-copy view of the gradients: write them here before step(). */
  get grads() { return this.#grads(); }
  /** Where the next gradient belongs: nag's look-ahead point, θ itself for the others. */
  get gradientPoint() { return this.#live().gradientPoint(); }
  /** State slot k (e.g. Adam: 0 = exp_avg, 1 = exp_avg_sq, 2 = max_exp_avg_sq). */
  state(k) {
    const slots = this.#live().slots();
    if (!Number.isInteger(k) || k < 0 || k >= slots) {
      throw new GradscapeError(`slot: must be an integer in [0, ${slots - 1}], got ${k}`);
    }
    return this.#live().state(k);
  }
  get slots() { return this.#live().slots(); }
  get spec() { return JSON.parse(this.#live().specJson()); }
  /** Change hyperparameters mid-run; the state is kept (a different optimizer name resets it). */
  setSpec(spec) { check(this.#live().setSpec(configText(spec))); }
  step() { this.#live().step(); }
  /** One step with the readable reference kernel instead of the SIMD kernel. */
  stepReference() { this.#live().stepReference(); }
  reset() { this.#live().reset(); }
  get stepCount() { return this.#live().stepCount(); }
  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

export class Session {
  #handle;
  constructor(module, config) {
    this.#handle = new module.Session();
    if (config === undefined) return;
    try {
      this.configure(config);
    } catch (error) {
      this.delete();
      throw error;
    }
  }
  #live() {
    if (!this.#handle) throw new GradscapeError('session: used after delete()');
    return this.#handle;
  }
  configure(config) { check(this.#live().configure(configText(config))); }
  reset() { this.#live().reset(); }
  /** Advances every run by up to k steps in one call; returns the number of steps taken. */
  advance(k) { return this.#live().advance(k); }
  get stepsDone() { return this.#live().stepsDone(); }
  get totalSteps() { return this.#live().totalSteps(); }
  get finished() { return this.#live().finished(); }
  get runCount() { return this.#live().runCount(); }
  /** x0, y0, x1, y1, ... of run i (Float64Array view; read it before the next advance()). */
  trajectory(i) { return this.#live().trajectory(this.#run(i)); }
  loss(i) { return this.#live().loss(this.#run(i)); }
  /**
   * Records per-step diagnostics from the next configure()/reset() on: 7 values per point
   * (gx, gy, lr, first_x, first_y, second_x, second_y; NaN where absent), read with diagnostics(i).
   */
  recordDiagnostics(on = true) { this.#live().recordDiagnostics(!!on); }
  diagnostics(i) { return this.#live().diagnostics(this.#run(i)); }
  status(i) { return JSON.parse(this.#live().runStatus(this.#run(i))); }
  grid(x0, x1, y0, y1, nx, ny) {
    for (const [name, v] of [['nx', nx], ['ny', ny]]) {
      if (!Number.isInteger(v) || v < 1 || v > 4096) {
        throw new GradscapeError(`${name}: must be an integer in [1, 4096], got ${v}`);
      }
    }
    return this.#live().grid(x0, x1, y0, y1, nx, ny);
  }
  /** Known minima of the configured objective for its current parameters. */
  minima() { return JSON.parse(this.#live().minimaJson()); }
  result() { return JSON.parse(this.#live().resultJson()); }
  /** The result JSON in parts (header, each run, closing), for streaming long results. */
  *resultParts() {
    const handle = this.#live();
    yield handle.resultHeader();
    for (let i = 0; i < handle.runCount(); ++i) yield (i ? ',' : '') + handle.runJson(i);
    yield ']}';
  }
  #run(i) {
    const count = this.#live().runCount();
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new GradscapeError(`run: must be an integer in [0, ${count - 1}], got ${i}`);
    }
    return i;
  }
  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

/**
 * The regret lab (DESIGN.md, "Regret config and result"): every optimizer of the config plays the
 * same online problem; advance(k) plays k more rounds of all of them in one wasm call. t(),
 * regret(i), averageRegret(i), bound(i) and iterate(i) are zero-copy Float64Array views with one
 * entry per record point reached (fewer for a diverged run); bound(i) holds NaN where Theorem
 * 4.1's conditions fail. Re-fetch the views after every advance(): memory may grow.
 */
export class RegretSession {
  #handle;
  constructor(module, config) {
    this.#handle = new module.RegretSession();
    if (config !== undefined) {
      try {
        this.configure(config);
      } catch (error) {
        this.delete();
        throw error;
      }
    }
  }
  #live() {
    if (!this.#handle) throw new GradscapeError('regret session: used after delete()');
    return this.#handle;
  }
  configure(config) { check(this.#live().configure(configText(config))); }
  /** Back to round 0 with the same config. */
  reset() { this.#live().reset(); }
  /** Plays up to k more rounds with every run in one call; returns the number of rounds played. */
  advance(k) {
    if (typeof k !== 'number' || !(k >= 0)) {
      throw new GradscapeError(`k: must be a non-negative number of rounds, got ${k}`);
    }
    return this.#live().advance(Math.floor(k));
  }
  get stepsDone() { return this.#live().stepsDone(); }
  get totalSteps() { return this.#live().totalSteps(); }
  get finished() { return this.#live().finished(); }
  get runCount() { return this.#live().runCount(); }
  get recordCount() { return this.#live().recordCount(); }
  /** The record points reached so far (t = record_every, 2·record_every, …, T). */
  t() { return this.#live().t(); }
  regret(i) { return this.#live().regret(this.#run(i)); }
  averageRegret(i) { return this.#live().averageRegret(this.#run(i)); }
  /** Theorem 4.1's bound at each record point; NaN where its conditions fail (see status(i).bound_note). */
  bound(i) { return this.#live().bound(this.#run(i)); }
  /** The first coordinate of x_t, the point played in round t, at each record point. */
  iterate(i) { return this.#live().iterate(this.#run(i)); }
  /** The comparator's tolerance at each record point (0 for closed forms; a duality gap otherwise). */
  tolerances() { return this.#live().tolerances(); }
  /** records, status, diverged_at, message and bound_note (null when the bound applies) of run i. */
  status(i) { return JSON.parse(this.#live().runStatus(this.#run(i))); }
  /** The best fixed point in hindsight at the latest record point, with its tolerance. */
  comparator() { return JSON.parse(this.#live().comparatorJson()); }
  result() { return JSON.parse(this.#live().resultJson()); }
  /** The result JSON in parts (header, each run, closing), for streaming long results. */
  *resultParts() {
    const handle = this.#live();
    yield handle.resultHeader();
    for (let i = 0; i < handle.runCount(); ++i) yield (i ? ',' : '') + handle.runJson(i);
    yield ']}';
  }
  #run(i) {
    const count = this.#live().runCount();
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new GradscapeError(`run: must be an integer in [0, ${count - 1}], got ${i}`);
    }
    return i;
  }
  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

export class Gradscape {
  #module;
  #registry;
  #session;
  constructor(module, flavour) {
    this.#module = module;
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
  /** Plays a regret config to the end (same result schema as `gradscape regret`). */
  regret(config) {
    const session = new RegretSession(this.#module, config);
    try {
      session.advance(session.totalSteps);
      return session.result();
    } finally {
      session.delete();
    }
  }
  createRegretSession(config) { return new RegretSession(this.#module, config); }
  /** Bytes of wasm linear memory: it grows on demand and never shrinks. */
  get memoryBytes() { return this.#module.heapBytes(); }
  createOptimizer(spec, n, precision = 'f32') { return new Optimizer(this.#module, spec, n, precision); }
  /** [paper, exact] bounds on Adam's step |Δ_t| (Section 2.1 and the Cauchy–Schwarz bound). */
  stepBounds({ lr, beta1, beta2, t }) {
    const [paper, exact] = this.#module.stepBounds(lr, beta1, beta2, t);
    return { paper, exact };
  }
}

const loaded = new Map();

/**
 * Loads the engine once per flavour and page. flavour: 'auto' (SIMD where supported), 'simd' or 'scalar'.
 */
export function loadGradscape({ flavour = 'auto' } = {}) {
  if (!['auto', 'simd', 'scalar'].includes(flavour)) {
    return Promise.reject(new GradscapeError(`flavour: must be "auto", "simd" or "scalar", got ${JSON.stringify(flavour)}`));
  }
  const chosen = flavour === 'auto' ? (simdSupported() ? 'simd' : 'scalar') : flavour;
  if (!loaded.has(chosen)) {
    loaded.set(chosen, instantiate(chosen).then((module) => new Gradscape(module, chosen)));
  }
  return loaded.get(chosen);
}
