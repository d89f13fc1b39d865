// A tiny observable store: update() applies a mutation to a copy, normalises it with the page's
// normalise(), and notifies subscribers with a reason ('edit', 'live', 'structure', …).
export class Store {
  #state;
  #normalise;
  #listeners = new Set();
  constructor(state, normalise) {
    this.#normalise = normalise;
    this.#state = normalise(state);
  }
  get state() { return this.#state; }
  replace(state, reason = 'replace') {
    this.#state = this.#normalise(state);
    this.#emit(reason);
  }
  update(mutate, reason = 'edit') {
    const next = structuredClone(this.#state);
    mutate(next);
    this.#state = this.#normalise(next);
    this.#emit(reason);
  }
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  #emit(reason) {
    for (const listener of this.#listeners) listener(this.#state, reason);
  }
}
