// The race lab (not part of the tests), for issue 16's speed target: the race of 12 optimizers ×
// 128 trials × 32 tuning starts, plus 64 held-out starts, × 500 steps on Rosenbrock (about 25M
// optimizer steps) finishes in ≤ 10 s in headless Chromium with one worker. Measured:
//   worker   gs.race(config) in one module Web Worker of a headless Chromium page (the race page's
//            path), wasm SIMD and wasm scalar in interleaved rounds, f64 and f32; and the same race
//            posted from the page to the worker with its result back (the page's round trip)
//   node     the same through the JS API in Node (same code: bench/js/race_cases.mjs)
//   native   build/native/gradscape_native race, one process per round (start-up included); its
//            result text is checked to be the wasm builds' bytes
//   plain JS SGD and Adam alone (the same K, N, M, T) through gs.race against the same race as plain
//            JS loops (bench/js/race_soa.mjs: structure of arrays, the engine's trials and starts),
//            interleaved in the worker and in Node; the plain-JS race must pick the engine's best
//            trial with the same scores and reproduce its held-out runs (final losses within 1e-9
//            relative) before anything is timed
//   load     the first load in a new browser context: new Worker → loadGradscape({ race: true })
//            resolved, the first race after it (code not yet tiered up), fetch + compile of
//            gradscape-race-simd.wasm alone (WebAssembly.compileStreaming), and the gzipped sizes
// Method: each case warmed up twice, then --rounds interleaved rounds (bench/tools/interleaved.mjs);
// the figure is the median round, the range min–max. Serves the repository (the JS API straight
// from web/, the worker from bench/js/) on localhost; needs the wasm modules (scripts/build-wasm.sh)
// and the native CLI (scripts/build-native.sh), no site build.
//
// Usage: node bench/race.mjs [--rounds=7] [--cold=5]   Writes bench/results/race.md (also on stdout).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { serve, launch, root } from '../tests/browser/support.mjs';
import { median } from './tools/interleaved.mjs';
import { OPS } from './js/race_cases.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROUNDS = Math.max(5, Number(args.rounds ?? 7));
const COLD = Math.max(3, Number(args.cold ?? 5));
const NATIVE = path.join(root, 'build/native/gradscape_native');
const TARGET_MS = 10000;

const OPTIMIZERS = [
  { name: 'sgd' }, { name: 'sgd', momentum: 0.9 }, { name: 'sgd', momentum: 0.9, nesterov: true },
  { name: 'adagrad' }, { name: 'rmsprop' }, { name: 'adadelta' }, { name: 'adam' }, { name: 'adamax' },
  { name: 'adamw' }, { name: 'adam', amsgrad: true }, { name: 'nadam' }, { name: 'radam' },
];
const race = (precision) => ({
  version: 1, objective: 'rosenbrock', optimizers: OPTIMIZERS, trials: 128, tuning_starts: 32,
  held_out_starts: 64, steps: 500, precision, search: 'random', seed: 1,
});
const RACES = { f64: race('f64'), f32: race('f32') };
const TRIALS = OPTIMIZERS.length * RACES.f64.trials;

const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const msRange = (xs) => `${median(xs).toFixed(1)} (${range(xs)})`;
const rate = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

