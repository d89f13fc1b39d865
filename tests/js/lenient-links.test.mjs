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
