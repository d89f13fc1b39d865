// Offline after the first load (README, "Offline"): dist/sw.js precaches exactly the files of the
// build; the build's cache version follows its content; served from a sub-path, the landscape page
// installs the worker, and with the browser offline and the server stopped the landscape (engine
// from the cache, runs drawn), the regret lab and the sweep lab (engines in their workers) still
// work, with ?query, #hash and pretty URLs, all under the strict Content-Security-Policy (the cached
// responses keep its header); the embeddable figure registers no worker; a new build
// takes over once the old one's tabs are closed and leaves only its own cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'vite';
import precache from '../../scripts/vite-precache-plugin.mjs';
import { serve, launch, open, root, artifacts } from './support.mjs';

const dist = join(root, 'dist');
// The strict policy of csp.test.mjs, whose violations Chromium reports as console errors.
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const PREFIX = 'const PRECACHE = ';

/** The { version, files } that a built sw.js carries. */
async function precacheOf(dir) {
  const text = await readFile(join(dir, 'sw.js'), 'utf8');
  assert.ok(text.startsWith(PREFIX), 'sw.js starts with its precache list');
  return JSON.parse(text.slice(PREFIX.length, text.indexOf(';\n')));
}

async function walk(dir, base = dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await walk(path, base));
    else found.push(relative(base, path).split(sep).join('/'));
  }
  return found;
}

/** A tiny site (a page, a module worker, a public file) built with the precache plugin. */
async function buildFixture(dir, message) {
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, 'public'), { recursive: true });
  await writeFile(join(dir, 'src', 'index.html'), '<!doctype html><title>fixture</title><script type="module" src="./main.js"></script>');
  await writeFile(join(dir, 'src', 'main.js'), `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });\ndocument.title = ${JSON.stringify(message)};\n`);
  await writeFile(join(dir, 'src', 'worker.js'), 'self.postMessage(1);\n');
  await writeFile(join(dir, 'public', 'robots.txt'), 'User-agent: *\n');
  const outDir = join(dir, 'dist');
  await build({
    configFile: false, root: join(dir, 'src'), base: './', publicDir: join(dir, 'public'), logLevel: 'silent',
    build: { outDir, emptyOutDir: true }, worker: { format: 'es' }, plugins: [precache()],
  });
  return outDir;
}

let browser;
let fixtures;
before(async () => {
  browser = await launch();
  fixtures = await mkdtemp(join(tmpdir(), 'gradscape-offline-'));
});
after(async () => {
  await browser?.close();
  await rm(fixtures, { recursive: true, force: true });
});

