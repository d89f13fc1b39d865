// The npm package: `npm pack` ships exactly the JS API, its types, the CLI, the configs' JSON Schema
// (gradscape/schema.json), the wasm files
// (glue + wasm, the core's and every lab's, SIMD and scalar), the paper lab's images and the web
// component's bundle and types, the Hugo shortcode and the Jekyll include, and nothing else; the tarball installs offline in a
// fresh folder with no required dependency (gradscape render's libraries are optional ones: without
// them render names the package to install; with them, packed from node_modules, it renders); there `import { loadGradscape } from 'gradscape'` runs a config,
// a sweep and a paper config on the shipped images with the very results of the repo's API, the `gradscape` bin prints the repo CLI's bytes
// and exits 2 on bad input, and the types resolve through `exports` (checked with Debian's tsc when
// node-typescript is installed: a correct file compiles, a wrong one fails). The prepack script
// rebuilds web/engine only when a file is missing or older than a C++ source. The browser half
// (a Vite-built page and a CDN-style <script type="module">) is tests/browser/package.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, utimesSync, statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { LABS } from '../../web/api/labs.mjs';

const root = new URL('../../', import.meta.url).pathname;
const tsc = '/usr/share/nodejs/typescript/bin/tsc';

// The wasm modules: the core's, the full engine's and one per lab (gradscape-<lab>),
// SIMD and scalar.
const MODULES = ['gradscape', 'gradscape-full', ...LABS.map((lab) => `gradscape-${lab.name}`)].flatMap((name) => [`${name}-simd`, `${name}-scalar`]);

const EXPECTED_FILES = [
  'README.md', 'package.json', 'gradscape.schema.json',
  'web/api/assets.mjs', 'web/api/cli.mjs', 'web/api/gradscape.d.ts', 'web/api/gradscape.mjs', 'web/api/labs.mjs', 'web/api/optimizer.mjs',
  'web/api/registry-types.d.ts', 'web/api/run-session.mjs', 'web/api/support.mjs', ...LABS.map((lab) => `web/api/${lab.name}-lab.mjs`),
  // gradscape render: the command, its models and rasteriser, the SVG figure and what it imports
  'web/api/render-command.mjs', 'web/api/render-models.mjs', 'web/api/render-raster.mjs',
  ...readdirSync(join(root, 'web/lib/figure')).filter((f) => f.endsWith('.mjs')).map((f) => `web/lib/figure/${f}`),
  'web/lib/canvas-style.mjs', 'web/lib/colormap.mjs', 'web/lib/field-scale.mjs', 'web/lib/format.mjs', 'web/lib/palette.mjs', 'web/lib/plot-geometry.mjs',
  'web/race/entries.mjs',
  'public/data/fashion-mnist-6k.bin',
  ...MODULES.flatMap((name) => [`web/engine/${name}.mjs`, `web/engine/${name}.wasm`]),
  'web/component/gradscape-playground.d.ts',
  // the blog integrations (scripts/gen-integrations.mjs)
  'integrations/hugo/layouts/shortcodes/gradscape.html', 'integrations/jekyll/_includes/gradscape.html',
  // the web component's standalone bundle, as `vite build --config vite.component.config.mjs` wrote it
  ...readdirSync(join(root, 'dist/component'), { recursive: true })
    .filter((f) => statSync(join(root, 'dist/component', f)).isFile()).map((f) => `dist/component/${f}`),
].sort();

const RUN = {
  version: 1, objective: { name: 'rosenbrock', noise: { sigma: 0.05, sparsity: 0, seed: 3 } }, start: [-1.5, 2],
  steps: 150, precision: 'f64',
  optimizers: [{ name: 'adam', lr: 0.05 }, { name: 'sgd', lr: 0.001, momentum: 0.9 }, { name: 'sgd', lr: 0.02 }],
};
const SWEEP = {
  version: 1, objective: { name: 'rosenbrock' }, steps: 150, precision: 'f32', optimizer: { name: 'sgd', lr: 0.001 },
  x: { param: 'lr', min: 1e-5, max: 0.01, n: 10, log: true }, y: { param: 'momentum', min: 0, max: 0.99, n: 7 },
  start: [-1.5, 2], metric: 'final_loss',
};

