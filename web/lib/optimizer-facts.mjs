// What the pages ask of an optimizer's registry entry (gs.registry.optimizers[i]): the order in
// which "+ Add optimizer" offers them, a learning rate that moves visibly on the 2-D surfaces,
// whether the Adam paper's step bounds apply, and the labels of the moments the engine reports.
// All of it is the engine's registry (src/optim/registry.cpp); nothing here lists optimizers.
import { RUN_COLOURS } from './palette.mjs';

/** Runs a page shows at once: one colour each (the engine takes up to 16). */
export const MAX_OPTIMIZERS = RUN_COLOURS.length;

/** The registry entry of optimizer `name`, or undefined. */
export const optimizerInfo = (registry, name) => registry.optimizers.find((o) => o.name === name);

/**
 * The hyperparameter entries of optimizer entry `o`: its registry entry's, or, for a custom
 * optimizer, the ones its rule declares (ruleInfo(text) is gs.ruleInfo; none while the rule does
 * not compile or without ruleInfo).
 */
export function hyperparametersOf(registry, o, ruleInfo) {
  const info = optimizerInfo(registry, o.name) ?? registry.optimizers[0];
  if (!info.default_rule) return info.hyperparameters;
  try {
    return ruleInfo?.(o.rule ?? info.default_rule).hyperparameters ?? [];
  } catch {
    return [];
  }
}

/** The optimizer names in the order "+ Add optimizer" offers them. */
export const addOrder = (registry) =>
  [...registry.optimizers].sort((a, b) => a.add_order - b.add_order).map((o) => o.name);

/** A new optimizer entry that visibly moves on the 2-D surfaces (torch's defaults are tuned for networks). */
export const playgroundOptimizer = (registry, name) => ({ name, lr: optimizerInfo(registry, name)?.playground_lr });

/** The registry's default lr of optimizer `name` (torch's, where torch has it). */
const defaultLr = (registry, name) => optimizerInfo(registry, name)?.hyperparameters.find((h) => h.name === 'lr')?.default;

/**
 * A new optimizer entry of the regret lab: lr 0.1 under α/√t, or the optimizer's default where that
 * is larger (an lr that is a scale around 1, AdaDelta's).
 */
export const regretOptimizer = (registry, name) =>
  ({ name, lr: Math.max(0.1, defaultLr(registry, name) ?? 0), schedule: { name: 'inv_sqrt' } });

/**
 * A new optimizer entry of the paper lab: the lr grid 0.001, 0.01, 0.1, or 0.3, 1, 3 times the
 * optimizer's default where that is 1 or more (AdaDelta's).
 */
export function paperOptimizer(registry, name) {
  const lr = defaultLr(registry, name) ?? 0;
  return { name, lr_grid: lr >= 1 ? [0.3 * lr, lr, 3 * lr] : [0.001, 0.01, 0.1] };
}

/**
 * The labels of the moments the engine reports per coordinate for a run of `spec`, as plotted:
 * what the step moves along and the scale it divides by; with amsgrad the second is the running
 * maximum. An optimizer without the quantity gets the generic label (the chart then says it is unused).
 */
export function momentLabels(info, spec) {
  const [first, second] = info?.moment_labels ?? [];
  return {
    first: first ?? '|m|',
    second: second ? (spec?.amsgrad ? `${second} (max)` : second) : '√v̂',
  };
}
