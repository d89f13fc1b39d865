// `npm run bench` (scripts/bench.sh builds everything first): one Adam step on n float32
// parameters, n = 1e3 … 1e7, across implementations, under this machine's Node:
//   wasm SIMD / wasm scalar : the JS API (web/api/gradscape.mjs), createOptimizer + opt.step()
//   wasm SIMD, in-wasm loop : the same Optimizer<float>::step called `reps` times inside wasm
//                             (bench/wasm/roofline.cpp AdamLoop): the kernel without the JS call
//   plain JS                : a Float32Array loop, torch-style Adam, per-step scalars hoisted
//   tfjs-wasm / tfjs-cpu    : tf.train.adam(lr).applyGradients over one tf.variable of n floats
//   native C++              : build/native/bench_adam_step (-O3, SSE2 128-bit vectors)
//   RMW roofline / triad    : bench/wasm/roofline.cpp in the SIMD build (memory-bandwidth ceilings)
// GB/s counts 28 bytes/param/step for Adam and the RMW roofline (read p, g, m, v; write p, m, v)
// and 12 bytes/element for the STREAM triad.
//
// Method (printed with the results, see "Timing" below): per n, every case is warmed up (>= 0.25 s
// and >= 3 steps, so V8 has tiered JS and wasm up to TurboFan), then all cases are timed in 3
// interleaved rounds of batches of >= 20 ms; the statistic is the median time per step over all
// batches. Also measured: the JS API's per-step overhead (opt.step() minus the in-wasm loop).
//
// Usage: node --expose-gc bench/adam_step.mjs [--quick] [--sizes=1e3,1e4]
//          [--only=simd,scalar,simd_inwasm,rmw,triad,js,native,tfjs_wasm,tfjs_cpu,overhead]
// Writes bench/results/adam_step.md (the report, also on stdout) and adam_step.json.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = args.includes('--quick');
const SIZES = (argValue('sizes') ?? '1e3,1e4,1e5,1e6,1e7').split(',').map(Number);
const ONLY = argValue('only')?.split(',');

const WARMUP_S = QUICK ? 0.1 : 0.25;
const ROUNDS = QUICK ? 2 : 3;
const ROUND_MIN_S = QUICK ? 0.05 : 0.12;
const ROUND_MIN_BATCHES = 3;
const MIN_BATCH_S = 0.02;
const CASE_BUDGET_S = 40;  // a tfjs case whose estimated run (warm-up + all rounds) exceeds this is skipped

const LR = 1e-3, BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;
const BYTES_ADAM = 28, BYTES_TRIAD = 12;

const log = (...a) => console.error(...a);  // progress on stderr, the report on stdout
const now = () => performance.now() / 1e3;
const gc = () => globalThis.gc?.();

// ---------------------------------------------------------------------------------------------
// Timing
//
// A case is an object {impl, n, bytes, open()}; open() allocates and fills its buffers once and
// returns a handle {run(k), sync?(), close(), backend?} (k steps per run call) or, for native,
// {external: true, round()} (one external measurement round returning per-step batch times).
// All cases of one n are opened, warmed up, then measured in ROUNDS interleaved rounds (the case
// order rotates each round), so slow drifts of a shared machine hit every case alike. A round of
// one case is >= 3 batches of >= 20 ms (>= 1 step) lasting >= ROUND_MIN_S in total. The figure
// is the median over all batches of all rounds (seconds per step).

function median(xs) {
  const a = [...xs].sort((x, y) => x - y);
  const mid = a.length >> 1;
  return a.length % 2 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
}

async function activate(h, tfApi) {
  if (h.backend && tfApi.tf.getBackend() !== h.backend) await tfApi.tf.setBackend(h.backend);
}

// Warm-up (>= WARMUP_S and >= 3 steps; 2 when a step takes over 1 s), then the batch length.
function warmUp(h) {
  const sync = h.sync ?? (() => {});
  let steps = 0;
  const w0 = now();
  while (steps < 2 || (steps < 3 && now() - w0 < 1) || now() - w0 < WARMUP_S) {
    h.run(1);
    steps++;
  }
  sync();
  const perStep = (now() - w0) / steps;
  let k = Math.max(1, Math.ceil(MIN_BATCH_S / perStep));
  if (k > 1) {
    for (;;) {
      const t0 = now();
      h.run(k);
      sync();
      const dt = now() - t0;
      if (dt >= MIN_BATCH_S || k > 1e9) break;
      k = Math.max(k * 2, Math.ceil((k * MIN_BATCH_S * 1.2) / Math.max(dt, 1e-7)));
    }
  }
  return { k, perStep };
}

