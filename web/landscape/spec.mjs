// Every hyperparameter of an optimizer entry resolved from the registry's defaults, as the
// engine resolves them (the result schema's "optimizer"; a wrapper's inner optimizer too).
export function resolvedSpec(registry, o) {
  const info = registry.optimizers.find((r) => r.name === o.name) ?? registry.optimizers[0];
  const spec = { name: info.name, label: o.label || info.display_name };
  if (info.default_rule) return { ...o, ...spec, rule: o.rule ?? info.default_rule };  // the rule declares its own
  for (const h of info.hyperparameters) spec[h.name] = o[h.name] ?? h.default;
  if (info.wraps_optimizer) {
    const inner = resolvedSpec(registry, o.inner ?? { name: 'adam' });
    delete inner.lr;
    delete inner.label;
    spec.inner = inner;
  }
  if (info.whole) return spec;  // no schedule: a whole-vector optimizer runs with a constant lr
  const schedule = typeof o.schedule === 'string' ? { name: o.schedule } : (o.schedule ?? { name: 'constant' });
  const sinfo = registry.schedules.find((s) => s.name === schedule.name) ?? registry.schedules[0];
  spec.schedule = { name: sinfo.name };
  for (const p of sinfo.params) spec.schedule[p.name] = schedule[p.name] ?? p.default;
  return spec;
}
