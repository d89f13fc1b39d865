// The optimizer pack: the optimizers beyond the core twelve are in the full engine only. The core
// names the full engine when a config asks for one; the full engine lists exactly PACK_OPTIMIZERS,
// then custom and the whole-vector optimizers (WHOLE_OPTIMIZERS), after the core's optimizers and runs them as
// the native CLI does; needsFullEngine reads run and sweep configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOM_OPTIMIZER, loadGradscape, PACK_OPTIMIZERS, WHOLE_OPTIMIZERS, needsFullEngine } from '../../web/api/gradscape.mjs';

const core = await loadGradscape();
const full = await loadGradscape({ full: true });

test('the full engine lists exactly the pack after the core optimizers; the core names the full engine for them', () => {
  const names = (gs) => gs.registry.optimizers.map((o) => o.name);
  assert.deepEqual(names(full).slice(0, names(core).length), names(core));
  assert.deepEqual(names(full).slice(names(core).length), [...PACK_OPTIMIZERS, CUSTOM_OPTIMIZER, ...WHOLE_OPTIMIZERS]);
  for (const name of PACK_OPTIMIZERS) {
    assert.throws(() => core.run({ optimizers: [{ name: 'adam' }, { name, lr: 0.01 }], steps: 3 }),
      new RegExp(`^GradscapeError: optimizers\\[1\\]\\.name: "${name}" is in the optimizer pack, which this engine module leaves out to stay small; load the engine with loadGradscape\\(\\{ full: true \\}\\)$`));
    assert.throws(() => core.createOptimizer({ name }, 4), /is in the optimizer pack/);
    const lr = full.registry.optimizers.find((o) => o.name === name).playground_lr;
    const result = full.run({ objective: 'rosenbrock', start: [-1.5, 2], steps: 50, optimizers: [{ name, lr }] });
    assert.equal(result.runs[0].status, 'ok');
    assert.equal(result.runs[0].optimizer.name, name);
  }
  assert.throws(() => core.run({ optimizers: [{ name: 'lions' }] }), /unknown optimizer "lions"/);
});

test('Lion steps every coordinate by exactly lr, through the JS API in f32 and f64', () => {
  for (const precision of ['f32', 'f64']) {
    const opt = full.createOptimizer({ name: 'lion', lr: 0.25 }, 3, precision);
    opt.params.set([1, -2, 0.5]);
    opt.grads.set([3, -1e-6, 0]);
    opt.step();
    assert.deepEqual([...opt.params], [0.75, -1.75, 0.5], `${precision}: sign steps of lr, none where the gradient is 0`);
    opt.delete();
  }
});

test('needsFullEngine: a user objective, a pack or a whole-vector optimizer, in a run or a sweep config', () => {
  assert.equal(needsFullEngine({ optimizers: [{ name: 'adam' }, { name: 'lion' }] }), true);
  assert.equal(needsFullEngine({ optimizer: { name: 'lion' } }), true);
  assert.equal(needsFullEngine({ optimizers: [{ name: 'lbfgs' }] }), true);
  assert.equal(needsFullEngine({ objective: 'rosenbrock', optimizers: [{ name: 'adam' }] }), false);
  assert.equal(needsFullEngine({ optimizer: { name: 'sgd' } }), false);
  assert.equal(needsFullEngine({}), false);
});
