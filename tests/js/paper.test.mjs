// The paper lab's JS API and CLI (docs/schema.md): `gradscape paper` prints the bytes of
// gs.paper's result and of the native twin (build/native/gradscape_native, or $GS_NATIVE) for all
// four experiments, with wasm SIMD and scalar alike (seconds_per_epoch, the wall-clock field, aside);
// advance(k) in chunks gives the result of one call and summary(i) its grid[i]; run(i)'s curves
// are live zero-copy views that survive wasm memory growth; bad configs and bad image bytes are
// answered with a message naming the field; create/delete cycles do not grow the heap; the old
// `train` names remain as deprecated aliases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGradscape, GradscapeError, PaperRun, PaperSession, TrainRun, TrainSession } from '../../web/api/gradscape.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');
const native = process.env.GS_NATIVE ?? join(root, 'build/native/gradscape_native');
const imagesFile = join(root, 'public/data/fashion-mnist-6k.bin');

const gs = await loadGradscape({ flavour: 'simd', paper: true });
const scalar = await loadGradscape({ flavour: 'scalar', paper: true });
gs.loadPaperImages(readFileSync(imagesFile));
scalar.loadPaperImages();

// Small configs of the four experiments (a few hundred examples, one or two epochs).
const CONFIGS = {
  logreg_images: {
    version: 1, experiment: 'logreg_images', data: { train: 300, test: 100 }, epochs: 2, batch_size: 64, seeds: [1, 2],
    record_every: 2,
    optimizers: [{ name: 'adam', lr_grid: [1e-3, 1e-2], schedule: { name: 'inv_sqrt' } },
      { name: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, label: 'SGD Nesterov' }],
  },
  logreg_bow: {
    experiment: 'logreg_bow', model: { dropout: 0.5 },
    data: { train: 400, test: 100, vocabulary: 2000, words: 40, seed: 3 }, epochs: 2, batch_size: 50, seed: 7,
    optimizers: [{ name: 'adagrad', lr_grid: [0.01, 0.1] }, { name: 'rmsprop', lr: 0.001 }],
  },
  mlp_images: {
    experiment: 'mlp_images', model: { hidden: 24, dropout: 0.5, input_dropout: 0.2 }, data: { train: 200, test: 64 },
    epochs: 1, batch_size: 32, seeds: [1, 5],
    optimizers: [{ name: 'adam', lr: 1e-3 }, { name: 'nag', lr: 0.01 }],
  },
  vae_images: {
    experiment: 'vae_images', model: { hidden: 20, latent: 3 }, data: { train: 160, test: 48 }, epochs: 2, batch_size: 40,
    optimizers: [{ name: 'adam', lr_grid: [1e-3, 1e-2], bias_correction: false }, { name: 'adamax' }],
  },
};

function runCli(args, input, command = process.execPath, prefix = [cli]) {
  return spawnSync(command, [...prefix, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
}
// The result text with the wall-clock seconds_per_epoch masked (the one field that differs).
const untimed = (text) => text.replace(/"seconds_per_epoch":(null|[-+0-9.eE]+)/g, '"seconds_per_epoch":"…"');
const withoutTimes = (result) => ({ ...result, runs: result.runs.map(({ seconds_per_epoch, ...run }) => run) });

function paperText(engine, config) {
  const session = engine.createPaperSession(config);
  try {
    session.advance(session.batchesPerRun);
    return session.resultText();
  } finally {
    session.delete();
  }
}

test('gs.paper: the result schema for the four experiments', () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    const result = gs.paper(config);
    assert.equal(result.experiment, name);
    const grid = config.optimizers.reduce((n, o) => n + (o.lr_grid?.length ?? 1), 0);
    const seeds = config.seeds?.length ?? 1;
    assert.equal(result.runs.length, grid * seeds, name);
    assert.equal(result.grid.length, config.optimizers.length);
    assert.equal(result.batches_per_epoch, Math.ceil(config.data.train / config.batch_size));
    for (const run of result.runs) {
      assert.equal(run.status, 'ok', `${name}: ${run.message}`);
      assert.equal(run.batch.at(-1), result.epochs * result.batches_per_epoch);
      for (const key of ['epoch', 'train_loss', 'test_loss']) assert.equal(run[key].length, run.batch.length, key);
      assert.ok(run.train_loss.every(Number.isFinite) && run.test_loss.every(Number.isFinite));
      assert.ok(run.seconds_per_epoch > 0);
      if (name === 'vae_images') assert.equal(run.test_accuracy, null);
      else assert.ok(run.test_accuracy.every((a) => a >= 0 && a <= 1));
    }
  }
  const sgd = gs.paper(CONFIGS.logreg_images).runs.at(-1);
  assert.equal(sgd.optimizer.label, 'SGD Nesterov');
  assert.equal(sgd.optimizer.nesterov, true);
  assert.ok(sgd.test_accuracy.at(-1) > 0.5, `softmax regression learns: ${sgd.test_accuracy.at(-1)}`);
});

