// The paper lab's state and its URL hash through one PROPS table (lib/hash-table.mjs). A state is
// one figure's experiment: the paper config's fields (docs/schema.md) plus `figure` (which of
// the paper's figures it replays, and so which claim the page checks) and, for Fig. 4, `ablation`
// (β₁ values × β₂ values × log₁₀ α grid, with and without bias correction), from which toConfig()
// builds the optimizer entries. A link holds `fig` and only what differs from that figure's preset,
// so "#fig=2" is Fig. 2 as shipped. The hash's syntax is checked here; the engine checks the meaning
// and names the config field.
import { FIGURES, findPreset } from './presets.mjs';
import { HashError, number, oneOf, optimizers, parseNumber, record } from '../lib/hash-codecs.mjs';
import { decodeProps, encodeProps, keyOfField } from '../lib/hash-table.mjs';
import { Store as SharedStore } from '../lib/store.mjs';
import { MAX_OPTIMIZERS } from '../lib/optimizer-facts.mjs';

export { HashError };

export const EXPERIMENTS = ['logreg_images', 'logreg_bow', 'mlp_images', 'vae_images'];
const FIGURE_OF = { logreg_images: '1l', logreg_bow: '1r', mlp_images: '2', vae_images: '4' };
const IMAGES = { train: 6000, test: 1000 };
const BOW = { train: 5000, test: 1000 };

const clone = (value) => structuredClone(value);

/** Whether the experiment trains on the Fashion-MNIST images (and so needs the data file). */
export const needsImages = (experiment) => experiment !== 'logreg_bow';

/** The preset state of a figure ('1l', '1r', '2', '4'). */
export function presetState(figure) {
  return normalise(clone(findPreset(figure).state));
}

export function defaultState() {
  return presetState('1l');
}

/** Minibatches per epoch of a state (the engine's ⌈train / batch_size⌉). */
export function batchesPerEpoch(state) {
  const all = state.experiment === 'logreg_bow' ? BOW : IMAGES;
  return Math.ceil((state.data.train ?? all.train) / Math.max(1, state.batch_size));
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  const experiment = state.experiment ?? 'logreg_images';
  const out = {
    figure: state.figure ?? FIGURE_OF[experiment] ?? '1l',
    experiment,
    model: { ...(state.model ?? {}) },
    data: { ...(state.data ?? {}) },
    epochs: state.epochs ?? 3,
    batch_size: state.batch_size ?? 128,
    seeds: [...(state.seeds ?? [1])],
    record_every: state.record_every ?? null,
    optimizers: clone(state.optimizers ?? []),
    ablation: state.ablation ? { beta1: [0, 0.9], beta2: [0.999], log_lr: [-3], short: 1, ...state.ablation } : null,
    selected: null,  // the optimizer entry the figure's story is about (marked in the grid table), or null
  };
  const entries = out.ablation ? 0 : out.optimizers.length;
  if (Number.isInteger(state.selected) && state.selected >= 0 && state.selected < entries) out.selected = state.selected;
  out.record_every ??= Math.max(1, Math.ceil(batchesPerEpoch(out) / 4));
  if (!out.ablation && !out.optimizers.length) out.optimizers = [{ name: 'adam', lr_grid: [0.001] }];
  return out;
}

/** 10^x as the decimal a person would type (1e-5, not 0.000009999…). */
export const pow10 = (x) => Number((10 ** x).toPrecision(12));

/** Fig. 4's optimizer entries: every β₁ × β₂, with and without bias correction, each over the α grid. */
export function ablationEntries(ablation) {
  const entries = [];
  for (const beta1 of ablation.beta1) {
    for (const beta2 of ablation.beta2) {
      for (const bias of [true, false]) {
        entries.push({
          name: 'adam', beta1, beta2, bias_correction: bias, lr_grid: ablation.log_lr.map(pow10),
          label: `β₁ ${beta1}, β₂ ${beta2}, ${bias ? 'corrected' : 'uncorrected'}`,
        });
      }
    }
  }
  return entries;
}

/** The paper config (docs/schema.md) of a state. */
export function toConfig(state) {
  const config = {
    version: 1, experiment: state.experiment, model: clone(state.model), data: clone(state.data),
    epochs: state.epochs, batch_size: state.batch_size, seeds: [...state.seeds], record_every: state.record_every,
    optimizers: state.ablation ? ablationEntries(state.ablation) : clone(state.optimizers),
  };
  return config;
}

// Fig. 4's ablation read back from optimizer entries that ablationEntries() made, or null.
function ablationOf(optimizersList) {
  if (!optimizersList?.length || optimizersList.some((o) => o.name !== 'adam' || !Array.isArray(o.lr_grid))) return null;
  const beta1 = [...new Set(optimizersList.map((o) => o.beta1 ?? 0.9))];
  const beta2 = [...new Set(optimizersList.map((o) => o.beta2 ?? 0.999))];
  const log_lr = optimizersList[0].lr_grid.map((lr) => Number(Math.log10(lr).toPrecision(6)));
  const ablation = { beta1, beta2, log_lr, short: 1 };
  const same = JSON.stringify(ablationEntries(ablation).map(({ label, ...o }) => o))
    === JSON.stringify(optimizersList.map(({ label, ...o }) => ({ name: 'adam', beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999, bias_correction: o.bias_correction ?? true, lr_grid: o.lr_grid })));
  return same ? ablation : null;
}

