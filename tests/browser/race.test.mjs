// The race lab (race.html), built and served statically, in headless Chromium: the default race
// ("Rosenbrock, all optimizers") loads without console errors and shows the protocol, the badges
// and a leaderboard with rank intervals, the tuned runs and the box plots; a big race is cancelled
// and the page races again; a link (the URL hash) restores the race config; the kozistr preset
// shows two leaderboards and how their orders differ; "Open in landscape" opens index.html with
// the tuned optimizer's run; a bad value shows the engine's message under its field. Screenshots
// go to test-artifacts/race-*.png; the time to the leaderboard is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { decodeHash as landscapeHash } from '../../web/landscape/state.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(join(root, 'dist'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (hash = '') => `${server.url}race.html${hash}`;
const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
const raceState = (p) => p.evaluate(() => document.body.dataset.race);
const finished = (p, timeout = 90000) => p.waitForFunction(() => document.body.dataset.race === 'done'
  && !window.gradscapeRace.runner.busy, null, { timeout });
// Collects the page's gradscape:race events in window.raceEvents.
const recordRaces = (p) => p.addInitScript(() => {
  window.raceEvents = [];
  window.addEventListener('gradscape:race', (e) => window.raceEvents.push(e.detail));
});
/** Types `value` into the text input of the field with config path `field` and commits it. */
async function setField(p, field, value) {
  const input = p.locator(`#controls [data-field="${field}"] input[type="text"]`);
  await input.fill(String(value));
  await input.press('Enter');
}

const SMALL = '#f=himmelblau&opt=sgd,momentum=0.9~adam&tune=lr+momentum:0.5:0.99~lr&n=4&m=8&steps=200&k=8&rseed=1';