test('`gradscape paper` prints gs.paper\'s result; wasm SIMD, wasm scalar and native give the same bytes', () => {
  const haveNative = existsSync(native);
  for (const [name, config] of Object.entries(CONFIGS)) {
    const input = JSON.stringify(config);
    const simd = runCli(['paper', '-'], input);
    assert.equal(simd.status, 0, simd.stderr);
    assert.equal(simd.stderr, '');
    const text = untimed(simd.stdout);
    assert.ok(text.length > 1000 && text.endsWith('}\n'));
    assert.equal(untimed(paperText(gs, config)) + '\n', text, `${name}: CLI vs the API's resultText`);
    assert.deepEqual(withoutTimes(JSON.parse(simd.stdout)), withoutTimes(gs.paper(config)), `${name}: CLI vs gs.paper`);
    assert.equal(untimed(paperText(scalar, config)) + '\n', text, `${name}: wasm scalar vs SIMD`);
    const fromScalarCli = runCli(['paper', '--scalar', '-'], input);
    assert.equal(untimed(fromScalarCli.stdout), text, `${name}: CLI --scalar`);
    if (haveNative) {
      const fromNative = runCli(['paper', '-'], input, native, []);
      assert.equal(fromNative.status, 0, fromNative.stderr);
      assert.equal(untimed(fromNative.stdout), text, `${name}: native vs wasm`);
    }
  }
  assert.ok(haveNative, `the native twin is missing at ${native}: build it (scripts/build-native.sh) or set GS_NATIVE`);
});

test('--images=FILE: the given file is used; an unreadable or bad one exits 2 naming it', () => {
  const input = JSON.stringify(CONFIGS.logreg_images);
  const given = runCli(['paper', '-', `--images=${imagesFile}`], input);
  assert.equal(given.status, 0, given.stderr);
  assert.equal(untimed(given.stdout), untimed(paperText(gs, CONFIGS.logreg_images)) + '\n');
  const missing = runCli(['paper', '-', '--images=/nonexistent/images.bin'], input);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^gradscape: cannot read \/nonexistent\/images\.bin/);
  const bad = runCli(['paper', '-', `--images=${cli}`], input);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^gradscape: bytes: image data: bad magic/);
  const elsewhere = runCli(['run', '-', `--images=${imagesFile}`], '{}');
  assert.equal(elsewhere.status, 2, 'only paper takes --images');
});

test('advance(k) in chunks gives the result of one call; summary(i) is the result\'s grid[i] at every point', () => {
  for (const config of [CONFIGS.logreg_images, CONFIGS.vae_images]) {
    const whole = withoutTimes(gs.paper(config));
    const s = gs.createPaperSession(config);
    try {
      assert.equal(s.batchesPerRun, whole.epochs * whole.batches_per_epoch);
      assert.equal(s.runCount, whole.runs.length);
      assert.equal(s.parameters, whole.parameters);
      let calls = 0;
      while (!s.finished) {
        const trained = s.advance(3);
        assert.equal(trained, Math.min(3, s.batchesPerRun - 3 * calls));
        assert.equal(s.batchesDone, Math.min(s.batchesPerRun, 3 * (calls + 1)));
        ++calls;
        const partial = s.result();
        assert.ok(partial.runs.every((r) => r.status === (s.finished ? 'ok' : 'running')));
        for (let i = 0; i < partial.grid.length; ++i) assert.deepEqual(s.summary(i), partial.grid[i]);
      }
      assert.equal(calls, Math.ceil(s.batchesPerRun / 3));
      assert.equal(s.advance(5), 0);
      assert.deepEqual(withoutTimes(s.result()), whole);
      s.reset();
      assert.equal(s.batchesDone, 0);
      assert.equal(s.run(0).points, 0);
      s.advance(1e9);
      assert.deepEqual(withoutTimes(s.result()), whole, 'reset() then one call');
    } finally {
      s.delete();
    }
  }
});

