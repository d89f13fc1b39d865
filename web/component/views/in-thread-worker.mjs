// A Web Worker's interface on the main thread, for the component's views: the labs' runners
// (regret/runner.mjs, sweep/runner.mjs) talk through it to their drivers (driver.mjs) exactly as they
// would to a worker, so the component reuses both without starting one (a cross-origin host page
// cannot start our workers, and every element of a page shares one wasm module). Each message is
// delivered in order, one microtask later; an exception thrown while handling one goes to onError,
// never to the host page's console.
export class InThreadWorker {
  #driver = null;
  #listeners = [];
  #onError;

  /** onError(error): what a handler threw. */
  constructor(onError) {
    this.#onError = onError;
  }

  /** The driver the runner's messages go to; its post() is this.deliver. */
  attach(driver) {
    this.#driver = driver;
  }

  /** Runner → driver. */
  postMessage(message) {
    queueMicrotask(() => this.#guard(() => this.#driver?.handle(message)));
  }

  /** Driver → runner (the driver's post(message, transfer); copies need no transfer here). */
  deliver = (message) => {
    queueMicrotask(() => {
      for (const listener of this.#listeners) this.#guard(() => listener({ data: message }));
    });
  };

  addEventListener(type, listener) {
    if (type === 'message') this.#listeners.push(listener);
  }

  /** Stops delivering in both directions. */
  close() {
    this.#driver = null;
    this.#listeners = [];
  }

  #guard(work) {
    try {
      work();
    } catch (error) {
      this.#onError(error);
    }
  }
}
