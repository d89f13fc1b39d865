// The sweep lab's state and its URL hash, through one declarative PROPS table like the other pages
// (web/landscape/state.mjs, web/regret/state.mjs). `optimizers` holds the map's optimizer and, in
// compare mode, a second one: the second map differs from the first only by it. Decoding checks the
// syntax here; the engine validates the meaning (docs/schema.md, "Sweep config").
import { PRESETS, findPreset } from './presets.mjs';
import { HashError, number, numbers, oneOf, optimizers, parseNumber, objectiveProps } from '../lib/hash-codecs.mjs';
import { engineStart, normalisedObjective, objectiveConfig, objectiveState } from '../lib/objective-config.mjs';
import { decodeProps, encodeProps, keyOfField, storyBase } from '../lib/hash-table.mjs';
import { Store as SharedStore } from '../lib/store.mjs';
import { hyperparametersOf } from '../lib/optimizer-facts.mjs';

export { HashError };

export const METRICS = ['final_loss', 'steps_to_tol', 'nearest_minimum'];
export const START_AXES = ['start_x', 'start_y'];
/** The live map's size while a slider is dragged: 128 × 128 × min(steps, 300). */
export const LIVE = { n: 128, steps: 300 };

const clone = (value) => structuredClone(value);

export function defaultState() {
  return normalise(clone(findPreset('adam-rosenbrock').state));
}

const axisOf = (axis, fallback) => (axis
  ? { param: axis.param, min: axis.min, max: axis.max, n: axis.n ?? 64, log: axis.log ?? false }
  : { ...fallback });

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  return {
    objective: normalisedObjective(state.objective),
    start: state.start ? [...state.start] : null,
    steps: state.steps ?? 500,
    precision: state.precision ?? 'f32',
    metric: state.metric ?? 'final_loss',
    tol: state.tol ?? 1e-6,
    optimizers: clone(state.optimizers ?? [{ name: 'adam' }]),
    x: axisOf(state.x, { param: 'lr', min: 1e-4, max: 1, n: 128, log: true }),
    y: axisOf(state.y, { param: 'beta1', min: 0, max: 0.999, n: 128, log: false }),
    story: state.story ?? null,  // the preset (id) the state comes from: its explanation is shown
    pin: state.pin ? [...state.pin] : null,  // the pinned cell [map, i, j] (column i, row j)
  };
}

/** Whether the state computes a second map beside the first. */
export const comparing = (state) => state.optimizers.length > 1;

/** The objective's registry entry. */
export const objectiveInfo = (registry, name) => registry.objectives.find((o) => o.name === name);

/**
 * The engine's sweep configs for a state: one per optimizer (the map and, in compare mode, the
 * second map). live: the coarse map computed while a slider moves.
 */
export function toConfigs(state, registry, { live = false } = {}) {
  const info = objectiveInfo(registry, state.objective.name);
  const axis = (a) => ({ ...a, n: live ? Math.min(a.n, LIVE.n) : a.n });
  const chosen = engineStart(state.objective.name);
  return state.optimizers.map((optimizer) => ({
    version: 1,
    objective: clone(objectiveConfig(state.objective)),
    steps: live ? Math.min(state.steps, LIVE.steps) : state.steps,
    precision: state.precision,
    optimizer: clone(optimizer),
    x: axis(state.x),
    y: axis(state.y),
    ...(state.start || !chosen ? { start: state.start ?? info?.default_start ?? [0, 0] } : {}),
    metric: state.metric,
    ...(state.metric === 'steps_to_tol' ? { tol: state.tol } : {}),
  }));
}

/**
 * The state of a sweep config: `resolved` is the engine's resolved form of `config`
 * (SweepSession.config) and gives every field but the optimizer, which is kept as `config` gives
 * it so that a link holds only what was chosen. What encodeHash() turns into this page's link for
 * a config given elsewhere (the web component).
 */
export function fromConfig(config, resolved) {
  return normalise({
    objective: objectiveState(resolved.objective), start: resolved.start, steps: resolved.steps, precision: resolved.precision,
    metric: resolved.metric, tol: resolved.tol, optimizers: [config.optimizer ?? resolved.optimizer],
    x: resolved.x, y: resolved.y,
  });
}

/**
 * The real hyperparameters of an optimizer that an axis can sweep (a custom rule's declared ones,
 * through ruleInfo = gs.ruleInfo), then the start point.
 */
export function axisParams(registry, optimizer, ruleInfo) {
  const hypers = hyperparametersOf(registry, optimizer, ruleInfo);
  return [...hypers.filter((h) => h.type === 'real').map((h) => h.name), ...START_AXES];
}

