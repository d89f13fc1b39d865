// `npm run bench -- --only=train` (scripts/bench.sh builds everything first): one epoch of the
// paper lab's training on the 6,000 training images of public/data/fashion-mnist-6k.bin, Adam
// (lr 1e-3, torch's defaults), minibatch 128 (47 minibatches, the last of 112), under this
// machine's Node:
//   logreg_images : softmax regression 784 → 10 (7,850 parameters)
//   mlp_images    : 784 → 256 → 256 → 10, ReLU, inverted dropout 0.2 on the input and 0.5 on both
//                   hidden layers (the engine's defaults; 269,322 parameters)
// Implementations:
//   wasm SIMD / wasm scalar : gs.createPaperSession + advance() through the JS API; the figure is
//                             the run's seconds_per_epoch (the engine's wall-clock training time:
//                             gathering the minibatch, loss and gradient, the Adam step; the test
//                             evaluation at the record point excluded)
//   tfjs-wasm               : TensorFlow.js with @tensorflow/tfjs-backend-wasm (XNNPACK, SIMD on,
//                             one thread) implementing the same model: the engine's initial
//                             parameters (Glorot/He-uniform from Philox-2x64-10, src/models/
//                             layer_layout.cpp, recomputed here bit for bit), the engine's
//                             minibatches (its Fisher–Yates shuffle, src/train/shuffle.cpp),
//                             the gradient written out with tfjs ops as the engine computes it
//                             (tfjs-core ships no gradients without the full tfjs package),
//                             tf.train.adam(1e-3, 0.9, 0.999, 1e-8).applyGradients, dropout masks
//                             from tf.randomUniform; timed from the first minibatch to the last
//                             loss read back
//   native C++              : build/native/gradscape_native paper (-O3, SSE2), the same config
//                             with seeds [1, 2]: run 2's seconds_per_epoch (run 1 is the warm-up)
// Check that tfjs computes the same thing: logistic regression has no noise, so its mean training
// loss over the epoch must equal the engine's to float32 rounding; the MLP's differs by dropout
// masks only, so the two must agree to a few percent.
// Method: each implementation trains one warm-up epoch per model (excluded), then --rounds
// (default 5) interleaved rounds each train one epoch with every implementation; the table gives
// the median (best) round. Usage: node bench/train.mjs [--rounds=5]
//   [--only=simd,scalar,tfjs_wasm,native] [--models=logreg,mlp] [--native=PATH (the native CLI)].
// Writes bench/results/train.md (the report, also on stdout) and train.json.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadGradscape } from '../web/api/gradscape.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k, v ?? 'true'];
}));
const ROUNDS = Math.max(3, Number(args.rounds ?? 5));
const ONLY = (args.only ?? 'simd,scalar,tfjs_wasm,native').split(',');
const MODELS = (args.models ?? 'logreg,mlp').split(',');
const NATIVE = path.resolve(root, args.native ?? 'build/native/gradscape_native');
const IMAGES = path.join(root, 'public/data/fashion-mnist-6k.bin');
const LR = 1e-3, BATCH = 128, HIDDEN = 256, DROPOUT = 0.5, INPUT_DROPOUT = 0.2;
const log = (...a) => console.error(...a);

const CONFIGS = {
  logreg: { experiment: 'logreg_images' },
  mlp: { experiment: 'mlp_images', model: { hidden: HIDDEN, dropout: DROPOUT, input_dropout: INPUT_DROPOUT } },
};
// One epoch, one record point (at its end), seed 1.
const paperConfig = (model, seeds = [1]) => ({
  version: 1, ...CONFIGS[model], data: { train: 6000, test: 1000 }, epochs: 1, batch_size: BATCH, seeds,
  record_every: Math.ceil(6000 / BATCH), optimizers: [{ name: 'adam', lr: LR }],
});

// ---- the engine's random numbers (src/core/rng.hpp: Philox-2x64-10), in BigInt ----

const MASK64 = (1n << 64n) - 1n;
function philoxBits(seed, stream, counter) {
  let c0 = BigInt(counter), c1 = BigInt(stream), k = BigInt(seed);
  for (let round = 0; round < 10; ++round) {
    if (round > 0) k = (k + 0x9E3779B97F4A7C15n) & MASK64;
    const product = 0xD2B74407B1CE6E93n * c0;
    c0 = ((product >> 64n) ^ k ^ c1) & MASK64;
    c1 = product & MASK64;
  }
  return c0;
}
const uniform01 = (seed, stream, counter) => (Number(philoxBits(seed, stream, counter) >> 12n) + 0.5) * 2 ** -52;

