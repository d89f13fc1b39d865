// The page's side of a lab's driver (<lab>/driver.mjs), in the labs' Web Worker or, for the web
// component, in the page (component/views/in-thread-worker.mjs): what every lab's runner shares.
// LabRunner numbers the requests, passes the worker's ready and fatal messages to the handlers,
// hands the rest to the lab's receive(message), and keeps the promises of whenDone(): a lab sets
// `job` (with its `state`: running, done, cancelled or error), `failure` and `busy`, and settles
// `waiters` when its newest request ends. RunRunner adds one run at a time (the regret and paper
// labs); startLabWorker() starts the worker for a lab page.
import { LABS } from '../labs.mjs';
import { showMessage } from './notices.mjs';

export const CANCELLED = 'result: the computation was cancelled before it finished';
export const failed = (message) => `result: the computation failed: ${message}`;

/**
 * The promises of callers waiting for the current computation to finish, settled together:
 * resolve(get) gives each what get() promises (called once, only when someone waits).
 */
export class Waiters {
  #waiting = [];
  wait() { return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject })); }
  resolve(get) {
    const waiting = this.#take();
    if (!waiting.length) return;
    const promise = get();
    for (const w of waiting) promise.then(w.resolve, w.reject);
  }
  reject(message) {
    for (const w of this.#take()) w.reject(new Error(message));
  }
  #take() {
    const waiting = this.#waiting;
    this.#waiting = [];
    return waiting;
  }
}

export class LabRunner {
  #worker;
  #nextId = 1;
  /** The newest request's job (kept after it ends), or null. */
  job = null;
  /** The engine's message when the newest request failed, or null. */
  failure = null;
  waiters = new Waiters();

  /** handlers: onReady(registry, flavour), onFatal(message) and the lab's own. */
  constructor(worker, handlers) {
    this.#worker = worker;
    this.handlers = handlers;
    worker.addEventListener('message', (event) => this.#receive(event.data));
    worker.addEventListener('error', (event) => handlers.onFatal?.(event.message || 'the worker failed to start'));
  }

  /** A new request's id. */
  nextId() { return this.#nextId++; }

  /** Sends a message to the driver. */
  send(message, transfer) { this.#worker.postMessage(message, transfer); }

  /**
   * A promise of the newest request's result once it has finished (when a new request replaces it
   * first, of that one); rejects when it fails or is cancelled.
   */
  whenDone() {
    if (!this.busy) {
      if (this.failure !== null) return Promise.reject(new Error(failed(this.failure)));
      if (!this.job) return Promise.reject(new Error('result: nothing has been run'));
      if (this.job.state === 'done') return this.doneResult();
      if (this.job.state === 'cancelled') return Promise.reject(new Error(CANCELLED));
    }
    return this.waiters.wait();
  }

  #receive(message) {
    if (message.type === 'ready') return this.handlers.onReady?.(message.registry, message.flavour);
    if (message.type === 'fatal') return this.handlers.onFatal?.(message.message);
    return this.receive(message);
  }
}

/**
 * A runner of one run at a time: run(config) replaces the run in progress, cancel() stops it; a
 * lab's receive() passes the current run's 'error' message to fail().
 */
export class RunRunner extends LabRunner {
  /** The run asked for and not started yet: {id, config, waiting (the driver waits for data)}, or null. */
  pending = null;

  get running() { return this.pending !== null || this.job?.state === 'running'; }
  get busy() { return this.running; }

  run(config) {
    const id = this.nextId();
    this.pending = { id, config, waiting: false };
    this.failure = null;
    this.send({ type: 'run', id, config });
    return id;
  }

  cancel() {
    const id = this.pending?.id ?? (this.job?.state === 'running' ? this.job.id : null);
    if (id != null) this.send({ type: 'cancel', id });
  }

  /** The current run failed with the engine's {field, message}. */
  fail(message) {
    const config = this.pending?.config ?? this.job?.config;
    if (this.pending?.id === message.id) this.pending = null;
    else if (this.job) this.job.state = 'error';
    this.failure = message.message;
    this.waiters.reject(failed(message.message));
    const errors = message.errors ?? [{ field: message.field ?? null, message: message.message }];
    return this.handlers.onError?.({ config, field: message.field, message: message.message, errors });
  }
}

/**
 * Starts the labs' worker for lab `name` with a runner of class Runner; resolves with
 * {runner, registry, flavour} once the engine is loaded. A worker failure before that rejects,
 * one after it is shown in the message bar.
 */
export function startLabWorker(name, Runner, handlers) {
  const worker = new Worker(new URL('./lab-worker.mjs', import.meta.url), { type: 'module' });
  worker.postMessage({ type: 'lab', name });
  return new Promise((resolve, reject) => {
    let ready = false;
    const runner = new Runner(worker, {
      ...handlers,
      onReady: (registry, flavour) => {
        ready = true;
        resolve({ runner, registry, flavour });
      },
      onFatal: (message) => {
        if (ready) showMessage(`The ${LABS[name].tab.toLowerCase()}'s worker failed: ${message}`, 'fatal');
        else reject(new Error(message));
      },
    });
  });
}
