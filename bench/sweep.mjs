// `npm run bench` (scripts/bench.sh builds everything first): the sweep engine on a 256 × 256 map,
// i.e. 65,536 independent runs × 500 steps of Adam on Rosenbrock (a = 1, b = 100), f32, final
// loss, across implementations, under this machine's Node:
//   wasm SIMD / wasm scalar : gs::labs::SweepSession in bench/wasm/sweep.cpp (SIMD and scalar
//                             builds), engine time of the whole map measured inside wasm
//   plain JS                : bench/js/sweep_soa.mjs, a structure-of-arrays Float32Array loop with
//                             the same math and the same per-lane hyperparameters and starts
//   native C++              : build/native/bench_sweep (-O3, SSE2 128-bit vectors, same config)
// Two maps (the rows of the table):
//   per-lane lr × β1 : x = lr 1e-4 … 1 (log), y = β1 0 … 0.999, start (−1.5, 2): every lane has its
//                      own step size and bias corrections (docs/schema.md's sweep example)
//   start grid       : x = start_x, y = start_y over Rosenbrock's view box, Adam's defaults in
//                      every lane (the per-step scalars are shared by the whole batch)
// Method: every implementation is warmed up twice per map (V8 tiers JS and wasm up), then timed
// in --rounds (default 7, ≥ 5) interleaved rounds (each round runs every implementation once, in
// turn); the statistics are the median and the best round. The plain-JS map is checked against
// the engine's (|Δf|/(1 + |f|) over the lanes both finished, the lanes whose divergence differs),
// and so is the same loop with float32 rounding emulated, which must match bit for bit: the
// comparison is of the same computation.
//
// Usage: node bench/sweep.mjs [--rounds=7] [--only=simd,scalar,js,native] [--maps=lr_beta1,start]
//          [--build=DIR]  (DIR holds native/, wasm-simd/, wasm-scalar/; default build/)
// Writes bench/results/sweep.md (the report, also on stdout) and sweep.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { sweepSoa, sweepSoaExact } from './js/sweep_soa.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k, v ?? 'true'];
}));
const ROUNDS = Math.max(5, Number(args.rounds ?? 7));
const ONLY = (args.only ?? 'simd,scalar,js,native').split(',');
const BUILD = path.resolve(root, args.build ?? 'build');
const N = 256, STEPS = 500;

const MAPS = {
  lr_beta1: {
    label: 'per-lane lr × β1',
    config: {
      version: 1, objective: { name: 'rosenbrock' }, steps: STEPS, precision: 'f32',
      optimizer: { name: 'adam' }, start: [-1.5, 2],
      x: { param: 'lr', min: 1e-4, max: 1, n: N, log: true },
      y: { param: 'beta1', min: 0, max: 0.999, n: N },
      metric: 'final_loss',
    },
  },
  start: {
    label: 'start grid',
    config: {
      version: 1, objective: { name: 'rosenbrock' }, steps: STEPS, precision: 'f32',
      optimizer: { name: 'adam' }, start: [-1.5, 2],
      x: { param: 'start_x', min: -2, max: 2, n: N },
      y: { param: 'start_y', min: -1, max: 3, n: N },
      metric: 'final_loss',
    },
  },
};
const IMPLS = [
  ['simd', 'wasm SIMD'],
  ['scalar', 'wasm scalar'],
  ['js', 'plain JS (SoA)'],
  ['native', 'native C++ (SSE2)'],
].filter(([k]) => ONLY.includes(k));

async function loadBench(flavour) {
  const dir = path.join(BUILD, `wasm-${flavour}`);
  const mjs = path.join(dir, `bench_sweep-${flavour}.mjs`);
  if (!fs.existsSync(mjs)) throw new Error(`${mjs} missing: run scripts/bench.sh (or cmake --build ${dir} --target bench_sweep)`);
  const factory = (await import(pathToFileURL(mjs).href)).default;
  return factory({ wasmBinary: fs.readFileSync(path.join(dir, `bench_sweep-${flavour}.wasm`)) });
}