function timeRound(h, k, slow) {
  const sync = h.sync ?? (() => {});
  const out = [];
  let total = 0;
  const minBatches = slow ? 2 : ROUND_MIN_BATCHES;
  while (out.length < minBatches || total < ROUND_MIN_S) {
    const t0 = now();
    h.run(k);
    sync();
    const dt = now() - t0;
    total += dt;
    out.push(dt / k);
  }
  return out;
}

async function runInterleaved(cases, results, tfApi) {
  const live = [];
  for (const c of cases) {
    if (c.skip) {
      record(results, c.impl, c.n, { skipped: true, reason: c.skip });
      continue;
    }
    gc();
    const h = await c.open();
    if (!h.external) {
      await activate(h, tfApi);
      const { k, perStep } = warmUp(h);
      live.push({ c, h, k, slow: perStep > 1, batches: [] });
    } else {
      live.push({ c, h, batches: [] });
    }
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < live.length; j++) {
      const e = live[(j + r) % live.length];
      if (e.h.external) {
        e.batches.push(...e.h.round());
      } else {
        await activate(e.h, tfApi);
        gc();
        e.batches.push(...timeRound(e.h, e.k, e.slow));
      }
    }
  }
  for (const e of live) {
    await activate(e.h, tfApi);
    e.h.close?.();
    record(results, e.c.impl, e.c.n, { s: median(e.batches), min: Math.min(...e.batches), max: Math.max(...e.batches), batches: e.batches.length, stepsPerBatch: e.k ?? 'ext' }, e.c.bytes);
  }
}

function record(results, impl, n, m, bytes = BYTES_ADAM) {
  const row = (results[impl] ??= {});
  if (m.skipped) {
    row[n] = { skipped: true, reason: m.reason };
    log(`  ${impl.padEnd(12)} n=${fmtN(n)}  skipped: ${m.reason}`);
    return;
  }
  row[n] = {
    steps_per_s: 1 / m.s,
    ns_per_param: n ? (m.s * 1e9) / n : null,
    ns_per_step: m.s * 1e9,
    gbps: (bytes * n) / m.s / 1e9,
    batches: m.batches,
    steps_per_batch: m.stepsPerBatch,
    max_over_min: m.max / m.min,
  };
  log(`  ${impl.padEnd(12)} n=${fmtN(n)}  ${fmtRate(1 / m.s).padStart(7)} steps/s  ` +
      (n ? `${row[n].ns_per_param.toFixed(3)} ns/param  ${row[n].gbps.toFixed(1)} GB/s  ` : `${row[n].ns_per_step.toFixed(0)} ns/step  `) +
      `(${m.batches} batches × ${m.stepsPerBatch} steps, max/min ${(m.max / m.min).toFixed(2)})`);
}

// Deterministic finite inputs: params in [0.5, 1.5), grads in {−0.08 … 0.08} (no denormals).
function fillInputs(params, grads) {
  for (let i = 0; i < params.length; i++) {
    params[i] = 0.5 + 1e-3 * (i % 1000);
    grads[i] = 1e-2 * ((i % 17) - 8);
  }
}

function wanted(impl) {
  return !ONLY || ONLY.includes(impl);
}

// ---------------------------------------------------------------------------------------------
// Plain JS: torch.optim.Adam (_single_tensor_adam) on Float32Arrays, scalars outside the loop.

