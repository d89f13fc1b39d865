// The embeddable figure (embed.html) in an iframe of a host page served from another origin:
// it animates, the postMessage API (set-config, play, pause, reset; ready, step, diverged, error
// events) works and ignores malformed messages, a bad hash is answered in the figure, and the
// landscape page's Embed snippet shows the same figure; a typed formula loads the engine module with
// the user objectives (the full engine), a built-in surface never does. Screenshots go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, toConfig } from '../../web/landscape/state.mjs';
import * as raceState from '../../web/race/state.mjs';

let browser;
let site;
let host;
let hostDir;
before(async () => {
  browser = await launch();
  site = await serve(join(root, 'dist'));
  hostDir = await mkdtemp(join(tmpdir(), 'gradscape-embed-'));
  host = await serve(hostDir, '/host');
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

const HASH = '#f=himmelblau&start=-0.5,-0.5&steps=300&opt=adam,lr=0.05~sgd,lr=0.01,momentum=0.9';

/** A host page at another origin with `iframe` in it; it records the figure's events in window.events. */
async function hostPage(name, iframe) {
  await writeFile(join(hostDir, name), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${iframe}
<script>window.events = []; addEventListener('message', (e) => window.events.push(e.data));</script></body></html>`);
  const { page, errors } = await open(browser, `${host.url}${name}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors, frame };
}
const iframeFor = (hash) => `<iframe src="${site.url}embed.html${hash}" width="720" height="480" style="border:0" title="figure"></iframe>`;
const send = (page, message) => page.evaluate((m) => document.querySelector('iframe').contentWindow.postMessage(m, '*'), message);
const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e?.type === t), type);
// A hash of the figure's canvases, computed in the frame; given the hash of before, whether the
// figure has changed since (so one function serves frame.evaluate and frame.waitForFunction).
function figureHash(before) {
  let hash = 0;
  for (const c of document.querySelector('gradscape-playground').shadowRoot.querySelectorAll('.gs-figure canvas')) {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
  }
  return before === undefined ? hash : hash !== before;
}
const pixels = (frame) => frame.evaluate(figureHash);
// Waits until the figure's pixels differ from `before` (polls frames; no fixed delay).
const pixelsChange = (frame, before) => frame.waitForFunction(figureHash, before, { timeout: 20000 });

