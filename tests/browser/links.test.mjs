// Links restore exactly and never carry what the engine refuses: the player's position and pause
// (t=…&paused=1), a value the engine refuses in a link dropped alone (its field marked, the rest
// loaded), and typed input the engine refuses flagged at once in every field, the runs on screen
// dimmed and the URL left at the last valid link until the input is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, artifacts, useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
const hashHas = (page, pattern) => page.waitForFunction((source) => new RegExp(source).test(location.hash), pattern.source, { timeout: 60000 });
const isInvalid = (page, field) => page.$eval(`[data-field="${field}"]`, (row) => row.classList.contains('invalid'));

test('a link holds the player at its step: t=120&paused=1 restores step 120, paused; stepping rewrites t', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=rosenbrock&steps=400&opt=adam,lr=0.05~sgd,lr=0.001&t=120&paused=1`);
  await ready(page);
  assert.equal(await page.textContent('#step-count'), 'step 120 / 400');
  assert.equal(await page.evaluate(() => window.gradscape.player.playing), false);
  assert.equal(await page.evaluate(() => window.gradscape.session.loss(0).length), 121, 'the runs hold 121 points (steps 0 to 120)');
  await page.click('#step');
  await hashHas(page, /&t=121&paused=1$/);
  await page.keyboard.press(',');
  await page.keyboard.press(',');
  await hashHas(page, /&t=119&paused=1$/);
  // Playing drops the position (a link of a playing page animates from step 0) …
  await page.click('#play');
  await page.waitForFunction(() => !/[&#]t=/.test(location.hash), null, { timeout: 60000 });
  // … and the end of the animation holds it there.
  await page.waitForFunction(() => !window.gradscape.player.playing, null, { timeout: 120000 });
  await hashHas(page, /&t=400&paused=1$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link that plays on from its step: t=200 without paused starts playing at step 200', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=rosenbrock&steps=100000&opt=adam,lr=0.05&t=200`);
  await ready(page);
  const first = await page.evaluate(() => ({ playing: window.gradscape.player.playing, done: window.gradscape.session.stepsDone }));
  assert.equal(first.playing, true);
  assert.ok(first.done >= 200, `starts at step 200, got ${first.done}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a t beyond the run is dropped alone, and the link plays from step 0', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=rosenbrock&steps=300&opt=adam,lr=0.05&t=900&paused=1`);
  await ready(page);
  assert.match(await page.textContent('#message-text'), /t: must be an integer step in \[0, 300\] \(the run's steps\), got 900/);
  assert.equal(await page.evaluate(() => window.gradscape.store.state.steps), 300);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a value the engine refuses in a link (β₂ = 1.5) is dropped alone: its field is marked, the rest is loaded', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=beale&steps=300&opt=adam,lr=0.02,beta2=1.5~sgd,lr=abc~rmsprop,lr=0.01,alpha=7`);
  await ready(page);
  const message = await page.textContent('#message-text');
  assert.match(message, /3 values the page could not use/);
  assert.match(message, /opt: optimizers\[0\]\.beta2: .*1\.5/);
  assert.match(message, /opt: optimizers\[2\]\.alpha: .*7/);
  const state = await page.evaluate(() => window.gradscape.store.state);
  assert.equal(state.objective.name, 'beale');
  assert.equal(state.steps, 300);
  assert.equal(state.optimizers[0].lr, 0.02, 'the rest of the optimizer is kept');
  assert.equal(state.optimizers[0].beta2, undefined, 'β₂ falls back to the optimizer\'s default');
  assert.equal(state.optimizers[2].lr, 0.01);
  for (const field of ['optimizers[0].beta2', 'optimizers[1].lr', 'optimizers[2].alpha']) {
    assert.equal(await isInvalid(page, field), true, field);
  }
  assert.equal(await page.evaluate(() => window.gradscape.session.runCount), 3, 'all three runs go');
  await page.screenshot({ path: join(artifacts, 'landscape-engine-dropped-link.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('typed input the engine refuses: every bad field flagged at once, runs dimmed, the URL keeps the last valid link', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=rosenbrock&steps=300&opt=adam,lr=0.05~sgd,lr=0.001&sel=0&t=300&paused=1`);
  await ready(page);
  await hashHas(page, /paused=1/);
  await page.evaluate(() => window.gradscape.hash.flush());
  const before = await page.evaluate(() => location.hash);
  await page.locator('.card').first().evaluate((card) => { card.open = true; });
  const lr = page.locator('[data-field="optimizers[0].lr"] input[type="text"]');
  await lr.fill('abc');
  await lr.press('Enter');
  const beta2 = page.locator('[data-field="optimizers[0].beta2"] input[type="text"]');
  await beta2.fill('1.5');
  await beta2.press('Enter');
  await page.waitForSelector('body[data-stale]');
  assert.equal(await isInvalid(page, 'optimizers[0].lr'), true);
  assert.equal(await isInvalid(page, 'optimizers[0].beta2'), true);
  assert.match(await page.textContent('[data-field="optimizers[0].beta2"] .field-error'), /beta2/);
  assert.match(await page.textContent('#message-text'), /2 values the engine cannot run \(marked in red\)/);
  const opacity = await page.$eval('#surface', (el) => Number(getComputedStyle(el).opacity));
  assert.ok(opacity < 0.6, `the surface is dimmed (opacity ${opacity})`);
  await page.screenshot({ path: join(artifacts, 'landscape-invalid-input.png') });
  // The URL never holds the refused values: a step of the player rewrites the hash, still the valid one.
  await page.click('#step-back');
  await page.evaluate(() => window.gradscape.hash.flush());
  assert.equal(await page.evaluate(() => location.hash), before);
  await lr.fill('0.02');
  await lr.press('Enter');
  assert.equal(await isInvalid(page, 'optimizers[0].lr'), false);
  assert.equal(await isInvalid(page, 'optimizers[0].beta2'), true, 'β₂ is still marked');
  await beta2.fill('0.99');
  await beta2.press('Enter');
  await page.waitForSelector('body:not([data-stale])');
  await hashHas(page, /lr=0\.02,beta2=0\.99/);
  assert.equal(await page.textContent('#message-text'), '');
  assert.deepEqual(errors, []);
  await page.close();
});

const regretReady = (page) => page.waitForFunction(() => window.gradscapeRegret?.job?.state === 'done', null, { timeout: 60000 });

test('regret: a value the engine refuses in a link is dropped alone and marked; typed ones are all flagged and never reach the URL', async () => {
  const link = '#p=reddi&pp=C:3&dom=box:1&start=1&T=2000&rec=10&opt=adam,lr=0.5,beta2=1.5~adam,lr=0.5,amsgrad=true';
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html${link}`);
  await regretReady(page);
  assert.match(await page.textContent('#message-text'), /opt: optimizers\[0\]\.beta2: .*1\.5.*Everything else in the link was loaded/);
  assert.equal(await isInvalid(page, 'optimizers[0].beta2'), true);
  const state = await page.evaluate(() => window.gradscapeRegret.store.state);
  assert.equal(state.T, 2000);
  assert.equal(state.optimizers.length, 2);
  assert.equal(state.optimizers[0].lr, 0.5);
  assert.equal(state.optimizers[0].beta2, undefined);
  assert.equal(await page.evaluate(() => window.gradscapeRegret.job.runCount), 2);

  await page.evaluate(() => window.gradscapeRegret.hash.flush());
  const before = await page.evaluate(() => location.hash);
  await page.locator('#controls .card').first().evaluate((card) => { card.open = true; });
  for (const [field, value] of [['optimizers[0].lr', 'abc'], ['optimizers[0].beta1', '3']]) {
    const input = page.locator(`[data-field="${field}"] input[type="text"]`);
    await input.fill(value);
    await input.press('Enter');
  }
  await page.waitForFunction(() => document.querySelectorAll('#controls .field.invalid').length === 2 && document.body.hasAttribute('data-stale'), null, { timeout: 60000 });
  assert.equal(await isInvalid(page, 'optimizers[0].lr'), true);
  assert.equal(await isInvalid(page, 'optimizers[0].beta1'), true);
  assert.match(await page.textContent('#message-text'), /2 values the engine cannot run/);
  await page.evaluate(() => window.gradscapeRegret.hash.flush());
  assert.equal(await page.evaluate(() => location.hash), before);
  await page.screenshot({ path: join(artifacts, 'regret-invalid-input.png') });
  for (const [field, value] of [['optimizers[0].lr', '0.4'], ['optimizers[0].beta1', '0']]) {
    const input = page.locator(`[data-field="${field}"] input[type="text"]`);
    await input.fill(value);
    await input.press('Enter');
  }
  await page.waitForSelector('body:not([data-stale])', { timeout: 60000 });
  await hashHas(page, /opt=adam,lr=0\.4,beta1=0/);
  assert.equal(await page.locator('#controls .field.invalid').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a short story link (#story=<id>) opens the story with its explanation in every lab', async () => {
  const { PRESETS: LANDSCAPE } = await import('../../web/landscape/presets.mjs');
  const { PRESETS: REGRET } = await import('../../web/regret/presets.mjs');
  const { PRESETS: SWEEP } = await import('../../web/sweep/presets.mjs');
  for (const [page, preset] of [['index.html', LANDSCAPE.at(-1)], ['regret.html', REGRET[1]], ['sweep.html', SWEEP[2]]]) {
    const { page: p, errors } = await open(site.browser, `${site.server.url}${page}#story=${preset.id}`);
    await ready(p);
    assert.equal(await p.isHidden('#message'), true, `${page}: no message`);
    assert.equal(await p.isVisible('#story'), true, `${page}: the story is shown`);
    assert.ok((await p.textContent('#story')).startsWith(preset.description.slice(0, 40)), page);
    assert.equal(await p.$eval('#preset', (s) => s.value), preset.id, `${page}: the menu is on the story`);
    assert.deepEqual(errors, []);
    await p.close();
  }
});
