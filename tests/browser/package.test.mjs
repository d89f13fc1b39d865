// The npm package in a browser: `npm pack`, installed offline in a fresh folder, then
//   1. a page whose main.mjs does `import { loadGradscape } from 'gradscape'`, built by the repo's
//      Vite (`vite build <folder>`, base ./, served under a sub-path): the bundler must find
//      and copy the wasm files the API resolves relative to its module;
//   2. a plain <script type="module"> page importing the installed package's web/api/gradscape.mjs
//      by a relative, CDN-style path (/cdn/gradscape@<version>/...), no bundler.
// Both run gs.run and gs.sweep with the SIMD and the scalar builds in headless Chromium and must give
// the repo API's results in Node exactly. The same two ways load the web component
// (`import 'gradscape/playground'`, and dist/component/gradscape-playground.mjs by a CDN-style path):
// its figure must give gs.run's result. And a webpack 5 build (its Node API) of both: the API page and
// the figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, root } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { LABS } from '../../web/api/labs.mjs';

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const skip = !existsSync(chromium) && `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM)`;

const RUN = {
  version: 1, objective: { name: 'himmelblau', noise: { sigma: 0.1, sparsity: 0.2, seed: 9 } }, start: [0.5, -3],
  steps: 120, precision: 'f32',
  optimizers: [{ name: 'adam', lr: 0.1 }, { name: 'rmsprop', lr: 0.01, centered: true }, { name: 'sgd', lr: 0.05 }],
};
const SWEEP = {
  version: 1, objective: { name: 'himmelblau' }, steps: 200, precision: 'f64', optimizer: { name: 'sgd', lr: 0.01 },
  x: { param: 'start_x', min: -5, max: 5, n: 9 }, y: { param: 'start_y', min: -5, max: 5, n: 8 },
  metric: 'nearest_minimum',
};

// What both pages run: the results of both builds, exposed as window.results and data-done.
const PAGE_SCRIPT = (specifier) => `
import { loadGradscape } from '${specifier}';
const [RUN, SWEEP] = ${JSON.stringify([RUN, SWEEP])};
try {
  const results = {};
  for (const flavour of ['simd', 'scalar']) {
    const gs = await loadGradscape({ flavour, sweep: true });
    results[flavour] = { flavour: gs.flavour, run: gs.run(RUN), sweep: gs.sweep(SWEEP) };
  }
  window.results = JSON.parse(JSON.stringify(results));
  document.body.dataset.done = 'ok';
} catch (error) {
  window.results = String(error && error.stack || error);
  document.body.dataset.done = 'error';
}
`;
const HTML = (script) => `<!doctype html>\n<html><head><meta charset="utf-8"><title>gradscape package</title>
<link rel="icon" href="data:,"></head>
<body>${script}</body></html>\n`;

function ok(command, args, options = {}) {
  const out = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (out.error) throw out.error;
  assert.equal(out.status, 0, `${command} ${args.join(' ')} exited with ${out.status}:\n${out.stdout}${out.stderr}`);
  return out;
}