/** An axis over the whole slider range of `param` (the objective's view box for the start point). */
export function defaultAxis(registry, state, param, n, ruleInfo) {
  if (START_AXES.includes(param)) {
    const view = objectiveInfo(registry, state.objective.name)?.view ?? [-2, 2, -2, 2];
    const k = param === 'start_x' ? 0 : 2;
    return { param, min: view[k], max: view[k + 1], n, log: false };
  }
  const h = hyperparametersOf(registry, state.optimizers[0], ruleInfo).find((p) => p.name === param);
  if (!h) return { param, min: 0, max: 1, n, log: false };
  const log = h.scale === 'log' && h.slider_min > 0;
  return { param, min: h.slider_min, max: h.slider_max, n, log };
}

/**
 * Keeps the axes valid for every optimizer of the state (after the optimizer changed): an axis
 * whose parameter the optimizer lacks is replaced by lr (x) or the first other real one (y).
 */
export function fitAxes(state, registry, ruleInfo) {
  const allowed = state.optimizers.map((o) => axisParams(registry, o, ruleInfo));
  const ok = (param) => allowed.every((list) => list.includes(param));
  const candidates = allowed[0].filter(ok);
  for (const key of ['x', 'y']) {
    const other = state[key === 'x' ? 'y' : 'x'].param;
    if (ok(state[key].param) && state[key].param !== other) continue;
    const param = candidates.find((p) => p !== other && (key === 'y' || p === 'lr')) ?? candidates.find((p) => p !== other);
    if (param) state[key] = defaultAxis(registry, state, param, state[key].n, ruleInfo);
  }
  return state;
}

// lr,0.0001,1,128,log (geometric) or beta1,0,0.999,128 (linear)
const axis = {
  encode: (a) => [a.param, a.min, a.max, a.n, ...(a.log ? ['log'] : [])].map(String).join(','),
  decode: (t, key) => {
    const parts = t.split(',');
    if (parts.length < 4 || parts.length > 5 || (parts.length === 5 && parts[4] !== 'log')) {
      throw new HashError(`${key}: expected param,min,max,n or param,min,max,n,log, got "${t}"`);
    }
    if (!/^[a-z_0-9]+$/.test(parts[0])) throw new HashError(`${key}.param: "${parts[0]}" is not a parameter name`);
    return {
      param: parts[0], min: parseNumber(parts[1], `${key}.min`), max: parseNumber(parts[2], `${key}.max`),
      n: parseNumber(parts[3], `${key}.n`), log: parts.length === 5,
    };
  },
};

/** The table: hash key, where the value lives in the state, codec (always: written even when default). */
export const PROPS = [
  ...objectiveProps(),
  { key: 'start', path: ['start'], codec: numbers(2) },
  { key: 'steps', path: ['steps'], codec: number, always: true },
  { key: 'prec', path: ['precision'], codec: oneOf(['f32', 'f64']) },
  { key: 'metric', path: ['metric'], codec: oneOf(METRICS), always: true },
  { key: 'tol', path: ['tol'], codec: number },
  { key: 'opt', path: ['optimizers'], codec: optimizers },
  { key: 'x', path: ['x'], codec: axis, always: true },
  { key: 'y', path: ['y'], codec: axis, always: true },
  { key: 'story', path: ['story'], codec: oneOf(PRESETS.map((p) => p.id)) },
  { key: 'pin', path: ['pin'], codec: numbers(3) },
];

const EMPTY = normalise({ objective: {}, optimizers: [] });

/** "#f=rosenbrock&steps=500&metric=final_loss&opt=adam&x=lr,0.0001,1,256,log&y=beta1,0,0.999,256". */
export function encodeHash(state) {
  return encodeProps(state, PROPS, EMPTY);
}

/**
 * Parses a hash into a full state; throws HashError naming the key on malformed input. With a
 * `dropped` array, a bad key or value is left at its default and recorded there (hash-table.mjs).
 */
export function decodeHash(hash, dropped = null) {
  const required = [
    { key: 'opt', what: 'the optimizer of the map' }, { key: 'x', what: 'the x axis' }, { key: 'y', what: 'the y axis' },
  ];
  const base = storyBase(hash, PRESETS, EMPTY, normalise, required);
  const state = decodeProps(hash, PROPS, base, base === EMPTY ? required : [], dropped);
  if (state.optimizers.length > 2) throw new HashError('opt: one optimizer, or two to compare');
  if (state.pin) {
    const [map, i, j] = state.pin;
    const maps = state.optimizers.length;
    const ok = (v, n) => Number.isInteger(v) && v >= 0 && v < n;
    if (!ok(map, maps) || !ok(i, state.x.n) || !ok(j, state.y.n)) {
      throw new HashError(`pin: must be map,i,j with map in [0, ${maps - 1}], i in [0, ${state.x.n - 1}] and j in [0, ${state.y.n - 1}], got ${state.pin.join(',')}`);
    }
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
