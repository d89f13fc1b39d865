// The sweep worker's loop, apart from the worker so that it runs under Node too. One job at a time:
// a job is one map, or two side by side (compare mode), each a SweepSession. Rows are computed in
// chunks of ~20 ms of engine time (both maps advance together) and posted after every chunk; between
// chunks the worker yields to its message queue, so a Cancel or a newer job is seen. A live job
// (the coarse map shown while a slider moves) is small and computed in one go. A finished or
// cancelled job's sessions are kept until the next job, for its cells' run configs and its result.
//
// Messages in:  {type: 'map', id, configs, live} · {type: 'cancel', id} · {type: 'cell', id, map, i, j}
//               {type: 'result', id}
// Messages out: {type: 'start', id, live, maps: [{rows, columns, xValues, yValues, minima, config}]}
//               {type: 'rows', id, map, from, to, values, diverged, divergedAt, msEngine}
//                 values (Float64Array), diverged (Uint8Array), divergedAt (Uint32Array): the cells
//                 of rows [from, to), copies whose buffers are transferred
//               {type: 'done', id, msEngine} · {type: 'cancelled', id, msEngine}
//               {type: 'cell', id, map, i, j, config} · {type: 'result', id, results}
//               {type: 'error', id, map, field, message}   map: which config failed (null: none)
import { LabDriver, configErrors, nextChunk } from '../lib/lab-driver.mjs';

export class SweepDriver extends LabDriver {
  #job = null;
  #kept = null;

  handle(message) {
    if (message?.type === 'map') this.#start(message);
    else if (message?.type === 'cancel') this.#cancel(message.id);
    else if (message?.type === 'cell') this.#cell(message);
    else if (message?.type === 'result') this.#result(message.id);
  }

  /** Stops the current job and frees every session (the component's view does this when it goes). */
  dispose() {
    if (this.#job) this.#stop(this.#job);
    this.#release(this.#kept);
    this.#kept = null;
  }

  #cancel(id) {
    const job = this.#job;
    if (!job || (id != null && job.id !== id)) return;
    this.#stop(job);
    this.post({ type: 'cancelled', id: job.id, msEngine: job.msEngine });
  }

  // Ends the job's loop and keeps its sessions for later 'cell' and 'result' requests.
  #stop(job) {
    job.stopped = true;
    this.#job = null;
    this.#release(this.#kept);
    this.#kept = job;
  }

  #release(job) {
    for (const session of job?.sessions ?? []) session.delete();
  }

  #start({ id, configs, live = false }) {
    if (this.#job) this.#stop(this.#job);
    this.#release(this.#kept);
    this.#kept = null;
    const sessions = [];
    try {
      for (const [map, config] of configs.entries()) {
        try {
          sessions.push(this.gs.createSweepSession(config));
        } catch (error) {
          error.map = map;
          throw error;
        }
      }
    } catch (error) {
      for (const session of sessions) session.delete();
      const errors = error.map == null ? undefined : configErrors(configs[error.map], (c) => this.gs.createSweepSession(c), error);
      this.post({ type: 'error', id, map: error.map ?? null, field: error.field ?? null, message: error.message, errors });
      return;
    }
    const job = { id, live, sessions, sent: sessions.map(() => 0), msEngine: 0, stopped: false, chunk: 1 };
    this.#job = job;
    this.post({
      type: 'start', id, live,
      maps: sessions.map((s) => ({
        rows: s.rows, columns: s.columns, xValues: Float64Array.from(s.xValues()), yValues: Float64Array.from(s.yValues()),
        minima: s.minima(), config: s.config,
      })),
    });
    this.#loop(job).catch((error) => {
      if (job.stopped) return;
      this.#stop(job);
      this.post({ type: 'error', id, map: null, field: error.field ?? null, message: error.message });
    });
  }

  async #loop(job) {
    const { sessions } = job;
    while (!job.stopped) {
      const k = job.live ? Infinity : job.chunk;
      const t0 = this.now();
      for (const session of sessions) session.advanceRows(Math.min(k, session.rows));
      const dt = this.now() - t0;
      job.msEngine += dt;
      job.chunk = nextChunk(job.chunk, dt, this.chunkMs);
      sessions.forEach((session, map) => this.#sendRows(job, map));
      if (sessions.every((s) => s.finished)) {
        this.#stop(job);
        this.post({ type: 'done', id: job.id, msEngine: job.msEngine });
        return;
      }
      await this.yieldTask();
    }
  }

  #sendRows(job, map) {
    const session = job.sessions[map];
    const from = job.sent[map];
    const to = session.rowsDone;
    if (to === from) return;
    const a = from * session.columns;
    const b = to * session.columns;
    const values = session.values().slice(a, b);
    const diverged = session.diverged().slice(a, b);
    const divergedAt = session.divergedAt().slice(a, b);
    job.sent[map] = to;
    this.post({ type: 'rows', id: job.id, map, from, to, values, diverged, divergedAt, msEngine: job.msEngine },
      [values.buffer, diverged.buffer, divergedAt.buffer]);
  }

  #jobWith(id) {
    if (this.#kept?.id === id) return this.#kept;
    if (this.#job?.id === id) return this.#job;
    return null;
  }

  #cell({ id, map, i, j }) {
    const job = this.#jobWith(id);
    try {
      if (!job) throw new Error('cell: the map was replaced by a newer one');
      const session = job.sessions[map];
      if (!session) throw new Error(`map: no map ${map}`);
      this.post({ type: 'cell', id, map, i, j, config: session.cellConfig(i, j) });
    } catch (error) {
      this.post({ type: 'error', id, map, field: error.field ?? null, message: error.message, request: 'cell' });
    }
  }

  #result(id) {
    const job = this.#kept?.id === id ? this.#kept : null;
    if (!job) {
      this.post({ type: 'error', id, map: null, field: null, message: 'result: the map is still being computed, or was replaced', request: 'result' });
      return;
    }
    this.post({ type: 'result', id, results: job.sessions.map((s) => s.result()) });
  }
}
