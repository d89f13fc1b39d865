// THE BRIDGE: what the pages need to know about the optimizers and the engine's registry
// (gs.registry) does not report yet. Every other optimizer fact (names, display names,
// hyperparameters, defaults, ranges, LaTeX) comes from gs.registry at run time; each table here
// should move into the C++ registry (src/optim/registry_json.cpp) as the field named beside it,
// and then be read from there. tests/js/registry-sync.test.mjs checks that every name here is one
// the engine knows.
import { RUN_COLOURS } from './palette.mjs';

/** Runs a page shows at once: one colour each (the engine takes up to 16). Registry: max_optimizers. */
export const MAX_OPTIMIZERS = RUN_COLOURS.length;

/** The order in which "+ Add optimizer" offers the optimizers not shown yet. Registry: display_order. */
export const ADD_ORDER = ['adam', 'sgd', 'rmsprop', 'adagrad', 'nadam', 'adamw', 'adamax', 'radam', 'adadelta', 'nag', 'momentum'];

/** The Adam family, whose runs get the Adam paper's step bounds. Registry: family = "adam". */
export const ADAM_FAMILY = new Set(['adam', 'adamw', 'nadam', 'radam']);

/**
 * Learning rates that make each optimizer visibly move on the 2-D surfaces (torch's own defaults,
 * e.g. Adam's 1e-3, are tuned for networks and barely move here). Registry: playground_lr.
 */
export const PLAYGROUND_LR = {
  sgd: 0.001, momentum: 0.01, nag: 0.001, adagrad: 0.5, rmsprop: 0.01, adadelta: 1,
  adam: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05,
};

/**
 * The moments the engine reports per coordinate (optim::Moments), as plotted: what the step moves
 * along and the scale it divides by (√ of the second moment; AdaMax's u as is). Registry: moment_labels.
 */
const MOMENT_LABELS = {
  sgd: { first: '|b| (buffer)', second: '√v̂' },
  momentum: { first: '|m|', second: '√v̂' },
  nag: { first: '|v| (velocity)', second: '√v̂' },
  adagrad: { first: '|m|', second: '√s (Σg²)' },
  rmsprop: { first: '|b| (buffer)', second: '√a (avg g²)' },
  adadelta: { first: '|m|', second: '√a (avg g²)' },
  adamax: { first: '|m̂|', second: 'u' },
};

/** The labels of the moments of a run of `spec` (an optimizer entry). */
export function momentLabels(spec) {
  const name = spec?.name;
  if (ADAM_FAMILY.has(name)) return { first: '|m̂|', second: spec.amsgrad ? '√v̂ (max)' : '√v̂' };
  return MOMENT_LABELS[name] ?? { first: 'first moment', second: 'second moment' };
}
