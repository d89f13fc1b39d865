// The regret lab's part of the JS API: its session, its calls on the Gradscape object (gs.regret,
// gs.createRegretSession, gs.hasRegret) and its wasm module, gradscape-regret-{simd,scalar}; its
// entry in LABS (labs.mjs) says so.
import { RunsSession, hasLabModule, labModule, resultOf } from './support.mjs';

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

const finish = (session) => session.advance(session.totalSteps);

export const REGRET_LAB = {
  name: 'regret',
  modules: {
    simd: {
      glue: () => import('../engine/gradscape-regret-simd.mjs'),
      wasm: () => new URL('../engine/gradscape-regret-simd.wasm', import.meta.url),
    },
    scalar: {
      glue: () => import('../engine/gradscape-regret-scalar.mjs'),
      wasm: () => new URL('../engine/gradscape-regret-scalar.wasm', import.meta.url),
    },
  },
  createSession: (gs, config) => gs.createRegretSession(config),
  finish,
  calls: {
    /** Whether the regret module is loaded (loadGradscape({ regret: true })). */
    get hasRegret() { return hasLabModule(this, 'regret'); },
    /** Plays a regret config to the end (same result schema as `gradscape regret`). */
    regret(config) { return resultOf(this.createRegretSession(config), finish); },
    createRegretSession(config) { return new RegretSession(labModule(this, 'regret'), config); },
  },
};
