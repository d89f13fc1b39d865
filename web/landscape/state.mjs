// The playground's state and its URL hash, through one declarative table (after
// tensorflow/playground's state.ts PROPS): every entry names a hash key, where the value lives in
// the state, and its codec. Only values that differ from the defaults are written, so a link stays
// short; decoding checks the syntax here and the engine validates the meaning.
import { STORY_STATES } from './story-states.mjs';
import { HashError, flag, number, numbers, oneOf, optimizers, text, objectiveProps } from '../lib/hash-codecs.mjs';
import { engineStart, normalisedObjective, objectiveConfig, objectiveState } from '../lib/objective-config.mjs';
import { decodeProps, encodeProps, keyOfField, storyBase } from '../lib/hash-table.mjs';
import { Store as SharedStore } from '../lib/store.mjs';
import { MAX_OPTIMIZERS } from '../lib/optimizer-facts.mjs';

export { HashError };

const clone = (value) => structuredClone(value);

const STORIES = Object.entries(STORY_STATES).map(([id, state]) => ({ id, state }));  // for storyBase

export function defaultState() {
  const preset = STORY_STATES.valley;
  return normalise({ ...clone(preset), stepsPerFrame: 2, selected: 3 });
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  return {
    objective: normalisedObjective(state.objective),
    start: state.start ? [...state.start] : null,
    steps: state.steps ?? 500,
    precision: state.precision ?? 'f64',
    optimizers: clone(state.optimizers ?? [{ name: 'adam', lr: 0.05 }]),
    view: state.view ? [...state.view] : null,
    stepsPerFrame: state.stepsPerFrame ?? 2,
    selected: Math.max(0, Math.min(state.selected ?? 0, (state.optimizers?.length ?? 1) - 1)),
    story: state.story ?? null,  // the story (preset id) the state comes from: its explanation is shown
    t: state.t ?? null,  // the player's step in a link (null: play from step 0)
    paused: state.paused ?? false,  // whether a link's player holds at step t
  };
}

/**
 * The engine's run config (docs/schema.md) for a state. A typed formula or data objective without a
 * start starts where the engine chooses (its default_start, around the minima or the best fit).
 */
export function toConfig(state, registry) {
  if (engineStart(state.objective.name)) {
    return {
      version: 1,
      objective: objectiveConfig(state.objective),
      ...(state.start ? { start: state.start } : {}),
      steps: state.steps,
      precision: state.precision,
      optimizers: state.optimizers,
    };
  }
  const objective = registry.objectives.find((o) => o.name === state.objective.name);
  return {
    version: 1,
    objective: state.objective,
    start: state.start ?? objective?.default_start ?? [0, 0],
    steps: state.steps,
    precision: state.precision,
    optimizers: state.optimizers,
  };
}

/** The state that runs exactly `config` (a run config, e.g. a sweep cell's): the inverse of toConfig. */
export function fromConfig(config) {
  return normalise({
    objective: objectiveState(config.objective), start: config.start, steps: config.steps, precision: config.precision,
    optimizers: config.optimizers,
  });
}

/** The table: hash key, where the value lives in the state, codec (always: written even when default). */
export const PROPS = [
  ...objectiveProps(),
  { key: 'clip', path: ['objective', 'noise', 'clip_norm'], codec: number },
  { key: 'start', path: ['start'], codec: numbers(2) },
  { key: 'steps', path: ['steps'], codec: number },
  { key: 'prec', path: ['precision'], codec: text },
  { key: 'opt', path: ['optimizers'], codec: optimizers },
  { key: 'view', path: ['view'], codec: numbers(4) },
  { key: 'spf', path: ['stepsPerFrame'], codec: number },
  { key: 'sel', path: ['selected'], codec: number },
  { key: 'story', path: ['story'], codec: oneOf(Object.keys(STORY_STATES)) },
  { key: 't', path: ['t'], codec: number },
  { key: 'paused', path: ['paused'], codec: flag },
];

const EMPTY = normalise({ objective: {}, optimizers: [] });

/** "#f=rosenbrock&start=-1.5,2&opt=adam,lr=0.05~sgd,lr=0.001": what differs from an empty state. */
export function encodeHash(state) {
  return encodeProps(state, PROPS, EMPTY);
}

/**
 * Parses a hash into a full state; throws HashError naming the key on malformed input. With a
 * `dropped` array, a bad key or value is left at its default and recorded there (hash-table.mjs).
 */
export function decodeHash(hash, dropped = null) {
  const required = [{ key: 'opt', what: 'the optimizers to run' }];
  const base = storyBase(hash, STORIES, EMPTY, normalise, required);
  const state = decodeProps(hash, PROPS, base, base === EMPTY ? required : [], dropped);
  if (state.optimizers.length > MAX_OPTIMIZERS) throw new HashError(`opt: at most ${MAX_OPTIMIZERS} optimizers`);
  const refuse = (key, path, message) => {
    if (!dropped) throw new HashError(message);
    dropped.push({ key, field: path.join('.'), message });
    state[path[0]] = EMPTY[path[0]];
  };
  if (!Number.isInteger(state.stepsPerFrame) || state.stepsPerFrame < 1 || state.stepsPerFrame > 1000) {
    refuse('spf', ['stepsPerFrame'], `spf: must be an integer in [1, 1000], got ${state.stepsPerFrame}`);
  }
  if (!Number.isInteger(state.selected) || state.selected < 0 || state.selected >= state.optimizers.length) {
    refuse('sel', ['selected'], `sel: must be an integer in [0, ${state.optimizers.length - 1}], got ${state.selected}`);
  }
  if (state.view && !(state.view[0] < state.view[1] && state.view[2] < state.view[3])) {
    refuse('view', ['view'], 'view: must be xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax');
  }
  if (state.t != null && !(Number.isInteger(state.t) && state.t >= 0 && state.t <= state.steps)) {
    refuse('t', ['t'], `t: must be an integer step in [0, ${state.steps}] (the run's steps), got ${state.t}`);
  }
  return normalise(state);
}

/** The hash key of an engine error's config path (optimizers[1].beta2 → opt), or null. */
export const hashKeyOf = (field) => keyOfField(PROPS, field);

/** A copy of the empty state: what a value a link cannot use falls back to. */
export const emptyState = () => structuredClone(EMPTY);

/** The page's store: the shared Store with this page's normalise(). */
export class Store extends SharedStore {
  constructor(state) { super(state, normalise); }
}
