// What a worker lab's page knows of its settings against its engine (regret, sweep and paper labs):
// the newest state asked for, the newest one the engine started (what the URL and Copy link hold
// while the settings on screen are refused), and whether a link's dropped fields stay marked
// through the next run. The refused ones are shown with settings-errors.mjs.
import { clearSettingErrors, showSettingErrors } from './settings-errors.mjs';

export class AcceptedSettings {
  #store;
  #controls;
  #opened;
  #requested;
  #lastValid;
  #invalid = false;
  #keepMarks = true;

  constructor(store, controls) {
    this.#store = store;
    this.#controls = controls;
    this.#opened = this.#requested = this.#lastValid = store.state;
  }

  /** The newest state asked of the engine. */
  get requested() { return this.#requested; }
  /** Whether the engine refused the settings on screen. */
  get invalid() { return this.#invalid; }
  /** The state a link of the page holds: the last one the engine started while the screen's is refused. */
  linked() { return this.#invalid ? this.#lastValid : this.#store.state; }

  request(state) { this.#requested = state; }

  /** The next run keeps the fields marked (a link's dropped values). */
  keepMarks() { this.#keepMarks = true; }

  /** The engine started the newest state: clears the marks; the state for the URL, or null for the page as opened. */
  started() {
    if (!this.#keepMarks) clearSettingErrors(this.#controls);
    this.#keepMarks = false;
    this.#invalid = false;
    this.#lastValid = this.#requested;
    return this.#lastValid === this.#opened ? null : this.#lastValid;
  }

  /** The engine refused the newest state: every field of `errors` is marked and the figures dimmed. */
  refused(errors) {
    this.#invalid = true;
    showSettingErrors(this.#controls, errors);
  }
}
