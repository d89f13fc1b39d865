// The pause between two time slices of a view's computation, given to the labs' drivers as their
// yieldTask(): it resolves in a new task (setTimeout 0), so the page renders and handles input
// between slices, and not at all while paused; play() lets the waiting slice go on. Once the
// view's signal is aborted nothing resolves again.
export class Slicer {
  #paused = false;
  #waiting = null;
  #signal;

  constructor(signal) {
    this.#signal = signal;
  }

  get paused() { return this.#paused; }

  pause() {
    this.#paused = true;
  }

  play() {
    this.#paused = false;
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.();
  }

  yieldTask = () => new Promise((resolve) => {
    const go = () => {
      if (this.#signal.aborted) return;
      if (this.#paused) this.#waiting = go;
      else resolve();
    };
    setTimeout(go, 0);
  });
}
