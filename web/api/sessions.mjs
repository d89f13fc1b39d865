// The player's RunSession and the regret lab's RegretSession: several runs advanced together, one
// wasm call per advance(k), with zero-copy views of what they recorded.
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
  /** Known minima of the configured objective for its current parameters. */
  minima() { return JSON.parse(this.live().minimaJson()); }
}

/**
 * The regret lab (docs/schema.md, "Regret config"): every optimizer of the config plays the
 * same online problem; advance(k) plays k more rounds of all of them in one wasm call. t(),
 * regret(i), averageRegret(i), bound(i) and iterate(i) are zero-copy Float64Array views with one
 * entry per record point reached (fewer for a diverged run); bound(i) holds NaN where Theorem
 * 4.1's conditions fail. Re-fetch the views after every advance(): memory may grow.
 */
export class RegretSession extends RunsSession {
  constructor(module, config) { super(new module.RegretSession(), 'regret session', config); }
  get recordCount() { return this.live().recordCount(); }
  /** The record points reached so far (t = record_every, 2·record_every, …, T). */
  t() { return this.live().t(); }
  regret(i) { return this.live().regret(this.run(i)); }
  averageRegret(i) { return this.live().averageRegret(this.run(i)); }
  /** Theorem 4.1's bound at each record point; NaN where its conditions fail (see status(i).bound_note). */
  bound(i) { return this.live().bound(this.run(i)); }
  /** The first coordinate of x_t, the point played in round t, at each record point. */
  iterate(i) { return this.live().iterate(this.run(i)); }
  /** The comparator's tolerance at each record point (0 for closed forms; a duality gap otherwise). */
  tolerances() { return this.live().tolerances(); }
  /** The best fixed point in hindsight at the latest record point, with its tolerance. */
  comparator() { return JSON.parse(this.live().comparatorJson()); }
}
