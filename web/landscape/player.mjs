// The player: advances every run of the session in one engine call per animation frame
// (session.advance(k)), never one call per step, and tells the page to redraw. Stepping back
// re-runs from step 0 to the earlier step (the engine has no rewind; the runs are deterministic, so
// the shown state is exactly the one the runs had there).
export const STEPS_PER_FRAME = [1, 2, 5, 10, 20, 50, 100, 500];
export const SPEEDS = [0.25, 0.5, 1];

export class Player {
  #session;
  #onFrame;
  #onState;
  #frame = 0;
  #credit = 0;
  playing = false;
  stepsPerFrame = 2;
  speed = 1;  // advances per animation frame (below 1: slow motion)

  constructor(session, { onFrame, onState }) {
    this.#session = session;
    this.#onFrame = onFrame;
    this.#onState = onState;
  }

  play() {
    if (this.playing) return;
    if (this.#session.finished) this.#session.reset();
    this.playing = true;
    this.#credit = 0;
    this.#frame = requestAnimationFrame(this.#tick);
    this.#onState(this);
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.#frame);
    this.#onState(this);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Pauses and advances by k steps (1: one optimizer step; stepsPerFrame: one frame). */
  step(k = 1) {
    this.pause();
    if (this.#session.finished) return;
    this.#session.advance(k);
    this.#onFrame();
    this.#onState(this);
  }

  /** Pauses and goes back k steps (not before step 0). */
  back(k = 1) {
    const done = this.#session.stepsDone;
    if (done === 0) {
      this.pause();
      return;
    }
    this.seek(Math.max(0, done - k));
  }

  reset() {
    this.pause();
    this.#session.reset();
    this.#onFrame();
    this.#onState(this);
  }

  /** Shows the runs after exactly k steps (the scrubber). */
  seek(k) {
    this.pause();
    this.#session.reset();
    this.#session.advance(k);
    this.#onFrame();
    this.#onState(this);
  }

  /** Computes every step at once (after an edit while paused). */
  finish() {
    this.#session.advance(this.#session.totalSteps);
    this.#onFrame();
    this.#onState(this);
  }

  #tick = () => {
    if (!this.playing) return;
    this.#credit += this.speed;
    if (this.#credit >= 1) {
      this.#credit -= 1;
      this.#session.advance(this.stepsPerFrame);
      this.#onFrame();
    }
    if (this.#session.finished) {
      this.playing = false;
      this.#onState(this);
      return;
    }
    this.#frame = requestAnimationFrame(this.#tick);
  };
}
