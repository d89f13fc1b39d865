// The page's side of the sweep worker: sends map requests, gathers the rows posted back into one
// MapData per map, and coalesces live requests: while a live map is being computed only the newest
// live request waits (latest wins), and it is sent the moment the worker is free, so the last
// slider value is always computed. A full-resolution request is sent at once and replaces whatever
// the worker is doing. Only the newest request's messages count.
import { CANCELLED, LabRunner, failed } from '../lib/lab-runner.mjs';

/** One map as it fills in: cell (i, j) at i + j·columns; NaN in values where not computed yet. */
export class MapData {
  constructor({ rows, columns, xValues, yValues, minima, config }) {
    Object.assign(this, { rows, columns, xValues, yValues, minima, config });
    this.values = new Float64Array(rows * columns).fill(NaN);
    this.diverged = new Uint8Array(rows * columns);
    this.divergedAt = new Uint32Array(rows * columns);
    this.rowsDone = 0;
  }
  add({ from, to, values, diverged, divergedAt }) {
    const at = from * this.columns;
    this.values.set(values, at);
    this.diverged.set(diverged, at);
    this.divergedAt.set(divergedAt, at);
    this.rowsDone = to;
  }
}

/**
 * handlers: onReady(registry, flavour), onFatal(message), onStart(job), onRows(job, map), onDone(job),
 * onCancelled(job), onError(error). job: {id, live, maps, state, since, msEngine, end}.
 */
export class SweepRunner extends LabRunner {
  #current = null;      // the newest request sent: {id, configs, live, since}
  #waitingLive = null;  // the newest live request not sent yet
  #asked = new Map();   // "type:id:map:i:j" of a cell or result request → {resolve, reject}

  /** Whether a request is being computed or waits. */
  get busy() { return this.#waitingLive !== null || (this.#current !== null && !this.#current.ended); }

  /** Asks for the maps of `configs`; since: the time of the user action (performance.now()). */
  request(configs, { live = false, since = performance.now() } = {}) {
    const request = { configs, live, since };
    this.failure = null;
    if (live && this.#liveInFlight()) {
      this.#waitingLive = request;
      return;
    }
    this.#waitingLive = null;
    this.#send(request);
  }

  cancel() {
    this.#waitingLive = null;
    if (this.#current) this.send({ type: 'cancel', id: this.#current.id });
  }

  /** The run config of cell (i, j) of map `map` of the current job (SweepSession.cellConfig). */
  cell(map, i, j) { return this.#ask({ type: 'cell', map, i, j }); }

  /** The result JSON of every map of the current job, once it has finished or was cancelled. */
  result() { return this.#ask({ type: 'result' }); }

  doneResult() { return this.result(); }

  #ask(message) {
    const id = this.job?.id;
    if (id == null) return Promise.reject(new Error('no map yet'));
    const key = `${message.type}:${id}:${message.map ?? ''}:${message.i ?? ''}:${message.j ?? ''}`;
    return new Promise((resolve, reject) => {
      this.#asked.get(key)?.reject(new Error('superseded'));
      this.#asked.set(key, { resolve, reject });
      this.send({ ...message, id });
    });
  }

  #liveInFlight() {
    return !!this.#current?.live && !this.#current.ended;
  }

  #send(request) {
    const id = this.nextId();
    this.#current = { ...request, id };
    this.send({ type: 'map', id, configs: request.configs, live: request.live });
  }

  // A live job has ended: send the newest waiting live request, if any.
  #next() {
    const waiting = this.#waitingLive;
    this.#waitingLive = null;
    if (waiting) this.#send(waiting);
  }

  #settle(message) {
    const key = `${message.request ?? message.type}:${message.id}:${message.map ?? ''}:${message.i ?? ''}:${message.j ?? ''}`;
    const keys = message.type === 'error' && message.request === 'cell'
      ? [...this.#asked.keys()].filter((k) => k.startsWith(`cell:${message.id}:`))
      : [key];
    for (const k of keys) {
      const asked = this.#asked.get(k);
      if (!asked) continue;
      this.#asked.delete(k);
      if (message.type === 'error') asked.reject(new Error(message.message));
      else asked.resolve(message.type === 'cell' ? message.config : message.results);
    }
  }

  receive(message) {
    const h = this.handlers;
    if (message.type === 'cell' || message.type === 'result' || message.request) return this.#settle(message);
    if (message.id !== this.#current?.id) return undefined;
    const job = this.job;
    if (['done', 'cancelled', 'error'].includes(message.type)) this.#current.ended = true;
    switch (message.type) {
      case 'start':
        this.job = {
          id: message.id, live: message.live, since: this.#current.since, state: 'running', msEngine: 0, end: null,
          maps: message.maps.map((m) => new MapData(m)),
        };
        return h.onStart?.(this.job);
      case 'rows':
        job.maps[message.map].add(message);
        job.msEngine = message.msEngine;
        return h.onRows?.(job, message.map);
      case 'done':
        job.state = 'done';
        job.msEngine = message.msEngine;
        h.onDone?.(job);
        if (job.live) this.#next();
        if (!this.busy) this.waiters.resolve(() => this.result());
        return undefined;
      case 'cancelled':
        this.waiters.reject(CANCELLED);
        job.state = 'cancelled';
        job.msEngine = message.msEngine;
        return h.onCancelled?.(job);
      case 'error':
        if (job?.id === message.id) job.state = 'error';
        h.onError?.({ ...message, live: this.#current.live });
        if (this.#current.live) this.#next();
        if (!this.busy) {
          this.failure = message.message;
          this.waiters.reject(failed(message.message));
        }
        return undefined;
      default:
        return undefined;
    }
  }
}