// src/train/shuffle.cpp: epoch e's order of the n training examples.
function shuffledOrder(seed, epoch, n) {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i >= 1; --i) {
    const bits = philoxBits(seed, 0x7368756600n + BigInt(epoch), i);
    const j = Number(((bits >> 32n) * BigInt(i + 1)) >> 32n);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

// src/models/layer_layout.cpp: W (in × out, row-major) uniform in ±√(6/fan), zero biases.
function initDense(seed, layer, inputs, outputs, he) {
  const limit = Math.sqrt(6 / (he ? inputs : inputs + outputs));
  const w = new Float32Array(inputs * outputs);
  for (let k = 0; k < w.length; ++k) w[k] = (2 * uniform01(seed, 0x696e697400n + BigInt(layer), k) - 1) * limit;
  return { w, b: new Float32Array(outputs) };
}

// public/data/fashion-mnist-6k.bin (src/data/image_dataset.hpp): the training split as floats.
function trainImages() {
  const bytes = fs.readFileSync(IMAGES);
  const u32 = (o) => bytes.readUInt32LE(o);
  const [train, test, rows, cols, bits] = [u32(12), u32(16), u32(20), u32(24), u32(28)];
  if (bits !== 4) throw new Error(`expected 4-bit pixels, got ${bits}`);
  const pixels = rows * cols, stride = Math.ceil(pixels / 2), start = 36 + train + test;
  const x = new Float32Array(train * pixels);
  for (let i = 0; i < train; ++i) {
    for (let k = 0; k < pixels; ++k) {
      const byte = bytes[start + i * stride + (k >> 1)];
      x[i * pixels + k] = ((k & 1) ? byte >> 4 : byte & 15) * (1 / 15);
    }
  }
  return { x, labels: new Int32Array(bytes.subarray(36, 36 + train)), count: train, pixels };
}

// ---- TensorFlow.js: the same model, initial parameters, minibatches and optimizer ----

async function loadTf() {
  const tf = await import('@tensorflow/tfjs-core');
  const wasmBackend = await import('@tensorflow/tfjs-backend-wasm');
  wasmBackend.setWasmPaths(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep);
  tf.enableProdMode();
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
  await tf.ready();
  return {
    tf, version: tf.version_core, simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
}

function tfTrainer(tf, data, model) {
  const layers = model === 'logreg'
    ? [initDense(1, 0, data.pixels, 10, false)]
    : [initDense(1, 0, data.pixels, HIDDEN, true), initDense(1, 1, HIDDEN, HIDDEN, true), initDense(1, 2, HIDDEN, 10, false)];
  const shapes = model === 'logreg' ? [[data.pixels, 10]] : [[data.pixels, HIDDEN], [HIDDEN, HIDDEN], [HIDDEN, 10]];
  const order = shuffledOrder(1, 0, data.count);
  const batches = [];
  for (let begin = 0; begin < data.count; begin += BATCH) batches.push(order.subarray(begin, begin + BATCH));
  const xBatch = new Float32Array(BATCH * data.pixels), yBatch = new Float32Array(BATCH * 10);
  // A minibatch's pixels and one-hot labels, copied into tensors (tf.gather is 20× slower here).
  const minibatch = (rows) => {
    yBatch.fill(0);
    rows.forEach((row, r) => {
      xBatch.set(data.x.subarray(row * data.pixels, (row + 1) * data.pixels), r * data.pixels);
      yBatch[r * 10 + data.labels[row]] = 1;
    });
    return [tf.tensor2d(xBatch.subarray(0, rows.length * data.pixels), [rows.length, data.pixels]),
      tf.tensor2d(yBatch.subarray(0, rows.length * 10), [rows.length, 10])];
  };
  // tfjs-wasm's MatMul with transpose flags is 10-17× slower than an explicit transpose here.
  const matMulT = (a, b, transposeA) => (transposeA ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, tf.transpose(b)));
  let vars = null, optimizer = null, growth = null, epochs = 0;
  // Inverted dropout: 0 with probability rate, else 1/(1 − rate).
  const mask = (shape, rate) => tf.mul(tf.cast(tf.greaterEqual(tf.randomUniform(shape), rate), 'float32'), 1 / (1 - rate));
  const positive = (a) => tf.cast(tf.greater(a, 0), 'float32');
  // The mean cross-entropy of a minibatch and its gradient (a map from variable name to tensor).
  const lossAndGrads = (x, y) => {
    const rows = x.shape[0];
    const head = (h, w, b) => {
      const logp = tf.logSoftmax(tf.add(tf.matMul(h, w), b));
      const loss = tf.neg(tf.div(tf.sum(tf.mul(y, logp)), rows));
      return { loss, d: tf.div(tf.sub(tf.exp(logp), y), rows) };
    };
    const [w1, b1, w2, b2, w3, b3] = vars;
    if (model === 'logreg') {
      const { loss, d } = head(x, w1, b1);
      return { loss, grads: { [w1.name]: matMulT(x, d, true), [b1.name]: tf.sum(d, 0) } };
    }
    const m0 = mask(x.shape, INPUT_DROPOUT);
    const x0 = tf.mul(x, m0);
    const a1 = tf.relu(tf.add(tf.matMul(x0, w1), b1));
    const m1 = mask(a1.shape, DROPOUT);
    const h1 = tf.mul(a1, m1);
    const a2 = tf.relu(tf.add(tf.matMul(h1, w2), b2));
    const m2 = mask(a2.shape, DROPOUT);
    const h2 = tf.mul(a2, m2);
    const { loss, d } = head(h2, w3, b3);
    const d2 = tf.mul(tf.mul(matMulT(d, w3, false), m2), positive(a2));
    const d1 = tf.mul(tf.mul(matMulT(d2, w2, false), m1), positive(a1));
    return {
      loss,
      grads: {
        [w1.name]: matMulT(x0, d1, true), [b1.name]: tf.sum(d1, 0),
        [w2.name]: matMulT(h1, d2, true), [b2.name]: tf.sum(d2, 0),
        [w3.name]: matMulT(h2, d, true), [b3.name]: tf.sum(d, 0),
      },
    };
  };
  return {
    // One epoch from the initial parameters; returns seconds and the mean minibatch loss.
    epoch() {
      if (vars) for (const v of vars) v.dispose();
      optimizer?.dispose();
      ++epochs;
      vars = layers.flatMap((l, k) => [tf.variable(tf.tensor2d(l.w, shapes[k]), true, `${model}${epochs}w${k}`),
        tf.variable(tf.tensor1d(l.b), true, `${model}${epochs}b${k}`)]);
      optimizer = tf.train.adam(LR, 0.9, 0.999, 1e-8);
      const before = tf.memory().numTensors;
      const t0 = performance.now();
      let sum = tf.scalar(0);
      for (const rows of batches) {
        const next = tf.tidy(() => {
          const [x, y] = minibatch(rows);
          const { loss, grads } = lossAndGrads(x, y);
          optimizer.applyGradients(grads);
          return tf.add(sum, loss);
        });
        sum.dispose();
        sum = next;
      }
      const total = sum.dataSync()[0];
      const seconds = (performance.now() - t0) / 1e3;
      sum.dispose();
      // The optimizer's state is the only thing an epoch may add, the same every epoch.
      const added = tf.memory().numTensors - before;
      growth ??= added;
      if (added !== growth) throw new Error(`tfjs: an epoch added ${added} tensors, the first ${growth}`);
      return { seconds, meanLoss: total / batches.length };
    },
  };
}

// ---- the engine ----

function wasmEpoch(gs, model) {
  const session = gs.createPaperSession(paperConfig(model));
  try {
    session.advance(session.batchesPerRun);
    const run = session.run(0);
    return { seconds: run.secondsPerEpoch, meanLoss: run.trainLoss[0], accuracy: run.testAccuracy[0] };
  } finally {
    session.delete();
  }
}

function nativeEpoch(model) {
  const out = spawnSync(NATIVE, ['paper', '-'], { input: JSON.stringify(paperConfig(model, [1, 2])), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${NATIVE}: ${out.stderr}`);
  const run = JSON.parse(out.stdout).runs[1];
  return { seconds: run.seconds_per_epoch };
}

// ---- driver ----

const median = (xs) => {
  const a = [...xs].sort((p, q) => p - q);
  return a.length % 2 ? a[a.length >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

async function main() {
  const date = execFileSync('date', ['-u', '+%F'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const impls = [];
  const notes = [];
  if (ONLY.includes('simd') || ONLY.includes('scalar')) {
    for (const flavour of ['simd', 'scalar']) {
      if (!ONLY.includes(flavour)) continue;
      const gs = await loadGradscape({ flavour, paper: true });
      gs.loadPaperImages();
      impls.push({ id: flavour, name: `wasm ${flavour === 'simd' ? 'SIMD' : 'scalar'}`, epoch: (model) => wasmEpoch(gs, model) });
    }
  }
  let tfInfo = null, trainers = {};
  if (ONLY.includes('tfjs_wasm')) {
    tfInfo = await loadTf();
    log('bench: recomputing the engine\'s initial parameters and shuffle for tfjs');
    const data = trainImages();
    for (const model of MODELS) trainers[model] = tfTrainer(tfInfo.tf, data, model);
    impls.push({ id: 'tfjs_wasm', name: 'tfjs-wasm', epoch: (model) => trainers[model].epoch() });
  }
  if (ONLY.includes('native')) {
    if (fs.existsSync(NATIVE)) impls.push({ id: 'native', name: 'native C++', epoch: nativeEpoch });
    else notes.push(`Native: ${NATIVE} missing (scripts/build-native.sh builds it); not measured.`);
  }

  const results = {};
  for (const model of MODELS) {
    results[model] = {};
    for (const impl of impls) {
      log(`bench: ${model} ${impl.name}: warm-up epoch`);
      results[model][impl.id] = { warmup: impl.epoch(model), rounds: [] };
    }
    for (let round = 0; round < ROUNDS; ++round) {
      for (let k = 0; k < impls.length; ++k) {
        const impl = impls[(k + round) % impls.length];
        const r = impl.epoch(model);
        results[model][impl.id].rounds.push(r);
        log(`bench: ${model} round ${round + 1}/${ROUNDS} ${impl.name}: ${(r.seconds * 1e3).toFixed(1)} ms`);
      }
    }
    for (const impl of impls) {
      const r = results[model][impl.id];
      r.median = median(r.rounds.map((x) => x.seconds));
      r.best = Math.min(...r.rounds.map((x) => x.seconds));
    }
  }

  const ms = (s) => (s * 1e3 >= 100 ? (s * 1e3).toFixed(0) : (s * 1e3).toFixed(1));
  const cell = (model, id) => {
    const r = results[model][id];
    return r ? `${ms(r.median)} (${ms(r.best)})` : '–';
  };
  const ratio = (model, slow, fast) => {
    const a = results[model][slow], b = results[model][fast];
    return a && b ? `${(a.median / b.median).toFixed(2)}×` : '–';
  };
  const title = { logreg: 'logreg_images (784 → 10)', mlp: 'mlp_images (784 → 256 → 256 → 10, dropout)' };
  const lines = [];
  lines.push(`### The paper lab's training (${date})`, '');
  lines.push(`\`node bench/train.mjs --rounds=${ROUNDS}\`, Node ${process.version}, ${cpu} (${os.cpus().length} cores), ` +
    `one epoch of 6,000 images, Adam lr 1e-3, minibatch 128, seconds per epoch as median (best) of ${ROUNDS} rounds in ms, ` +
    `warm-up epoch excluded.` + (tfInfo ? ` TensorFlow.js ${tfInfo.version}, wasm backend SIMD ${tfInfo.simd ? 'on' : 'off'}, ` +
    `threads ${tfInfo.threads ? 'on' : 'off'}.` : ''), '');
  lines.push('| model | wasm SIMD | wasm scalar | tfjs-wasm (SIMD) | native C++ | tfjs-wasm ÷ SIMD | scalar ÷ SIMD | native ÷ SIMD |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const model of MODELS) {
    lines.push(`| ${title[model]} | ${cell(model, 'simd')} | ${cell(model, 'scalar')} | ${cell(model, 'tfjs_wasm')} | ` +
      `${cell(model, 'native')} | ${ratio(model, 'tfjs_wasm', 'simd')} | ${ratio(model, 'scalar', 'simd')} | ${ratio(model, 'native', 'simd')} |`);
  }
  lines.push('');
  const checks = [];
  for (const model of MODELS) {
    const engine = results[model].simd?.rounds[0], tf = results[model].tfjs_wasm?.rounds[0];
    if (!engine || !tf) continue;
    const rel = Math.abs(tf.meanLoss - engine.meanLoss) / engine.meanLoss;
    const bound = model === 'logreg' ? 1e-4 : 0.05;
    checks.push(`${model}: mean training loss over the epoch, engine ${engine.meanLoss.toFixed(6)}, tfjs ${tf.meanLoss.toFixed(6)} ` +
      `(relative difference ${rel.toExponential(1)}, ${rel <= bound ? 'within' : 'NOT within'} ${bound}); engine test accuracy ${engine.accuracy}`);
  }
  if (checks.length) lines.push(`Same computation: ${checks.join('; ')}.`, '');
  const target = MODELS.map((model) => {
    const a = results[model].tfjs_wasm, b = results[model].simd;
    if (!a || !b) return null;
    const r = a.median / b.median;
    return `${model} ${r.toFixed(2)}× (${r >= 2 ? 'met' : 'missed'})`;
  }).filter(Boolean);
  if (target.length) lines.push(`Target wasm SIMD ≥ 2× tfjs-wasm-simd: ${target.join(', ')}.`, '');
  for (const n of notes) lines.push(n, '');
  const report = lines.join('\n');
  console.log(report);
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'train.md'), `${report}\n`);
  fs.writeFileSync(path.join(dir, 'train.json'), JSON.stringify({ date, node: process.version, cpu, tfjs: tfInfo && { version: tfInfo.version, simd: tfInfo.simd, threads: tfInfo.threads }, results }, null, 2));
}

await main();
