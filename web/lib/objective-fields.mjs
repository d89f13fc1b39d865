// The objective's part of a settings panel (the landscape's and the labs'): its description, a field
// per parameter the registry lists, and the gradient noise (σ, sparsity p, seed; with `clip`, the
// clipping norm too) as a group.
import { hyperField } from './fields.mjs';
import { formulaFields } from './formula-field.mjs';
import { dataFields } from './data-panel.mjs';
import { isDataObjective } from './objective-config.mjs';

/** The noise fields, the engine's ranges (the registry does not list them yet). */
const noise = (seedEffect) => [
  { name: 'sigma', type: 'real', min: 0, max: 1000, slider_min: 0, slider_max: 5, scale: 'linear',
    description: 'standard deviation σ of Gaussian noise added to every gradient coordinate' },
  { name: 'sparsity', type: 'real', min: 0, max: 1, max_exclusive: true, slider_min: 0, slider_max: 0.95,
    scale: 'linear', description: 'probability p that a gradient coordinate is dropped (set to 0)' },
  { name: 'seed', type: 'int', min: 0, max: 9007199254740991, slider_min: 0, slider_max: 100, scale: 'linear',
    description: `seed of the noise: the same seed gives the same noise ${seedEffect}` },
];
const CLIP = { name: 'clip_norm', type: 'real', min: 0, max: 1e6, slider_min: 0, slider_max: 10, scale: 'linear',
  description: 'after the noise, the gradient is scaled to at most this L2 norm, as torch.nn.utils.clip_grad_norm_ does; 0: off' };

/** The state's objective when `name` is chosen from the registry (a formula starts from the registry's). */
export function chosenObjective(registry, name, noise) {
  const info = registry.objectives.find((o) => o.name === name);
  if (name === 'formula') return { name, expr: info?.expr ?? '', params: {}, ranges: {}, noise };
  if (isDataObjective(name)) return { name, data: structuredClone(info?.data ?? []), noise };
  return { name, params: {}, noise };
}

/**
 * The nodes for objective `info` (a registry entry) with the state's `objective`; edit(mutate,
 * final) changes the state, restructure(mutate) what the fields are (a typed formula's
 * parameters); seedEffect: where the same seed gives the same noise; clip: offer the clipping norm
 * (the race lab states its own clipping instead).
 */
export function objectiveFields(info, objective, edit, seedEffect, restructure, { clip = false } = {}) {
  const description = document.createElement('p');
  description.className = 'hint';
  description.textContent = info.description;
  const custom = objective.name === 'formula' ? formulaFields(objective, { edit, restructure })
    : isDataObjective(objective.name) ? dataFields(objective, info, { edit, restructure }) : null;
  const params = custom ? [custom]
    : info.params.map((p) => hyperField({ ...p, slider_min: p.min, slider_max: p.max, scale: 'linear' },
      objective.params[p.name] ?? p.default, {
        path: `objective.params.${p.name}`,
        onChange: (v, { final }) => edit((s) => { s.objective.params[p.name] = v; }, final),
      }));
  const group = document.createElement('div');
  group.className = 'field-group';
  for (const h of [...noise(seedEffect), ...(clip ? [CLIP] : [])]) {
    group.append(hyperField(h, objective.noise[h.name] ?? 0, {
      path: `objective.noise.${h.name}`, label: { sigma: 'noise σ', clip_norm: 'clip norm' }[h.name] ?? h.name,
      onChange: (v, { final }) => edit((s) => { s.objective.noise[h.name] = v; }, final),
    }));
  }
  return custom ? [...params, group] : [description, ...params, group];
}