class JsAdam {
  constructor(n) {
    this.m = new Float32Array(n);
    this.v = new Float32Array(n);
    this.t = 0;
  }
  step(p, g) {
    const t = ++this.t;
    const bc1 = 1 - BETA1 ** t, bc2 = 1 - BETA2 ** t;
    const stepSize = LR / bc1, bc2Sqrt = Math.sqrt(bc2);
    const b1 = BETA1, b2 = BETA2, omb1 = 1 - BETA1, omb2 = 1 - BETA2, eps = EPS;
    const m = this.m, v = this.v, n = p.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = b1 * m[i] + omb1 * gi;
      const vi = b2 * v[i] + omb2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadRoofline() {
  const dir = path.join(root, 'build/wasm-simd');
  const mjs = path.join(dir, 'bench_roofline-simd.mjs');
  const wasm = path.join(dir, 'bench_roofline-simd.wasm');
  if (!fs.existsSync(mjs)) throw new Error(`${mjs} missing: run scripts/bench.sh (or cmake --build build/wasm-simd --target bench_roofline)`);
  const factory = (await import(pathToFileURL(mjs).href)).default;
  return factory({ wasmBinary: fs.readFileSync(wasm) });
}

async function loadTf() {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  const wasmBackend = await import('@tensorflow/tfjs-backend-wasm');
  // Local .wasm files only (a directory prefix; the Node glue reads them with fs).
  wasmBackend.setWasmPaths(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep);
  return { tf, wasmVersion: wasmBackend.version_wasm };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function fmtRate(x) {
  if (x >= 1e6) return `${(x / 1e6).toPrecision(3)}M`;
  if (x >= 1e3) return `${(x / 1e3).toPrecision(3)}k`;
  return x.toPrecision(3);
}
const fmtN = (n) => (n > 0 ? `1e${Math.round(Math.log10(n))}` : String(n));

function cell(results, impl, n) {
  const r = results[impl]?.[n];
  if (!r) return ['–', '–'];
  if (r.skipped) return ['skipped', '–'];
  return [fmtRate(r.steps_per_s), r.gbps.toFixed(1)];
}

function ratio(results, a, b, n) {
  const x = results[a]?.[n], y = results[b]?.[n];
  if (!x || !y || x.skipped || y.skipped) return null;
  return x.steps_per_s / y.steps_per_s;
}
// a's GB/s over b's GB/s (differs from the steps/s ratio when the bytes per element differ).
function bwRatio(results, a, b, n) {
  const x = results[a]?.[n], y = results[b]?.[n];
  if (!x || !y || x.skipped || y.skipped) return null;
  return x.gbps / y.gbps;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const date = execFileSync('date', ['-u', '+%F'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const results = {};
  const notes = [];

  const { loadGradscape } = await import(pathToFileURL(path.join(root, 'web/api/gradscape.mjs')).href);
  const gsSimd = await loadGradscape({ flavour: 'simd' });
  const gsScalar = await loadGradscape({ flavour: 'scalar' });
  const roof = await loadRoofline();
  notes.push(`Engine backends: simd flavour = ${gsSimd.simdBackend}, scalar flavour = ${gsScalar.simdBackend}; roofline module built with simd128 = ${roof.builtWithSimd128()}.`);

  const nativeExe = path.join(root, 'build/native/bench_adam_step');
  const haveNative = fs.existsSync(nativeExe);
  if (!haveNative) notes.push(`Native: ${nativeExe} missing (scripts/bench.sh builds it); not measured.`);
  let nativeBackend = null;

  let tfApi = null;
  if (wanted('tfjs_wasm') || wanted('tfjs_cpu')) {
    tfApi = await loadTf();
    tfApi.tf.enableProdMode();  // production settings (also silences the tfjs-node banner)
    for (const backend of ['wasm', 'cpu']) {
      if (!(await tfApi.tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to initialise`);
      await tfApi.tf.ready();
      if (backend === 'wasm') {
        tfApi.simd = tfApi.tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
        tfApi.threads = tfApi.tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
      }
    }
  }
  const tfPerParam = {};  // the last measured s/param per tfjs backend, for the budget estimate

  const apiCase = (impl, gs, n) => ({
    impl, n, bytes: BYTES_ADAM,
    open() {
      const opt = gs.createOptimizer({ name: 'adam', lr: LR }, n, 'f32');
      fillInputs(opt.params, opt.grads);
      const before = n ? opt.params[0] : 0;
      return {
        run(k) { for (let i = 0; i < k; i++) opt.step(); },
        close() {
          if (n && opt.params[0] === before) throw new Error(`${impl}: params did not move`);
          opt.delete();
        },
      };
    },
  });
  const roofCase = (impl, Cls, bytes, n) => ({
    impl, n, bytes,
    open() {
      const obj = new Cls(n);
      return { run(k) { obj.run(k); }, close() { obj.delete(); } };
    },
  });
  const jsCase = (n) => ({
    impl: 'js', n, bytes: BYTES_ADAM,
    open() {
      const p = new Float32Array(n), g = new Float32Array(n);
      fillInputs(p, g);
      const adam = new JsAdam(n);
      const before = p[0];
      return {
        run(k) { for (let i = 0; i < k; i++) adam.step(p, g); },
        close() { if (p[0] === before) throw new Error('js: params did not move'); },
      };
    },
  });
  const nativeCase = (n) => ({
    impl: 'native', n, bytes: BYTES_ADAM,
    open() {
      return {
        external: true,
        round() {
          const out = spawnSync(nativeExe, [`--min-time=${ROUND_MIN_S}`, `--min-batches=${ROUND_MIN_BATCHES}`, String(n)], { encoding: 'utf8' });
          if (out.status !== 0) throw new Error(`bench_adam_step failed: ${out.stderr}`);
          const line = JSON.parse(out.stdout.trim());
          nativeBackend = line.simd_backend;
          return line.batch_s_per_step;
        },
      };
    },
  });
  const tfCase = (impl, backend, n) => {
    const est = tfPerParam[backend] ? tfPerParam[backend] * n * (3 + 2 * ROUNDS) : 0;
    return {
      impl, n, bytes: BYTES_ADAM,
      skip: est > CASE_BUDGET_S ? `estimated ${(tfPerParam[backend] * n).toFixed(1)} s/step, over the ${CASE_BUDGET_S} s budget per case` : null,
      async open() {
        const { tf } = tfApi;
        await tf.setBackend(backend);
        const init = new Float32Array(n), grad = new Float32Array(n);
        fillInputs(init, grad);
        const x = tf.variable(tf.tensor1d(init));
        const g = tf.tensor1d(grad);
        const opt = tf.train.adam(LR, BETA1, BETA2, EPS);
        const step = () => opt.applyGradients({ [x.name]: g });
        step();
        let steps = 0, leaked = 0, busy = 0;
        return {
          backend,
          run(k) {
            const before = tf.engine().state.numTensors, t0 = now();
            for (let i = 0; i < k; i++) step();
            busy += now() - t0;
            leaked += tf.engine().state.numTensors - before;
            steps += k;
          },
          // Both backends run their kernels synchronously on the CPU; reading one element of the
          // variable back after every batch guarantees that the timed work has completed.
          sync() { const probe = tf.slice(x, [0], [1]); probe.dataSync(); probe.dispose(); },
          close() {
            if (leaked) throw new Error(`${impl}: ${leaked} tensors leaked`);
            const probe = tf.slice(x, [0], [1]);
            const x0 = probe.dataSync()[0];
            probe.dispose();
            if (x0 === init[0]) throw new Error(`${impl}: the variable did not move`);
            tfPerParam[backend] = busy / Math.max(steps, 1) / n;
            opt.dispose();
            x.dispose();
            g.dispose();
          },
        };
      },
    };
  };

  for (const n of SIZES) {
    log(`n = ${fmtN(n)}: warm-up, then ${ROUNDS} interleaved rounds …`);
    const cases = [];
    if (wanted('simd')) cases.push(apiCase('simd', gsSimd, n));
    if (wanted('scalar')) cases.push(apiCase('scalar', gsScalar, n));
    if (wanted('simd_inwasm')) cases.push(roofCase('simd_inwasm', roof.AdamLoop, BYTES_ADAM, n));
    if (wanted('rmw')) cases.push(roofCase('rmw', roof.Rmw, BYTES_ADAM, n));
    if (wanted('triad')) cases.push(roofCase('triad', roof.Triad, BYTES_TRIAD, n));
    if (wanted('js')) cases.push(jsCase(n));
    if (wanted('native') && haveNative) cases.push(nativeCase(n));
    if (tfApi && wanted('tfjs_wasm')) cases.push(tfCase('tfjs_wasm', 'wasm', n));
    if (tfApi && wanted('tfjs_cpu')) cases.push(tfCase('tfjs_cpu', 'cpu', n));
    await runInterleaved(cases, results, tfApi);
  }
  if (nativeBackend) notes.push(`Native: gs::optim::Optimizer<float>, KernelImpl::Simd (core/simd.hpp backend ${nativeBackend}: 128-bit vectors), g++ -O3 -ffp-contract=off, one process per round.`);

  // The JS API's per-step overhead: opt.step() against the same Optimizer<float>::step looped
  // inside wasm, at n = 1e3 and at n = 0, interleaved like the rest.
  let overhead = null;
  if (wanted('overhead')) {
    log('JS API per-step overhead …');
    const ov = {};
    await runInterleaved([
      { ...apiCase('api', gsSimd, 1000) }, { ...roofCase('inwasm', roof.AdamLoop, BYTES_ADAM, 1000) },
      { ...apiCase('api', gsSimd, 0) }, { ...roofCase('inwasm', roof.AdamLoop, BYTES_ADAM, 0) },
    ], ov, tfApi);
    overhead = {
      api_1e3_ns: ov.api[1000].ns_per_step,
      inwasm_1e3_ns: ov.inwasm[1000].ns_per_step,
      diff_ns: ov.api[1000].ns_per_step - ov.inwasm[1000].ns_per_step,
      api_n0_ns: ov.api[0].ns_per_step,
      inwasm_n0_ns: ov.inwasm[0].ns_per_step,
      boundary_n0_ns: ov.api[0].ns_per_step - ov.inwasm[0].ns_per_step,
    };
  }
  const tfInfo = tfApi ? { version: tfApi.tf.version_core, simd: tfApi.simd, threads: tfApi.threads } : null;

  // -------------------------------------------------------------------------------------------
  // Report
  const impls = [
    ['simd', 'wasm SIMD (JS API)'],
    ['scalar', 'wasm scalar (JS API)'],
    ['simd_inwasm', 'wasm SIMD, in-wasm loop'],
    ['js', 'plain JS'],
    ['tfjs_wasm', 'tfjs-wasm'],
    ['tfjs_cpu', 'tfjs-cpu'],
    ['native', 'native C++'],
    ['rmw', 'RMW roofline (wasm)'],
    ['triad', 'triad (wasm)'],
  ].filter(([k]) => results[k]);

  const lines = [];
  lines.push(`# Adam step benchmark (${date})`);
  lines.push('');
  lines.push(`Node ${process.version} (V8 ${process.versions.v8}), ${os.platform()} ${os.arch()}, ${cpu}, ${os.cpus().length} cores.` +
    (tfInfo ? ` TensorFlow.js ${tfInfo.version}; tfjs-wasm SIMD: ${tfInfo.simd ?? 'n/a'}, threads: ${tfInfo.threads ?? 'n/a'}.` : ''));
  lines.push('');
  lines.push('Steps/s and GB/s per implementation (28 bytes/param/step; triad: 12 bytes/element).');
  lines.push('');
  lines.push(`| n | ${impls.map(([, name]) => `${name} steps/s | GB/s`).join(' | ')} |`);
  lines.push(`|---:|${impls.map(() => '---:|---:').join('|')}|`);
  for (const n of SIZES) {
    lines.push(`| ${fmtN(n)} | ${impls.map(([k]) => cell(results, k, n).join(' | ')).join(' | ')} |`);
  }
  lines.push('');
  const ratioCols = [
    ['SIMD/JS', (n) => ratio(results, 'simd', 'js', n)],
    ['SIMD/tfjs-wasm', (n) => ratio(results, 'simd', 'tfjs_wasm', n)],
    ['SIMD/tfjs-cpu', (n) => ratio(results, 'simd', 'tfjs_cpu', n)],
    ['SIMD/native', (n) => ratio(results, 'simd', 'native', n)],
    ['SIMD/scalar', (n) => ratio(results, 'simd', 'scalar', n)],
    ['SIMD/RMW roofline', (n) => bwRatio(results, 'simd', 'rmw', n)],
    ['SIMD/triad (GB/s)', (n) => bwRatio(results, 'simd', 'triad', n)],
    ['in-wasm loop/native', (n) => ratio(results, 'simd_inwasm', 'native', n)],
    ['native/RMW roofline', (n) => bwRatio(results, 'native', 'rmw', n)],
  ];
  lines.push('Ratios (steps/s; the roofline and triad columns compare GB/s):');
  lines.push('');
  lines.push(`| n | ${ratioCols.map(([h]) => h).join(' | ')} |`);
  lines.push(`|---:|${ratioCols.map(() => '---:').join('|')}|`);
  const fmtRatio = (r) => (r == null ? '–' : r >= 10 ? r.toFixed(1) : r.toFixed(2));
  for (const n of SIZES) lines.push(`| ${fmtN(n)} | ${ratioCols.map(([, f]) => fmtRatio(f(n))).join(' | ')} |`);
  lines.push('');

  // Targets
  const targets = [];
  const check = (label, value, ok, fmt = fmtRatio) => targets.push(`| ${label} | ${value == null ? 'not measured' : fmt(value)} | ${value == null ? '–' : ok(value) ? '**met**' : '**missed**'} |`);
  check('n = 1e6: wasm SIMD ≥ 6× plain JS', ratio(results, 'simd', 'js', 1e6), (r) => r >= 6, (r) => `${fmtRatio(r)}×`);
  check(`n = 1e6: wasm SIMD ≥ 8× tfjs-wasm (SIMD ${tfInfo?.simd ?? 'n/a'})`, ratio(results, 'simd', 'tfjs_wasm', 1e6), (r) => r >= 8, (r) => `${fmtRatio(r)}×`);
  check('n = 1e5: wasm SIMD ≥ 90% of native C++', ratio(results, 'simd', 'native', 1e5), (r) => r >= 0.9, (r) => `${(100 * r).toFixed(0)}%`);
  check('n = 1e7: wasm SIMD ≥ 80% of the wasm RMW roofline', bwRatio(results, 'simd', 'rmw', 1e7), (r) => r >= 0.8, (r) => `${(100 * r).toFixed(0)}%`);
  check('n = 1e3: JS API per-step overhead < 1 µs', overhead ? overhead.diff_ns : null, (ns) => ns < 1000, (ns) => `${ns.toFixed(0)} ns`);
  lines.push('Targets:');
  lines.push('');
  lines.push('| target | measured | |');
  lines.push('|---|---:|---|');
  lines.push(...targets);
  lines.push('');
  if (overhead) {
    lines.push(`JS API per-step overhead: opt.step() at n = 1e3 takes ${overhead.api_1e3_ns.toFixed(0)} ns; the same Optimizer<float>::step ` +
      `called in a loop inside wasm (no JS call) takes ${overhead.inwasm_1e3_ns.toFixed(0)} ns; the difference, ${overhead.diff_ns.toFixed(0)} ns, ` +
      'is the cost of the JS API + Embind call. ' +
      `Cross-check at n = 0: opt.step() ${overhead.api_n0_ns.toFixed(0)} ns vs in-wasm ${overhead.inwasm_n0_ns.toFixed(0)} ns ` +
      `(boundary ${overhead.boundary_n0_ns.toFixed(0)} ns).`);
    lines.push('');
  }
  lines.push(`Method: for each n, every case allocates and fills its buffers once and is warmed up (≥ ${WARMUP_S} s and ≥ 3 steps, ` +
    '2 if a step takes > 1 s, so V8 has tiered JS and wasm up to TurboFan); then all cases are timed in ' +
    `${ROUNDS} interleaved rounds (the order rotates each round; native runs as one process per round), each round ≥ ${ROUND_MIN_BATCHES} batches ` +
    `(2 for cases slower than 1 s/step) of ≥ ${MIN_BATCH_S * 1e3} ms (≥ 1 step) and ≥ ${ROUND_MIN_S} s. The figure is the MEDIAN time per step ` +
    'over all batches of all rounds; ratios divide those medians. ' +
    'Inputs: params in [0.5, 1.5), grads in {−0.08, …, 0.08} (no denormals); Adam lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, no amsgrad. ' +
    'wasm SIMD / scalar: the JS API (createOptimizer + opt.step(), one fused step per call). ' +
    'In-wasm loop: the same Optimizer<float>::step called k times inside one wasm call (bench/wasm/roofline.cpp). ' +
    'Plain JS: torch-style Adam over Float32Arrays (double intermediates, per-step scalars hoisted out of the loop). ' +
    `tfjs (prod mode${tfApi ? `, wasm threads ${tfApi.threads ? 'on' : 'off'}` : ''}): one tf.variable of n floats, tf.train.adam(lr, β1, β2, eps).applyGradients({x: g}) with a precomputed gradient tensor; ` +
    'every batch ends with dataSync() of a 1-element slice of the variable (both backends run their kernels synchronously on the CPU); ' +
    `the tensor count is checked to stay constant. A tfjs case is skipped when warm-up + rounds are estimated to exceed ${CASE_BUDGET_S} s. ` +
    'Triad (12 B/element) and RMW roofline (28 B/param: p, m, v += s·g) : bench/wasm/roofline.cpp with wasm_simd128 intrinsics, buffers allocated once.');
  for (const note of notes) lines.push('', note);
  const skippedAny = Object.entries(results).flatMap(([k, row]) => Object.entries(row).filter(([, r]) => r.skipped).map(([n, r]) => `${k} at n = ${fmtN(Number(n))}: ${r.reason}`));
  if (skippedAny.length) lines.push('', `Skipped: ${skippedAny.join('; ')}.`);
  lines.push('');

  const report = lines.join('\n');
  console.log(report);
  const outDir = path.join(root, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'adam_step.md'), report);
  fs.writeFileSync(path.join(outDir, 'adam_step.json'), JSON.stringify({ date, node: process.version, cpu, tfjs: tfInfo, overhead, results }, null, 2));
  log(`wrote bench/results/adam_step.md and adam_step.json`);
}

await main();