let work;
let app;
let version;
let browser;
let expected;
const servers = [];
before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'gradscape-package-browser-'));
  const [packed] = JSON.parse(ok('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root }).stdout);
  version = packed.version;
  app = join(work, 'app');
  mkdirSync(app);
  ok('npm', ['init', '-y'], { cwd: app });
  // An empty npm cache, so the install is the same on every machine (gradscape render's optional
  // dependencies are skipped, as offline anywhere).
  ok('npm', ['install', join(work, packed.filename), '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund'], { cwd: app });
  const gs = await loadGradscape({ sweep: true });
  expected = JSON.parse(JSON.stringify({ run: gs.run(RUN), sweep: gs.sweep(SWEEP) }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function pageResults(url) {
  const { page, errors } = await open(browser, url);
  await page.waitForFunction(() => document.body.dataset.done, null, { timeout: 30000 });
  const [done, results] = await page.evaluate(() => [document.body.dataset.done, window.results]);
  await page.close();
  assert.equal(done, 'ok', String(results));
  assert.deepEqual(errors, []);
  return results;
}

function checkResults(results) {
  assert.deepEqual(expected.run.runs.map((r) => r.status), ['ok', 'ok', 'diverged']);
  assert.equal(new Set(expected.sweep.values.flat()).size, 4, 'the sweep finds all four minima');
  for (const flavour of ['simd', 'scalar']) {
    assert.equal(results[flavour].flavour, flavour);
    assert.deepEqual(results[flavour].run, expected.run, `${flavour}: run`);
    assert.deepEqual(results[flavour].sweep, expected.sweep, `${flavour}: sweep`);
  }
}

test("a Vite-built page importing 'gradscape' runs a config and a sweep with both wasm builds", { skip }, async () => {
  writeFileSync(join(app, 'index.html'), HTML('<script type="module" src="./main.mjs"></script>'));
  writeFileSync(join(app, 'main.mjs'), PAGE_SCRIPT('gradscape'));
  const dist = join(work, 'dist');
  ok(join(root, 'node_modules/.bin/vite'), ['build', app, '--outDir', dist, '--base', './', '--logLevel', 'warn'],
    { cwd: app });
  const assets = readdirSync(join(dist, 'assets'));
  for (const name of ['gradscape', ...LABS.map((lab) => `gradscape-${lab.name}`)].flatMap((n) => [`${n}-simd`, `${n}-scalar`])) {
    assert.ok(assets.some((a) => a.startsWith(`${name}-`) && a.endsWith('.wasm')), `${name}.wasm is among ${assets}`);
  }
  assert.ok(!assets.some((a) => a.endsWith('.bin')), `the paper lab's images are not bundled: ${assets}`);
  const server = await serve(dist, '/some/sub/path');
  servers.push(server);
  checkResults(await pageResults(server.url));
});

test('a plain <script type="module"> page imports the package from a CDN-style path', { skip }, async () => {
  const site = join(work, 'site');
  cpSync(join(app, 'node_modules/gradscape'), join(site, `cdn/gradscape@${version}`), { recursive: true });
  mkdirSync(join(site, 'demo'));
  writeFileSync(join(site, 'demo/index.html'),
    HTML(`<script type="module">${PAGE_SCRIPT(`../cdn/gradscape@${version}/web/api/gradscape.mjs`)}</script>`));
  const server = await serve(site);
  servers.push(server);
  checkResults(await pageResults(`${server.url}demo/`));
});

// A page with one <gradscape-playground> whose result is exposed as window.results and data-done.
const FIGURE_CONFIG = { ...RUN, optimizers: RUN.optimizers.slice(0, 2) };
const FIGURE = (script) => HTML(`${script}
<gradscape-playground id="figure" config='${JSON.stringify(FIGURE_CONFIG)}' controls="minimal"></gradscape-playground>
<script type="module">
const figure = document.getElementById('figure');
figure.addEventListener('gradscape:finished', async () => { window.results = await figure.result(); document.body.dataset.done = 'ok'; });
figure.addEventListener('gradscape:error', (e) => { window.results = e.detail.message; document.body.dataset.done = 'error'; });
</script>`);

async function figureResult(url) {
  const results = await pageResults(url);
  const gs = await loadGradscape();
  assert.deepEqual(results, JSON.parse(JSON.stringify(gs.run(FIGURE_CONFIG))));
}

test("a Vite-built page with import 'gradscape/playground' shows a live figure", { skip }, async () => {
  const figureApp = join(work, 'figure-app');
  mkdirSync(figureApp);
  cpSync(join(app, 'node_modules'), join(figureApp, 'node_modules'), { recursive: true });
  writeFileSync(join(figureApp, 'index.html'), FIGURE('<script type="module" src="./main.mjs"></script>'));
  writeFileSync(join(figureApp, 'main.mjs'), "import 'gradscape/playground';\n");
  const dist = join(work, 'figure-dist');
  ok(join(root, 'node_modules/.bin/vite'), ['build', figureApp, '--outDir', dist, '--base', './', '--logLevel', 'warn'],
    { cwd: figureApp });
  const server = await serve(dist, '/posts/adam');
  servers.push(server);
  await figureResult(server.url);
});

test('a plain page loads the web component from a CDN-style path', { skip }, async () => {
  const site = join(work, 'figure-site');
  cpSync(join(app, 'node_modules/gradscape'), join(site, `cdn/gradscape@${version}`), { recursive: true });
  mkdirSync(join(site, 'post'));
  writeFileSync(join(site, 'post/index.html'),
    FIGURE(`<script type="module" src="../cdn/gradscape@${version}/dist/component/gradscape-playground.mjs"></script>`));
  const server = await serve(site);
  servers.push(server);
  await figureResult(`${server.url}post/`);
});

test('a webpack-built app runs the API with both wasm builds and shows a live figure', { skip }, async () => {
  const { default: webpack } = await import('webpack');
  const wpApp = join(work, 'webpack-app');
  mkdirSync(wpApp);
  cpSync(join(app, 'node_modules'), join(wpApp, 'node_modules'), { recursive: true });
  writeFileSync(join(wpApp, 'api.mjs'), PAGE_SCRIPT('gradscape'));
  writeFileSync(join(wpApp, 'figure.mjs'), "import 'gradscape/playground';\n");
  const out = join(work, 'webpack-dist');
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack({
      mode: 'production', context: wpApp, target: 'web', entry: { api: './api.mjs', figure: './figure.mjs' },
      output: { path: out, publicPath: 'auto' }, performance: { hints: false },
    });
    compiler.run((error, result) => compiler.close(() => (error ? reject(error) : resolve(result))));
  });
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  const wasm = readdirSync(out).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 2, `webpack emitted the wasm files: ${wasm}`);
  writeFileSync(join(out, 'api.html'), HTML('<script src="./api.js"></script>'));
  writeFileSync(join(out, 'figure.html'), FIGURE('<script src="./figure.js"></script>'));
  const server = await serve(out, '/wp/app');
  servers.push(server);
  checkResults(await pageResults(`${server.url}api.html`));
  await figureResult(`${server.url}figure.html`);
});
