// The player's RunSession: the runs of a run config advanced together, one wasm call per
// advance(k), with zero-copy views of what they recorded.
import { GradscapeError, RunsSession } from './support.mjs';

/**
 * Runs of one config (docs/schema.md, "Run config"), advanced together: the landscape player calls
 * advance(k) once per animation frame and draws from the views.
 */
export class RunSession extends RunsSession {
  constructor(module, config) { super(new module.RunSession(), 'session', config); }
  /** x0, y0, x1, y1, ... of run i (Float64Array view; read it before the next advance()). */
  trajectory(i) { return this.live().trajectory(this.run(i)); }
  loss(i) { return this.live().loss(this.run(i)); }
  /**
   * Records per-step diagnostics from the next configure()/reset() on: 7 values per point
   * (gx, gy, lr, first_x, first_y, second_x, second_y; NaN where absent), read with diagnostics(i).
   */
  recordDiagnostics(on = true) { this.live().recordDiagnostics(!!on); }
  diagnostics(i) { return this.live().diagnostics(this.run(i)); }
  /** Cumulative function evaluations after each point of run i (Uint32Array view; L-BFGS's are torch's count). */
  evaluations(i) { return this.live().evaluations(this.run(i)); }
  /**
   * The paths run i's optimizer draws besides its trajectory (registry companion_labels: Lookahead's
   * slow weights, ASGD's average, Schedule-Free's x and z): per point x, y of each path in turn; else empty.
   */
  companion(i) { return this.live().companion(this.run(i)); }
  /** The scalar of run i per point when its optimizer has one (Prodigy's d_k; NaN at the start), else empty. */
  curve(i) { return this.live().curve(this.run(i)); }
  /** Every closure call of run i when its optimizer counts them (L-BFGS): step, x, y, f, line-search trial (0/1) each. */
  evaluated(i) { return this.live().evaluated(this.run(i)); }
  grid(x0, x1, y0, y1, nx, ny) {
    for (const [name, v] of [['nx', nx], ['ny', ny]]) {
      if (!Number.isInteger(v) || v < 1 || v > 4096) {
        throw new GradscapeError(`${name}: must be an integer in [1, 4096], got ${v}`);
      }
    }
    return this.live().grid(x0, x1, y0, y1, nx, ny);
  }
  /** Known minima of the configured objective for its current parameters (a typed formula's: found numerically). */
  minima() { return JSON.parse(this.live().minimaJson()); }
  /**
   * The configured objective as a registry entry: name, display_name, latex, description, params
   * (default: the current value), view, default_start, minima; a typed formula's also has `expr`,
   * and its latex is the formula as the engine parsed it.
   */
  objective() { return JSON.parse(this.live().objectiveJson()); }
}
