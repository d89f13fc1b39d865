// The sweep lab (sweep.html), built and served statically, in headless Chromium: loads without
// console errors and draws the map; a big map is cancelled and stays partial; hovering shows the
// cell's values; clicking a cell and following "Open in the landscape" replays exactly the run that
// gs.run(session.cellConfig(i, j)) computes in Node; every preset finishes; bad hashes and
// out-of-range fields show messages naming the field; dragging a non-axis slider updates the map
// live and the final map is the last value's; no horizontal scrolling at phone width. Screenshots
// go to test-artifacts/sweep-*.png; the times seen are printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, toConfigs } from '../../web/sweep/state.mjs';
import { PRESETS } from '../../web/sweep/presets.mjs';
import { formatPrecise } from '../../web/lib/format.mjs';

let browser;
let server;
let gs;
before(async () => {
  browser = await launch();
  server = await serve(join(root, 'dist'));
  gs = await loadGradscape({ sweep: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (hash = '') => `${server.url}sweep.html${hash}`;
const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const sweepState = (p) => p.evaluate(() => document.body.dataset.sweep);
const finished = (p, timeout = 60000) => p.waitForFunction(() => document.body.dataset.sweep === 'done'
  && !window.gradscapeSweep.runner.busy, null, { timeout });
// Collects the page's gradscape:map events in window.mapEvents.
const recordMaps = (p) => p.addInitScript(() => {
  window.mapEvents = [];
  window.addEventListener('gradscape:map', (e) => window.mapEvents.push({ ...e.detail, at: performance.now() }));
});
/** Distinct colours among sampled pixels of the first map canvas. */
const mapColours = (p) => p.evaluate(() => {
  const canvas = document.querySelector('.sw-map-canvas');
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return seen.size;
});
/** The page coordinates of cell (i, j) of map m. */
const cellPoint = (p, m, i, j) => p.evaluate(({ m: k, i: ci, j: cj }) => {
  const view = window.gradscapeSweep.views[k];
  const r = view.canvas.getBoundingClientRect();
  const [x, y] = view.cellCentre(ci, cj);
  return { x: r.left + x, y: r.top + y };
}, { m, i, j });

// SGD with momentum on Rosenbrock, small enough to replay in Node: the larger rates diverge.
const SMALL = '#f=rosenbrock&start=-1.5,2&steps=200&prec=f64&metric=final_loss&opt=sgd,lr=0.001&x=lr,0.00001,0.01,12,log&y=momentum,0,0.99,9';

test('loads without console errors and draws the map, with the map event and state', async () => {
  const { page: p, errors } = await open(browser, 'about:blank', { width: 1280, height: 900 });
  await recordMaps(p);
  await p.emulateMedia({ colorScheme: 'light' });
  await p.goto(url());
  await ready(p);
  await finished(p);
  assert.equal(await sweepState(p), 'done');
  const events = await p.evaluate(() => window.mapEvents);
  assert.ok(events.length >= 1);
  const detail = events.at(-1);
  assert.deepEqual([detail.rows, detail.columns, detail.steps, detail.live], [256, 256, 500, false]);
  assert.ok(detail.ms_engine > 0 && detail.ms_total >= detail.ms_engine);
  console.log(`# default map 256 × 256 × 500 Adam steps: engine ${detail.ms_engine.toFixed(0)} ms, action to last row ${detail.ms_total.toFixed(0)} ms`);
  assert.ok(await mapColours(p) > 50, 'the heatmap has many colours');
  assert.match(await p.textContent('#progress-text'), /256 \/ 256 rows · 65,536 \/ 65,536 runs in .* runs\/s/);
  assert.equal(await p.title(), 'Gradscape sweep lab: hyperparameter maps, phase diagrams and basins of attraction');
  assert.ok((await p.getAttribute('meta[name="description"]', 'content')).length > 50);
  assert.equal(await p.getAttribute('nav.tabs a.active', 'href'), './sweep.html');
  await p.screenshot({ path: join(artifacts, 'sweep-desktop-light.png') });
  assert.deepEqual(errors, []);
  await p.close();
});

test('a big map fills in row by row and Cancel stops it, keeping the partial map', async () => {
  const hash = '#f=rosenbrock&steps=2000&prec=f64&opt=adam,lr=0.01&x=lr,0.0001,1,512,log&y=beta1,0,0.999,512';
  const { page: p, errors } = await open(browser, url(hash), { width: 1280, height: 900 });
  await ready(p);
  await p.waitForFunction(() => (window.gradscapeSweep.job?.maps[0].rowsDone ?? 0) >= 3, null, { timeout: 20000 });
  assert.equal(await sweepState(p), 'running');
  await p.click('#cancel');
  await p.waitForFunction(() => document.body.dataset.sweep === 'cancelled', null, { timeout: 60000 });
  const done = await p.evaluate(() => window.gradscapeSweep.job.maps[0].rowsDone);
  const text = await p.textContent('#progress-text');
  await p.waitForTimeout(500);
  assert.equal(await p.evaluate(() => window.gradscapeSweep.job.maps[0].rowsDone), done, 'no rows after Cancel');
  assert.equal(await p.textContent('#progress-text'), text, 'the progress stops');
  assert.ok(done >= 3 && done < 512, `partial map: ${done} rows`);
  assert.match(text, /^Cancelled at \d+ of 512 rows; the partial map stays\./);
  assert.equal(await p.evaluate(() => window.gradscapeSweep.job.state), 'cancelled');
  assert.equal(await p.getAttribute('#cancel', 'disabled'), '');
  assert.ok(await mapColours(p) > 5, 'the partial map is drawn');
  await p.screenshot({ path: join(artifacts, 'sweep-cancelled.png') });
  assert.deepEqual(errors, []);
  await p.close();
});

test('hovering a cell shows its values; a diverged cell says where it diverged', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  const result = gs.sweep(toConfigs(decodeHash(SMALL), gs.registry)[0]);
  const at = await cellPoint(p, 0, 2, 3);
  await p.mouse.move(at.x, at.y);
  await p.waitForSelector('.sw-tooltip:not([hidden])');
  const tip = await p.textContent('.sw-tooltip');
  assert.ok(tip.includes(`lr (α) = ${formatPrecise(result.x_values[2])}`), tip);
  assert.ok(tip.includes(`momentum (μ) = ${formatPrecise(result.y_values[3])}`), tip);
  assert.match(tip, /final loss = /);
  const [i, j] = [11, 8];
  assert.equal(result.diverged[j][i], 1, 'the top right cell diverges');
  const corner = await cellPoint(p, 0, i, j);
  await p.mouse.move(corner.x, corner.y);
  await p.waitForFunction(() => /diverged at step/.test(document.querySelector('.sw-tooltip').textContent));
  assert.match(await p.textContent('.sw-tooltip'), new RegExp(`diverged at step ${result.diverged_at[j][i]}`));
  await p.screenshot({ path: join(artifacts, 'sweep-hover.png') });
  await p.mouse.move(5, 5);
  await p.focus('.sw-map-canvas');
  await p.keyboard.press('ArrowRight');
  await p.waitForSelector('.sw-tooltip:not([hidden])');
  assert.ok((await p.textContent('.sw-tooltip')).includes(`lr (α) = ${formatPrecise(result.x_values[7])}`), 'the arrow keys move from the centre cell');
  await p.keyboard.press('Enter');
  await p.waitForSelector('#cell:not([hidden])');
  assert.match(await p.textContent('#cell-title'), /cell \(7, 4\)/);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a custom rule runs in the sweep: its editor, its declared hyperparameters as axes, its errors by line', async () => {
  const rule = 'hyper lr = 0.001 [1e-5, 1] log; momentum = 0.9 [0, 0.999]\nstate buf = 0\nbuf = momentum*buf + g\ntheta = theta - lr*buf';
  const hash = `#f=rosenbrock&start=-1.5,2&steps=200&prec=f32&metric=final_loss&opt=custom,rule=${encodeURIComponent(rule)},lr=0.001`
    + '&x=lr,0.00001,0.01,12,log&y=momentum,0,0.99,9';
  const config = toConfigs(decodeHash(hash), gs.registry)[0];
  const expected = gs.sweep(config);
  const { page: p, errors } = await open(browser, 'about:blank', { width: 1280, height: 900 });
  await recordMaps(p);
  await p.goto(url(hash));
  await ready(p);
  await finished(p);
  const maps = await p.evaluate(() => window.gradscapeSweep.runner.result());
  assert.deepEqual(maps[0].values, expected.values, 'the page\'s map is gs.sweep\'s');
  assert.ok(expected.diverged.flat().includes(1) && expected.diverged.flat().includes(0));
  assert.equal(await p.inputValue('.rule-input'), rule);
  const names = await p.$$eval('[data-field="optimizers[0].name"] option', (os) => os.map((o) => o.value));
  assert.ok(names.includes('custom') && !names.includes('lbfgs'), 'the whole-vector optimizers stay on the landscape page');
  const params = await p.$$eval('[data-field="y.param"] option', (os) => os.map((o) => o.value));
  assert.deepEqual(params, ['lr', 'momentum', 'start_x', 'start_y']);
  assert.match(await p.textContent('.sweep-whole-note'), /A custom rule runs here/);
  await p.screenshot({ path: join(artifacts, 'sweep-custom-rule.png'), fullPage: true });
  await p.fill('.rule-input', rule.replace('momentum*buf', 'momentun*buf'));
  await p.dispatchEvent('.rule-input', 'change');
  await p.waitForSelector('[data-field="optimizers[0].rule"] .field-error:not(:empty)');
  assert.match(await p.textContent('[data-field="optimizers[0].rule"] .field-error'),
    /line 3, column 7: unknown name "momentun"; did you mean "momentum"/);
  assert.equal(await p.inputValue('.rule-input'), rule.replace('momentum*buf', 'momentun*buf'), 'the text is kept');
  assert.deepEqual(errors, []);
  await p.close();
});

test('"Open in the landscape" replays exactly the clicked cell\'s run', async () => {
  const config = toConfigs(decodeHash(SMALL), gs.registry)[0];
  const session = gs.createSweepSession(config);
  session.advanceRows(session.rows);
  for (const [i, j] of [[7, 4], [11, 8]]) {
    const expected = gs.run(session.cellConfig(i, j));
    const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
    await ready(p);
    await finished(p);
    const at = await cellPoint(p, 0, i, j);
    await p.mouse.click(at.x, at.y);
    await p.waitForSelector('#cell:not([hidden])');
    assert.match(await p.textContent('#cell-title'), new RegExp(`cell \\(${i}, ${j}\\)`));
    const run = expected.runs[0];
    assert.match(await p.textContent('#cell-run'), run.status === 'diverged' ? new RegExp(`diverged at step ${run.diverged_at}`) : /final loss/);
    if (i === 7) await p.screenshot({ path: join(artifacts, 'sweep-pinned.png'), fullPage: true });
    await p.click('#open-landscape');
    await p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.match(p.url(), /\/index\.html#/);
    await p.evaluate(() => {
      window.gradscape.player.pause();
      window.gradscape.player.finish();
    });
    const inLandscape = await p.evaluate(() => window.gradscape.session.result());
    assert.deepEqual(inLandscape, expected, `cell (${i}, ${j})`);
    assert.deepEqual(errors, []);
    await p.close();
  }
  session.delete();
});

test('every preset loads and finishes', async () => {
  const { page: p, errors } = await open(browser, url(), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  for (const preset of PRESETS) {
    await p.selectOption('#preset', preset.id);
    await finished(p);
    const job = await p.evaluate(() => ({ state: window.gradscapeSweep.job.state, maps: window.gradscapeSweep.job.maps.length }));
    assert.equal(job.state, 'done', preset.id);
    assert.equal(job.maps, preset.state.optimizers.length, preset.id);
    assert.equal(await p.textContent('#story'), `${preset.description} Look at: ${preset.look}`);
    assert.equal(await p.isVisible('#message'), false, preset.id);
    await p.waitForFunction(() => location.hash.length > 1);
    await p.waitForTimeout(200);
    const link = await p.evaluate(() => ({ hash: location.hash, state: window.gradscapeSweep.store.state }));
    assert.deepEqual(decodeHash(link.hash), link.state, `${preset.id}: the URL holds the whole state`);
    await p.waitForTimeout(100);
    await p.screenshot({ path: join(artifacts, `sweep-preset-${preset.id}.png`) });
  }
  assert.deepEqual(errors, []);
  await p.close();
});

test('bad hashes and out-of-range fields show messages naming the field', async () => {
  for (const [hash, text] of [
    ['#garbage', /URL hash: unknown key "garbage".*; opt: missing/],
    ['#opt=adam&x=lr,0.0001,1,64,log&y=beta1,0,1,lots', /URL hash: y\.n: "lots" is not a number/],
    ['#opt=adam&y=beta1,0,0.9,64', /URL hash: x: missing/],
  ]) {
    const { page: p, errors } = await open(browser, url(hash), { width: 1280, height: 900 });
    await ready(p);
    await p.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 20000 });
    const message = await p.textContent('#message-text');
    assert.match(message, text, hash);
    assert.match(message, /Showing the default sweep lab instead/);
    await finished(p);
    if (hash === '#garbage') await p.screenshot({ path: join(artifacts, 'sweep-bad-hash.png') });
    assert.deepEqual(errors, []);
    await p.close();
  }
  {
    // A value the engine refuses is dropped alone: the rest of the link is used.
    const { page: p, errors } = await open(browser, url('#opt=adam&x=lr,0.0001,1,64,log&y=beta1,0,1.5,64'), { width: 1280, height: 900 });
    await ready(p);
    await finished(p);
    assert.match(await p.textContent('#message-text'), /URL hash: y: y\.max: .*Everything else in the link was loaded/);
    assert.equal(await p.$eval('[data-field="y.max"]', (row) => row.classList.contains('invalid')), true);
    const state = await p.evaluate(() => window.gradscapeSweep.store.state);
    assert.deepEqual([state.x.n, state.y.n, state.y.max], [64, 64, 0.999]);
    assert.deepEqual(errors, []);
    await p.close();
  }
  const { page: p, errors } = await open(browser, url(), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  for (const [field, value, text] of [['x.n', '600', /^x\.n: .*512/], ['y.max', '1.5', /^y\.max: /], ['x.min', '0', /^x\.min: /]]) {
    const input = p.locator(`[data-field="${field}"] input[type="text"]`);
    await input.fill(value);
    await input.press('Enter');
    await p.waitForFunction((f) => document.querySelector(`[data-field="${f}"] .field-error`).textContent !== '', field, { timeout: 10000 });
    assert.match(await p.textContent(`[data-field="${field}"] .field-error`), text, field);
    assert.match(await p.textContent('#message-text'), /a value the engine cannot run \(marked in red\)/, field);
    assert.equal(await p.evaluate(() => document.body.hasAttribute('data-stale')), true, 'the maps are dimmed');
    if (field === 'y.max') await p.screenshot({ path: join(artifacts, 'sweep-bad-field.png') });
    await p.selectOption('#preset', 'adam-rosenbrock');
    await finished(p);
  }
  assert.deepEqual(errors, []);
  await p.close();
});

test('dragging a non-axis slider updates the map live; the final map is the last value\'s', async () => {
  const hash = '#f=rosenbrock&start=-1.5,2&steps=300&opt=adam,lr=0.01&x=lr,0.0001,1,128,log&y=beta1,0,0.999,128';
  const { page: p, errors } = await open(browser, 'about:blank', { width: 1280, height: 900 });
  await recordMaps(p);
  await p.goto(url(hash));
  await ready(p);
  await finished(p);
  await p.evaluate(() => { window.mapEvents = []; });
  const slider = '[data-field="optimizers[0].beta2"] input[type="range"]';
  const positions = Array.from({ length: 40 }, (_, k) => 200 + 15 * k);
  const drag = await p.evaluate(async ({ selector, values }) => {
    const input = document.querySelector(selector);
    const t0 = performance.now();
    window.dragStart = t0;
    for (const v of values) {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return { ms: performance.now() - t0 };
  }, { selector: slider, values: positions });
  await p.waitForFunction(() => !window.gradscapeSweep.runner.busy, null, { timeout: 20000 });
  const live = await p.evaluate(() => window.mapEvents.filter((e) => e.live));
  const lastLiveBeta2 = await p.evaluate(() => window.gradscapeSweep.job.maps[0].config.optimizer.beta2);
  const typed = await p.evaluate(() => window.gradscapeSweep.store.state.optimizers[0].beta2);
  assert.equal(lastLiveBeta2, typed, 'the last input value is computed');
  const span = live.length ? (live.at(-1).at - await p.evaluate(() => window.dragStart)) / 1000 : 1;
  console.log(`# live maps 128 × 128 × 300: ${live.length} updates for ${positions.length} inputs in ${drag.ms.toFixed(0)} ms (≈ ${(live.length / span).toFixed(1)} updates/s); engine median ${median(live.map((e) => e.ms_engine)).toFixed(1)} ms, action to drawn median ${median(live.map((e) => e.ms_total)).toFixed(1)} ms`);
  assert.ok(live.length >= 5, `several live updates (${live.length})`);
  assert.ok(live.every((e) => e.rows === 128 && e.columns === 128 && e.steps === 300));
  await p.evaluate((selector) => document.querySelector(selector).dispatchEvent(new Event('change', { bubbles: true })), slider);
  await finished(p);
  const last = await p.evaluate(() => window.mapEvents.at(-1));
  assert.equal(last.live, false, 'the full map follows the release');
  const { config, values } = await p.evaluate(() => {
    const map = window.gradscapeSweep.job.maps[0];
    return { config: map.config, values: Array.from(map.values, (v) => (Number.isNaN(v) ? null : v)) };
  });
  assert.equal(config.optimizer.beta2, await p.evaluate(() => window.gradscapeSweep.store.state.optimizers[0].beta2));
  const expected = gs.sweep(config);
  assert.deepEqual(values, expected.values.flat(), 'the final map is the engine\'s map for the last value');
  assert.deepEqual(errors, []);
  await p.close();
});

test('exports: the result JSON is the engine\'s, the CSV has every cell, the PNG is an image', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  const read = async (kind) => {
    await p.click('.menu > summary');
    const [download] = await Promise.all([p.waitForEvent('download'), p.click(`[data-export="${kind}"]`)]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
  };
  const json = await read('json');
  assert.equal(json.name, 'gradscape-sweep.json');
  assert.deepEqual(JSON.parse(json.body.toString()), gs.sweep(toConfigs(decodeHash(SMALL), gs.registry)[0]));
  const csv = (await read('csv')).body.toString().trim().split('\n');
  assert.equal(csv[0], 'map,i,j,lr,momentum,final_loss,diverged,diverged_at');
  assert.equal(csv.length, 1 + 12 * 9);
  const png = await read('png');
  assert.deepEqual([...png.body.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok(png.body.length > 5000);
  assert.deepEqual(errors, []);
  await p.close();
});

test('compare mode, dark theme and phone width without horizontal scrolling', async () => {
  const { page: p, errors } = await open(browser, url(), { width: 1280, height: 900 });
  await p.emulateMedia({ colorScheme: 'dark' });
  await ready(p);
  await finished(p);
  await p.selectOption('#preset', 'bias-correction');
  await finished(p);
  assert.equal(await p.locator('.sw-map-canvas').count(), 2);
  await p.screenshot({ path: join(artifacts, 'sweep-compare-dark.png') });
  await p.close();
  const { page: phone, errors: phoneErrors } = await open(browser, url(), { width: 390, height: 844 });
  await phone.emulateMedia({ colorScheme: 'dark' });
  await ready(phone);
  await finished(phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
  await phone.screenshot({ path: join(artifacts, 'sweep-phone-dark.png'), fullPage: true });
  assert.deepEqual([...errors, ...phoneErrors], []);
  await phone.close();
});

function median(values) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test('the pinned cell travels in the link: a reloaded link pins and shows the same cell', async () => {
  const { page: p, errors } = await open(browser, url(SMALL));
  await ready(p);
  await finished(p);
  await p.evaluate(() => window.gradscapeSweep.pick(0, 5, 6));
  await p.waitForSelector('#cell:not([hidden])');
  await p.waitForFunction(() => /[&#]pin=0,5,6(&|$)/.test(location.hash));
  const hash = await p.evaluate(() => location.hash);
  await p.close();
  const again = await open(browser, url(hash));
  await ready(again.page);
  await finished(again.page);
  await again.page.waitForSelector('#cell:not([hidden])');
  assert.match(await again.page.textContent('#cell-title'), /cell \(5, 6\)/);
  const bad = await open(browser, url(`${SMALL}&pin=0,12,3`));
  await ready(bad.page);
  assert.match(await bad.page.textContent('#message-text'), /pin: must be map,i,j with map in \[0, 0\], i in \[0, 11\]/);
  assert.deepEqual([...errors, ...again.errors, ...bad.errors], []);
  await again.page.close();
  await bad.page.close();
});
