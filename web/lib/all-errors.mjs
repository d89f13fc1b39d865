// Every invalid field of a state at once. The engine's validation stops at its first error (a
// GradscapeError whose `field` is the config path, e.g. "optimizers[1].beta2"); allErrors() puts
// that field back to its value in a fallback state (or drops it, so the engine's default applies)
// and asks again, so one call lists every field the engine refuses, and gives a state it accepts.

/** "optimizers[1].beta2" → ['optimizers', 1, 'beta2']. */
export function fieldPath(field) {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

const get = (object, path) => path.reduce((o, k) => (o == null ? undefined : o[k]), object);

/** The value of config path `field` in `state` ("optimizers[0].rule" → state.optimizers[0].rule), or undefined. */
export const valueAt = (state, field) => get(state, fieldPath(field));

/**
 * Puts `field` of `state` (mutated) back to its value in `fallback`, or removes it when the
 * fallback has none; a value inside a list (start[0]) puts back the whole list. False if the field
 * is not in the state.
 */
export function repairField(state, field, fallback) {
  let path = fieldPath(field);
  while (path.length > 1 && typeof path.at(-1) === 'number') path = path.slice(0, -1);
  const parent = get(state, path.slice(0, -1));
  const key = path.at(-1);
  if (parent == null || typeof parent !== 'object' || !(key in parent)) return false;
  const back = get(fallback, path);
  if (back === undefined) {
    if (Array.isArray(parent)) return false;
    delete parent[key];
  } else {
    parent[key] = structuredClone(back);
  }
  return true;
}

/**
 * { errors: [{field, message}], state }: every field `check(state)` refuses, and the state with
 * each of them put back (repairField: from `fallback`, or dropped if that is refused too) so that
 * check accepts it. An error that names no field, or one that putting back does not clear, ends
 * the search: it is listed (field null if none) and `state` is null.
 */
export function allErrors(state, check, fallback, limit = 64) {
  const errors = [];
  let current = structuredClone(state);
  for (let i = 0; i < limit; ++i) {
    try {
      check(current);
      return { errors, state: current };
    } catch (error) {
      const field = error.field ?? null;
      const seen = errors.filter((e) => e.field === field).length;
      if (seen === 0) errors.push({ field, message: error.message });
      // Put back from the fallback first; if its value is refused too (another optimizer there), drop it.
      if (!field || seen > 1 || !repairField(current, field, seen === 0 ? fallback : {})) {
        return { errors, state: null };
      }
    }
  }
  return { errors, state: null };
}