// dist/component/ is the web component's standalone bundle for other people's pages (built after the
// site, scripts/vite-component-plugin.mjs): the site's own pages never load it, so it is not precached.
test('sw.js precaches every file of dist/ (but the component bundle for other sites) and nothing else', async () => {
  const { version, files } = await precacheOf(dist);
  assert.match(version, /^[0-9a-f]{16}$/);
  const onDisk = (await walk(dist)).filter((f) => f !== 'sw.js' && !f.startsWith('component/')).sort();
  assert.ok(files.every((f) => !f.startsWith('component/')));
  assert.deepEqual([...files].sort(), onDisk);
  for (const page of ['index.html', 'regret.html', 'sweep.html', 'race.html', 'embed.html', 'favicon.svg']) {
    assert.ok(files.includes(page), page);
  }
  for (const kind of [/\.wasm$/, /\.css$/, /\.woff2$/, /^og\/.*\.png$/, /^assets\/lab-worker-.*\.js$/]) {
    assert.ok(files.some((f) => kind.test(f)), `a file matching ${kind}`);
  }
  const bytes = (await Promise.all(files.map((f) => readFile(join(dist, f))))).reduce((n, b) => n + b.length, 0);
  console.log(`precache: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
});

test('the cache version follows the content of the build', async () => {
  const a = await precacheOf(await buildFixture(join(fixtures, 'a'), 'one'));
  const again = await precacheOf(await buildFixture(join(fixtures, 'a'), 'one'));
  const b = await precacheOf(await buildFixture(join(fixtures, 'b'), 'two'));
  assert.equal(again.version, a.version, 'the same content gives the same version');
  assert.notEqual(b.version, a.version, 'changed content gives a new version');
  assert.ok(a.files.includes('robots.txt'), 'public files are listed');
  assert.ok(a.files.some((f) => /^assets\/worker-.*\.js$/.test(f)), `the worker is listed: ${a.files}`);
  assert.ok(a.files.includes('index.html') && !a.files.includes('sw.js'));
});

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const surfacePixels = (page) => page.evaluate(() => {
  let hash = 0;
  for (const c of document.querySelectorAll('#surface canvas')) {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
  }
  return hash;
});
const controlled = (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  return navigator.serviceWorker.controller.scriptURL;
});

test('from a sub-path, every page works offline once the landscape has been loaded', async () => {
  const server = await serve(dist, '/some/path', { 'content-security-policy': POLICY });
  const { page, errors } = await open(browser, server.url, undefined, { fresh: true });
  await ready(page);
  assert.equal(await controlled(page), `${server.url}sw.js`);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), server.url);
  await page.context().setOffline(true);
  await server.close();
  await assert.rejects(fetch(server.url), 'the server is gone');

  const fromWorker = [];
  page.on('response', (res) => { if (res.url().endsWith('.wasm')) fromWorker.push(res.fromServiceWorker()); });
  const hash = '#f=rosenbrock&start=-1.5,2&opt=adam,lr=0.05~sgd,lr=0.001,momentum=0.9';
  await page.goto(`${server.url}?from=offline${hash}`);
  await ready(page);
  assert.deepEqual(fromWorker, [true], 'the engine\'s wasm comes from the cache');
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the offline page is controlled');
  assert.equal(await page.evaluate(() => window.gradscape.store.state.optimizers.length), 2, 'the hash is restored');
  const first = await surfacePixels(page);
  await page.waitForTimeout(400);
  assert.notEqual(await surfacePixels(page), first, 'the runs animate');
  assert.ok(await page.evaluate(() => window.gradscape.session.stepsDone) > 0);
  await page.screenshot({ path: join(artifacts, 'offline-landscape.png') });

  await page.goto(`${server.url}regret.html?from=offline`);
  await ready(page);
  await page.selectOption('#preset', 'reddi');
  await page.waitForFunction(() => {
    const { job, runner } = window.gradscapeRegret;
    return job && job.state !== 'running' && runner.pending === null;
  }, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.gradscapeRegret.job.state), 'done', 'the regret worker runs');

  await page.goto(`${server.url}sweep`);
  await ready(page);
  await page.waitForFunction(() => document.body.dataset.sweep === 'done' && !window.gradscapeSweep.runner.busy,
    null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embeddable figure registers no service worker', async () => {
  const server = await serve(dist, '/site');
  const { page, errors } = await open(browser, `${server.url}embed.html`, undefined, { fresh: true });
  await ready(page);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(errors, []);
  await page.close();
  await server.close();
});

test('a new build takes over once the old one is closed and deletes the old cache', async () => {
  const [a, b] = await Promise.all([
    precacheOf(join(fixtures, 'a', 'dist')), precacheOf(join(fixtures, 'b', 'dist'))]);
  const current = join(fixtures, 'current');
  await symlink(join(fixtures, 'a', 'dist'), current);
  const server = await serve(current, '/fixture');
  const context = await browser.newContext();
  const cacheNames = (page) => page.evaluate(() => caches.keys());
  let page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.register('./sw.js'));
  await controlled(page);
  assert.deepEqual(await cacheNames(page), [`gradscape ${server.url} ${a.version}`]);

  await rm(current);
  await symlink(join(fixtures, 'b', 'dist'), current);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const installing = registration.installing;
    if (installing) await new Promise((resolve) => installing.addEventListener('statechange', () => installing.state === 'installed' && resolve()));
  });
  assert.equal(await page.evaluate(() => document.title), 'one', 'the open tab keeps its build');
  await page.close();
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction((name) => caches.keys().then((keys) => keys.length === 1 && keys[0] === name),
    `gradscape ${server.url} ${b.version}`, { timeout: 10000 });
  await page.reload();
  assert.equal(await page.evaluate(() => document.title), 'two');
  await context.close();
  await server.close();
});
