// The race lab's state and its URL hash, through one declarative PROPS table like the other labs'
// (web/sweep/state.mjs). The optimizers are kept as the run config's entries (`opt`, the shared
// codec) and what each tunes beside them (`tunes`, the `tune` key), so that a link holds both.
// `start` is one fixed start (null: starts drawn in `box`, null: the objective's view); `clip` is
// the explicit switch of gradient clipping to `clip_norm`; `fair` runs the fair protocol beside
// the state's own race (the kozistr presets). Decoding checks the syntax here; the engine
// validates the meaning (docs/schema.md, "Race config").
import { PRESETS, findPreset } from './presets.mjs';
import { HashError, flag, number, numbers, oneOf, optimizers, parseNumber, objectiveProps } from '../lib/hash-codecs.mjs';
import { normalisedObjective, objectiveConfig, objectiveState } from '../lib/objective-config.mjs';
import { decodeProps, encodeProps, keyOfField, storyBase } from '../lib/hash-table.mjs';
import { Store as SharedStore } from '../lib/store.mjs';
import { hyperparametersOf } from '../lib/optimizer-facts.mjs';

export { HashError };

export const SEARCHES = ['random', 'grid', 'halving'];
export const SCORES = ['steps_to_eps', 'final_loss', 'success_rate'];
/** The fair protocol's starts (the race beside a fixed-start one). */
export const FAIR = { tuning_starts: 16, held_out_starts: 64 };
/** Momentum's tuned range under the fair protocol: Nesterov needs momentum > 0 at every corner. */
const FAIR_MOMENTUM = { param: 'momentum', min: 0.5, max: 0.99 };

const clone = (value) => structuredClone(value);

export function defaultState() {
  return normalise({ ...clone(findPreset('rosenbrock-all').state), story: 'rosenbrock-all' });
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  const list = clone(state.optimizers ?? [{ name: 'adam' }]);
  const tunes = list.map((_, i) => clone(state.tunes?.[i] ?? ['lr']));
  return {
    objective: normalisedObjective(state.objective),
    optimizers: list,
    tunes,
    start: state.start ? [...state.start] : null,
    box: state.box ? [...state.box] : null,
    tuning_starts: state.tuning_starts ?? 16,
    held_out_starts: state.held_out_starts ?? 64,
    seeds: state.seeds ?? 1,
    steps: state.steps ?? 500,
    tuning_steps: state.tuning_steps ?? null,  // null: steps
    eps: state.eps ?? 1e-4,
    trials: state.trials ?? 64,
    search: state.search ?? 'random',
    score: state.score ?? 'steps_to_eps',
    seed: state.seed ?? 1,
    clip: state.clip ?? false,
    clip_norm: state.clip_norm ?? 1,
    precision: state.precision ?? 'f64',
    fair: state.fair ?? false,
    story: state.story ?? null,  // the preset (id) the state comes from: its explanation is shown
  };
}

/** The objective's registry entry. */
export const objectiveInfo = (registry, name) => registry.objectives.find((o) => o.name === name);

/** The engine's race config for a state (docs/schema.md, "Race config"). */
export function toConfig(state) {
  const fixed = !!state.start;
  return {
    version: 1,
    objective: clone(objectiveConfig(state.objective)),
    precision: state.precision,
    optimizers: state.optimizers.map((o, i) => ({ ...clone(o), tune: clone(state.tunes[i]) })),
    ...(fixed ? { start: [...state.start] } : {}),
    ...(!fixed && state.box ? { box: [...state.box] } : {}),
    ...(fixed ? {} : { tuning_starts: state.tuning_starts, held_out_starts: state.held_out_starts }),
    seeds: state.seeds,
    steps: state.steps,
    ...(state.tuning_steps != null ? { tuning_steps: state.tuning_steps } : {}),
    eps: state.eps,
    trials: state.trials,
    search: state.search,
    score: state.score,
    seed: state.seed,
    clip_norm: state.clip ? state.clip_norm : 0,
  };
}

/**
 * What an entry tunes under the fair protocol: lr, and its momentum (where it uses one) or β₁
 * (where it has one). ruleInfo: gs.ruleInfo, for a custom rule's declared hyperparameters.
 */
export function fairTune(registry, optimizer, ruleInfo) {
  const names = hyperparametersOf(registry, optimizer, ruleInfo).filter((h) => h.type === 'real').map((h) => h.name);
  const tune = names.includes('lr') ? ['lr'] : names.slice(0, 1);
  if (names.includes('momentum') && optimizer.momentum > 0) tune.push(clone(FAIR_MOMENTUM));
  else if (names.includes('beta1')) tune.push('beta1');
  return tune;
}

/**
 * The fair protocol's state for the same function and optimizers: starts drawn in the objective's
 * view, no clipping, lr and momentum or β₁ tuned, tuning with the whole step budget.
 */
export function fairState(state, registry, ruleInfo) {
  return normalise({
    ...clone(state), start: null, box: null, ...FAIR, tuning_steps: null, clip: false, fair: false,
    tunes: state.optimizers.map((o) => fairTune(registry, o, ruleInfo)),
  });
}

/** The race configs a state runs: its own, and the fair protocol's beside it with `fair`. */
export function toConfigs(state, registry, ruleInfo) {
  return state.fair ? [toConfig(state), toConfig(fairState(state, registry, ruleInfo))] : [toConfig(state)];
}