// The lanes of a map as the engine lays them out (cell i + j·n_x), for the plain-JS baseline.
function jsLanes(config, xs, ys) {
  const n = xs.length * ys.length;
  const lanes = {
    lr: new Float64Array(n).fill(1e-3), beta1: new Float64Array(n).fill(0.9), beta2: new Float64Array(n).fill(0.999),
    eps: new Float64Array(n).fill(1e-8), x0: new Float64Array(n).fill(config.start[0]),
    y0: new Float64Array(n).fill(config.start[1]), steps: config.steps,
  };
  const target = { lr: lanes.lr, beta1: lanes.beta1, start_x: lanes.x0, start_y: lanes.y0 };
  for (let j = 0; j < ys.length; ++j) {
    for (let i = 0; i < xs.length; ++i) {
      target[config.x.param][i + j * xs.length] = xs[i];
      target[config.y.param][i + j * xs.length] = ys[j];
    }
  }
  return lanes;
}

function runNative(config) {
  const exe = path.join(BUILD, 'native', 'bench_sweep');
  const r = spawnSync(exe, ['--warmup=1', '--rounds=1', JSON.stringify(config)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${exe}: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// How far the plain-JS map is from the engine's: |Δf|/(1 + |f|) over the lanes both finished
// (max, 99th percentile, lanes above 1e-3), and the lanes that diverge in one only. The plain-JS
// arithmetic is double between float32 stores, so it is not bit-identical; a lane whose run is
// chaotic (large lr, β1 near 1) can end far away from rounding differences alone.
function agreement(engine, js) {
  const rel = [];
  let divergence = 0;
  for (let k = 0; k < engine.length; ++k) {
    const e = engine[k], f = js[k];
    if (Number.isNaN(e) !== Number.isNaN(f)) ++divergence;
    else if (!Number.isNaN(e)) rel.push(Math.abs(e - f) / (1 + Math.abs(e)));
  }
  rel.sort((a, b) => a - b);
  return {
    maxRel: rel.length ? rel[rel.length - 1] : 0,
    p99Rel: rel.length ? rel[Math.floor(0.99 * (rel.length - 1))] : 0,
    above1e3: rel.filter((r) => r > 1e-3).length,
    divergence,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

async function measureMap(key, modules) {
  const { config } = MAPS[key];
  const text = JSON.stringify(config);
  const benches = {};
  for (const flavour of ['simd', 'scalar']) {
    if (!modules[flavour]) continue;
    benches[flavour] = new modules[flavour].SweepBench(text);
    for (let w = 0; w < 2; ++w) if (benches[flavour].run() < 0) throw new Error(`${flavour}: ${benches[flavour].error()}`);  // warm-up
  }
  const probe = benches.simd ?? benches.scalar;
  const engineMap = probe ? Float64Array.from(probe.values()) : null;
  const lanes = probe ? jsLanes(config, Float64Array.from(probe.xValues()), Float64Array.from(probe.yValues())) : null;
  const times = Object.fromEntries(IMPLS.map(([k]) => [k, []]));
  const run = {
    simd: () => benches.simd.run(),
    scalar: () => benches.scalar.run(),
    js: () => {
      const t0 = performance.now();
      sweepSoa(lanes);
      return performance.now() - t0;
    },
    native: () => runNative(config).median_ms,
  };
  if (times.js) for (let w = 0; w < 2; ++w) sweepSoa(lanes);  // warm-up
  for (let r = 0; r < ROUNDS; ++r) for (const [k] of IMPLS) times[k].push(run[k]());
  const out = { label: MAPS[key].label, config, impls: {} };
  for (const [k] of IMPLS) out.impls[k] = { median_ms: median(times[k]), best_ms: Math.min(...times[k]), ms: times[k] };
  if (times.js && engineMap) {
    out.js_agreement = agreement(engineMap, sweepSoa(lanes).loss);
    const exact = sweepSoaExact(lanes).loss;
    out.js_exact_identical = exact.reduce((same, f, k) => same + Object.is(f, engineMap[k]), 0);
  }
  if (times.native && engineMap) {
    const finite = engineMap.reduce((s, v) => (Number.isFinite(v) ? s + v : s), 0);
    out.native_checksum_equal = runNative(config).checksum === finite;
  }
  return out;
}

function fmt(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function report(results, notes) {
  const lines = [];
  const lanesSteps = N * N * STEPS;
  lines.push(`# Sweep engine: ${N} × ${N} runs × ${STEPS} steps of Adam on Rosenbrock, f32`);
  lines.push('');
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} with Node ${process.version} on ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'unknown CPU'}; engine time of the whole map, median (best) of ${ROUNDS} interleaved rounds, in ms.`);
  lines.push('');
  const cols = IMPLS.map(([, label]) => label);
  const ratios = [['simd', 'js', 'SIMD ÷ plain JS'], ['simd', 'scalar', 'SIMD ÷ scalar'], ['simd', 'native', 'SIMD ÷ native']]
    .filter(([a, b]) => ONLY.includes(a) && ONLY.includes(b));
  lines.push(`| map | ${cols.join(' | ')} | ${ratios.map((r) => r[2]).join(' | ')} | wasm SIMD runs·steps/s |`);
  lines.push(`|---|${cols.map(() => '---:').join('|')}|${ratios.map(() => '---:').join('|')}|---:|`);
  for (const r of results) {
    const cells = IMPLS.map(([k]) => `${fmt(r.impls[k].median_ms)} (${fmt(r.impls[k].best_ms)})`);
    // "SIMD ÷ X": how many times faster wasm SIMD is (X's time over SIMD's, medians).
    const rs = ratios.map(([a, b]) => `${(r.impls[b].median_ms / r.impls[a].median_ms).toFixed(2)}×`);
    const rate = r.impls.simd ? `${(lanesSteps / (r.impls.simd.median_ms / 1e3) / 1e6).toFixed(0)}M` : '–';
    lines.push(`| ${r.label} | ${cells.join(' | ')} | ${rs.join(' | ')} | ${rate} |`);
  }
  lines.push('');
  for (const r of results) {
    if (r.js_agreement) {
      const a = r.js_agreement;
      lines.push(`- ${r.label}: plain JS vs engine final losses, |Δf|/(1 + |f|): 99th percentile ${a.p99Rel.toExponential(2)}, ` +
        `max ${a.maxRel.toExponential(2)}, ${a.above1e3} of ${N * N} lanes above 1e-3; ${a.divergence} lanes diverge in one and not the other. ` +
        `The same loop with float32 rounding emulated (sweepSoaExact) gives the engine's map bit for bit on ${r.js_exact_identical} of ${N * N} lanes.`);
    }
    if (r.native_checksum_equal !== undefined) {
      lines.push(`- ${r.label}: native map ${r.native_checksum_equal ? 'equals' : 'DIFFERS from'} the wasm map (sum of finite final losses).`);
    }
  }
  for (const n of notes) lines.push(`- ${n}`);
  return lines.join('\n') + '\n';
}

async function main() {
  const modules = {};
  for (const flavour of ['simd', 'scalar']) if (ONLY.includes(flavour) || flavour === 'simd') modules[flavour] = await loadBench(flavour);
  const notes = [`Engine backends: ${Object.entries(modules).map(([k, m]) => `${k} = ${m.simdBackend()}`).join(', ')}.`];
  const results = [];
  for (const key of (args.maps ?? 'lr_beta1,start').split(',')) {
    if (!MAPS[key]) throw new Error(`--maps: unknown map ${key} (lr_beta1, start)`);
    results.push(await measureMap(key, modules));
  }
  const text = report(results, notes);
  process.stdout.write(text);
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'sweep.md'), text);
  fs.writeFileSync(path.join(dir, 'sweep.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds: ROUNDS, results }, null, 1));
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