test('run(i): what the run is, its status and zero-copy views of the curves recorded so far', () => {
  const config = CONFIGS.logreg_images;
  const whole = gs.paper(config);
  const s = gs.createPaperSession(config);
  try {
    const r = s.run(1);
    assert.equal(s.run(1), r, 'one handle per run');
    assert.deepEqual(r.optimizer, whole.runs[1].optimizer);
    assert.deepEqual([r.optimizerIndex, r.lr, r.seed], [0, 1e-3, 2]);
    assert.deepEqual(r.status, { status: 'running', diverged_at: null, message: null });
    assert.equal(r.trainLoss.length, 0);
    assert.ok(Number.isNaN(r.secondsPerEpoch));
    s.advance(5);
    assert.equal(r.batchesDone, 5);
    assert.equal(r.points, 2);
    assert.ok(r.trainLoss instanceof Float64Array);
    assert.deepEqual([...r.batch], [2, 4]);
    assert.deepEqual([...r.epoch], [2 / 5, 4 / 5]);
    assert.deepEqual([...r.trainLoss], whole.runs[1].train_loss.slice(0, 2));
    const view = r.testLoss;
    assert.equal(r.testLoss, view, 'the same view while nothing changes');
    s.advance(100);
    assert.deepEqual(r.status, { status: 'ok', diverged_at: null, message: null });
    assert.ok(r.secondsPerEpoch > 0);
    for (const [key, field] of [['batch', 'batch'], ['epoch', 'epoch'], ['trainLoss', 'train_loss'], ['testLoss', 'test_loss'],
      ['testAccuracy', 'test_accuracy']]) {
      assert.deepEqual([...r[key]], whole.runs[1][field], key);
    }
    assert.throws(() => s.run(6), /^GradscapeError: run: must be an integer in \[0, 5\], got 6/);
    assert.throws(() => s.summary(2), /^GradscapeError: optimizer: must be an integer in \[0, 1\], got 2/);
    assert.throws(() => s.advance(-1), /^GradscapeError: k: must be a non-negative number of minibatches/);
  } finally {
    s.delete();
  }
  assert.throws(() => s.run(0), /paper session: used after delete/);
});

test('a handle kept across reset() and configure() re-fetches its run; past the new run count it throws', () => {
  const config = CONFIGS.logreg_images;
  const whole = gs.paper(config);
  const s = gs.createPaperSession(config);
  try {
    const r = s.run(1);
    const last = s.run(5);
    s.advance(6);
    const held = r.trainLoss;
    assert.equal(held.length, 3);
    s.reset();
    s.advance(6);
    assert.equal(r.points, 3);
    assert.notEqual(r.trainLoss, held, 'a fresh view after reset(), not the one of the freed curve of the same length');
    assert.deepEqual([...r.trainLoss], whole.runs[1].train_loss.slice(0, 3));

    const fewer = { ...config, seeds: [3], optimizers: [{ name: 'rmsprop', lr: 0.01 }, { name: 'adam', lr: 0.02 }] };
    s.configure(fewer);
    assert.equal(s.runCount, 2);
    assert.deepEqual([r.optimizer.name, r.lr, r.seed], ['adam', 0.02, 3], 'the run at index 1 of the new config');
    assert.equal(r.trainLoss.length, 0);
    s.advance(4);
    assert.deepEqual([...r.trainLoss], gs.paper(fewer).runs[1].train_loss.slice(0, 2));
    for (const read of [() => last.points, () => last.trainLoss, () => last.status, () => last.lr]) {
      assert.throws(read, (error) => error instanceof GradscapeError && error.field === 'run' && /index 5 is out of range/.test(error.message));
    }
    s.configure(config);
    assert.equal(last.lr, whole.runs[5].lr, 'in range again after a configure() with more runs');
  } finally {
    s.delete();
  }
});

test('a diverged run stops with its minibatch and message; the other runs go on', () => {
  const result = gs.paper({ ...CONFIGS.mlp_images, optimizers: [{ name: 'sgd', lr_grid: [0.01, 1000] }] });
  const [ok, , diverged, alsoDiverged] = result.runs;
  assert.equal(ok.status, 'ok');
  for (const run of [diverged, alsoDiverged]) {
    assert.equal(run.status, 'diverged');
    assert.ok(run.diverged_at >= 1 && run.diverged_at < 7);
    assert.match(run.message, new RegExp(`^diverged at minibatch ${run.diverged_at}: `));
    assert.equal(run.batch.length, Math.floor((run.diverged_at - 1) / result.record_every), 'the points recorded before');
  }
  assert.deepEqual(result.grid[0].final_train_loss.map((v) => v === null), [false, true]);
  assert.equal(result.grid[0].chosen_lr, 0.01);
  assert.deepEqual(result.grid[0].chosen_runs, [0, 1]);
});