test('the default race shows the protocol, a leaderboard with intervals, the tuned runs and the box plots', async () => {
  const { page: p, errors } = await open(browser, 'about:blank', { width: 1280, height: 900 });
  await recordRaces(p);
  const t0 = Date.now();
  await p.goto(url());
  await ready(p);
  await finished(p);
  const wall = Date.now() - t0;
  const [event] = await p.evaluate(() => window.raceEvents);
  console.log(`# default race (12 optimizers, K = 64, N = 16, M = 64, T = 2000): engine ${event.ms_engine.toFixed(0)} ms, Race to leaderboard ${event.ms_total.toFixed(0)} ms, page load to leaderboard ${wall} ms`);
  assert.equal(event.races, 1);
  assert.match(await p.textContent('.rc-protocol-text'), /^Each of 12 optimizers on Rosenbrock tuned .* with 64 random trials; .*Gradients are not clipped\. Precision f64\.$/);
  const badges = await p.locator('.rc-badge').allTextContents();
  assert.ok(badges.includes('no gradient clipping') && badges.includes('budget T = 2,000 steps'), badges.join(' | '));
  const rows = p.locator('.rc-race .rc-table tbody tr');
  assert.equal(await rows.count(), 12);
  const first = await rows.first().locator('td').allTextContents();
  assert.equal(first[0], '1');
  assert.match(first[2], /^\d+(\.\d)?–\d+(\.\d)?$/, `the rank interval: ${first[2]}`);
  assert.match(await p.textContent('.rc-race'), /intervals overlap, order not settled|No two rank intervals overlap/);
  const result = await p.evaluate(() => window.gradscapeRace.job.results[0]);
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.entry))), result.ranking);
  assert.equal(await p.locator('.rc-box-plot g, .rc-box-plot circle').count() > 12 * 32, true, 'a dot per held-out run');
  assert.equal(await p.evaluate(() => window.gradscapeRace.results.paths.runs.length), 36, 'three tuned runs per optimizer');
  assert.equal(await p.locator('.rc-legend-item[aria-pressed="true"]').count(), 3, 'the top three are drawn at first');
  assert.match(await p.textContent('#progress-text'), /^Raced in .* optimizer steps\)\.$/);
  assert.equal(await p.getAttribute('nav.tabs a.active', 'href'), './race.html');
  await p.screenshot({ path: join(artifacts, 'race-desktop.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('Cancel stops a big race and says so; the page races again', async () => {
  const { page: p, errors } = await open(browser, url('#story=rosenbrock-all&k=1024&steps=20000'), { width: 1280, height: 900 });
  await ready(p);
  await p.waitForFunction(() => (window.gradscapeRace.job?.progress?.laneStepsDone ?? 0) > 0, null, { timeout: 30000 });
  assert.equal(await raceState(p), 'running');
  assert.match(await p.textContent('#progress-text'), /^Tuning .* \(1 of 12\), trial \d+ \/ 1,024 · \d+%/);
  await p.click('#cancel');
  await p.waitForFunction(() => document.body.dataset.race === 'cancelled', null, { timeout: 60000 });
  assert.match(await p.textContent('#progress-text'), /^Cancelled at \d+%: the trials run so far are shown\. Press Race to run it again\.$/);
  assert.equal(await p.getAttribute('#cancel', 'disabled'), '');
  await setField(p, 'trials', 8);
  await setField(p, 'steps', 100);
  await p.click('#run');
  await finished(p);
  assert.equal(await p.locator('.rc-race .rc-table tbody tr').count(), 12);
  assert.equal(await p.evaluate(() => window.gradscapeRace.job.results[0].trials), 8);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a link restores the race config', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  const config = await p.evaluate(() => window.gradscapeRace.job.races[0].config);
  assert.equal(config.objective.name, 'himmelblau');
  assert.deepEqual([config.tuning_starts, config.held_out_starts, config.steps, config.trials], [4, 8, 200, 8]);
  assert.deepEqual(config.optimizers.map((o) => o.tune.map((t) => t.param ?? t)), [['lr', 'momentum'], ['lr']]);
  await setField(p, 'trials', 12);
  await p.waitForFunction(() => /[&#]k=12(&|$)/.test(location.hash));
  const hash = await p.evaluate(() => location.hash);
  const { page: q, errors: errorsQ } = await open(browser, url(hash), { width: 1280, height: 900 });
  await ready(q);
  await finished(q);
  const restored = await q.evaluate(() => window.gradscapeRace.job.races[0].config);
  assert.deepEqual(restored, { ...config, trials: 12 });
  assert.equal(await q.inputValue('#controls [data-field="trials"] input[type="text"]'), '12');
  assert.deepEqual([...errors, ...errorsQ], []);
  await p.close();
  await q.close();
});

test('the kozistr preset shows two leaderboards and how their orders differ', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  await p.selectOption('#preset', 'kozistr-rosenbrock');
  await p.waitForFunction(() => document.querySelectorAll('.rc-race').length === 2 && document.body.dataset.race === 'done'
    && !window.gradscapeRace.runner.busy, null, { timeout: 90000 });
  const titles = await p.locator('.rc-race h2').allTextContents();
  assert.deepEqual(titles.map((t) => t.toLowerCase()), ['kozistr’s protocol', 'the fair protocol']);
  const [left, right] = await p.evaluate(() => window.gradscapeRace.job.results);
  assert.deepEqual(left.start, [-2, 2]);
  assert.equal(left.clip_norm, 1);
  assert.equal(right.clip_norm, 0);
  assert.ok(right.optimizers.some((o) => o.tune.length === 2), 'the fair protocol tunes momentum or β₁ too');
  assert.ok(await p.locator('.rc-race').first().locator('.rc-badge', { hasText: 'gradients clipped to norm 1' }).count());
  const sentence = await p.textContent('.rc-order-change');
  assert.match(sentence, /kozistr’s protocol/);
  assert.match(sentence, /optimizers move: |the two orders are the same/);
  assert.match(await p.evaluate(() => location.hash), /story=kozistr-rosenbrock/);
  await p.screenshot({ path: join(artifacts, 'race-kozistr.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('"Open in landscape" opens index.html with the tuned optimizer from a held-out start', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  const { config, name } = await p.evaluate(() => {
    const { job } = window.gradscapeRace;
    const entry = job.results[0].ranking[0];
    return { config: job.paths[0][entry][0], name: job.results[0].entries[entry].tuned.label };
  });
  await p.locator('.rc-race .rc-table tbody tr').first().locator('.rc-open').click();
  await p.waitForURL(/\/index\.html#/);
  await p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const state = landscapeHash(new URL(p.url()).hash);
  assert.equal(state.optimizers.length, 1);
  assert.equal(state.optimizers[0].name, config.optimizers[0].name);
  assert.equal(state.optimizers[0].label, name);
  assert.equal(state.optimizers[0].lr, config.optimizers[0].lr);
  assert.deepEqual(state.start, config.start);
  assert.equal(state.steps, config.steps);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a bad value shows the engine\'s message under its field; what was typed stays', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  await setField(p, 'trials', 0);
  const message = p.locator('#controls [data-field="trials"] .field-error');
  await message.filter({ hasText: /./ }).waitFor();
  assert.equal(await message.textContent(), 'trials: must be an integer in [1, 1024], got 0');
  assert.equal(await p.inputValue('#controls [data-field="trials"] input[type="text"]'), '0');
  assert.match(await p.evaluate(() => location.hash), /[&#]k=8(&|$)/, 'the link keeps the last valid race');
  await p.click('#run');
  await p.waitForFunction(() => document.body.dataset.race === 'error');
  assert.equal(await message.textContent(), 'trials: must be an integer in [1, 1024], got 0');
  await setField(p, 'trials', 4);
  await p.waitForFunction(() => !document.querySelector('#controls .invalid'));
  assert.deepEqual(errors, []);
  await p.close();
});

test('phone width: no horizontal scrolling, the leaderboard in its narrow columns', async () => {
  const { page: p, errors } = await open(browser, url(SMALL), { width: 390, height: 844 });
  await ready(p);
  await finished(p);
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.equal(await p.locator('.rc-race .rc-table tbody tr').first().locator('.rc-extra').first().isVisible(), false);
  await p.screenshot({ path: join(artifacts, 'race-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});