test('the figure animates and says it is ready; screenshots in both themes', async () => {
  for (const [theme, controls] of [['light', 'minimal'], ['dark', 'none'], ['dark', 'minimal'], ['light', 'none']]) {
    const { page, errors, frame } = await hostPage(`shot-${theme}-${controls}.html`, iframeFor(`${HASH}&theme=${theme}&controls=${controls}`));
    const first = await pixels(frame);
    await pixelsChange(frame, first);  // the surface changes while the runs animate
    assert.equal(await frame.isVisible('.gs-play'), controls === 'minimal');
    assert.equal(await frame.getAttribute('.gs-open', 'href'), `${site.url}index.html${HASH}`);
    await page.waitForFunction(() => window.events.some((e) => e.type === 'gradscape:finished'), null, { timeout: 20000 });
    assert.equal((await events(page, 'gradscape:ready')).length, 1);
    await page.locator('iframe').screenshot({ path: join(artifacts, `embed-${theme}-${controls}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// The wasm modules a frame has fetched, by file name without the build's hash.
const wasmModules = (frame) => frame.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => e.name.split('/').pop()).filter((n) => n.endsWith('.wasm')).map((n) => n.replace(/-[\w-]{8}\.wasm$/, '')));

test('a built-in surface loads only the small core; a typed formula, by link or set-config, the full engine', async () => {
  const gs = await loadGradscape({ full: true });
  const builtIn = await hostPage('built-in.html', iframeFor(`${HASH}&autoplay=0`));
  assert.deepEqual(await wasmModules(builtIn.frame), ['gradscape-simd']);
  const config = {
    version: 1, objective: { name: 'formula', expr: 'x^2 + 4*y^2 + x*y' }, start: [1.5, 1], steps: 200, precision: 'f64',
    optimizers: [{ name: 'adam', lr: 0.05 }],
  };
  await send(builtIn.page, { type: 'gradscape:set-config', config });
  // The figure is mounted again with the other engine module: a second ready event.
  await builtIn.page.waitForFunction(() => window.events.filter((e) => e?.type === 'gradscape:ready').length === 2,
    null, { timeout: 60000 });
  assert.deepEqual(await builtIn.frame.evaluate(() => window.gradscape.element.result()), JSON.parse(JSON.stringify(gs.run(config))));
  assert.deepEqual(await wasmModules(builtIn.frame), ['gradscape-simd', 'gradscape-full-simd']);
  assert.deepEqual(builtIn.errors, []);
  await builtIn.page.close();

  const hash = `#f=formula&expr=${encodeURIComponent('(1 - x)^2 + 100*(y - x^2)^2')}&steps=200&opt=adam,lr=0.02`;
  const linked = await hostPage('formula.html', iframeFor(`${hash}&autoplay=0`));
  assert.deepEqual(await wasmModules(linked.frame), ['gradscape-full-simd']);
  const result = await linked.frame.evaluate(() => window.gradscape.element.result());
  assert.equal(result.objective.expr, '(1 - x)^2 + 100*(y - x^2)^2');
  assert.deepEqual(result, JSON.parse(JSON.stringify(gs.run(toConfig(decodeHash(hash), gs.registry)))));
  assert.deepEqual(linked.errors, []);
  await linked.page.close();
});

test('set-config runs the new config exactly; play, pause and reset', async () => {
  const { page, errors, frame } = await hostPage('api.html', iframeFor('#autoplay=0'));
  const gs = await loadGradscape();
  const config = toConfig(decodeHash('#f=rosenbrock&start=-1,1.5&steps=400&opt=rmsprop,lr=0.01~adam,lr=0.02'), gs.registry);
  await send(page, { type: 'gradscape:set-config', config });
  await frame.waitForFunction(async () => (await window.gradscape.element.result())?.steps === 400);
  const inFrame = await frame.evaluate(() => window.gradscape.element.result());
  assert.deepEqual(inFrame, gs.run(config));
  const legend = await frame.textContent('.gs-legend');
  assert.match(legend, /RMSProp/);

  await send(page, { type: 'gradscape:reset' });
  await page.waitForFunction(() => window.events.at(-1)?.type === 'gradscape:step' && window.events.at(-1).step === 0);
  await send(page, { type: 'gradscape:play' });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'gradscape:step' && e.step > 0 && e.total === 400));
  await send(page, { type: 'gradscape:pause' });
  await page.waitForTimeout(200);
  const count = (await events(page, 'gradscape:step')).length;
  await page.waitForTimeout(500);
  assert.equal((await events(page, 'gradscape:step')).length, count, 'no step events while paused');
  const steps = (await events(page, 'gradscape:step')).map((e) => e.step);
  assert.ok(steps.length < 40, `step events are throttled (${steps.length})`);
  await send(page, { type: 'gradscape:reset' });
  await frame.waitForFunction(async () => (await window.gradscape.element.result()).runs[0].loss.length === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a diverging config reports the engine\'s divergence step', async () => {
  const { page, errors } = await hostPage('diverge.html', iframeFor('#autoplay=1&spf=50'));
  const gs = await loadGradscape();
  const config = toConfig(decodeHash('#f=rosenbrock&start=-1.5,2&steps=200&opt=sgd,lr=0.01'), gs.registry);
  const session = gs.createRunSession();
  session.configure(config);
  session.advance(config.steps);
  const expected = session.status(0);
  assert.equal(expected.status, 'diverged');
  await send(page, { type: 'gradscape:set-config', config });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'gradscape:diverged'), null, { timeout: 20000 });
  const [event] = await events(page, 'gradscape:diverged');
  assert.deepEqual(event, { type: 'gradscape:diverged', run: 0, label: 'SGD', step: expected.diverged_at });
  assert.deepEqual(errors, []);
  await page.close();
});

test('malformed messages are ignored or answered with an error, never thrown', async () => {
  const { page, errors, frame } = await hostPage('junk.html', iframeFor('#autoplay=0'));
  const before = await frame.evaluate(() => window.gradscape.element.result());
  await page.evaluate(() => {
    const target = document.querySelector('iframe').contentWindow;
    let deep = {};
    for (let i = 0; i < 1000; ++i) deep = { a: deep, junk: "x".repeat(200) };
    for (const m of ['play', null, 42, { type: 42 }, { type: 'gradscape:play', extra: 1 }, { type: 'gradscape:nope' },
      [{ type: 'gradscape:play' }], deep, { type: 'gradscape:set-config', config: deep }]) target.postMessage(m, '*');
    target.postMessage({ type: 'gradscape:set-config', config: 'x{' }, '*');
    target.postMessage({ type: 'gradscape:set-config', config: { version: 1, objective: { name: 'nope' }, steps: 10, optimizers: [] } }, '*');
  });
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'gradscape:error').length === 3);
  const messages = (await events(page, 'gradscape:error')).map((e) => e.message);
  assert.match(messages[0], /too large|plain JSON/);
  assert.match(messages[1], /config must be a run config object, got the string "x\{"/);
  assert.match(messages[2], /nope|objective/);
  const steps = (await events(page, 'gradscape:step')).length;
  await page.waitForTimeout(300);
  assert.equal((await events(page, 'gradscape:step')).length, steps, 'nothing plays');
  assert.deepEqual(await frame.evaluate(() => window.gradscape.element.result()), before, 'the figure is unchanged');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad hash is answered inside the figure, naming the key', async () => {
  const { page, errors, frame } = await hostPage('bad.html', iframeFor('#controls=huge&f=rosenbrock'));
  assert.match(await frame.textContent('#embed-message'), /controls: must be one of/);
  // The message has its own row: the figure below it ends inside the frame, its axes uncovered.
  await frame.waitForFunction(() => document.body.dataset.ready === 'true');
  const boxes = await frame.evaluate(() => [document.getElementById('embed-message').getBoundingClientRect().bottom,
    document.querySelector('gradscape-playground').getBoundingClientRect().top,
    document.querySelector('gradscape-playground').getBoundingClientRect().bottom, innerHeight]);
  assert.ok(boxes[0] <= boxes[1] && boxes[2] <= boxes[3] + 1, `message ${boxes[0]}, figure ${boxes[1]}–${boxes[2]}, frame ${boxes[3]}`);
  const { page: page3, frame: frame3 } = await hostPage('bad3.html', iframeFor('#lab=regret&T=lots'));
  assert.match(await frame3.textContent('#embed-message'), /T: "lots" is not a number/);
  await page3.close();
  const { page: page2, frame: frame2 } = await hostPage('bad2.html', iframeFor('#steps=lots'));
  assert.match(await frame2.textContent('#embed-message'), /steps: "lots" is not a number/);
  assert.deepEqual(errors, []);
  await page.close();
  await page2.close();
});

