// The worker's loop, apart from the worker so that it runs under Node too: drives one regret
// session at a time in chunks of ~20 ms of engine time, posting copies of the newly recorded points
// after every chunk and yielding to the message queue in between, so a Cancel or a new run is seen
// between two chunks. A finished or cancelled session is kept until the next run, so its full
// result JSON (slow to build for 10⁵ records) is made only when asked for.
//
// Messages in:  {type: 'run', id, config} · {type: 'cancel', id} · {type: 'result', id}
// Messages out: {type: 'start', id, runCount, totalSteps}
//               {type: 'points', id, from, t, tolerance, runs: [{regret, average, bound, iterate, status}], stepsDone, elapsed}
//                 tolerance: the comparator's duality gap at each new record (0: exact);
//                 status: the session's status(i) ({status, diverged_at, message, bound_note})
//               {type: 'done', id, comparator, stepsDone, elapsed} · {type: 'cancelled', id, comparator, stepsDone, elapsed}
//               {type: 'result', id, result} · {type: 'error', id, field, message, errors (every refused field, for a config)}
// Every array is a Float64Array copy whose buffer is transferred; a diverged run's arrays stop
// short of t's.
import { CHUNK_MS, LabDriver, configErrors } from '../lib/lab-driver.mjs';

const FIRST_CHUNK = 256;

/** Whether the problem's comparator is a closed form (tolerance always 0), from the registry. */
function exactComparator(registry, config) {
  const name = typeof config?.problem === 'string' ? config.problem : config?.problem?.name;
  const info = registry.problems?.find((p) => p.name === name);
  return /^closed form/.test(info?.comparator ?? '');
}

// The comparator without its per-record tolerances (the points messages carry those).
function comparatorSummary(session) {
  const { tolerances, ...rest } = session.comparator();
  return rest;
}

export class RegretDriver extends LabDriver {
  #job = null;
  #kept = null;

  handle(message) {
    if (message?.type === 'run') this.#start(message.id, message.config);
    else if (message?.type === 'cancel') this.#cancel(message.id);
    else if (message?.type === 'result') this.#result(message.id);
  }

  /** Stops the current run and frees every session (the component's view does this when it goes). */
  dispose() {
    if (this.#job) this.#stop(this.#job);
    this.#kept?.session.delete();
    this.#kept = null;
  }

  #cancel(id) {
    const job = this.#job;
    if (!job || (id != null && job.id !== id)) return;
    this.#stop(job);
    this.post({ type: 'cancelled', id: job.id, comparator: comparatorSummary(job.session), stepsDone: job.session.stepsDone, elapsed: job.elapsed });
  }

  // Ends the job's loop and keeps its session for a later 'result'.
  #stop(job) {
    job.stopped = true;
    this.#job = null;
    this.#kept?.session.delete();
    this.#kept = job;
  }

  #result(id) {
    const job = this.#kept?.id === id ? this.#kept : null;
    if (!job) {
      this.post({ type: 'error', id, field: null, message: 'result: the run is still going, or was replaced by a newer one' });
      return;
    }
    this.post({ type: 'result', id, result: job.session.result() });
  }

  #start(id, config) {
    if (this.#job) this.#cancel(this.#job.id);
    this.#kept?.session.delete();
    this.#kept = null;
    let session;
    try {
      session = this.gs.createRegretSession(config);
    } catch (error) {
      const errors = configErrors(config, (c) => this.gs.createRegretSession(c), error);
      this.post({ type: 'error', id, field: error.field ?? null, message: error.message, errors });
      return;
    }
    const job = {
      id, session, sent: 0, runSent: new Array(session.runCount).fill(0), elapsed: 0, stopped: false,
      chunk: FIRST_CHUNK, exact: exactComparator(this.gs.registry, config),
    };
    this.#job = job;
    this.post({ type: 'start', id, runCount: session.runCount, totalSteps: session.totalSteps });
    this.#loop(job).catch((error) => {
      if (job.stopped) return;
      this.#stop(job);
      this.post({ type: 'error', id, field: error.field ?? null, message: error.message });
    });
  }

  async #loop(job) {
    const { session } = job;
    while (!job.stopped) {
      const remaining = session.totalSteps - session.stepsDone;
      const k = Math.max(1, Math.min(job.chunk, remaining));
      const t0 = this.now();
      if (remaining > 0) session.advance(k);
      const dt = this.now() - t0;
      job.elapsed += dt;
      job.chunk = nextChunk(job.chunk, k, dt, this.chunkMs);
      this.#sendPoints(job);
      if (session.finished || remaining <= 0) {
        this.#stop(job);
        this.post({ type: 'done', id: job.id, comparator: comparatorSummary(session), stepsDone: session.stepsDone, elapsed: job.elapsed });
        return;
      }
      await this.yieldTask();
    }
  }

  #sendPoints(job) {
    const { session } = job;
    const from = job.sent;
    const transfer = [];
    const copy = (view, since) => {
      const part = view.slice(since);
      transfer.push(part.buffer);
      return part;
    };
    const runs = [];
    for (let i = 0; i < session.runCount; ++i) {
      const since = job.runSent[i];
      const regret = copy(session.regret(i), since);
      runs.push({
        regret, average: copy(session.averageRegret(i), since), bound: copy(session.bound(i), since),
        iterate: copy(session.iterate(i), since), status: session.status(i),
      });
      job.runSent[i] = since + regret.length;
    }
    const t = copy(session.t(), from);
    const tolerance = job.exact ? new Float64Array(t.length)
      : Float64Array.from(session.comparator().tolerances.slice(from, from + t.length));
    transfer.push(tolerance.buffer);
    job.sent = from + t.length;
    this.post({ type: 'points', id: job.id, from, t, tolerance, runs, stepsDone: session.stepsDone, elapsed: job.elapsed }, transfer);
  }
}

/** The next chunk's step count: aimed at chunkMs from the last chunk's rate, growing at most 4× at once. */
export function nextChunk(previous, steps, ms, chunkMs = CHUNK_MS) {
  if (!(ms > 0.5)) return Math.min(previous * 4, 1 << 24);
  const aimed = Math.round(steps * (chunkMs / ms));
  return Math.max(1, Math.min(aimed, previous * 4, 1 << 24));
}
