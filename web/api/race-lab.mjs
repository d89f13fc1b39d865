// The race lab's part of the JS API: its session, its calls on the Gradscape object (gs.race,
// gs.createRaceSession, gs.hasRace) and its wasm module, gradscape-race-{simd,scalar}; its entry
// in LABS (labs.mjs) says so.
// The session (docs/schema.md, "Race config"): every optimizer tunes the same K trials on the
// tuning starts, then its tuned configuration runs from the held-out starts, and the optimizers are
// ranked with bootstrap intervals. advance(k) runs k more tuning trials of the optimizer being tuned
// (or one optimizer's held-out runs) in one wasm call, so a Web Worker can show the progress and
// cancel between calls; result() is the race result so far (parts not computed yet are null).
import { EngineSession, GradscapeError, check, checkCount, hasLabModule, labModule, resultOf } from './support.mjs';

// A number for an index the engine checks (it names the range); anything else named here.
function checkNumber(name, v) {
  if (typeof v !== 'number') throw new GradscapeError(`${name}: must be an integer index, got ${typeof v}`);
  return v;
}

export class RaceSession extends EngineSession {
  constructor(module, config) { super(new module.RaceSession(), 'race session', config); }
  /** Runs up to k (≥ 1) more tuning trials, or one optimizer's held-out runs; returns the optimizer steps run. */
  advance(k) { return this.live().advance(Math.max(1, checkCount(k, 'trials'))); }
  /** 'tuning', 'held_out' or 'finished'. */
  get phase() { return this.live().phase(); }
  /** The index of the optimizer being tuned or evaluated. */
  get entry() { return this.live().entry(); }
  get entries() { return this.live().entries(); }
  /** Optimizer steps of the runs done, and of the whole race (every run counts its budget). */
  get laneStepsDone() { return this.live().laneStepsDone(); }
  get laneStepsTotal() { return this.live().laneStepsTotal(); }
  /** Trials run so far by the optimizer being tuned, and its trials in all (0 once tuning is over). */
  get trialsDone() { return this.live().trialsDone(); }
  get trialsTotal() { return this.live().trialsTotal(); }
  /** The config with every field resolved (defaults filled in). */
  get config() { return JSON.parse(this.live().configJson()); }
  /** The run config (docs/schema.md) of held-out run `run` of tuned optimizer `entry`: gs.run() replays it. */
  heldOutRunConfig(entry, run) {
    const text = this.live().heldOutRunConfig(checkNumber('entry', entry), checkNumber('run', run));
    if (!text.startsWith('{')) check(text);
    return JSON.parse(text);
  }
}

const finish = (session) => {
  const trials = session.config.trials;
  while (!session.finished) session.advance(trials);
};

export const RACE_LAB = {
  name: 'race',
  modules: {
    simd: {
      glue: () => import('../engine/gradscape-race-simd.mjs'),
      wasm: () => new URL('../engine/gradscape-race-simd.wasm', import.meta.url),
    },
    scalar: {
      glue: () => import('../engine/gradscape-race-scalar.mjs'),
      wasm: () => new URL('../engine/gradscape-race-scalar.wasm', import.meta.url),
    },
  },
  createSession: (gs, config) => gs.createRaceSession(config),
  finish,
  calls: {
    /** Whether the race module is loaded (loadGradscape({ race: true })). */
    get hasRace() { return hasLabModule(this, 'race'); },
    /** Runs a whole race (same result schema as `gradscape race`). */
    race(config) { return resultOf(this.createRaceSession(config), finish); },
    createRaceSession(config) { return new RaceSession(labModule(this, 'race'), config); },
  },
};
