// The JS API over the wasm module (both builds): schema round trip, errors as GradscapeError
// naming the field, zero-copy views, no wasm heap growth over 10,000 create/delete cycles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape, GradscapeError, configText, RunSession, Session } from '../../web/api/gradscape.mjs';

for (const flavour of ['simd', 'scalar']) {
  test(`${flavour}: run() answers the result schema`, async () => {
    const gs = await loadGradscape({ flavour });
    assert.equal(gs.flavour, flavour);
    assert.equal(gs.simdBackend, flavour === 'simd' ? 'wasm128' : 'scalar');
    const result = gs.run({
      version: 1,
      objective: { name: 'rosenbrock', params: { a: 1, b: 100 }, noise: { sigma: 0, sparsity: 0, seed: 1 } },
      start: [-1.5, 2], steps: 25, precision: 'f64',
      optimizers: [{ name: 'adam', lr: 0.01 }, { name: 'sgd', lr: 0.01 }],
    });
    assert.equal(result.version, 1);
    assert.deepEqual(result.start, [-1.5, 2]);
    assert.equal(result.runs.length, 2);
    const [adam, sgd] = result.runs;
    assert.equal(adam.trajectory.length, 26);
    assert.equal(adam.loss.length, 26);
    assert.equal(adam.status, 'ok');
    assert.equal(adam.diverged_at, null);
    assert.equal(adam.optimizer.beta2, 0.999);
    assert.equal(sgd.status, 'diverged');
    assert.ok(sgd.diverged_at > 0 && sgd.trajectory.length === sgd.diverged_at);
    assert.match(sgd.message, /^diverged at step \d+/);
  });

  test(`${flavour}: the resolved config reproduces the result`, async () => {
    const gs = await loadGradscape({ flavour });
    const first = gs.run({ objective: 'himmelblau', steps: 40, optimizers: [{ name: 'nadam', lr: 0.05 }] });
    const again = gs.run({
      objective: first.objective, start: first.start, steps: first.steps, precision: first.precision,
      optimizers: first.runs.map((r) => r.optimizer),
    });
    assert.deepEqual(again, first);
  });

  test(`${flavour}: bad input throws GradscapeError naming the field`, async () => {
    const gs = await loadGradscape({ flavour });
    const cases = [
      [{ optimizers: [{ name: 'adam', lr: NaN }] }, 'optimizers[0].lr', /\(0, 1000\], got "NaN"/],
      [{ optimizers: [{ name: 'adam', beta2: Infinity }] }, 'optimizers[0].beta2', /\[0, 1\), got "Infinity"/],
      [{ optimizers: [{ name: 'adma' }] }, 'optimizers[0].name', /did you mean "adam"/],
      [{ steps: 'ten' }, 'steps', /integer/],
      [{ objective: { name: 'rosenbrock', params: { b: -5 } } }, 'objective.params.b', /\[0, 1000\]/],
      ['{"steps": 3,', null, /JSON syntax error at line 1/],
    ];
    for (const [config, field, message] of cases) {
      assert.throws(() => gs.run(config), (error) => {
        assert.ok(error instanceof GradscapeError, String(error));
        assert.equal(error.field, field);
        assert.match(error.message, message);
        return true;
      });
    }
    assert.throws(() => configText(42), GradscapeError);
    assert.throws(() => gs.createOptimizer({ name: 'adam' }, -1), /n: must be an integer/);
    assert.throws(() => gs.createOptimizer({ name: 'adam' }, 4, 'f16'), /precision/);
    assert.throws(() => gs.createOptimizer({ name: 'adam', eps: -1 }, 4), /spec\.eps/);
  });

  test(`${flavour}: createOptimizer steps through zero-copy views`, async () => {
    const gs = await loadGradscape({ flavour });
    const opt = gs.createOptimizer({ name: 'adam', lr: 0.1 }, 5, 'f32');
    assert.ok(opt.params instanceof Float32Array);
    opt.params.set([1, 2, 3, 4, 5]);
    opt.grads.set([1, -1, 2, -2, 0]);
    opt.step();
    // First Adam step: θ − lr·sign(g) (bias-corrected, ε small).
    assert.deepEqual(Array.from(opt.params, (x) => Math.round(x * 1e5) / 1e5), [0.9, 2.1, 2.9, 4.1, 5]);
    assert.equal(opt.stepCount, 1);
    assert.equal(opt.slots, 3);
    assert.ok(Math.abs(opt.state(0)[0] - 0.1) < 1e-7);
    assert.throws(() => opt.state(3), /slot/);
    opt.setSpec({ name: 'adam', lr: 0.2, amsgrad: true });
    assert.equal(opt.spec.lr, 0.2);
    assert.equal(opt.stepCount, 1);
    opt.reset();
    assert.equal(opt.stepCount, 0);
    opt.delete();
    assert.throws(() => opt.step(), /after delete/);

    const f64 = gs.createOptimizer({ name: 'nag', lr: 0.1, momentum: 0.9 }, 1, 'f64');
    assert.ok(f64.params instanceof Float64Array);
    f64.params[0] = 1;
    f64.grads[0] = 2;
    f64.step();
    assert.ok(Math.abs(f64.gradientPoint[0] - (0.8 - 0.18)) < 1e-15);
    f64.delete();
  });

  test(`${flavour}: reference and SIMD kernels agree through the API`, async () => {
    const gs = await loadGradscape({ flavour });
    for (const spec of [{ name: 'adam', amsgrad: true }, { name: 'rmsprop', centered: true, momentum: 0.5 },
      { name: 'adamax', eps: 0 }, { name: 'radam' }, { name: 'sgd', momentum: 0.9, nesterov: true }]) {
      const a = gs.createOptimizer(spec, 1023, 'f32');
      const b = gs.createOptimizer(spec, 1023, 'f32');
      for (let i = 0; i < 1023; ++i) a.params[i] = b.params[i] = Math.sin(i);
      for (let s = 0; s < 5; ++s) {
        for (let i = 0; i < 1023; ++i) a.grads[i] = b.grads[i] = Math.cos(i * (s + 1)) * (i % 3 ? 1 : 0);
        a.step();
        b.stepReference();
      }
      assert.deepEqual(a.params, b.params, spec.name);
      a.delete();
      b.delete();
    }
  });

  test(`${flavour}: views follow wasm memory growth`, async () => {
    const gs = await loadGradscape({ flavour });
    const small = gs.createOptimizer({ name: 'sgd', lr: 1 }, 4, 'f32');
    small.params.set([1, 2, 3, 4]);
    const before = gs.memoryBytes;
    const big = gs.createOptimizer({ name: 'adam' }, 8_000_000, 'f32');
    assert.ok(gs.memoryBytes > before, 'memory grew');
    assert.deepEqual(Array.from(small.params), [1, 2, 3, 4]);
    small.grads.set([1, 1, 1, 1]);
    small.step();
    assert.deepEqual(Array.from(small.params), [0, 1, 2, 3]);
    big.delete();
    small.delete();
  });

  test(`${flavour}: 10,000 create/delete cycles do not grow the wasm heap`, async () => {
    const gs = await loadGradscape({ flavour });
    const cycle = () => {
      const opt = gs.createOptimizer({ name: 'adam', amsgrad: true }, 1000, 'f32');
      opt.grads.fill(0.5);
      opt.step();
      opt.delete();
      const session = gs.createRunSession({ steps: 10, optimizers: [{ name: 'adam' }, { name: 'sgd' }] });
      session.advance(10);
      session.delete();
    };
    for (let i = 0; i < 100; ++i) cycle();
    const before = gs.memoryBytes;
    for (let i = 0; i < 10_000; ++i) cycle();
    assert.equal(gs.memoryBytes, before);
  });

  test(`${flavour}: registry lists every optimizer with ranges and LaTeX`, async () => {
    const gs = await loadGradscape({ flavour });
    const names = gs.registry.optimizers.map((o) => o.name);
    // The optimizers configs already name keep resolving, each once (more may be added).
    for (const name of ['sgd', 'momentum', 'nag', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'rprop']) {
      assert.equal(names.filter((n) => n === name).length, 1, name);
    }
    assert.equal(new Set(names).size, names.length);
    for (const o of gs.registry.optimizers) {
      assert.ok(o.latex.length > 20 && o.description.length > 20, o.name);
      const lr = o.hyperparameters.find((h) => h.name === 'lr');
      assert.equal(lr.scale, 'log');
      assert.equal(lr.min_exclusive, true);
    }
    const objectives = gs.registry.objectives.map((o) => o.name);
    assert.ok(objectives.includes('rosenbrock') && objectives.includes('quadratic'));
    assert.equal(new Set(objectives).size, objectives.length);
    for (const o of gs.registry.objectives) assert.equal(o.view.length, 4, o.name);
    assert.match(gs.registry.step_bounds.exact, /sqrt/);
    const { paper, exact } = gs.stepBounds({ lr: 1, beta1: 0.9, beta2: 0.999, t: 1 });
    assert.ok(Math.abs(paper - 0.1 / Math.sqrt(0.001)) < 1e-12);
    assert.ok(Math.abs(exact - 1) < 1e-12);
  });

  test(`${flavour}: session views and grid`, async () => {
    const gs = await loadGradscape({ flavour });
    const s = gs.createRunSession({ objective: 'booth', start: [0, 0], steps: 100, optimizers: [{ name: 'adam', lr: 0.1 }] });
    assert.equal(s.advance(30), 30);
    assert.equal(s.trajectory(0).length, 62);
    assert.equal(s.loss(0).length, 31);
    assert.equal(s.status(0).status, 'ok');
    assert.throws(() => s.trajectory(1), /run: must be an integer in \[0, 0\]/);
    const old = gs.createSession({ objective: 'booth', start: [0, 0], steps: 100, optimizers: [{ name: 'adam', lr: 0.1 }] });
    assert.ok(old instanceof RunSession && old instanceof Session, 'createSession and Session remain as deprecated names');
    old.advance(30);
    assert.deepEqual([...old.trajectory(0)], [...s.trajectory(0)]);
    const grid = s.grid(-10, 10, -10, 10, 3, 2);
    assert.equal(grid.length, 6);
    assert.equal(grid[0], (-10 + 2 * -10 - 7) ** 2 + (2 * -10 - 10 - 5) ** 2);
    assert.throws(() => s.grid(0, 1, 0, 1, 0, 5), /nx/);
    const parts = [...s.resultParts()].join('');
    assert.deepEqual(JSON.parse(parts), s.result());
    s.delete();
  });
}

test('auto picks the SIMD build where WebAssembly SIMD validates', async () => {
  const gs = await loadGradscape();
  assert.equal(gs.flavour, 'simd');
  await assert.rejects(loadGradscape({ flavour: 'sse' }), /flavour/);
});

test('the registry\'s texts hold no control characters (LaTeX such as \\frac and \\rVert arrives intact)', async () => {
  const gs = await loadGradscape({ regret: true });
  const texts = [];
  const walk = (v, path) => {
    if (typeof v === 'string') texts.push([path, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(gs.registry, 'registry');
  assert.ok(texts.length > 100);
  for (const [path, text] of texts) assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/, path);
  assert.match(gs.registry.regret_bound.latex, /^R\(T\) \\le \\frac\{D\^2\}\{2\\alpha\(1-\\beta_1\)\}/);
  assert.ok(gs.registry.domains.every((d) => d.latex.includes('\\rVert')));
});
