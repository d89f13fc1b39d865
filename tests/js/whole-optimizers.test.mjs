// The whole-vector optimizers (L-BFGS, Newton, Lookahead, Prodigy, SophiaH, Shampoo) through the JS
// API: the full engine runs them on the 2-D surfaces with their extra records (evaluations, the
// companion path, the curve, L-BFGS's evaluated points), the core module names the full engine,
// and every entry point that cannot run them (createOptimizer, f32, the labs) says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOM_OPTIMIZER, loadGradscape, WHOLE_OPTIMIZERS } from '../../web/api/gradscape.mjs';
import * as landscape from '../../web/landscape/state.mjs';

const core = await loadGradscape();
const full = await loadGradscape({ full: true });

test('the core module names the full engine for each; createOptimizer and f32 refuse them', () => {
  for (const name of WHOLE_OPTIMIZERS) {
    assert.throws(() => core.run({ optimizers: [{ name }] }),
      new RegExp(`optimizers\\[0\\]\\.name: "${name}" is a whole-vector optimizer.*loadGradscape\\(\\{ full: true \\}\\)`));
    assert.throws(() => full.createOptimizer({ name }, 2), new RegExp(`spec\\.name: ${name} is a whole-vector optimizer.* not in createOptimizer`));
    assert.throws(() => full.run({ precision: 'f32', optimizers: [{ name }] }),
      new RegExp(`optimizers\\[0\\]\\.name: ${name} runs in f64 only`));
  }
  assert.throws(() => core.run({ optimizers: [{ name: CUSTOM_OPTIMIZER }] }),
    /optimizers\[0\]\.name: "custom" is a rule you type.*loadGradscape\(\{ full: true \}\)/);
  assert.throws(() => full.createOptimizer({ name: CUSTOM_OPTIMIZER }, 2),
    /^GradscapeError: spec\.name: custom is a rule you type, interpreted per coordinate: it runs on the 2-D surfaces and in the sweep, not in createOptimizer/);
});

test('L-BFGS: the result counts the evaluations and lists every closure call of every step', () => {
  const session = full.createRunSession();
  session.configure({ objective: 'rosenbrock', start: [-1.5, 2], steps: 40,
    optimizers: [{ name: 'lbfgs', line_search: 'strong_wolfe', max_iter: 1, history_size: 10 }, { name: 'adam', lr: 0.05 }] });
  session.advance(40);
  const result = session.result();
  const [lbfgs, adam] = result.runs;
  assert.equal(adam.evaluations, 40);
  assert.ok(!('evaluated' in adam) && !('companions' in adam));
  assert.equal(lbfgs.evaluated.length, lbfgs.evaluations);
  assert.ok(lbfgs.evaluations > 40, `a strong-Wolfe step evaluates f at least once: ${lbfgs.evaluations}`);
  assert.ok(lbfgs.evaluated.some((e) => e.line_search_trial));
  const counts = session.evaluations(0);
  assert.equal(counts.length, 41);
  assert.equal(counts[40], lbfgs.evaluations);
  const records = session.evaluated(0);
  assert.equal(records.length, 5 * lbfgs.evaluations);
  assert.deepEqual([records[1], records[2]], [-1.5, 2], 'the first call is at the start');
  assert.ok(lbfgs.loss[40] < 1e-8, `L-BFGS finishes Rosenbrock in 40 steps: f = ${lbfgs.loss[40]}`);
  assert.ok(adam.loss[40] > 1, `where Adam is still on its way: f = ${adam.loss[40]}`);
  session.delete();
});

test('Lookahead draws its slow weights; Prodigy plots its distance estimate', () => {
  const result = full.run({ objective: 'quadratic', steps: 20,
    optimizers: [{ name: 'lookahead', lr: 0.05, k: 5, inner: { name: 'sgd', momentum: 0.9 } }, { name: 'prodigy' }] });
  const [lookahead, prodigy] = result.runs;
  const [slow] = lookahead.companions;
  assert.equal(slow.label, 'slow weights φ');
  assert.equal(slow.path.length, 21);
  assert.deepEqual(slow.path[0], result.start);
  assert.deepEqual(slow.path[4], slow.path[0], 'the slow weights wait k steps');
  assert.deepEqual(slow.path[5], lookahead.trajectory[5], 'and are synced to the fast weights at step k');
  assert.equal(lookahead.optimizer.inner.name, 'sgd');
  assert.equal(prodigy.curve.length, 21);
  assert.equal(prodigy.curve[0], null);
  assert.ok(prodigy.curve[20] > prodigy.curve[1], 'd grows from d0');
});

