// The optimizer case table (tests/fixtures/optimizer_cases.json) for the JS tests, in the groups a
// config can hold: a run or regret config takes at most 16 optimizers. The whole-vector optimizers
// (registry `whole`) run on the 2-D surfaces only, in f64; those that need the exact Hessian
// (`needs_hessian`) not on the data objectives, which have none; custom rules (`default_rule`) in
// run configs (and the sweep), not in the regret lab.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGradscape } from '../../web/api/gradscape.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const cases = JSON.parse(readFileSync(join(root, 'tests/fixtures/optimizer_cases.json'), 'utf8')).cases;

const registry = (await loadGradscape({ full: true })).registry;
const infoOf = (c) => registry.optimizers.find((o) => o.name === c.optimizer.name);
const DATA_OBJECTIVES = ['least_squares', 'logistic'];

/**
 * Whether case c can run in a config of this kind: a lab's that runs compiled per-coordinate rules
 * only (the regret lab) or a run config's (custom rules run there in f32 and f64).
 */
export function caseRuns(c, { precision = 'f64', objective = null, lab = false } = {}) {
  const info = infoOf(c);
  if (info.whole && (lab || precision === 'f32')) return false;
  if (info.default_rule && lab) return false;
  const name = typeof objective === 'string' ? objective : objective?.name;
  return !(info.needs_hessian && DATA_OBJECTIVES.includes(name));
}

/**
 * The cases that can run (caseRuns with these options) as config optimizers labelled by their id,
 * in groups of at most 16.
 */
export function optimizerGroups(options = {}) {
  const usable = cases.filter((c) => caseRuns(c, options));
  const groups = [];
  for (let i = 0; i < usable.length; i += 16) {
    groups.push(usable.slice(i, i + 16).map((c) => ({ ...c.optimizer, label: c.id })));
  }
  return groups;
}
