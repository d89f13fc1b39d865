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