/**
 * The state of a race config: `resolved` is the engine's resolved form of `config` (the session's
 * config) and gives the protocol's fields; the optimizers are kept as `config` gives them so that a
 * link holds only what was chosen. What encodeHash() turns into this page's link for a config given
 * elsewhere (the web component).
 */
export function fromConfig(config, resolved) {
  const entries = config.optimizers ?? resolved.optimizers;
  return normalise({
    objective: objectiveState(resolved.objective),
    optimizers: entries.map(({ tune, ...o }) => o),
    tunes: entries.map((o) => o.tune ?? ['lr']),
    start: config.start ?? null,
    box: config.box ?? null,
    ...(config.start ? {} : { tuning_starts: resolved.tuning_starts, held_out_starts: resolved.held_out_starts }),
    seeds: resolved.seeds, steps: resolved.steps,
    tuning_steps: resolved.tuning_steps === resolved.steps ? null : resolved.tuning_steps,
    eps: resolved.eps, trials: resolved.trials, search: resolved.search, score: resolved.score, seed: resolved.seed,
    clip: resolved.clip_norm > 0, clip_norm: resolved.clip_norm > 0 ? resolved.clip_norm : 1, precision: resolved.precision,
  });
}

// What every entry tunes: lr+beta1~lr+momentum:0.5:0.99 (a name, or name:min:max[:scale]).
const tunes = {
  encode: (list) => list.map((tune) => tune.map((t) => (typeof t === 'string' ? t
    : [t.param, t.min, t.max, ...(t.scale ? [t.scale] : [])].join(':'))).join('+')).join('~'),
  decode: (t, key) => t.split('~').map((entry, i) => entry.split('+').filter(Boolean).map((item) => {
    const parts = item.split(':');
    if (!/^[a-z_0-9]+$/.test(parts[0])) throw new HashError(`${key}[${i}]: "${parts[0]}" is not a hyperparameter name`);
    if (parts.length === 1) return parts[0];
    if (parts.length < 3 || parts.length > 4) throw new HashError(`${key}[${i}]: expected name or name:min:max[:scale], got "${item}"`);
    return {
      param: parts[0], min: parseNumber(parts[1], `${key}[${i}].min`), max: parseNumber(parts[2], `${key}[${i}].max`),
      ...(parts[3] ? { scale: oneOf(['linear', 'log', 'log1m']).decode(parts[3], `${key}[${i}].scale`) } : {}),
    };
  })),
};

/** The table: hash key, where the value lives in the state, codec (always: written even when default). */
export const PROPS = [
  ...objectiveProps('nseed'),
  { key: 'opt', path: ['optimizers'], codec: optimizers, always: true },
  { key: 'tune', path: ['tunes'], codec: tunes, always: true },
  { key: 'start', path: ['start'], codec: numbers(2) },
  { key: 'box', path: ['box'], codec: numbers(4) },
  { key: 'n', path: ['tuning_starts'], codec: number },
  { key: 'm', path: ['held_out_starts'], codec: number },
  { key: 's', path: ['seeds'], codec: number },
  { key: 'steps', path: ['steps'], codec: number, always: true },
  { key: 'tsteps', path: ['tuning_steps'], codec: number },
  { key: 'eps', path: ['eps'], codec: number },
  { key: 'k', path: ['trials'], codec: number, always: true },
  { key: 'search', path: ['search'], codec: oneOf(SEARCHES) },
  { key: 'score', path: ['score'], codec: oneOf(SCORES) },
  { key: 'seed', path: ['seed'], codec: number },
  { key: 'clip', path: ['clip'], codec: flag },
  { key: 'clipnorm', path: ['clip_norm'], codec: number },
  { key: 'prec', path: ['precision'], codec: oneOf(['f32', 'f64']) },
  { key: 'fair', path: ['fair'], codec: flag },
  { key: 'story', path: ['story'], codec: oneOf(PRESETS.map((p) => p.id)) },
];

const EMPTY = normalise({ objective: {}, optimizers: [] });

/** "#f=rosenbrock&opt=sgd~adam&tune=lr~lr+beta1&steps=500&k=64". */
export function encodeHash(state) {
  return encodeProps(state, PROPS, EMPTY);
}

/**
 * Parses a hash into a full state; throws HashError naming the key on malformed input. With a
 * `dropped` array, a bad key or value is left at its default and recorded there (hash-table.mjs).
 */
export function decodeHash(hash, dropped = null) {
  const required = [{ key: 'opt', what: 'the optimizers of the race' }];
  const base = storyBase(hash, PRESETS, EMPTY, normalise, required);
  const state = decodeProps(hash, PROPS, base, base === EMPTY ? required : [], dropped);
  if (!state.optimizers.length) throw new HashError('opt: at least one optimizer');
  if (state.tunes.length > state.optimizers.length) {
    throw new HashError(`tune: ${state.tunes.length} lists for ${state.optimizers.length} optimizers`);
  }
  return normalise(state);
}

/** The hash key of an engine error's config path (optimizers[1].lr → opt, optimizers[1].tune → tune), or null. */
export function hashKeyOf(field) {
  if (/^optimizers\[\d+\]\.tune/.test(field ?? '')) return 'tune';
  if (field === 'clip_norm') return 'clipnorm';
  return keyOfField(PROPS, field);
}

/** A copy of the empty state: what a value a link cannot use falls back to. */
export const emptyState = () => structuredClone(EMPTY);

/** The page's store: the shared Store with this page's normalise(). */
export class Store extends SharedStore {
  constructor(state) { super(state, normalise); }
}