/** The state of a paper config given elsewhere (the web component, the embed), the engine's defaults for what it leaves out. */
export function fromConfig(config) {
  const experiment = config.experiment ?? 'logreg_images';
  const ablation = experiment === 'vae_images' ? ablationOf(config.optimizers) : null;
  return normalise({
    figure: FIGURE_OF[experiment], experiment, model: config.model, data: config.data,
    epochs: config.epochs ?? 5, batch_size: config.batch_size ?? 128,
    seeds: config.seeds ?? (config.seed != null ? [config.seed] : [1]), record_every: config.record_every,
    optimizers: ablation ? [] : (config.optimizers ?? [{ name: 'adam', lr: 0.001 }]), ablation,
  });
}

// Codecs of this page's own values (the shared ones live in ../lib/hash-codecs.mjs).

// 1,2,3 (any count)
const list = {
  encode: (v) => v.map(String).join(','),
  decode: (t, key) => t.split(',').map((p) => parseNumber(p, key)),
};

// The shared optimizer codec plus each entry's learning-rate grid as lrs=0.001:0.01:0.1.
const gridOptimizers = {
  encode: (entries) => entries.map(({ lr_grid: grid, ...o }) => {
    const text = optimizers.encode([o]);
    return grid ? `${text},lrs=${grid.map(String).join(':')}` : text;
  }).join('~'),
  decode: (t, key) => t.split('~').map((item, i) => {
    const fields = item.split(',');
    const lrs = fields.filter((f) => f.startsWith('lrs='));
    if (lrs.length > 1) throw new HashError(`${key}[${i}].lr_grid: given twice`);
    let entry;
    try {
      [entry] = optimizers.decode(fields.filter((f) => !f.startsWith('lrs=')).join(','), key);
    } catch (error) {
      throw new HashError(error.message.replace(`${key}[0]`, `${key}[${i}]`));
    }
    if (lrs.length) entry.lr_grid = lrs[0].slice(4).split(':').map((p) => parseNumber(p, `${key}[${i}].lr_grid`));
    return entry;
  }),
};

/** The table: hash key, where the value lives in the state, codec (always: written even when it equals the preset's). */
export const PROPS = [
  { key: 'fig', path: ['figure'], codec: oneOf(FIGURES), always: true },
  { key: 'x', path: ['experiment'], codec: oneOf(EXPERIMENTS) },
  { key: 'm', path: ['model'], codec: record },
  { key: 'd', path: ['data'], codec: record },
  { key: 'ep', path: ['epochs'], codec: number },
  { key: 'bs', path: ['batch_size'], codec: number },
  { key: 'seeds', path: ['seeds'], codec: list },
  { key: 'rec', path: ['record_every'], codec: number },
  { key: 'opt', path: ['optimizers'], codec: gridOptimizers },
  { key: 'b1', path: ['ablation', 'beta1'], codec: list },
  { key: 'b2', path: ['ablation', 'beta2'], codec: list },
  { key: 'la', path: ['ablation', 'log_lr'], codec: list },
  { key: 'short', path: ['ablation', 'short'], codec: number },
  { key: 'sel', path: ['selected'], codec: number },
];

/** "#fig=1l&ep=5": the figure and what differs from its preset. */
export function encodeHash(state) {
  return encodeProps(state, PROPS, presetState(state.figure));
}

/**
 * Parses a hash into a full state; throws HashError naming the key on malformed input. With a
 * `dropped` array, a bad key or value is left at its default and recorded there (hash-table.mjs).
 */
export function decodeHash(hash, dropped = null) {
  const match = /(?:^#?|&)fig=([^&]*)/.exec(hash);
  if (!match) throw new HashError('fig: missing (the figure: one of 1l, 1r, 2, 4)');
  const figure = oneOf(FIGURES).decode(decodeURIComponent(match[1]), 'fig');
  const state = decodeProps(hash, PROPS, presetState(figure), [], dropped);
  if (state.optimizers.length > MAX_OPTIMIZERS) throw new HashError(`opt: at most ${MAX_OPTIMIZERS} optimizers`);
  if (state.ablation && figure !== '4') throw new HashError('b1, b2, la, short: only for fig=4');
  const entries = state.ablation ? 0 : state.optimizers.length;
  if (state.selected != null && !(Number.isInteger(state.selected) && state.selected >= 0 && state.selected < entries)) {
    throw new HashError(entries ? `sel: must be an integer in [0, ${entries - 1}], got ${state.selected}` : 'sel: this figure has no optimizer entry to select');
  }
  return normalise(state);
}

/** The hash key of an engine error's config path (optimizers[1].lr → opt), or null. */
export const hashKeyOf = (field) => keyOfField(PROPS, field);

/** The page's store: the shared Store with this page's normalise(). */
export class Store extends SharedStore {
  constructor(state) { super(state, normalise); }
}
