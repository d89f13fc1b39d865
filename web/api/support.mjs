// What every part of the JS API shares: the error type, config text, error checks, live views of
// wasm memory, the base of the engine's session handles, each Gradscape's lab modules, and Node's
// fs.

export class GradscapeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GradscapeError';
    const match = /^([A-Za-z_][\w.[\]]*): /.exec(message);
    this.field = match ? match[1] : null;
  }
}

// JSON text of a config, with NaN and ±Infinity kept visible (JSON.stringify would turn them
// into null) so the engine's message can say what it got.
export function configText(config) {
  if (typeof config === 'string') return config;
  if (config === null || typeof config !== 'object') {
    throw new GradscapeError(`config: must be an object or JSON text, got ${config === null ? 'null' : typeof config}`);
  }
  return JSON.stringify(config, (key, value) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value);
}

/** Throws the engine's error text (empty text means success). */
export function check(errorText) {
  if (errorText) throw new GradscapeError(errorText);
}

/** i as an index in [0, count − 1], or a GradscapeError naming `name`. */
export function checkIndex(name, i, count) {
  if (!Number.isInteger(i) || i < 0 || i >= count) {
    throw new GradscapeError(`${name}: must be an integer in [0, ${count - 1}], got ${i}`);
  }
  return i;
}

/** k as a non-negative count of `what`, floored. */
export function checkCount(k, what) {
  if (typeof k !== 'number' || !(k >= 0)) {
    throw new GradscapeError(`k: must be a non-negative number of ${what}, got ${k}`);
  }
  return Math.floor(k);
}

// A view that is re-fetched when wasm memory grows: growth detaches the old buffer, which
// leaves old views with length 0, so a length mismatch is the epoch change.
export function liveView(fetch, length) {
  let view = fetch();
  return () => {
    if (view.length !== length) view = fetch();
    return view;
  };
}

/**
 * A long-lived engine object behind a config: configure(config) validates it in C++ (the error
 * names the field), result() is the result of docs/schema.md, delete() frees wasm memory.
 */
export class EngineSession {
  #handle;
  #name;
  constructor(handle, name, config) {
    this.#handle = handle;
    this.#name = name;
    if (config === undefined) return;
    try {
      this.configure(config);
    } catch (error) {
      this.delete();
      throw error;
    }
  }
  /** The Embind handle (throws once deleted). */
  live() {
    if (!this.#handle) throw new GradscapeError(`${this.#name}: used after delete()`);
    return this.#handle;
  }
  configure(config) { check(this.live().configure(configText(config))); }
  get finished() { return this.live().finished(); }
  result() { return JSON.parse(this.resultText()); }
  /** The result as JSON text, as the CLI prints it. */
  resultText() { return this.live().resultJson(); }
  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

/** A session of several runs advanced together (the player, the regret lab). */
export class RunsSession extends EngineSession {
  /** Back to step 0 with the same config. */
  reset() { this.live().reset(); }
  /** Advances every run by up to k steps in one call; returns the number of steps taken. */
  advance(k) { return this.live().advance(checkCount(k, 'steps')); }
  get stepsDone() { return this.live().stepsDone(); }
  get totalSteps() { return this.live().totalSteps(); }
  get runCount() { return this.live().runCount(); }
  status(i) { return JSON.parse(this.live().runStatus(this.run(i))); }
  /** The result JSON in parts (header, each run, closing), for streaming long results. */
  *resultParts() {
    const handle = this.live();
    yield handle.resultHeader();
    for (let i = 0; i < handle.runCount(); ++i) yield (i ? ',' : '') + handle.runJson(i);
    yield ']}';
  }
  /** i checked as a run index. */
  run(i) { return checkIndex('run', i, this.live().runCount()); }
}

/** Runs `session` to its end with finish(session) and returns its result; the session is deleted. */
export function resultOf(session, finish) {
  try {
    finish(session);
    return session.result();
  } finally {
    session.delete();
  }
}

// Each Gradscape's lab modules by lab name (null: not loaded), set by its constructor; the labs'
// calls (web/api/<lab>-lab.mjs) reach their module through labModule(gs, name).
const labModules = new WeakMap();

export function setLabModules(gs, modules) { labModules.set(gs, modules); }

/** Whether lab `name`'s module is loaded in gs. */
export function hasLabModule(gs, name) { return !!labModules.get(gs)?.[name]; }

/** Lab `name`'s module of gs, or a GradscapeError saying how to load it. */
export function labModule(gs, name) {
  const module = labModules.get(gs)?.[name];
  if (!module) {
    throw new GradscapeError(`${name}: the ${name} module is not loaded; load the engine with loadGradscape({ ${name}: true })`);
  }
  return module;
}

export const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

// Node's fs, named through a variable so that no bundler (Vite, webpack, esbuild) tries to bundle it
// for a browser: it is imported in Node only, when the first module loads.
const NODE_FS = 'node:fs';
let nodeFs = null;

/** node:fs (Node only). */
export async function importNodeFs() {
  nodeFs ??= await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
  return nodeFs;
}

/** node:fs once importNodeFs() has run, else null (always in a browser). */
export function importedNodeFs() { return nodeFs; }
