// An optimizer over n parameters in wasm memory (README.md, "JS API"): write gradients into the
// zero-copy grads view, step() updates all n parameters in one call.
import { GradscapeError, check, checkIndex, configText, liveView } from './support.mjs';

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
    return this.#live().state(checkIndex('slot', k, this.#live().slots()));
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
