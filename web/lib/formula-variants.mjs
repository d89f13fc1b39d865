// The rules an optimizer runs besides its default one: for each hyperparameter whose change alters
// the update (a switch flipped, a term such as weight decay or momentum switched on, β₁ decaying),
// the engine's formula for that variant (gs.formula), and a schedule's αₜ. The docs list them
// under each optimizer's default rule, so a reader sees exactly what each setting changes.

/** A value of hyperparameter h other than its default that may change the rule, with its label. */
function alternative(h) {
  if (h.type === 'bool') return { value: !h.default, label: `${h.name} = ${!h.default}` };
  if (h.type !== 'real') return null;
  if (h.default === 0) return { value: Math.min(h.slider_max ?? 0.5, 0.5), label: `${h.name} > 0` };
  if (h.default === 1 && h.min < 1) return { value: Math.max(h.slider_min ?? 0.9, 0.9), label: `${h.name} < 1` };
  return null;
}

/**
 * [{label, spec, latex}]: optimizer `o`'s (a registry entry) variants whose formula differs from
 * its default one, from formula(spec) (gs.formula). A variant the engine only takes together with
 * another (Nesterov needs momentum) is shown with the first other change that makes it valid.
 */
export function formulaVariants(o, formula) {
  const base = formula({ name: o.name });
  const alternatives = o.hyperparameters.map((h) => [h, alternative(h)]).filter(([, alt]) => alt);
  const tryFormula = (spec) => {
    try {
      return formula(spec);
    } catch {
      return null;
    }
  };
  const variants = [];
  for (const [h, alt] of alternatives) {
    let spec = { name: o.name, [h.name]: alt.value };
    let label = alt.label;
    let latex = tryFormula(spec);
    for (const [other, otherAlt] of alternatives) {
      if (latex !== null) break;
      if (other === h) continue;
      spec = { name: o.name, [h.name]: alt.value, [other.name]: otherAlt.value };
      label = `${alt.label} (with ${otherAlt.label})`;
      latex = tryFormula(spec);
    }
    if (latex !== null && latex !== base) variants.push({ label, spec, latex });
  }
  const scheduled = tryFormula({ name: o.name, schedule: { name: 'inv_sqrt' } });
  if (scheduled !== null && scheduled !== base) {
    variants.push({ label: 'with a schedule: the step size becomes αₜ', spec: { name: o.name, schedule: { name: 'inv_sqrt' } }, latex: scheduled });
  }
  return variants;
}
