// The optimizer case table (tests/fixtures/optimizer_cases.json) for the JS tests, in the groups a
// config can hold: a run or regret config takes at most 16 optimizers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const cases = JSON.parse(readFileSync(join(root, 'tests/fixtures/optimizer_cases.json'), 'utf8')).cases;

/** The cases as config optimizers labelled by their id, in groups of at most 16. */
export function optimizerGroups() {
  const groups = [];
  for (let i = 0; i < cases.length; i += 16) {
    groups.push(cases.slice(i, i + 16).map((c) => ({ ...c.optimizer, label: c.id })));
  }
  return groups;
}
