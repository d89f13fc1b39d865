// The sweep lab's JS API and CLI: gs.sweep and createSweepSession (rows computed progressively
// equal the whole map; a cell's run config replayed alone by gs.run gives the cell's value and
// divergence step: that is what the page's click-through opens), the three metrics, bad input
// naming the field, and `gradscape sweep` printing the very same bytes from the native twin and
// from both wasm builds for every optimizer of the registry (the custom rule's too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadGradscape, GradscapeError } from '../../web/api/gradscape.mjs';
import { labResultText } from './wasm-results.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');
const native = join(root, 'build/native/gradscape_native');

const gs = await loadGradscape({ sweep: true, full: true });  // every optimizer, the pack's too

// SGD with momentum on Rosenbrock: the larger learning rates diverge.
const momentumMap = (precision = 'f32', n = 12) => ({
  version: 1, objective: { name: 'rosenbrock' }, steps: 200, precision,
  optimizer: { name: 'sgd', lr: 0.01 },
  x: { param: 'lr', min: 1e-5, max: 0.01, n, log: true },
  y: { param: 'momentum', min: 0, max: 0.99, n: n - 3 },
  start: [-1.5, 2], metric: 'final_loss',
});

function runCli(args, input, command = process.execPath, prefix = [cli]) {
  return spawnSync(command, [...prefix, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
}

test('gs.sweep: the result schema with axes, values, diverged and diverged_at as n_y rows of n_x', () => {
  const result = gs.sweep(momentumMap());
  assert.equal(result.x_values.length, 12);
  assert.equal(result.y_values.length, 9);
  assert.equal(result.x_values[0], 1e-5);
  assert.equal(result.x_values[11], 0.01);
  const ratio = result.x_values[1] / result.x_values[0];
  for (let i = 1; i < 12; ++i) assert.ok(Math.abs(result.x_values[i] / result.x_values[i - 1] / ratio - 1) < 1e-12);
  assert.equal(result.y_values[8], 0.99);
  for (const key of ['values', 'diverged', 'diverged_at']) {
    assert.equal(result[key].length, 9, key);
    for (const row of result[key]) assert.equal(row.length, 12, key);
  }
  const flat = result.diverged.flat();
  assert.ok(flat.some((d) => d === 1), 'the larger learning rates diverge');
  assert.ok(flat.some((d) => d === 0));
  result.values.flat().forEach((v, k) => {
    if (flat[k]) assert.equal(v, null, 'a diverged cell has no loss');
    else assert.ok(Number.isFinite(v) && v >= 0);
  });
});

test('rows computed progressively equal the whole map; views cover the grid', () => {
  const whole = gs.sweep(momentumMap('f64'));
  const session = gs.createSweepSession(momentumMap('f64'));
  try {
    assert.equal(session.rows, 9);
    assert.equal(session.columns, 12);
    assert.equal(session.advanceRows(2), 2);
    assert.equal(session.rowsDone, 2);
    assert.equal(session.finished, false);
    const partial = session.values();
    assert.equal(partial.length, 9 * 12);
    assert.ok(partial.slice(0, 24).some(Number.isFinite));
    assert.ok(partial.slice(24).every(Number.isNaN), 'rows not computed yet are NaN');
    assert.equal(session.advanceRows(100), 7);
    assert.equal(session.finished, true);
    assert.equal(session.advanceRows(1), 0);
    const values = session.values();
    const diverged = session.diverged();
    const at = session.divergedAt();
    for (let j = 0; j < 9; ++j) {
      for (let i = 0; i < 12; ++i) {
        const k = i + j * 12;
        assert.equal(Number.isNaN(values[k]) ? null : values[k], whole.values[j][i]);
        assert.equal(diverged[k], whole.diverged[j][i]);
        assert.equal(at[k], whole.diverged_at[j][i]);
      }
    }
    assert.deepEqual([...session.xValues()], whole.x_values);
    assert.deepEqual([...session.yValues()], whole.y_values);
    assert.deepEqual(session.result(), whole);
  } finally {
    session.delete();
  }
});

test('a cell replayed alone (cellConfig + gs.run) gives its value and its divergence step', () => {
  for (const precision of ['f32', 'f64']) {
    const session = gs.createSweepSession(momentumMap(precision));
    session.advanceRows(session.rows);
    const values = session.values();
    const at = session.divergedAt();
    let divergedSeen = 0;
    for (const [i, j] of [[0, 0], [5, 4], [11, 8], [11, 0], [9, 2], [3, 7], [10, 5]]) {
      const config = session.cellConfig(i, j);
      assert.equal(config.optimizers.length, 1);
      assert.equal(config.optimizers[0].lr, session.xValues()[i]);
      assert.equal(config.optimizers[0].momentum, session.yValues()[j]);
      const run = gs.run(config).runs[0];
      const k = i + j * 12;
      if (at[k]) {
        ++divergedSeen;
        assert.equal(run.status, 'diverged', `${precision} (${i}, ${j})`);
        assert.equal(run.diverged_at, at[k]);
      } else {
        assert.equal(run.status, 'ok');
        assert.equal(run.loss.at(-1), values[k], `${precision} (${i}, ${j})`);
      }
    }
    assert.ok(divergedSeen > 0, 'the replayed cells include a diverged one');
    session.delete();
  }
});

test('nearest_minimum: Himmelblau\'s four basins, each minimum in its own basin', () => {
  const config = {
    version: 1, objective: { name: 'himmelblau' }, steps: 400, precision: 'f64',
    optimizer: { name: 'sgd', lr: 0.005 },
    x: { param: 'start_x', min: -5, max: 5, n: 41 }, y: { param: 'start_y', min: -5, max: 5, n: 41 },
    metric: 'nearest_minimum',
  };
  const result = gs.sweep(config);
  assert.equal(result.minima.length, 4);
  const seen = new Set(result.values.flat());
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
  result.minima.forEach(([mx, my], m) => {
    const i = Math.round((mx + 5) / 10 * 40);
    const j = Math.round((my + 5) / 10 * 40);
    assert.equal(result.values[j][i], m, `the cell at minimum ${m}`);
  });
});

test('steps_to_tol: the first step whose loss is within tol of f*, checked against the run', () => {
  const config = {
    version: 1, objective: { name: 'quadratic' }, steps: 300, precision: 'f64',
    optimizer: { name: 'momentum', lr: 0.05, beta: 0.5 },
    x: { param: 'lr', min: 0.01, max: 0.5, n: 5 }, y: { param: 'beta', min: 0, max: 0.95, n: 4 },
    start: [1, 1], metric: 'steps_to_tol', tol: 1e-3,
  };
  const session = gs.createSweepSession(config);
  session.advanceRows(4);
  const fStar = session.result().f_star;
  let reached = 0;
  for (let j = 0; j < 4; ++j) {
    for (let i = 0; i < 5; ++i) {
      const loss = gs.run(session.cellConfig(i, j)).runs[0].loss;
      const first = loss.findIndex((f) => f - fStar <= 1e-3);
      const value = session.values()[i + j * 5];
      if (first < 0) assert.ok(Number.isNaN(value), `(${i}, ${j}) never reaches tol`);
      else {
        ++reached;
        assert.equal(value, first, `(${i}, ${j})`);
      }
    }
  }
  assert.ok(reached >= 10);
  session.delete();
});

test('bad sweep configs are answered with a message naming the field', () => {
  const cases = [
    [{ ...momentumMap(), x: { ...momentumMap().x, param: 'beta1' } }, /^x\.param: .*Allowed: lr, momentum/],
    [{ ...momentumMap(), x: { ...momentumMap().x, n: 513 } }, /^x\.n: .*512/],
    [{ ...momentumMap(), y: { ...momentumMap().y, max: 1.5 } }, /^y\.max: /],
    [{ ...momentumMap(), x: { ...momentumMap().x, min: 0 } }, /^x\.min: /],
    [{ ...momentumMap(), metric: 'fastest' }, /^metric: /],
    [{ ...momentumMap(), steps: -1 }, /^steps: /],
    [{ ...momentumMap(), optimizer: { name: 'sgdd' } }, /^optimizer\.name: /],
    [{ ...momentumMap(), y: { ...momentumMap().x } }, /^y\.param: /],
  ];
  for (const [config, message] of cases) {
    assert.throws(() => gs.sweep(config), (error) => error instanceof GradscapeError && message.test(error.message),
      JSON.stringify(config).slice(0, 120));
  }
  const session = gs.createSweepSession(momentumMap());
  assert.throws(() => session.advanceRows(-1), /^GradscapeError: k: must be a non-negative number of rows/);
  assert.throws(() => session.cellConfig(12, 0), /i: must be an integer in \[0, 11\], got 12/);
  assert.throws(() => session.cellConfig(0, 0.5), /j: must be an integer in \[0, 8\], got 0.5/);
  session.delete();
  assert.throws(() => session.values(), /sweep session: used after delete/);
});

test('without the labs\' modules, their calls say how to load them', async () => {
  const core = await loadGradscape();
  assert.equal(core.hasSweep, false);
  assert.equal(core.hasRegret, false);
  assert.throws(() => core.sweep(momentumMap()), /loadGradscape\(\{ sweep: true \}\)/);
  assert.throws(() => core.createRegretSession({ problem: { name: 'reddi' }, T: 10, optimizers: [{ name: 'adam' }] }),
    /^GradscapeError: regret: the regret module is not loaded; load the engine with loadGradscape\(\{ regret: true \}\)/);
  await assert.rejects(loadGradscape({ sweep: 'yes' }), /^GradscapeError: sweep: must be true or false/);
  await assert.rejects(loadGradscape({ regret: 1 }), /^GradscapeError: regret: must be true or false/);
});

test('sweep sessions free their memory: 300 create/compute/delete cycles do not grow the heap', () => {
  const cycle = () => {
    const s = gs.createSweepSession(momentumMap('f32', 20));
    s.advanceRows(3);
    s.delete();
  };
  for (let k = 0; k < 20; ++k) cycle();
  const before = gs.memoryBytes;
  for (let k = 0; k < 300; ++k) cycle();
  assert.equal(gs.memoryBytes, before);
});

test('`gradscape sweep` prints the same result as gs.sweep; bad input exits 2 naming the field', () => {
  const config = momentumMap();
  const out = runCli(['sweep', '-'], JSON.stringify(config));
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), gs.sweep(config));
  const bad = runCli(['sweep', '-'], JSON.stringify({ ...config, metric: 3 }));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^gradscape: metric: /);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

// One map per optimizer of the registry: lr against its second real hyperparameter (or the start).
function everyOptimizerMaps() {
  const maps = [];
  for (const optimizer of gs.registry.optimizers.filter((o) => !o.whole)) {
    // A custom optimizer's axes are the hyperparameters its rule declares (the default rule's here).
    const hypers = optimizer.default_rule ? gs.ruleInfo(optimizer.default_rule).hyperparameters : optimizer.hyperparameters;
    const lrMax = Math.min(2, hypers.find((h) => h.name === 'lr').max);
    const reals = hypers.filter((h) => h.type === 'real' && h.name !== 'lr');
    const second = reals[0];
    const y = second
      ? { param: second.name, min: second.slider_min, max: second.slider_max, n: 3, log: second.scale === 'log' }
      : { param: 'start_y', min: -1, max: 2, n: 3 };
    for (const precision of ['f32', 'f64']) {
      maps.push({
        version: 1, objective: { name: precision === 'f32' ? 'rosenbrock' : 'beale', noise: { sigma: 0.05, sparsity: 0, seed: 3 } },
        steps: 120, precision, optimizer: { name: optimizer.name },
        x: { param: 'lr', min: 1e-3, max: lrMax, n: 5, log: true }, y, start: [-1, 1.5],
        ...(precision === 'f32' ? { metric: 'final_loss' } : { metric: 'steps_to_tol', tol: 0.5 }),
      });
    }
  }
  // The flags shared by every lane of a batch.
  const flagged = [{ name: 'adam', amsgrad: true }, { name: 'sgd', momentum: 0.9, nesterov: true },
    { name: 'rmsprop', momentum: 0.5, centered: true }];
  for (const optimizer of flagged) maps.push({ ...maps[0], precision: 'f32', optimizer, y: { param: 'start_y', min: -1, max: 2, n: 3 } });
  return maps;
}

test('native and wasm (SIMD and scalar) print the same sweep bytes for every optimizer', { skip: !existsSync(native) && 'native build missing' }, async () => {
  const maps = everyOptimizerMaps();
  assert.equal(maps.length, 2 * gs.registry.optimizers.filter((o) => !o.whole).length + 3);
  const engines = [await loadGradscape({ full: true, sweep: true, flavour: 'simd' }),
    await loadGradscape({ full: true, sweep: true, flavour: 'scalar' })];
  for (const config of maps) {
    const text = JSON.stringify(config);
    const fromNative = runCli(['sweep', '-'], text, native, []);
    assert.equal(fromNative.status, 0, fromNative.stderr);
    for (const [k, engine] of engines.entries()) {
      assert.equal(labResultText(engine, 'sweep', text), fromNative.stdout,
        `${config.optimizer.name} ${config.precision} ${k ? 'scalar' : 'simd'}`);
    }
  }
});