// A page of the served repository (the server's 404 page: nothing else runs) with one module
// worker running bench/js/race_cases.mjs; call(op, args) runs one of its OPS there.
async function workerPage(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}blank`);
  await page.evaluate((src) => {
    window.started = performance.now();
    const worker = new Worker(src, { type: 'module' });
    const pending = new Map();
    let next = 0;
    worker.onmessage = ({ data }) => {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) reject(new Error(data.error));
      else resolve(data.value);
    };
    worker.onerror = (e) => { for (const { reject } of pending.values()) reject(new Error(e.message)); };
    window.call = (op, args) => new Promise((resolve, reject) => {
      pending.set(next, { resolve, reject });
      worker.postMessage({ id: next++, op, args });
    });
  }, `${url}bench/js/race_cases.mjs`);
  const call = (op, a = {}) => page.evaluate(([o, x]) => window.call(o, x), [op, a]);
  return { page, call };
}

// The page's round trip: posting the race to the worker until its result object is back; with
// the race's time inside the worker in the same rounds.
const roundTrips = (page, config, rounds) => page.evaluate(async ([c, n]) => {
  const out = { page: [], worker: [] };
  for (let r = 0; r <= n; ++r) {
    const t0 = performance.now();
    const { ms } = await window.call('race', { config: c });
    if (r === 0) continue;
    out.page.push(performance.now() - t0);
    out.worker.push(ms);
  }
  return out;
}, [config, rounds]);

// A cold first load in a new context: new Worker → engine loaded, then the first race.
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  const { page, call } = await workerPage(context, url);
  const load = await page.evaluate(async () => {
    await window.call('load', { flavour: 'simd' });
    return performance.now() - window.started;
  });
  const first = await call('race', { config: RACES.f64 });
  const resources = await call('resources');
  await context.close();
  return { load, first: first.ms, resources };
}

async function coldCompile(browser, url) {
  const context = await browser.newContext();
  const { call } = await workerPage(context, url);
  const ms = await call('compile', { url: `${url}web/engine/gradscape-race-simd.wasm` });
  await context.close();
  return ms;
}

function nativeRace(config) {
  const t0 = performance.now();
  const out = spawnSync(NATIVE, ['race', '-'], { input: JSON.stringify(config), encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (out.status !== 0) throw new Error(`${NATIVE}: ${out.stderr}`);
  return { ms, text: out.stdout.trimEnd() };
}
function nativeTimes(config) {
  const text = nativeRace(config).text;
  return { times: Array.from({ length: ROUNDS }, () => nativeRace(config).ms), text };
}

if (!fs.existsSync(NATIVE)) throw new Error(`${NATIVE} missing: run bash scripts/build-native.sh`);
const load = os.loadavg()[0];
const browser = await launch();
const chromium = browser.version();
const server = await serve(root);
const m = {};
try {
  const { page, call } = await workerPage(browser, server.url);
  for (const p of ['f64', 'f32']) {
    m[`worker ${p}`] = await call('fullRace', { config: RACES[p], rounds: ROUNDS });
    m[`node ${p}`] = await OPS.fullRace({ config: RACES[p], rounds: ROUNDS });
    m[`native ${p}`] = nativeTimes(RACES[p]);
  }
  m.roundTrip = await roundTrips(page, RACES.f64, ROUNDS);
  for (const rule of ['sgd', 'adam']) {
    m[`worker ${rule}`] = await call('plainJs', { config: RACES.f64, rule, rounds: ROUNDS });
    m[`node ${rule}`] = await OPS.plainJs({ config: RACES.f64, rule, rounds: ROUNDS });
  }
  m.compile = [];
  m.cold = [];
  for (let k = 0; k < COLD; ++k) {
    m.compile.push(await coldCompile(browser, server.url));
    m.cold.push(await coldLoad(browser, server.url));
  }
} finally {
  await server.close();
  await browser.close();
}

for (const name of ['worker sgd', 'worker adam', 'node sgd', 'node adam']) {
  const { sameBest, sameScores, differ, worst } = m[name].check;
  if (!sameBest || !sameScores || differ || worst > 1e-9) throw new Error(`${name}: plain JS disagrees with the engine: ${JSON.stringify(m[name].check)}`);
}

// ---- report ----
const laneSteps = JSON.parse(m['worker f64'].text).lane_steps;
// Which result texts differ ('' when all are the same bytes): a build out of date shows here.
const differing = (p) => [
  ...(m[`worker ${p}`].sameFlavours ? [] : ['SIMD ≠ scalar in Chromium']),
  ...(m[`node ${p}`].sameFlavours ? [] : ['SIMD ≠ scalar in Node']),
  ...(m[`worker ${p}`].text === m[`node ${p}`].text ? [] : ['Chromium ≠ Node']),
  ...(m[`native ${p}`].text === m[`worker ${p}`].text ? [] : ['native ≠ wasm']),
].join(', ');
const same = (p) => (differing(p) ? `**no** (${differing(p)})` : 'yes');
const met = (ok) => (ok ? 'met' : '**missed**');
const raceRow = (what, xs, target = false) => {
  const t = median(xs);
  return `| ${what} | ${msRange(xs)} | ${rate(TRIALS / (t / 1000))} | ${rate(laneSteps / (t / 1000))} | ${target ? `≤ ${TARGET_MS / 1000} s: ${met(t <= TARGET_MS)}` : ''} |`;
};
const speedup = (slow, fast) => `${(median(slow) / median(fast)).toFixed(2)}×`;
const plainRow = (where, rule) => {
  const c = m[`${where} ${rule}`];
  const label = rule === 'sgd' ? 'SGD' : 'Adam';
  return `| ${label}, ${where === 'worker' ? 'Chromium worker' : 'Node'} | ${msRange(c.engine)} | ${msRange(c.advance)} | ${msRange(c.js)} | ${speedup(c.js, c.engine)} | ${(100 * c.live / c.budget).toFixed(0)} % | ${c.check.worst === 0 ? 'same bits' : `≤ ${c.check.worst.toExponential(1)}`}, best trial ${c.check.sameBest ? 'same' : 'differs'} |`;
};
const wasmFile = (name) => fs.readFileSync(path.join(root, 'web/engine', name));
const gz = (name) => gzipSync(wasmFile(name), { level: 9 }).length;
// Each wasm file's fetch (request → last byte) over the cold loads, median.
const fetches = m.cold[0].resources.map(({ name }) =>
  `${name} ${median(m.cold.map((c) => c.resources.find((r) => r.name === name).ms)).toFixed(0)}`).join(', ');
const date = execFileSync('date', ['+%F'], { encoding: 'utf8' }).trim();
const w = m['worker f64'];
const lines = [
  `# Race lab benchmark (${date})`,
  '',
  `\`node bench/race.mjs --rounds=${ROUNDS} --cold=${COLD}\`: Chromium ${chromium} headless, Node ${process.version}, ` +
    `${os.cpus().length}× ${os.cpus()[0]?.model ?? 'unknown CPU'} (load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end). ` +
    `The race: Rosenbrock, ${OPTIMIZERS.length} optimizers (SGD, momentum, Nesterov, Adagrad, RMSprop, Adadelta, Adam, Adamax, AdamW, AMSGrad, NAdam, RAdam) ` +
    `tuning lr, K = 128 random trials × N = 32 tuning starts + M = 64 held-out starts, T = 500 steps, seed 1: ` +
    `${(laneSteps / 1e6).toFixed(2)}M optimizer steps (lane_steps: every run counts its budget). ` +
    `Median (min–max) of ${ROUNDS} interleaved rounds in ms; trials/s = ${TRIALS} / time, steps/s = lane_steps / time.`,
  '',
  '| the whole race | ms | trials/s | optimizer steps/s | target |',
  '|---|---:|---:|---:|---|',
  raceRow('Chromium, one module worker, wasm SIMD, f64', w.simd, true),
  raceRow(`Chromium worker, wasm scalar, f64 (SIMD ${speedup(w.scalar, w.simd)} faster)`, w.scalar),
  raceRow('Chromium worker, wasm SIMD, f32', m['worker f32'].simd, true),
  raceRow(`Chromium worker, wasm scalar, f32 (SIMD ${speedup(m['worker f32'].scalar, m['worker f32'].simd)} faster)`, m['worker f32'].scalar),
  raceRow(`Chromium page → worker → result object back in the page (SIMD, f64; the race in the worker in the same rounds: ${median(m.roundTrip.worker).toFixed(1)})`, m.roundTrip.page),
  raceRow('Node, JS API, wasm SIMD, f64', m['node f64'].simd),
  raceRow('Node, JS API, wasm scalar, f64', m['node f64'].scalar),
  raceRow('Node, JS API, wasm SIMD, f32', m['node f32'].simd),
  raceRow('Node, JS API, wasm scalar, f32', m['node f32'].scalar),
  raceRow(`native CLI (\`gradscape_native race\`, SSE2; process start-up included), f64 (Chromium SIMD ÷ native: ${speedup(w.simd, m['native f64'].times)})`, m['native f64'].times),
  raceRow('native CLI, f32', m['native f32'].times),
  '',
  `Results: the race's result text (${kb(w.text.length)}) is the same bytes from wasm SIMD and scalar in Chromium and Node and from the native CLI: ` +
    `f64 ${same('f64')}, f32 ${same('f32')}.`,
  '',
  `Plain JS (f64): one optimizer's race alone (K, N, M, T as above: ${(m['worker sgd'].budget / 1e6).toFixed(2)}M steps) through gs.race, its engine time without the result ` +
    '(createRaceSession, advance to the end), and the same race as plain-JS loops (bench/js/race_soa.mjs) over the engine\'s own trials and starts, interleaved. ' +
    '"live" is the share of those steps on runs not diverged yet: the plain-JS loop skips a diverged run, the engine\'s SIMD vectors carry it to its chunk\'s end.',
  '',
  '| optimizer, where | engine gs.race ms | engine advance only ms | plain JS ms | plain JS time ÷ engine time | live steps | plain JS vs engine (held-out final losses, tuning) |',
  '|---|---:|---:|---:|---:|---:|---|',
  plainRow('worker', 'sgd'), plainRow('worker', 'adam'), plainRow('node', 'sgd'), plainRow('node', 'adam'),
  '',
  `First load (new browser context each, ${COLD} loads, localhost, uncompressed responses): gradscape-race-simd.wasm ${kb(wasmFile('gradscape-race-simd.wasm').length)}, ` +
    `${kb(gz('gradscape-race-simd.wasm'))} gzipped (its glue gradscape-race-simd.mjs ${kb(gz('gradscape-race-simd.mjs'))} gzipped); loadGradscape({ race: true }) also loads the core ` +
    `gradscape-simd.wasm, ${kb(gz('gradscape-simd.wasm'))} gzipped.`,
  '',
  '| first load | ms |',
  '|---|---:|',
  `| fetch + compile of gradscape-race-simd.wasm alone (WebAssembly.compileStreaming in a worker) | ${msRange(m.compile)} |`,
  `| new Worker → loadGradscape({ race: true }) resolved (worker and API modules, both wasm files) | ${msRange(m.cold.map((c) => c.load))} |`,
  `| of which the wasm fetches, request → last byte (resource timing, median) | ${fetches} |`,
  `| the first race after it (f64; warm: ${median(w.simd).toFixed(0)}) | ${msRange(m.cold.map((c) => c.first))} |`,
  '',
];
const report = lines.join('\n');
console.log(report);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/race.md'), report);
