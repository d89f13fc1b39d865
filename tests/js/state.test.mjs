// The playground's URL hash: round trips through the PROPS table, stays short, and rejects
// malformed input with a message naming the key; every preset is a valid engine config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeHash, decodeHash, defaultState, normalise, toConfig, HashError } from '../../web/landscape/state.mjs';
import { PRESETS } from '../../web/landscape/presets.mjs';
import { resolvedSpec } from '../../web/landscape/spec.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';

test('hash round trip keeps every field', () => {
  const state = normalise({
    objective: { name: 'quadratic', params: { kappa: 50, angle: 30 }, noise: { sigma: 0.5, sparsity: 0.2, seed: 9 } },
    start: [-1.25, 0.5], steps: 777, precision: 'f32',
    optimizers: [
      { name: 'adam', lr: 0.05, bias_correction: false, label: 'My Adam, ~no bc~ & 100%' },
      { name: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true, schedule: { name: 'step', step_size: 100, gamma: 0.5 } },
      { name: 'adam', lr: 0.3, schedule: { name: 'inv_sqrt' }, beta1_decay: 0.999 },
    ],
    view: [-2, 2, -1.5, 1.5], stepsPerFrame: 20, selected: 2,
  });
  const hash = encodeHash(state);
  assert.deepEqual(decodeHash(hash), state);
  assert.ok(!hash.includes(' '), hash);
  assert.match(hash, /opt=adam,lr=0\.05,bias_correction=false,label=My%20Adam%2C%20%7Eno%20bc%7E%20%26%20100%25~sgd,/);
});

test('defaults are left out of the hash', () => {
  const hash = encodeHash(normalise({ objective: { name: 'rosenbrock' }, optimizers: [{ name: 'adam' }], steps: 500 }));
  assert.equal(hash, '#f=rosenbrock&opt=adam');
  assert.deepEqual(decodeHash(encodeHash(defaultState())), defaultState());
});

test('malformed hashes name the key', () => {
  const cases = [
    ['#f=rosenbrock', /opt: missing/],
    ['#opt=adam&bogus=1', /unknown key "bogus"/],
    ['#opt=adam&steps=ten', /steps: "ten" is not a number/],
    ['#opt=adam,lr=fast', /opt\[0\]\.lr: "fast" is not a number/],
    ['#opt=adam,lr', /opt\[0\]: expected name=value/],
    ['#opt=Adam!', /opt\[0\]: "Adam!" is not an optimizer name/],
    ['#opt=adam&start=1', /start: expected 2 numbers/],
    ['#opt=adam&view=1,0,0,1', /view: must be xmin,xmax/],
    ['#opt=adam&sel=3', /sel: must be an integer in \[0, 0\]/],
    ['#opt=adam&spf=0', /spf: must be an integer/],
    ['#opt=adam&opt=sgd', /opt: given twice/],
    ['#opt=adam,label=%E0%A4%A', /label: malformed escape/],
    [`#opt=${Array(9).fill('adam').join('~')}`, /at most 8/],
    ['#fp=a&opt=adam', /fp: expected name:value pairs/],
  ];
  for (const [hash, message] of cases) {
    assert.throws(() => decodeHash(hash), (error) => error instanceof HashError && message.test(error.message), hash);
  }
});

test('the engine validates what the hash cannot: out-of-range values name the field', async () => {
  const gs = await loadGradscape();
  const state = decodeHash('#f=rosenbrock&opt=adam,lr=0.05~sgd,lr=-1');
  assert.throws(() => gs.run(toConfig(state, gs.registry)), /optimizers\[1\]\.lr: must be a number in \(0, 1000\], got -1/);
  const unknown = decodeHash('#f=rosenbrok&opt=adam');
  assert.throws(() => gs.run(toConfig(unknown, gs.registry)), /objective\.name: .*did you mean "rosenbrock"/);
});

test('every preset runs in the engine and tells the story it claims', async () => {
  const gs = await loadGradscape({ full: true });
  for (const preset of PRESETS) {
    const state = normalise(preset.state);
    const result = gs.run(toConfig(state, gs.registry));
    assert.equal(result.runs.length, state.optimizers.length, preset.id);
    assert.deepEqual(decodeHash(encodeHash(state)), state, preset.id);
    state.optimizers.forEach((o, i) => {
      const resolved = resolvedSpec(gs.registry, o);
      assert.deepEqual(resolved, result.runs[i].optimizer, `${preset.id}: resolvedSpec matches the engine`);
    });
  }
  const final = (id, run) => {
    const r = gs.run(toConfig(normalise(PRESETS.find((p) => p.id === id).state), gs.registry)).runs[run];
    return { ...r, last: r.loss[r.loss.length - 1], end: r.trajectory[r.trajectory.length - 1] };
  };
  assert.ok(final('stuck', 0).end[0] < 0 && final('stuck', 1).end[0] > 1, 'SGD stuck left, momentum escapes right');
  assert.equal(final('diverge', 1).status, 'diverged');
  assert.equal(final('diverge', 0).status, 'ok');
  assert.ok(final('sparse', 0).last > 100 * final('sparse', 1).last, 'AdaGrad beats SGD on sparse gradients');
  assert.ok(final('noisy', 1).last < final('noisy', 0).last, 'α/√t settles under noise');
  assert.ok(final('valley', 3).last < final('valley', 0).last / 100, 'Adam reaches the valley floor first');
});
