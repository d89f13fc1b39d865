// The sweep lab's part of the JS API: its session, its calls on the Gradscape object (gs.sweep,
// gs.createSweepSession, gs.hasSweep) and its wasm module, gradscape-sweep-{simd,scalar}; its entry
// in LABS (labs.mjs) says so.
// The session (docs/schema.md, "Sweep config"): one optimizer run once per cell of an n_x × n_y
// grid of two hyperparameters or of the start point, one run per SIMD lane. advanceRows(k)
// computes k more rows in one wasm call, so a Web Worker can show the map filling in and cancel
// between calls. values(), diverged(), divergedAt(), xValues() and yValues() are zero-copy views
// (cell (i, j) at i + j·n_x); re-fetch them after every advanceRows(): memory may grow. Rows not
// computed yet hold NaN in values().
import { EngineSession, checkCount, checkIndex, hasLabModule, labModule, resultOf } from './support.mjs';

export class SweepSession extends EngineSession {
  constructor(module, config) { super(new module.SweepSession(), 'sweep session', config); }
  /** Computes up to k more rows; returns the number computed now. */
  advanceRows(k) { return this.live().advanceRows(checkCount(k, 'rows')); }
  get rowsDone() { return this.live().rowsDone(); }
  /** n_y */
  get rows() { return this.live().rows(); }
  /** n_x */
  get columns() { return this.live().columns(); }
  /** The metric per cell (Float64Array); NaN where undefined or not computed yet. */
  values() { return this.live().values(); }
  /** 1 where the cell's run diverged (Uint8Array). */
  diverged() { return this.live().diverged(); }
  /** The step at which the cell's run diverged, 0 where it did not (Uint32Array). */
  divergedAt() { return this.live().divergedAt(); }
  xValues() { return this.live().xValues(); }
  yValues() { return this.live().yValues(); }
  /** The config with every field resolved (defaults filled in). */
  get config() { return JSON.parse(this.live().configJson()); }
  /** The objective's known minima as [x, y, f] (nearest_minimum's indices refer to them). */
  minima() { return JSON.parse(this.live().minimaJson()); }
  /** The run config (docs/schema.md) of cell (i, j): gs.run() replays that run alone. */
  cellConfig(i, j) {
    const handle = this.live();
    return JSON.parse(handle.cellConfig(checkIndex('i', i, handle.columns()), checkIndex('j', j, handle.rows())));
  }
}

const finish = (session) => session.advanceRows(session.rows);

export const SWEEP_LAB = {
  name: 'sweep',
  modules: {
    simd: {
      glue: () => import('../engine/gradscape-sweep-simd.mjs'),
      wasm: () => new URL('../engine/gradscape-sweep-simd.wasm', import.meta.url),
    },
    scalar: {
      glue: () => import('../engine/gradscape-sweep-scalar.mjs'),
      wasm: () => new URL('../engine/gradscape-sweep-scalar.wasm', import.meta.url),
    },
  },
  createSession: (gs, config) => gs.createSweepSession(config),
  finish,
  calls: {
    /** Whether the sweep module is loaded (loadGradscape({ sweep: true })). */
    get hasSweep() { return hasLabModule(this, 'sweep'); },
    /** Computes a whole sweep map (same result schema as `gradscape sweep`). */
    sweep(config) { return resultOf(this.createSweepSession(config), finish); },
    createSweepSession(config) { return new SweepSession(labModule(this, 'sweep'), config); },
  },
};