test('views stay valid across wasm memory growth', () => {
  const s = gs.createPaperSession(CONFIGS.logreg_images);
  const big = [];
  try {
    s.advance(6);
    const r = s.run(0);
    const held = r.trainLoss;
    const expected = [...held];
    assert.equal(expected.length, 3);
    const before = gs.memoryBytes;
    while (gs.memoryBytes === before) {
      big.push(gs.createPaperSession({ ...CONFIGS.mlp_images, model: { hidden: 1024 } }));
      assert.ok(big.length < 20, 'memory grows');
    }
    assert.equal(held.length, 0, 'the old view is detached by the growth');
    assert.deepEqual([...r.trainLoss], expected, 'the run handle re-fetches its view');
    s.advance(100);
    assert.equal(r.trainLoss.length, 5);
    assert.deepEqual([...r.trainLoss].slice(0, 3), expected);
  } finally {
    s.delete();
    for (const b of big) b.delete();
  }
});

test('paper sessions free their memory: create/train/delete cycles do not grow the heap', () => {
  const config = { ...CONFIGS.mlp_images, epochs: 1 };
  const cycle = () => {
    const s = gs.createPaperSession(config);
    s.advance(2);
    s.run(0).trainLoss;
    s.summary(0);
    s.delete();
  };
  for (let k = 0; k < 10; ++k) cycle();
  const before = gs.memoryBytes;
  for (let k = 0; k < 200; ++k) cycle();
  assert.equal(gs.memoryBytes, before);
});

const BAD = [
  ['an unknown key', { ...CONFIGS.logreg_images, epoch: 2 }, /^epoch: /],
  ['an lr_grid point out of range', { ...CONFIGS.logreg_images, optimizers: [{ name: 'adam', lr_grid: [1e-3, -1] }] },
    /^optimizers\[0\]\.lr_grid\[1\]: /],
  ['lr and lr_grid together', { ...CONFIGS.logreg_images, optimizers: [{ name: 'adam', lr: 0.1, lr_grid: [1e-3] }] },
    /^optimizers\[0\]\.lr_grid: /],
  ['NaN', { ...CONFIGS.logreg_images, optimizers: [{ name: 'adam', lr: NaN }] }, /^optimizers\[0\]\.lr: .*NaN/],
  ['a model key of another experiment', { ...CONFIGS.logreg_images, model: { hidden: 10 } }, /^model: logreg_images has no model parameters, got "hidden"/],
  ['too many images', { ...CONFIGS.mlp_images, data: { train: 7000 } }, /^data\.train: must be at most 6000/],
  ['an unknown experiment', { experiment: 'cnn_images' }, /^experiment: /],
  ['malformed JSON', '{"experiment": "logreg_images", ', /\S/],
];

test('bad paper configs are answered with a message naming the field', () => {
  for (const [what, config, message] of BAD) {
    assert.throws(() => gs.paper(config), (e) => e instanceof GradscapeError && message.test(e.message), what);
    assert.throws(() => gs.createPaperSession(config), GradscapeError, what);
  }
});

test('`gradscape paper` on bad input: exit 2, one line naming the field, as the native twin says it', () => {
  for (const [what, config, message] of BAD) {
    const input = typeof config === 'string' ? config : JSON.stringify(config, (k, v) => (Number.isNaN(v) ? 'NaN' : v));
    const out = runCli(['paper', '-'], input);
    assert.equal(out.status, 2, what);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr.trim().split('\n').length, 1, what);
    assert.ok(message.test(out.stderr.replace(/^gradscape: /, '')), `${what}: ${out.stderr}`);
    if (existsSync(native)) {
      const fromNative = runCli(['paper', '-'], input, native, []);
      assert.equal(fromNative.status, 2, what);
      assert.equal(fromNative.stderr, out.stderr, what);
    }
  }
});