function sh(command, args, options = {}) {
  const out = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (out.error) throw out.error;
  return out;
}
function ok(command, args, options) {
  const out = sh(command, args, options);
  assert.equal(out.status, 0, `${command} ${args.join(' ')} exited with ${out.status}:\n${out.stderr}`);
  return out;
}

let work;   // temp folder: the tarball and the fresh project
let app;    // the fresh project with the package installed
let packed; // npm pack --json's report
before(() => {
  work = mkdtempSync(join(tmpdir(), 'gradscape-package-'));
  // --ignore-scripts: the tests run against web/engine as it is (npm test builds it first);
  // the prepack script's decision is tested on its own below.
  [packed] = JSON.parse(ok('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    { cwd: root }).stdout);
  app = join(work, 'app');
  mkdirSync(app);
  ok('npm', ['init', '-y'], { cwd: app });
  // An empty npm cache: what this machine fetched before cannot stand in for the registry.
  ok('npm', ['install', join(work, packed.filename), '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund'], { cwd: app });
});
after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

test('npm pack ships the API, its types, the CLI and the wasm modules, and nothing else', () => {
  assert.equal(packed.name, 'gradscape');
  assert.deepEqual(packed.files.map((f) => f.path).sort(), EXPECTED_FILES);
  const wasm = packed.files.filter((f) => f.path.endsWith('.wasm'));
  for (const f of wasm) assert.ok(f.size > 100_000, `${f.path} is ${f.size} bytes`);
  const bin = packed.files.find((f) => f.path === 'web/api/cli.mjs');
  assert.ok(bin.mode & 0o111, 'the bin is executable');
  console.log(`tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
});

// gradscape render's libraries are optional dependencies: an install that cannot fetch them goes on
// without them (the rest of the package needs nothing), and render then says what to install.
const RENDER_PACKAGES = ['@resvg/resvg-js', 'd3-array', 'd3-contour', 'fast-png', 'gifenc'];

test('the package installs offline in a fresh folder with no required dependency (render\'s optional ones skipped)', () => {
  assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')), ['gradscape']);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules/gradscape/package.json'), 'utf8'));
  assert.equal(installed.dependencies, undefined);
  assert.deepEqual(Object.keys(installed.optionalDependencies).sort(), RENDER_PACKAGES);
  assert.deepEqual(installed.sideEffects, ['./web/component/gradscape-playground.mjs', './dist/component/gradscape-playground.mjs', '*.css'],
    'only the module that registers the element (and CSS) has side effects');
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  assert.deepEqual(Object.keys(lock.packages).filter((k) => k), ['node_modules/gradscape']);
});

test("the installed package resolves 'gradscape/schema.json' to the JSON Schema it ships", () => {
  writeFileSync(join(app, 'schema.mjs'), `
    import { readFileSync } from 'node:fs';
    const url = import.meta.resolve('gradscape/schema.json');
    process.stdout.write(JSON.stringify({ url, schema: JSON.parse(readFileSync(new URL(url), 'utf8')) }));
  `);
  const out = JSON.parse(ok(process.execPath, ['schema.mjs'], { cwd: app }).stdout);
  assert.equal(out.url, `file://${join(app, 'node_modules/gradscape/gradscape.schema.json')}`);
  assert.deepEqual(out.schema, JSON.parse(readFileSync(join(root, 'gradscape.schema.json'), 'utf8')));
});

test("import { loadGradscape } from 'gradscape' runs a config and a sweep with the repo API's results", async () => {
  writeFileSync(join(app, 'check.mjs'), `
    import { loadGradscape, GradscapeError } from 'gradscape';
    const gs = await loadGradscape({ sweep: true });
    const scalar = await loadGradscape({ flavour: 'scalar', sweep: true });
    let error = null;
    try { gs.run({ optimizers: [{ name: 'adam', beta2: 1.5 }] }); } catch (e) { error = e instanceof GradscapeError && e.message; }
    const [run, sweep] = JSON.parse(process.argv[2]);
    process.stdout.write(JSON.stringify({
      resolved: import.meta.resolve('gradscape'), flavour: gs.flavour, error,
      run: gs.run(run), sweep: gs.sweep(sweep), scalarRun: scalar.run(run), scalarSweep: scalar.sweep(sweep),
    }));
  `);
  const out = JSON.parse(ok(process.execPath, ['check.mjs', JSON.stringify([RUN, SWEEP])], { cwd: app }).stdout);
  assert.equal(out.resolved, `file://${join(app, 'node_modules/gradscape/web/api/gradscape.mjs')}`);
  assert.match(out.error, /optimizers\[0\]\.beta2/);
  const gs = await loadGradscape({ sweep: true });
  const json = (x) => JSON.parse(JSON.stringify(x));
  const run = json(gs.run(RUN));
  const sweep = json(gs.sweep(SWEEP));
  assert.equal(out.flavour, gs.flavour);
  assert.equal(run.runs.length, 3);
  assert.ok(sweep.values.flat().some((v) => v === null) && sweep.values.flat().some((v) => v !== null),
    'the sweep has diverged and finished cells');
  assert.deepEqual(out.run, run);
  assert.deepEqual(out.sweep, sweep);
  assert.deepEqual(out.scalarRun, run);
  assert.deepEqual(out.scalarSweep, sweep);
});

const PAPER = {
  experiment: 'logreg_images', data: { train: 256, test: 128 }, epochs: 1, batch_size: 64, seeds: [1, 2],
  optimizers: [{ name: 'adam', lr_grid: [1e-3, 1e-2] }],
};
const withoutTimes = (result) => ({ ...result, runs: result.runs.map(({ seconds_per_epoch, ...run }) => run) });

test('the installed package trains on the images it ships: loadPaperImages() with no argument', async () => {
  writeFileSync(join(app, 'paper.mjs'), `
    import { loadGradscape } from 'gradscape';
    const gs = await loadGradscape({ paper: true });
    const before = gs.hasPaperImages;
    gs.loadPaperImages();
    process.stdout.write(JSON.stringify({ before, after: gs.hasPaperImages, result: gs.paper(JSON.parse(process.argv[2])) }));
  `);
  const out = JSON.parse(ok(process.execPath, ['paper.mjs', JSON.stringify(PAPER)], { cwd: app }).stdout);
  assert.deepEqual([out.before, out.after], [false, true]);
  const gs = await loadGradscape({ paper: true });
  gs.loadPaperImages(readFileSync(join(root, 'public/data/fashion-mnist-6k.bin')));
  const expected = gs.paper(PAPER);
  assert.equal(expected.runs.length, 4);
  assert.ok(expected.runs.every((r) => r.status === 'ok'));
  assert.ok(expected.runs.slice(2).every((r) => r.test_accuracy.at(-1) > 0.5), 'lr = 0.01 learns in 4 minibatches');
  assert.deepEqual(withoutTimes(out.result), withoutTimes(JSON.parse(JSON.stringify(expected))));
});

test('the bin: npx gradscape and node_modules/.bin/gradscape print the repo CLI\'s bytes; bad input exits 2', () => {
  const bin = join(app, 'node_modules/.bin/gradscape');
  assert.ok(existsSync(bin));
  for (const [command, config] of [['run', RUN], ['sweep', SWEEP]]) {
    const input = JSON.stringify(config);
    const expected = ok(process.execPath, [join(root, 'web/api/cli.mjs'), command, '-'], { input }).stdout;
    assert.ok(expected.length > 1000);
    assert.equal(ok(bin, [command, '-'], { cwd: app, input }).stdout, expected);
    assert.equal(ok('npx', ['--offline', '--no-install', 'gradscape', command, '-'], { cwd: app, input }).stdout, expected);
  }
  const bad = sh(bin, ['run', '-'], { cwd: app, input: '{"optimizers": [{"name": "adma"}]}' });
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /^gradscape: optimizers\[0\]\.name: .*adam/);
  const usage = sh(bin, ['frobnicate'], { cwd: app });
  assert.equal(usage.status, 2);
  const registry = JSON.parse(ok(bin, ['registry'], { cwd: app }).stdout);
  assert.ok(registry.optimizers.some((o) => o.name === 'adam'));
});

/** The packages `names` and everything they depend on, packed from the repo's node_modules into `dir`. */
function packClosure(names, dir) {
  const seen = new Set();
  const visit = (name) => {
    const folder = join(root, 'node_modules', name);
    if (seen.has(name) || !existsSync(folder)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  mkdirSync(dir);
  for (const name of seen) ok('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir, join(root, 'node_modules', name)]);
  return readdirSync(dir).map((f) => join(dir, f));
}

test('render without its optional dependencies says which package to install, and writes nothing', () => {
  const bin = join(app, 'node_modules/.bin/gradscape');
  writeFileSync(join(app, 'run.json'), JSON.stringify(RUN));
  const out = sh(bin, ['render', 'run.json', '-o', 'run.svg'], { cwd: app });
  assert.equal(out.status, 2);
  assert.match(out.stderr, /^gradscape: render: needs the package (d3-contour|d3-array|fast-png|gifenc), one of gradscape's optional dependencies, which is not installed: run `npm install d3-contour d3-array fast-png gifenc`\n$/);
  assert.equal(existsSync(join(app, 'run.svg')), false);
});

test('installed with its optional dependencies, the bin renders the repo CLI\'s SVG and a PNG', () => {
  const full = join(work, 'app-render');
  mkdirSync(full);
  ok('npm', ['init', '-y'], { cwd: full });
  const deps = packClosure(RENDER_PACKAGES, join(work, 'deps'));
  ok('npm', ['install', join(work, packed.filename), ...deps, '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund'], { cwd: full });
  const bin = join(full, 'node_modules/.bin/gradscape');
  writeFileSync(join(full, 'run.json'), JSON.stringify(RUN));
  ok(bin, ['render', 'run.json', '-o', 'run.svg', '--width=480'], { cwd: full });
  const expected = join(work, 'expected.svg');
  ok(process.execPath, [join(root, 'web/api/cli.mjs'), 'render', join(full, 'run.json'), '-o', expected, '--width=480']);
  assert.equal(readFileSync(join(full, 'run.svg'), 'utf8'), readFileSync(expected, 'utf8'));
  ok(bin, ['render', 'run.json', '-o', 'run.png', '--width=480'], { cwd: full });
  assert.deepEqual([...readFileSync(join(full, 'run.png')).subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
});

test('the types: exports["."].types points at the shipped .d.ts', () => {
  const dir = join(app, 'node_modules/gradscape');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].types, './web/api/gradscape.d.ts');
  assert.equal(pkg.types, 'web/api/gradscape.d.ts');
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'default'], 'types must come first');
  const dts = readFileSync(join(dir, pkg.exports['.'].types), 'utf8');
  for (const name of ['loadGradscape', 'RunConfig', 'SweepConfig', 'SweepResult', 'GradscapeError']) {
    assert.match(dts, new RegExp(`export (function|interface|class|type) ${name}\\b`));
  }
  assert.equal(pkg.bin.gradscape, 'web/api/cli.mjs');
});

test('the types compile with tsc (moduleResolution node16): a correct use passes, a wrong one fails',
  { skip: !existsSync(tsc) && `no TypeScript compiler at ${tsc} (apt-get install node-typescript)` }, () => {
    const dir = join(app, 'ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    writeFileSync(join(dir, 'good.mts'), `
      import { loadGradscape, GradscapeError, type RunConfig, type SweepResult } from 'gradscape';
      const config: RunConfig = { objective: 'rosenbrock', steps: 10, optimizers: [{ name: 'adam', lr: 0.01 }] };
      const gs = await loadGradscape({ sweep: true });
      const loss: number = gs.run(config).runs[0].loss[0];
      const map: SweepResult = gs.sweep({ objective: { name: 'himmelblau' }, optimizer: { name: 'sgd' }, x: { param: 'lr', min: 0.001, max: 0.1, n: 4 },
        y: { param: 'momentum', min: 0, max: 0.9, n: 4 } });
      const opt = gs.createOptimizer({ name: 'adam', lr: 1e-3 }, 8, 'f32');
      opt.params.set([1, 2]); opt.step(); opt.delete();
      const paper = await loadGradscape({ paper: true });
      paper.loadPaperImages();
      const lab = paper.createPaperSession({ experiment: 'mlp_images', model: { hidden: 16 }, optimizers: [{ name: 'adam', lr_grid: [1e-3, 1e-2] }] });
      lab.advance(10);
      const curve: Float64Array = lab.run(0).trainLoss;
      const chosen: number | null = lab.summary(0).chosen_lr;
      lab.delete();
      import { type TrainConfig, type TrainResult, TrainSession } from 'gradscape';
      const oldConfig: TrainConfig = { experiment: 'logreg_bow', epochs: 1 };
      const old = await loadGradscape({ train: true });
      const oldSession: TrainSession = old.createTrainSession(oldConfig);
      const oldResult: TrainResult = old.train(oldConfig);
      oldSession.delete();
      import { GradscapePlayground } from 'gradscape/playground';
      const figure = document.createElement('gradscape-playground');
      figure.addEventListener('gradscape:diverged', (e) => console.log(e.detail.step + 1));
      figure.play();
      export const values = [loss, map.x_values.length, curve.length, chosen, oldResult.runs.length, old.hasTrain, GradscapeError.name, figure instanceof GradscapePlayground, figure.fullPageHash];
    `);
    writeFileSync(join(dir, 'bad.mts'), `
      import { loadGradscape } from 'gradscape';
      import 'gradscape/playground';
      const gs = await loadGradscape({ flavour: 'fast' });
      export const steps: string = gs.run({ optimizers: [{ name: 'adma' }] }).steps;
      gs.paper({ experiment: 'cnn_images' });
      document.createElement('gradscape-playground').fly();
    `);
    const flags = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022',
    ];
    const good = sh(tsc, [...flags, 'good.mts'], { cwd: dir });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = sh(tsc, [...flags, 'bad.mts'], { cwd: dir });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /"fast"/);
    assert.match(bad.stdout, /"adma"/);
    assert.match(bad.stdout, /"cnn_images"/);
    assert.match(bad.stdout, /Type 'number' is not assignable to type 'string'/);
    assert.match(bad.stdout, /Property 'fly' does not exist on type 'GradscapePlayground'/);
  });

test('prepack builds web/engine only when a file is missing or older than a C++ source', () => {
  const fake = join(work, 'prepack');
  const labs = LABS.map((lab) => lab.name);
  for (const d of ['scripts', 'web/engine', 'src/optim', 'bindings', ...labs.map((lab) => `src/labs/${lab}`)]) mkdirSync(join(fake, d), { recursive: true });
  for (const script of ['prepack.sh', 'wasm-modules.sh']) copyFileSync(join(root, 'scripts', script), join(fake, 'scripts', script));
  const check = () => sh('bash', [join(fake, 'scripts/prepack.sh'), '--check']);
  const at = (file, seconds) => {
    if (!existsSync(file)) writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  };
  const t0 = 1_700_000_000;
  at(join(fake, 'CMakeLists.txt'), t0);
  at(join(fake, 'src/optim/adam.hpp'), t0);
  at(join(fake, 'bindings/gradscape_bindings.cpp'), t0);
  for (const lab of labs) at(join(fake, `src/labs/${lab}/${lab}_bindings.cpp`), t0);
  for (const name of MODULES) at(join(fake, `web/engine/${name}.mjs`), t0 + 10);
  let out = check();
  assert.equal(out.status, 1);
  assert.equal(out.stdout.trim(), 'web/engine/gradscape-simd.wasm is missing');
  for (const name of MODULES.slice(0, -1)) at(join(fake, `web/engine/${name}.wasm`), t0 + 10);
  out = check();
  assert.equal(out.status, 1);
  assert.equal(out.stdout.trim(), `web/engine/${MODULES.at(-1)}.wasm is missing`, 'every lab folder has its module');
  at(join(fake, `web/engine/${MODULES.at(-1)}.wasm`), t0 + 10);
  out = check();
  assert.equal(out.status, 0, out.stdout);
  assert.equal(out.stdout, '');
  at(join(fake, 'src/optim/adam.hpp'), t0 + 20);
  out = check();
  assert.equal(out.status, 1);
  assert.match(out.stdout, /^src\/optim\/adam\.hpp is newer than web\/engine\//);
  at(join(fake, 'src/optim/adam.hpp'), t0);
  at(join(fake, 'bindings/gradscape_bindings.cpp'), t0 + 20);
  assert.equal(check().status, 1);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.prepack, 'bash scripts/prepack.sh');
});
