// An objective state as the pages keep it ⇄ the config's objective. A typed formula's state keeps
// its parameter values in params, their slider ranges in ranges and, when one is given (a preset's
// domain), its view in view; a data objective's keeps its points in data and its batch_size. The
// engine chooses where both start when the state has no start (around the minima it finds, or the
// best fit).

/** Whether `name` is an objective made of data points (the data panel's). */
export const isDataObjective = (name) => name === 'least_squares' || name === 'logistic';

/** Whether the engine chooses the objective's start (a typed formula's or data objective's). */
export const engineStart = (name) => name === 'formula' || isDataObjective(name);

/** A parameter's slider range when none is given: the engine's (formula::parameter_with_default_range). */
export function defaultRange(value) {
  const s = Math.max(1, Math.abs(value));
  return [-10 * s, 10 * s];
}

/** The config's objective for a formula state {name, expr, params, ranges, noise}. */
export function formulaConfig(objective) {
  const params = {};
  for (const [name, value] of Object.entries(objective.params ?? {})) {
    const range = objective.ranges?.[name];
    params[name] = range ? { value, min: range[0], max: range[1] } : value;
  }
  return { name: 'formula', expr: objective.expr, params, ...(objective.view ? { view: objective.view } : {}), noise: objective.noise };
}

/** The config's objective for a data objective state {name, data, batch_size, noise} (no points: the engine's). */
export const dataConfig = (objective) => ({
  name: objective.name, ...(objective.data?.length ? { data: objective.data } : {}),
  ...(objective.batch_size != null ? { batch_size: objective.batch_size } : {}), noise: objective.noise,
});

/** The config's objective for any objective state (a formula's or a data objective's joined up). */
export function objectiveConfig(objective) {
  if (objective.name === 'formula') return formulaConfig(objective);
  if (isDataObjective(objective.name)) return dataConfig(objective);
  return objective;
}

/** The state's objective for a config's (the inverse of objectiveConfig). */
export function objectiveState(objective) {
  if (isDataObjective(objective?.name)) {
    return { name: objective.name, data: objective.data, batch_size: objective.batch_size, noise: objective.noise };
  }
  if (objective?.name !== 'formula') return objective;
  const params = {};
  const ranges = {};
  for (const [name, p] of Object.entries(objective.params ?? {})) {
    if (typeof p === 'object' && p !== null) {
      params[name] = p.value;
      if (p.min !== undefined && p.max !== undefined) ranges[name] = [p.min, p.max];
    } else {
      params[name] = p;
    }
  }
  return {
    name: 'formula', expr: objective.expr, params, ranges, ...(objective.view ? { view: [...objective.view] } : {}),
    noise: objective.noise,
  };
}

/** A lab state's objective with every field filled in (a formula's and a data set's own fields too). */
export function normalisedObjective(given) {
  const objective = given ?? {};
  const formula = objective.name === 'formula';
  const data = isDataObjective(objective.name);
  return {
    name: objective.name ?? 'rosenbrock',
    ...(formula ? { expr: objective.expr ?? '' } : {}),
    params: { ...(objective.params ?? {}) },
    ...(formula ? { ranges: structuredClone(objective.ranges ?? {}) } : {}),
    ...(formula && objective.view ? { view: [...objective.view] } : {}),
    ...(data ? { data: structuredClone(objective.data ?? []) } : {}),
    ...(data && objective.batch_size != null ? { batch_size: objective.batch_size } : {}),
    noise: { sigma: 0, sparsity: 0, seed: 1, ...(objective.noise ?? {}) },
  };
}
