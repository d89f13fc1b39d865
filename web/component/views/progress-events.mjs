// A view's 'step' events, {step, total}, at most 10 per second (the last one of a computation is
// always sent, with force), and its 'diverged' events, once per run and computation.
const STEP_EVENT_MS = 100;

export class ProgressEvents {
  #emit;
  #last = -Infinity;
  #diverged = new Set();

  constructor(emit) {
    this.#emit = emit;
  }

  /** A new computation: every run may diverge again. */
  restart() {
    this.#last = -Infinity;
    this.#diverged.clear();
  }

  step(step, total, force = false) {
    const now = performance.now();
    if (!force && now - this.#last < STEP_EVENT_MS) return;
    this.#last = now;
    this.#emit('step', { step, total });
  }

  diverged(run, label, step) {
    if (this.#diverged.has(run)) return;
    this.#diverged.add(run);
    this.#emit('diverged', { run, label, step });
  }
}
