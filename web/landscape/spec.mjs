// Every hyperparameter of an optimizer entry resolved from the registry's defaults, as the
// engine resolves them (the result schema's "optimizer").
export function resolvedSpec(registry, o) {
  const info = registry.optimizers.find((r) => r.name === o.name) ?? registry.optimizers[0];
  const spec = { name: info.name, label: o.label || info.display_name };
  for (const h of info.hyperparameters) spec[h.name] = o[h.name] ?? h.default;
  const schedule = typeof o.schedule === 'string' ? { name: o.schedule } : (o.schedule ?? { name: 'constant' });
  const sinfo = registry.schedules.find((s) => s.name === schedule.name) ?? registry.schedules[0];
  spec.schedule = { name: sinfo.name };
  for (const p of sinfo.params) spec.schedule[p.name] = schedule[p.name] ?? p.default;
  return spec;
}
