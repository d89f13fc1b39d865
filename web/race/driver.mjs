// The race lab's worker loop, apart from the worker so that it runs under Node and in the web
// component too. One job at a time: a job is one race, or two run one after the other (a race and
// the fair protocol's beside it), each a RaceSession. The session advances in chunks of about
// chunkMs (50 ms in the worker): k trials per advance(k), k adapted to the last chunk's time; between
// chunks the driver yields to its message queue, so a Cancel or a newer job is seen. Progress is
// posted after every chunk, the partial results at most every RESULT_MS and at the end.
//
// Messages in:  {type: 'race', id, configs} · {type: 'cancel', id} · {type: 'check', id, configs}
// Messages out: {type: 'start', id, races: [{config, entries, laneStepsTotal}]}
//               {type: 'progress', id, race, phase, entry, trialsDone, trialsTotal, laneStepsDone,
//                 laneStepsTotal, msEngine, results?}   results: every race's result so far (partial)
//               {type: 'done', id, results, paths, msEngine}
//                 paths[race][entry]: the run configs (heldOutRunConfig) of its first PATHS held-out runs
//               {type: 'cancelled', id, results, msEngine} · {type: 'checked', id}
//               {type: 'error', id, race, field, message, errors, request?}
//                 race: which config failed (null: none); errors: every field the engine refuses
import { LabDriver, configErrors, nextChunk } from '../lib/lab-driver.mjs';

/** Engine time per chunk in the worker (the component passes its own, shorter). */
export const RACE_CHUNK_MS = 50;
/** The partial results are posted at most this often (they are a JSON of every trial so far). */
export const RESULT_MS = 250;
/** The most trials one advance() runs (the engine's limit of K). */
const MAX_TRIALS = 1024;
/** Held-out runs per optimizer drawn on the surface. */
export const PATHS = 3;

export class RaceDriver extends LabDriver {
  #job = null;

  constructor(gs, options) {
    super(gs, { chunkMs: RACE_CHUNK_MS, ...options });
  }

  handle(message) {
    if (message?.type === 'race') this.#start(message);
    else if (message?.type === 'cancel') this.#cancel(message.id);
    else if (message?.type === 'check') this.#check(message);
  }

  /** Stops the current job and frees its sessions (the component's view does this when it goes). */
  dispose() {
    if (this.#job) this.#stop(this.#job);
  }

  #stop(job) {
    job.stopped = true;
    if (this.#job === job) this.#job = null;
    for (const session of job.sessions) session.delete();
    job.sessions = [];
  }

  #cancel(id) {
    const job = this.#job;
    if (!job || (id != null && job.id !== id)) return;
    const results = job.sessions.map((s) => s.result());
    this.#stop(job);
    this.post({ type: 'cancelled', id: job.id, results, msEngine: job.msEngine });
  }

  // Sessions for every config, or the error of the first refused one with every field it refuses.
  #sessions(id, configs, request) {
    const sessions = [];
    for (const [race, config] of configs.entries()) {
      try {
        sessions.push(this.gs.createRaceSession(config));
      } catch (error) {
        for (const session of sessions) session.delete();
        const errors = configErrors(config, (c) => this.gs.createRaceSession(c), error);
        this.post({ type: 'error', id, race, field: error.field ?? null, message: error.message, errors, ...(request ? { request } : {}) });
        return null;
      }
    }
    return sessions;
  }

  #check({ id, configs }) {
    const sessions = this.#sessions(id, configs, 'check');
    if (!sessions) return;
    for (const session of sessions) session.delete();
    this.post({ type: 'checked', id });
  }

  #start({ id, configs }) {
    if (this.#job) this.#stop(this.#job);
    const sessions = this.#sessions(id, configs);
    if (!sessions) return;
    const job = { id, sessions, race: 0, msEngine: 0, stopped: false, chunk: 1, lastResult: -Infinity };
    this.#job = job;
    this.post({
      type: 'start', id,
      races: sessions.map((s) => ({ config: s.config, entries: s.entries, laneStepsTotal: s.laneStepsTotal })),
    });
    this.#loop(job).catch((error) => {
      if (job.stopped) return;
      this.#stop(job);
      this.post({ type: 'error', id, race: job.race, field: error.field ?? null, message: error.message });
    });
  }

  async #loop(job) {
    while (!job.stopped) {
      const session = job.sessions[job.race];
      const t0 = this.now();
      session.advance(job.chunk);
      const dt = this.now() - t0;
      job.msEngine += dt;
      job.chunk = nextChunk(job.chunk, dt, this.chunkMs, MAX_TRIALS);
      if (session.finished) job.race += 1;
      if (job.race === job.sessions.length) {
        this.#finish(job);
        return;
      }
      this.#progress(job);
      await this.yieldTask();
    }
  }

  #progress(job) {
    const session = job.sessions[job.race];
    const now = this.now();
    const withResults = now - job.lastResult >= RESULT_MS;
    if (withResults) job.lastResult = now;
    this.post({
      type: 'progress', id: job.id, race: job.race, phase: session.phase, entry: session.entry,
      trialsDone: session.trialsDone, trialsTotal: session.trialsTotal,
      laneStepsDone: job.sessions.reduce((sum, s) => sum + s.laneStepsDone, 0),
      laneStepsTotal: job.sessions.reduce((sum, s) => sum + s.laneStepsTotal, 0),
      msEngine: job.msEngine,
      ...(withResults ? { results: job.sessions.map((s) => s.result()) } : {}),
    });
  }

  #finish(job) {
    const results = job.sessions.map((s) => s.result());
    const paths = job.sessions.map((s, race) => results[race].entries.map((entry, i) => {
      const runs = Math.min(PATHS, entry.held_out.steps_to_eps.length);
      return Array.from({ length: runs }, (_, run) => s.heldOutRunConfig(i, run));
    }));
    this.#stop(job);
    this.post({ type: 'done', id: job.id, results, paths, msEngine: job.msEngine });
  }
}
