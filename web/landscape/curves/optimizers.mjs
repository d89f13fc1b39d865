// What the curves know about the optimizers: display names, the Adam family (whose runs get the
// step bounds), and the moments each reports per coordinate, with why one may be missing.
export const ADAM_FAMILY = new Set(['adam', 'adamw', 'nadam', 'radam']);
export const DISPLAY_NAMES = {
  sgd: 'SGD', momentum: 'Momentum', nag: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSProp',
  adadelta: 'AdaDelta', adam: 'Adam', adamw: 'AdamW', adamax: 'AdaMax', nadam: 'NAdam', radam: 'RAdam',
};

// Labels of the moments the engine reports per optimizer (optim::Moments): what the step moves
// along and the scale it divides by, as plotted (√ of the second moment; AdaMax's u as is).
export function momentLabels(spec) {
  const name = spec?.name;
  if (ADAM_FAMILY.has(name)) return { first: '|m̂|', second: spec.amsgrad ? '√v̂ (max)' : '√v̂' };
  if (name === 'adamax') return { first: '|m̂|', second: 'u' };
  if (name === 'sgd') return { first: '|b| (buffer)', second: '√v̂' };
  if (name === 'momentum') return { first: '|m|', second: '√v̂' };
  if (name === 'nag') return { first: '|v| (velocity)', second: '√v̂' };
  if (name === 'adagrad') return { first: '|m|', second: '√s (Σg²)' };
  if (name === 'rmsprop') return { first: '|b| (buffer)', second: '√a (avg g²)' };
  if (name === 'adadelta') return { first: '|m|', second: '√a (avg g²)' };
  return { first: 'first moment', second: 'second moment' };
}

// Why a moment is missing: the optimizer has none, or (SGD, RMSProp) its momentum is off.
export function unusedNote(spec, first) {
  const display = DISPLAY_NAMES[spec?.name] ?? spec?.name ?? 'this optimizer';
  const momentumOff = first && (spec?.name === 'sgd' || spec?.name === 'rmsprop') && !(spec.momentum > 0);
  return momentumOff ? `(not used by ${display} without momentum)` : `(not used by ${display})`;
}
