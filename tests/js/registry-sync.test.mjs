// Every name list the JS keeps agrees with the registry the engine reports (gs.registry, here from
// the wasm module): the string-literal unions of the types (optimizer, schedule, objective, problem
// and domain names, generated into web/api/registry-types.d.ts from the native registry), every
// hyperparameter in OptimizerSpec, the registry's own keys, and every optimizer entry carries the facts
// web/lib/optimizer-facts.mjs reads. Lists the registry has no field for (the paper
// experiments, the sweep metrics) are checked against the .d.ts. A name added on one side only fails.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import {
  addOrder, momentLabels, optimizerInfo, paperOptimizer, playgroundOptimizer, regretOptimizer,
} from '../../web/lib/optimizer-facts.mjs';
import { EXPERIMENTS } from '../../web/paper/state.mjs';
import { METRICS } from '../../web/sweep/state.mjs';

const TYPES = ['gradscape.d.ts', 'registry-types.d.ts'].map((f) => new URL(`../../web/api/${f}`, import.meta.url));

let registry;
let types;
before(async () => {
  ({ registry } = await loadGradscape({ full: true }));
  types = (await Promise.all(TYPES.map((url) => readFile(url, 'utf8')))).join('\n');
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

test('OptimizerSpec types every hyperparameter of every optimizer, a flag as boolean, a choice as its names', () => {
  const body = types.match(/export interface OptimizerSpec \{([\s\S]*?)\n\}/);
  assert.ok(body, 'the types have no OptimizerSpec interface');
  const members = Object.fromEntries([...body[1].matchAll(/^ {2}(\w+)\?: ([^;]+);/gm)].map((m) => [m[1], m[2]]));
  for (const o of registry.optimizers) {
    for (const h of o.hyperparameters) {
      const type = h.type === 'bool' ? 'boolean' : h.type === 'choice' ? h.choices.map((c) => `'${c}'`).join(' | ') : 'number';
      assert.equal(members[h.name], type, `${o.name}.${h.name}`);
    }
  }
});

test('the .d.ts Registry interface has exactly the registry\'s keys', () => {
  const body = types.match(/export interface Registry \{([\s\S]*?)\n\}/);
  assert.ok(body, 'gradscape.d.ts has no Registry interface');
  const keys = [...body[1].matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]).sort();
  assert.deepEqual(keys, Object.keys(registry).sort());
});

test('every optimizer has the facts the pages read: add order, playground lr, moment labels', () => {
  const orders = registry.optimizers.map((o) => o.add_order);
  assert.equal(new Set(orders).size, orders.length, 'add_order is a permutation');
  assert.deepEqual(sorted(addOrder(registry)), names('optimizers'));
  for (const o of registry.optimizers) {
    assert.ok(o.playground_lr > 0, `${o.name}: playground_lr`);
    assert.equal(playgroundOptimizer(registry, o.name).lr, o.playground_lr);
    assert.equal(o.moment_labels.length, 2, `${o.name}: moment_labels`);
    assert.ok(o.moment_labels.some((label) => label), `${o.name} plots at least one moment`);
    assert.equal(typeof o.adam_step_bound, 'boolean');
    assert.equal(typeof o.second_moment_root, 'boolean');
  }
  const adam = optimizerInfo(registry, 'adam');
  assert.deepEqual(momentLabels(adam, { name: 'adam', amsgrad: true }), { first: '|m̂|', second: '√v̂ (max)' });
  assert.deepEqual(momentLabels(optimizerInfo(registry, 'sgd'), { name: 'sgd' }), { first: '|b| (buffer)', second: '√v̂' });
});

test('the labs\' new optimizer entries follow the registry\'s lr: a scale around 1 (AdaDelta) keeps its own', () => {
  assert.deepEqual(regretOptimizer(registry, 'adam'), { name: 'adam', lr: 0.1, schedule: { name: 'inv_sqrt' } });
  assert.equal(regretOptimizer(registry, 'adadelta').lr, 1);
  assert.deepEqual(paperOptimizer(registry, 'sgd'), { name: 'sgd', lr_grid: [0.001, 0.01, 0.1] });
  assert.deepEqual(paperOptimizer(registry, 'adadelta').lr_grid, [0.3, 1, 3]);
});

test('the lists the registry has no field for agree with the .d.ts', () => {
  assert.deepEqual(union(/export type PaperExperiment =([^;]+);/), sorted(EXPERIMENTS), 'PaperExperiment vs paper/state.mjs EXPERIMENTS');
  assert.deepEqual(union(/export type SweepMetric =([^;]+);/), sorted(METRICS), 'SweepMetric vs sweep/state.mjs METRICS');
});
