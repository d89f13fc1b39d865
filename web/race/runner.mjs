// The page's side of the race worker (driver.mjs): sends race requests (a newer one replaces the
// race in progress) and checks of the settings, and gathers what the worker posts into the job:
// {id, state, since, end, races: [{config, entries, laneStepsTotal}], progress, results, paths,
// msEngine}. Only the newest request's messages count; a check's answer goes to its promise.
import { CANCELLED, LabRunner, failed } from '../lib/lab-runner.mjs';

/**
 * handlers: onReady(registry, flavour), onFatal(message), onStart(job), onProgress(job),
 * onDone(job), onCancelled(job), onError(error).
 */
export class RaceRunner extends LabRunner {
  #current = null;     // the newest race request: {id, ended}
  #checks = new Map();  // id → {resolve}

  get busy() { return this.#current !== null && !this.#current.ended; }

  /** Runs the races of `configs`; since: the time of the user action (performance.now()). */
  request(configs, { since = performance.now() } = {}) {
    const id = this.nextId();
    this.#current = { id, ended: false, since };
    this.failure = null;
    this.send({ type: 'race', id, configs });
    return id;
  }

  cancel() {
    if (this.busy) this.send({ type: 'cancel', id: this.#current.id });
  }

  /** A promise of the engine's errors for `configs` ([] when it accepts them): {race, errors, message}. */
  check(configs) {
    const id = this.nextId();
    return new Promise((resolve) => {
      this.#checks.set(id, { resolve });
      this.send({ type: 'check', id, configs });
    });
  }

  doneResult() { return Promise.resolve(this.job.results); }

  receive(message) {
    const check = this.#checks.get(message.id);
    if (check) {
      this.#checks.delete(message.id);
      check.resolve(message.type === 'checked' ? null : message);
      return undefined;
    }
    if (message.id !== this.#current?.id) return undefined;
    const h = this.handlers;
    const job = this.job;
    if (['done', 'cancelled', 'error'].includes(message.type)) this.#current.ended = true;
    switch (message.type) {
      case 'start':
        this.job = {
          id: message.id, state: 'running', since: this.#current.since, end: null, races: message.races,
          progress: null, results: null, paths: null, msEngine: 0,
        };
        return h.onStart?.(this.job);
      case 'progress':
        job.progress = message;
        job.msEngine = message.msEngine;
        if (message.results) job.results = message.results;
        return h.onProgress?.(job);
      case 'done':
        Object.assign(job, { state: 'done', results: message.results, paths: message.paths, msEngine: message.msEngine, end: performance.now() });
        h.onDone?.(job);
        this.waiters.resolve(() => this.doneResult());
        return undefined;
      case 'cancelled':
        Object.assign(job, { state: 'cancelled', results: message.results, msEngine: message.msEngine, end: performance.now() });
        this.waiters.reject(CANCELLED);
        return h.onCancelled?.(job);
      case 'error':
        if (job?.id === message.id) job.state = 'error';
        this.failure = message.message;
        this.waiters.reject(failed(message.message));
        return h.onError?.(message);
      default:
        return undefined;
    }
  }
}