test('Newton needs a Hessian: refused on a data objective, exact on a typed formula', () => {
  assert.throws(() => full.run({ objective: { name: 'logistic' }, optimizers: [{ name: 'newton' }] }),
    /optimizers\[0\]\.name: newton needs the objective's exact Hessian, which logistic does not provide/);
  const result = full.run({ objective: { name: 'formula', expr: '(x - 1)^2 + 3*(y + 2)^2 + x*y' }, start: [2, 2], steps: 1,
    optimizers: [{ name: 'newton' }] });
  const [x, y] = result.runs[0].trajectory[1];
  // ∇f = (2(x − 1) + y, 6(y + 2) + x) = 0 at x = 2·14/11 − … : solve [[2, 1], [1, 6]] (x, y) = (2, −12)
  assert.ok(Math.abs(x - 24 / 11) < 1e-12 && Math.abs(y - -26 / 11) < 1e-12, `${x}, ${y}`);
});

test('a choice and a wrapped optimizer round-trip through the result', () => {
  const spec = { name: 'lookahead', lr: 0.02, pullback_momentum: 'reset', inner: { name: 'sgd', momentum: 0.5, nesterov: true } };
  const [run] = full.run({ objective: 'quadratic', steps: 3, optimizers: [spec] }).runs;
  assert.equal(run.optimizer.pullback_momentum, 'reset');
  assert.equal(run.optimizer.inner.nesterov, true);
  assert.ok(!('lr' in run.optimizer.inner));
  const again = full.run({ objective: 'quadratic', steps: 3, optimizers: [run.optimizer] }).runs[0];
  assert.deepEqual(again.trajectory, run.trajectory);
  assert.throws(() => full.run({ optimizers: [{ name: 'lbfgs', line_search: 'wolfe' }] }),
    /optimizers\[0\]\.line_search: unknown choice "wolfe"\. Allowed: none, strong_wolfe/);
});

test('a link holds a choice and a wrapped optimizer; a bad choice is dropped with its names', () => {
  const optimizers = [{ name: 'lbfgs', line_search: 'strong_wolfe', max_iter: 1 },
    { name: 'lookahead', lr: 0.02, k: 10, inner: { name: 'sgd', momentum: 0.9, nesterov: true } }];
  const hash = landscape.encodeHash({ ...landscape.decodeHash('#opt=adam'), optimizers });
  assert.match(hash, /opt=lbfgs,line_search=strong_wolfe,max_iter=1~lookahead,lr=0\.02,k=10,inner=sgd:momentum=0\.9:nesterov=true/);
  assert.deepEqual(landscape.decodeHash(`#${hash.replace(/^#/, '')}`).optimizers, optimizers);
  const dropped = [];
  const state = landscape.decodeHash('#opt=lbfgs,line_search=wolfe,max_iter=2', dropped);
  assert.deepEqual(dropped.map((d) => [d.field, d.message]),
    [['optimizers[0].line_search', 'opt[0].line_search: must be one of none, strong_wolfe, got "wolfe"']]);
  assert.deepEqual(state.optimizers, [{ name: 'lbfgs', max_iter: 2 }]);
});

test('ASGD draws its average, Schedule-Free its x and z: the paths the state holds', () => {
  const session = full.createRunSession();
  session.configure({ objective: 'quadratic', steps: 30, optimizers: [{ name: 'asgd', lr: 0.05, t0: 10 },
    { name: 'schedulefree_sgd', lr: 0.05 }, { name: 'sgd', lr: 0.05 }] });
  session.recordDiagnostics(true);
  session.reset();
  session.advance(30);
  const [asgd, schedulefree, sgd] = session.result().runs;
  assert.deepEqual(asgd.companions.map((c) => c.label), ['θ̄ (average)']);
  assert.deepEqual(schedulefree.companions.map((c) => c.label), ['x (average)', 'z (base sequence)']);
  assert.ok(!('companions' in sgd));
  const diagnostics = session.diagnostics(0);
  for (let k = 1; k <= 30; ++k) {
    assert.deepEqual(asgd.companions[0].path[k], [diagnostics[7 * k + 3], diagnostics[7 * k + 4]], `θ̄ is the first moment, step ${k}`);
  }
  assert.deepEqual(asgd.companions[0].path[5], asgd.trajectory[5], 'before t0 the average is the iterate');
  assert.notDeepEqual(asgd.companions[0].path[30], asgd.trajectory[30]);
  const [x, z] = schedulefree.companions.map((c) => c.path);
  const beta = 0.9;
  for (let k = 1; k <= 30; ++k) {
    const y = schedulefree.trajectory[k];
    // y = (1 − β) z + β x in exact arithmetic (the reference computes x from y and z)
    for (const i of [0, 1]) assert.ok(Math.abs((1 - beta) * z[k][i] + beta * x[k][i] - y[i]) < 1e-12, `y between z and x, step ${k}`);
  }
  assert.equal(session.companion(1).length, 4 * 31);
  session.delete();
});

test('a custom rule: its declarations from ruleInfo, its errors naming the line, its run and its link', () => {
  const rule = 'hyper lr = 0.05 [1e-4, 1] log; beta = 0.9 [0, 0.99]\nstate m = 0\nm = beta*m + (1 - beta)*g\ntheta = theta - lr*sign(m)';
  const info = full.ruleInfo(rule);
  assert.deepEqual(info.hyperparameters.map((h) => [h.name, h.default, h.min, h.max, h.scale]),
    [['lr', 0.05, 1e-4, 1, 'log'], ['beta', 0.9, 0, 0.99, 'linear']]);
  assert.deepEqual(info.states, [{ name: 'm', initial: 0 }]);
  assert.match(info.latex, /\\operatorname\{sign\}/);
  assert.throws(() => full.ruleInfo('theta = theta - lr*g'), /^GradscapeError: rule: line 1, column 17: unknown name "lr"/);
  assert.throws(() => core.ruleInfo(rule), /custom optimizers are in the full engine/);
  const result = full.run({ objective: 'quadratic', steps: 50, optimizers: [{ name: 'custom', rule, lr: 0.02 }] });
  const [run] = result.runs;
  assert.equal(run.status, 'ok');
  for (let k = 1; k <= 50; ++k) {
    for (const i of [0, 1]) {
      const step = Math.abs(run.trajectory[k][i] - run.trajectory[k - 1][i]);
      assert.ok(Math.abs(step - 0.02) < 1e-12 || step === 0, `sign steps of lr: ${step}`);
    }
  }
  assert.equal(run.optimizer.rule, rule);
  const state = { ...landscape.decodeHash('#opt=adam'), optimizers: [{ name: 'custom', rule, lr: 0.02 }] };
  assert.deepEqual(landscape.decodeHash(landscape.encodeHash(state)).optimizers, state.optimizers);
});

test('a custom rule runs in f32 and in the sweep, whose cells are its single runs; the regret lab refuses it', async () => {
  const rule = 'hyper lr = 0.001 [1e-5, 1] log; momentum = 0.9 [0, 0.999]\nstate buf = 0\nbuf = momentum*buf + g\ntheta = theta - lr*buf';
  const optimizer = { name: 'custom', rule, lr: 0.001 };
  const f32 = full.run({ objective: 'rosenbrock', start: [-1.5, 2], steps: 30, precision: 'f32', optimizers: [optimizer] });
  assert.equal(f32.runs[0].status, 'ok');
  for (const [x, y] of f32.runs[0].trajectory) assert.ok(x === Math.fround(x) && y === Math.fround(y), 'f32 points');
  const gs = await loadGradscape({ full: true, sweep: true, regret: true });
  for (const precision of ['f32', 'f64']) {
    const map = gs.sweep({ objective: 'rosenbrock', start: [-1.5, 2], steps: 60, precision, optimizer,
      x: { param: 'lr', min: 1e-4, max: 0.01, n: 4, log: true }, y: { param: 'momentum', min: 0, max: 0.95, n: 3 } });
    assert.equal(map.optimizer.rule, rule);
    assert.ok(map.diverged.flat().some((d) => d === 1) && map.diverged.flat().some((d) => d === 0),
      `${precision}: some cells diverge, some do not`);
    map.x_values.forEach((lr, i) => map.y_values.forEach((momentum, j) => {
      const [run] = gs.run({ objective: 'rosenbrock', start: [-1.5, 2], steps: 60, precision,
        optimizers: [{ ...optimizer, lr, momentum }] }).runs;
      const diverged = run.status !== 'ok';
      assert.equal(map.diverged[j][i], diverged ? 1 : 0, `${precision} cell ${i}, ${j}`);
      if (diverged) assert.equal(map.diverged_at[j][i], run.diverged_at);
      else assert.equal(map.values[j][i], run.loss.at(-1), `${precision} cell ${i}, ${j}: the cell is its single run`);
    }));
  }
  assert.throws(() => gs.sweep({ optimizer, x: { param: 'beta1' }, y: { param: 'lr' } }),
    /x\.param: unknown custom hyperparameter "beta1"/);
  assert.throws(() => gs.regret({ optimizers: [optimizer] }),
    /^GradscapeError: optimizers\[0\]\.name: "custom" is a rule you type, interpreted per coordinate: it runs on the 2-D surfaces and in the sweep, not in this lab$/);
});