test('the Embed button\'s snippet shows the same figure', async () => {
  const { page, errors } = await open(browser, site.url + HASH);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.click('#embed');
  const snippet = await page.inputValue('#embed-snippet');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#[^"]+" width="100%" height="480" style="border:0" loading="lazy" title="[^"]+"><\/iframe>$/);
  await page.screenshot({ path: join(artifacts, 'embed-dialog.png') });
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.equal(new URL(src).hash, HASH);
  const { page: pasted, errors: pastedErrors, frame } = await hostPage('pasted.html', snippet);
  await pasted.waitForFunction(() => window.events.some((e) => e.type === 'gradscape:finished'), null, { timeout: 20000 });
  const gs = await loadGradscape();
  assert.deepEqual(await frame.evaluate(() => window.gradscape.element.result()), gs.run(toConfig(decodeHash(HASH), gs.registry)));
  assert.deepEqual([...errors, ...pastedErrors], []);
  await page.close();
  await pasted.close();
});

test('the race lab\'s Embed snippet (lab=race) shows that race: its result is gs.race of the link\'s config', async () => {
  const hash = '#f=booth&opt=sgd~adam&tune=lr~lr&k=6&n=4&m=8&steps=150';
  const { page, errors } = await open(browser, `${site.url}race.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.click('#embed');
  const snippet = await page.inputValue('#embed-snippet');
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(new URL(src).hash, /^#lab=race&/);
  const { page: pasted, errors: pastedErrors, frame } = await hostPage('race.html', snippet);
  await pasted.waitForFunction(() => window.events.some((e) => e.type === 'gradscape:finished'), null, { timeout: 60000 });
  const gs = await loadGradscape({ race: true });
  const linked = raceState.decodeHash(new URL(src).hash.replace(/^#lab=race&/, '#'));
  assert.deepEqual(await frame.evaluate(() => window.gradscape.element.result()), gs.race(raceState.toConfig(linked)));
  assert.match(await frame.evaluate(() => document.querySelector('gradscape-playground').shadowRoot.textContent), /90% interval/);
  assert.deepEqual([...errors, ...pastedErrors], []);
  await page.close();
  await pasted.close();
});

test('a lab link held at a step (t=120&paused=1) shows that step, paused; the component\'s seek() says its range', async () => {
  const { page, errors, frame } = await hostPage('held.html', iframeFor(`${HASH}&t=120&paused=1&autoplay=1`));
  await frame.waitForFunction(async () => (await window.gradscape.element.result())?.runs[0].loss.length === 121, null, { timeout: 20000 });
  assert.equal(await frame.inputValue('gradscape-playground >> css=.gs-scrub'), '120');
  await frame.evaluate(() => window.gradscape.element.seek(301));
  assert.match(await frame.textContent('gradscape-playground >> css=.gs-message'), /seek: step must be an integer in \[0, 300\], got 301/);
  assert.equal(await frame.evaluate(async () => (await window.gradscape.element.result()).runs[0].loss.length), 121, 'a bad seek changes nothing');
  assert.deepEqual(errors, []);
  await page.close();
});