test('images: bad bytes are refused and the loaded ones kept; without images an image experiment says so', () => {
  assert.equal(gs.hasPaperImages, true);
  assert.throws(() => gs.loadPaperImages(new Uint8Array([1, 2, 3])), /^GradscapeError: bytes: image data: truncated: 3 bytes/);
  const corrupt = new Uint8Array(readFileSync(imagesFile));
  corrupt[0] = 0;
  assert.throws(() => gs.loadPaperImages(corrupt.buffer), /^GradscapeError: bytes: image data: bad magic/);
  assert.throws(() => gs.loadPaperImages(corrupt.subarray(0, corrupt.length - 1).fill(0x47, 0, 1)), /bytes: image data: truncated/);
  assert.throws(() => gs.loadPaperImages('fashion.bin'), /^GradscapeError: bytes: must be a Uint8Array or an ArrayBuffer, got string/);
  assert.equal(gs.hasPaperImages, true);
  assert.equal(gs.paper(CONFIGS.logreg_images).runs.length, 6, 'the images loaded before still train');
  // A fresh process: nothing loaded yet.
  const fresh = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { loadGradscape } from ${JSON.stringify(join(root, 'web/api/gradscape.mjs'))};
    const gs = await loadGradscape({ paper: true });
    const out = { before: gs.hasPaperImages };
    try { gs.paper(${JSON.stringify(CONFIGS.mlp_images)}); } catch (e) { out.error = e.name + ': ' + e.message; }
    out.bow = gs.paper(${JSON.stringify(CONFIGS.logreg_bow)}).runs.length;
    process.stdout.write(JSON.stringify(out));
  `], { encoding: 'utf8' });
  assert.equal(fresh.status, 0, fresh.stderr);
  const out = JSON.parse(fresh.stdout);
  assert.equal(out.before, false);
  assert.equal(out.error, 'GradscapeError: experiment: mlp_images needs the image data (public/data/fashion-mnist-6k.bin): load it first');
  assert.equal(out.bow, 3, 'logreg_bow needs no images');
});

test('without the paper module, its calls say how to load it', async () => {
  const core = await loadGradscape();
  assert.equal(core.hasPaper, false);
  assert.equal(core.hasPaperImages, false);
  assert.throws(() => core.paper(CONFIGS.logreg_bow), /^GradscapeError: paper: the paper module is not loaded; load the engine with loadGradscape\(\{ paper: true \}\)/);
  assert.throws(() => core.loadPaperImages(), /loadGradscape\(\{ paper: true \}\)/);
  await assert.rejects(loadGradscape({ paper: 'yes' }), /^GradscapeError: paper: must be true or false/);
  assert.equal(gs.hasPaper, true);
});

test('the old train names remain as deprecated aliases of the paper ones', async () => {
  const old = await loadGradscape({ flavour: 'simd', train: true });
  assert.equal(old, gs, 'loadGradscape({ train: true }) is loadGradscape({ paper: true })');
  assert.equal(old.hasTrain, true);
  assert.equal(old.hasTrainImages, true);
  old.loadTrainImages(readFileSync(imagesFile));
  assert.deepEqual(withoutTimes(old.train(CONFIGS.logreg_images)), withoutTimes(gs.paper(CONFIGS.logreg_images)));
  const s = old.createTrainSession(CONFIGS.logreg_bow);
  try {
    assert.ok(s instanceof PaperSession && s instanceof TrainSession, 'createTrainSession gives a PaperSession, TrainSession is its old name');
    assert.ok(s.run(0) instanceof PaperRun && s.run(0) instanceof TrainRun, 'TrainRun is the old name of PaperRun');
  } finally {
    s.delete();
  }
  await assert.rejects(loadGradscape({ train: 'yes' }), /^GradscapeError: train: must be true or false/);
  const core = await loadGradscape();
  assert.equal(core.hasTrain, false);
  assert.throws(() => core.train(CONFIGS.logreg_bow), /^GradscapeError: paper: the paper module is not loaded/);
  const input = JSON.stringify(CONFIGS.logreg_images);
  const cliOld = runCli(['train', '-', `--images=${imagesFile}`], input);
  assert.equal(cliOld.status, 0, cliOld.stderr);
  assert.equal(untimed(cliOld.stdout), untimed(paperText(gs, CONFIGS.logreg_images)) + '\n', '`gradscape train` is `gradscape paper`');
});

test('a run\'s empty view (no record point yet) is re-fetched after memory growth too', () => {
  const s = gs.createPaperSession(CONFIGS.logreg_images);
  const big = [];
  try {
    const r = s.run(0);
    assert.equal(r.trainLoss.length, 0);
    const before = gs.memoryBytes;
    while (gs.memoryBytes === before) {
      big.push(gs.createPaperSession({ ...CONFIGS.mlp_images, model: { hidden: 1024 } }));
      assert.ok(big.length < 20, 'memory grows');
    }
    assert.notEqual(r.trainLoss.buffer.byteLength, 0, 'a live view, not the detached one');
    assert.deepEqual([...r.trainLoss.slice()], []);
    s.advance(6);
    assert.equal(r.trainLoss.length, 3);
  } finally {
    s.delete();
    for (const b of big) b.delete();
  }
});
