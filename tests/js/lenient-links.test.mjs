// A link with bad values loads everything else: each lab's decodeHash, given a `dropped` array,
// leaves a bad key or value at its default and records it with the config path of the field it
// belongs to; without the array it still refuses the link, naming the key. A required key that is
// bad still refuses the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as landscape from '../../web/landscape/state.mjs';
import * as regret from '../../web/regret/state.mjs';
import { HashError } from '../../web/lib/hash-codecs.mjs';

const GOOD = '#f=rosenbrock&start=-1.5,2&steps=300&opt=adam,lr=0.05,beta1=0.5~sgd,lr=0.001';

test('a bad top-level value and a bad hyperparameter are dropped; the rest of the link is kept', () => {
  const dropped = [];
  const state = landscape.decodeHash(GOOD.replace('steps=300', 'steps=lots').replace('lr=0.05', 'lr=abc').concat('&zzz=1'), dropped);
  assert.deepEqual(dropped.map((d) => [d.key, d.field]), [['steps', 'steps'], ['opt', 'optimizers[0].lr'], ['zzz', null]]);
  assert.match(dropped[0].message, /steps: "lots" is not a number/);
  assert.match(dropped[1].message, /opt\[0\]\.lr: "abc" is not a number/);
  assert.equal(state.steps, landscape.decodeHash('#opt=adam').steps, 'steps keeps its default');
  assert.deepEqual(state.start, [-1.5, 2]);
  assert.equal(state.optimizers[0].beta1, 0.5);
  assert.equal('lr' in state.optimizers[0], false, 'the bad lr is left out');
  assert.equal(state.optimizers[1].lr, 0.001);
});

test('without a dropped array a bad value still refuses the link, naming the key', () => {
  assert.throws(() => landscape.decodeHash(GOOD.replace('steps=300', 'steps=lots')), (e) => e instanceof HashError && /steps: "lots"/.test(e.message));
});

test('a bad required key still refuses the link', () => {
  assert.throws(() => regret.decodeHash('#p=reddi&T=1000&rec=10&opt=', []), HashError);
  assert.throws(() => landscape.decodeHash('#f=rosenbrock&steps=lots', []), /opt: missing/);
});

test('allErrors lists every field the engine refuses at once and gives the state it accepts', async () => {
  const { loadGradscape } = await import('../../web/api/gradscape.mjs');
  const { allErrors, fieldPath } = await import('../../web/lib/all-errors.mjs');
  const gs = await loadGradscape();
  const registry = gs.registry;
  const session = gs.createRunSession();
  const check = (state) => session.configure(landscape.toConfig(state, registry));
  assert.deepEqual(fieldPath('optimizers[1].beta2'), ['optimizers', 1, 'beta2']);
  const valid = landscape.decodeHash('#f=beale&steps=300&opt=adam,lr=0.02~sgd,lr=0.01');
  const typed = structuredClone(valid);
  typed.optimizers[0].lr = 'abc';
  typed.optimizers[0].beta2 = 1.5;
  typed.optimizers[1].lr = -1;
  typed.steps = -4;
  const { errors, state } = allErrors(typed, check, valid);
  assert.deepEqual(errors.map((e) => e.field).sort(), ['optimizers[0].beta2', 'optimizers[0].lr', 'optimizers[1].lr', 'steps']);
  for (const { field, message } of errors) assert.ok(message.startsWith(`${field}: `), message);
  assert.deepEqual(state, valid, 'each refused value is put back to the last valid one');
  assert.doesNotThrow(() => check(state));
  // Without a last valid value (a new optimizer), the field is dropped and the engine's default applies.
  const added = structuredClone(valid);
  added.optimizers.push({ name: 'rmsprop', alpha: 7 });
  const repaired = allErrors(added, check, valid);
  assert.deepEqual(repaired.errors.map((e) => e.field), ['optimizers[2].alpha']);
  assert.deepEqual(repaired.state.optimizers[2], { name: 'rmsprop' });
  // A valid state has no errors; an error naming no field ends the search with no usable state.
  assert.deepEqual(allErrors(valid, check, valid), { errors: [], state: valid });
  const unnamed = allErrors(valid, () => { throw new Error('the engine is gone'); }, valid);
  assert.deepEqual(unnamed, { errors: [{ field: null, message: 'the engine is gone' }], state: null });
  session.delete();
});

test('the landscape hash: t and paused hold the player; a t outside the run is dropped; engine paths map to keys', () => {
  const held = landscape.decodeHash('#f=rosenbrock&steps=300&opt=adam&t=120&paused=1');
  assert.equal(held.t, 120);
  assert.equal(held.paused, true);
  assert.match(landscape.encodeHash(held), /&t=120&paused=1$/);
  assert.equal(landscape.encodeHash(landscape.decodeHash('#f=rosenbrock&opt=adam')), '#f=rosenbrock&opt=adam', 'no position: nothing written');
  const dropped = [];
  const state = landscape.decodeHash('#f=rosenbrock&steps=300&opt=adam&t=301&paused=yes', dropped);
  assert.deepEqual(dropped.map((d) => d.key).sort(), ['paused', 't']);
  assert.equal(state.t, null);
  assert.equal(state.paused, false);
  assert.throws(() => landscape.decodeHash('#f=rosenbrock&steps=300&opt=adam&t=1.5'), /t: must be an integer step in \[0, 300\]/);
  assert.equal(landscape.hashKeyOf('optimizers[1].beta2'), 'opt');
  assert.equal(landscape.hashKeyOf('objective.params.a'), 'fp');
  assert.equal(landscape.hashKeyOf('objective.name'), 'f');
  assert.equal(landscape.hashKeyOf('start[0]'), 'start');
  assert.equal(landscape.hashKeyOf('nowhere'), null);
});
