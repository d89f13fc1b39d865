// Every name list the JS keeps by hand agrees with the registry the engine reports (gs.registry):
// the string-literal unions of web/api/gradscape.d.ts (optimizer, schedule, objective, problem and
// domain names, the registry's own keys) and the tables of web/lib/optimizer-facts.mjs, the bridge
// for what the registry does not report yet. Lists the registry has no field for (the train
// experiments, the sweep metrics) are checked against the .d.ts. A name added on one side only fails.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { ADAM_FAMILY, ADD_ORDER, PLAYGROUND_LR, momentLabels } from '../../web/lib/optimizer-facts.mjs';
import { EXPERIMENTS } from '../../web/paper/state.mjs';
import { METRICS } from '../../web/sweep/state.mjs';

const TYPES = new URL('../../web/api/gradscape.d.ts', import.meta.url);

let registry;
let types;
before(async () => {
  ({ registry } = await loadGradscape());
  types = await readFile(TYPES, 'utf8');
});

/** The quoted strings of `pattern`'s first match in the .d.ts, sorted. */
function union(pattern) {
  const match = types.match(pattern);
  assert.ok(match, `gradscape.d.ts has no ${pattern}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
}

const names = (key) => registry[key].map((entry) => entry.name).sort();
const sorted = (list) => [...list].sort();

test('the .d.ts unions name exactly what the registry reports', () => {
  assert.deepEqual(union(/export type OptimizerName =([^;]+);/), names('optimizers'), 'OptimizerName');
  assert.deepEqual(union(/interface ScheduleSpec \{\s*name:([^;]+);/), names('schedules'), "ScheduleSpec['name']");
  assert.deepEqual(union(/export type ObjectiveName =([^;]+);/), names('objectives'), 'ObjectiveName');
  assert.deepEqual(union(/export type ProblemName =([^;]+);/), names('problems'), 'ProblemName');
  assert.deepEqual(union(/export type DomainType =([^;]+);/), names('domains'), 'DomainType');
});

test('the .d.ts Registry interface has exactly the registry\'s keys', () => {
  const body = types.match(/export interface Registry \{([\s\S]*?)\n\}/);
  assert.ok(body, 'gradscape.d.ts has no Registry interface');
  const keys = [...body[1].matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]).sort();
  assert.deepEqual(keys, Object.keys(registry).sort());
});

test('optimizer-facts.mjs names every optimizer of the registry, and only those', () => {
  const optimizers = names('optimizers');
  assert.deepEqual(sorted(ADD_ORDER), optimizers, 'ADD_ORDER');
  assert.deepEqual(sorted(Object.keys(PLAYGROUND_LR)), optimizers, 'PLAYGROUND_LR');
  for (const name of ADAM_FAMILY) assert.ok(optimizers.includes(name), `ADAM_FAMILY: ${name} is not in the registry`);
  for (const name of optimizers) {
    assert.notEqual(momentLabels({ name }).first, 'first moment', `momentLabels: no labels for ${name}`);
  }
});

test('the lists the registry has no field for agree with the .d.ts', () => {
  assert.deepEqual(union(/export type TrainExperiment =([^;]+);/), sorted(EXPERIMENTS), 'TrainExperiment vs paper/state.mjs EXPERIMENTS');
  assert.deepEqual(union(/export type SweepMetric =([^;]+);/), sorted(METRICS), 'SweepMetric vs sweep/state.mjs METRICS');
});
