// The regret lab's state and its URL hash, through one declarative table in the style of the
// landscape page (web/landscape/state.mjs): every entry names a hash key, where the value lives in
// the state, and its codec. Only values that differ from an empty state are written, so a link
// stays short; decoding checks the syntax here and the engine validates the meaning (docs/schema.md,
// "Regret config and result").
import { PRESETS, findPreset } from './presets.mjs';
import { HashError, number, oneOf, optimizers, parseNumber, record, text } from '../lib/hash-codecs.mjs';
import { decodeProps, encodeProps, keyOfField, storyBase } from '../lib/hash-table.mjs';
import { Store as SharedStore } from '../lib/store.mjs';
import { MAX_OPTIMIZERS } from '../lib/optimizer-facts.mjs';

export { HashError };

export const AXES = ['loglog', 'linear'];

const clone = (value) => structuredClone(value);

export function defaultState() {
  return normalise(clone(findPreset('reddi').state));
}

/** start: a number (every coordinate) or an array of two or more; [x] becomes x. */
function normaliseStart(start) {
  if (start == null) return null;
  if (Array.isArray(start)) return start.length === 1 ? start[0] : [...start];
  return start;
}

/** The state's selected run: an index of its optimizers, else null. */
function selectedRun(state) {
  const n = state.optimizers?.length ?? 1;
  return Number.isInteger(state.selected) && state.selected >= 0 && state.selected < n ? state.selected : null;
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  const problem = state.problem ?? {};
  return {
    problem: { name: problem.name ?? 'reddi', params: { ...(problem.params ?? {}) } },
    domain: state.domain ? { ...state.domain } : null,
    start: normaliseStart(state.start),
    T: state.T ?? 100000,
    record_every: state.record_every ?? 100,
    optimizers: clone(state.optimizers ?? [{ name: 'adam', lr: 0.1 }]),
    axes: state.axes ?? 'loglog',
    story: state.story ?? null,  // the story (preset id) the state comes from: its explanation is shown
    selected: selectedRun(state),  // the run a story is about (marked in the runs table), or null
  };
}

/** The problem's registry entry (or undefined). */
export function problemInfo(registry, name) {
  return registry.problems?.find((p) => p.name === name);
}

/** The problem's default domain and start, whatever the registry calls them. */
export function problemDefaults(info) {
  return {
    domain: info?.default_domain ?? info?.domain ?? { type: 'box', radius: 1 },
    start: info?.default_start ?? info?.start ?? 0,
  };
}

/** The problem's dimension: fixed, or its parameter d. */
export function problemDimension(registry, problem) {
  const info = problemInfo(registry, problem.name);
  if (typeof info?.dimension === 'number') return info.dimension;
  const name = info?.dimension ?? 'd';
  return problem.params?.[name] ?? info?.params.find((p) => p.name === name)?.default ?? 0;
}

/** The engine's regret config (docs/schema.md) for a state. */
export function toConfig(state, registry) {
  const defaults = problemDefaults(problemInfo(registry, state.problem.name));
  return {
    version: 1,
    problem: { name: state.problem.name, params: { ...state.problem.params } },
    domain: state.domain ?? { ...defaults.domain },
    start: state.start ?? defaults.start,
    T: state.T,
    record_every: state.record_every,
    optimizers: clone(state.optimizers),
  };
}

/**
 * The state of a regret config (docs/schema.md) with the engine's defaults for what it leaves
 * out (T = 1000, record_every = ⌈T/1000⌉, one Adam, the problem's domain and start): what
 * encodeHash() turns into this page's link for a config given elsewhere (the web component).
 */
export function fromConfig(config, registry) {
  const problem = typeof config.problem === 'string' ? { name: config.problem } : (config.problem ?? {});
  const name = problem.name ?? 'reddi';
  const defaults = problemDefaults(problemInfo(registry, name));
  const T = config.T ?? 1000;
  return normalise({
    problem: { name, params: problem.params ?? {} },
    domain: config.domain ? { ...defaults.domain, ...config.domain } : null,
    start: config.start ?? null,
    T,
    record_every: config.record_every ?? Math.ceil(T / 1000),
    optimizers: config.optimizers ?? [{ name: 'adam' }],
  });
}

// Codecs of this page's own values (the shared ones live in ../lib/hash-codecs.mjs).

// 1 (every coordinate) or 0.5,-0.5,1
const start = {
  encode: (v) => (Array.isArray(v) ? v.map(String).join(',') : String(v)),
  decode: (t, key) => {
    const values = t.split(',').map((p) => parseNumber(p, key));
    return values.length === 1 ? values[0] : values;
  },
};
// box:1 or ball:2.5
const domain = {
  encode: (v) => `${v.type}:${v.radius}`,
  decode: (t, key) => {
    const [type, radius] = t.split(':');
    if (!type || radius === undefined) throw new HashError(`${key}: expected type:radius (e.g. box:1), got "${t}"`);
    return { type, radius: parseNumber(radius, `${key}.radius`) };
  },
};

/** The table: hash key, where the value lives in the state, codec (always: written even when default). */
export const PROPS = [
  { key: 'p', path: ['problem', 'name'], codec: text, always: true },
  { key: 'pp', path: ['problem', 'params'], codec: record },
  { key: 'dom', path: ['domain'], codec: domain },
  { key: 'start', path: ['start'], codec: start },
  { key: 'T', path: ['T'], codec: number, always: true },
  { key: 'rec', path: ['record_every'], codec: number, always: true },
  { key: 'opt', path: ['optimizers'], codec: optimizers },
  { key: 'axes', path: ['axes'], codec: oneOf(AXES) },
  { key: 'story', path: ['story'], codec: oneOf(PRESETS.map((p) => p.id)) },
  { key: 'sel', path: ['selected'], codec: number },
];

const EMPTY = normalise({ problem: {}, optimizers: [] });

/** "#p=reddi&pp=C:3&dom=box:1&start=1&T=1000000&rec=100&opt=adam,lr=0.5~…": what differs from an empty state. */
export function encodeHash(state) {
  return encodeProps(state, PROPS, EMPTY);
}

/**
 * Parses a hash into a full state; throws HashError naming the key on malformed input. With a
 * `dropped` array, a bad key or value is left at its default and recorded there (hash-table.mjs).
 */
export function decodeHash(hash, dropped = null) {
  const required = [{ key: 'opt', what: 'the optimizers to run' }];
  const base = storyBase(hash, PRESETS, EMPTY, normalise, required);
  const state = decodeProps(hash, PROPS, base, base === EMPTY ? required : [], dropped);
  if (state.optimizers.length > MAX_OPTIMIZERS) throw new HashError(`opt: at most ${MAX_OPTIMIZERS} optimizers`);
  if (state.selected != null && !(Number.isInteger(state.selected) && state.selected >= 0 && state.selected < state.optimizers.length)) {
    throw new HashError(`sel: must be an integer in [0, ${state.optimizers.length - 1}], got ${state.selected}`);
  }
  return normalise(state);
}

/** The hash key of an engine error's config path (optimizers[1].lr → opt), or null. */
export const hashKeyOf = (field) => keyOfField(PROPS, field);

/** A copy of the empty state: what a value a link cannot use falls back to. */
export const emptyState = () => structuredClone(EMPTY);

/** The page's store: the shared Store with this page's normalise(). */
export class Store extends SharedStore {
  constructor(state) { super(state, normalise); }
}
