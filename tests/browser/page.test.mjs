// The landscape playground, built and served statically, in headless Chromium: loads without
// console errors, animates, clicking the surface moves the start, a URL restores the exact run,
// a bad hash shows a message and falls back, a diverging preset shows the divergence, it works
// from a sub-path and at phone width. Screenshots go to test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, root, artifacts, serve, useBuiltSite } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, toConfig } from '../../web/landscape/state.mjs';

const site = useBuiltSite();

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const surfacePixels = (page) => page.evaluate(() => {
  const canvases = [...document.querySelectorAll('#surface canvas')];
  let hash = 0;
  for (const c of canvases) {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
  }
  return hash;
});
const finish = (page) => page.evaluate(() => {
  const { player } = window.gradscape;
  player.pause();
  player.finish();
});

test('loads without console errors and animates', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  const first = await surfacePixels(page);
  await page.waitForTimeout(400);
  const second = await surfacePixels(page);
  assert.notEqual(first, second, 'the surface canvas changes while the runs animate');
  const steps = await page.evaluate(() => window.gradscape.session.stepsDone);
  assert.ok(steps > 0);
  await page.screenshot({ path: join(artifacts, 'landscape.png') });
  await finish(page);
  await page.screenshot({ path: join(artifacts, 'landscape-finished.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('clicking the surface moves the start and re-runs from it', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  await finish(page);
  const canvas = page.locator('#surface canvas').last();
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
  await page.waitForTimeout(300);
  const { start, first } = await page.evaluate(() => {
    const { store, session } = window.gradscape;
    return { start: store.state.start, first: Array.from(session.trajectory(0).slice(0, 2)) };
  });
  assert.ok(start, 'a start was set');
  assert.ok(Math.abs(first[0] - start[0]) < 1e-12 && Math.abs(first[1] - start[1]) < 1e-12, 'runs start there');
  assert.match(await page.evaluate(() => location.hash), /start=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a URL with state restores exactly the same runs', async () => {
  const hash = '#f=himmelblau&start=-0.5,-0.5&steps=150&prec=f32&opt=adam,lr=0.05~adamax,lr=0.05,eps=0~sgd,lr=0.01,momentum=0.9,sched=inv_sqrt&sel=1';
  const { page, errors } = await open(site.browser, site.server.url + hash);
  await ready(page);
  await finish(page);
  const inPage = await page.evaluate(() => window.gradscape.session.result());
  const gs = await loadGradscape();
  const expected = gs.run(toConfig(decodeHash(hash), gs.registry));
  assert.deepEqual(inPage, expected);
  assert.equal(await page.evaluate(() => window.gradscape.store.state.selected), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad hash shows a clear message and falls back to the defaults', async () => {
  for (const [hash, text] of [
    ['#f=rosenbrock', /opt: missing \(the optimizers to run\)/],
    ['#garbage', /unknown key "garbage".*; opt: missing/],
  ]) {
    const { page, errors } = await open(site.browser, site.server.url + hash);
    await ready(page);
    const message = await page.textContent('#message-text');
    assert.match(message, text, hash);
    assert.match(message, /Showing the default playground/);
    assert.equal(await page.isVisible('#message'), true);
    const runs = await page.evaluate(() => window.gradscape.session.runCount);
    assert.ok(runs >= 1);
    assert.deepEqual(errors, []);
    if (hash === '#garbage') await page.screenshot({ path: join(artifacts, 'landscape-bad-hash.png') });
    await page.close();
  }
});

test('a link with bad values loads everything else, says what it dropped and marks those fields', async () => {
  const hash = '#f=beale&start=1,1.5&steps=lots&opt=adam,lr=abc,beta1=0.5~sgd,lr=0.001';
  const { page, errors } = await open(site.browser, site.server.url + hash);
  await ready(page);
  const message = await page.textContent('#message-text');
  assert.match(message, /URL hash: steps: "lots" is not a number; URL hash: opt\[0\]\.lr: "abc" is not a number/);
  assert.match(message, /Everything else in the link was loaded/);
  const state = await page.evaluate(() => window.gradscape.store.state);
  assert.equal(state.objective.name, 'beale');
  assert.deepEqual(state.optimizers.map((o) => o.name), ['adam', 'sgd']);
  assert.equal(state.optimizers[0].beta1, 0.5);
  for (const field of ['steps', 'optimizers[0].lr']) {
    assert.equal(await page.$eval(`[data-field="${field}"]`, (row) => row.classList.contains('invalid')), true, field);
  }
  await page.screenshot({ path: join(artifacts, 'landscape-partial-link.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an out-of-range field shows the engine message under the field', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  const field = page.locator('[data-field="optimizers[0].lr"] input[type="text"]');
  await page.locator('.card').first().evaluate((card) => { card.open = true; });
  await field.fill('-5');
  await field.press('Enter');
  const message = await page.textContent('[data-field="optimizers[0].lr"] .field-error');
  assert.match(message, /optimizers\[0\]\.lr: must be a number in \(0, 1000\], got -5/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the diverging preset shows where the run diverged', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  await page.selectOption('#preset', 'diverge');
  await page.waitForFunction(() => window.gradscape.session.finished, null, { timeout: 20000 });
  await page.waitForTimeout(100);
  const legend = await page.textContent('#legend');
  assert.match(legend, /SGD, lr 0\.003\s*diverged at step 6/);
  await page.screenshot({ path: join(artifacts, 'landscape-diverged.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a story selects the run it is about, and the per-coordinate chart names its moments (AdaMax: u)', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  await page.selectOption('#preset', 'adamax');
  await page.waitForFunction(() => window.gradscape.session.finished, null, { timeout: 20000 });
  await finish(page);
  await page.waitForFunction(() => /AdaMax/.test(document.querySelector('[data-chart="coords"]')?.textContent ?? ''));
  const coords = await page.textContent('[data-chart="coords"]');
  assert.match(coords, /AdaMax \(paper, ε = 0\): per coordinate/);
  assert.match(coords, /u x\d/);
  assert.doesNotMatch(coords, /√v̂/);
  assert.match(await page.textContent('#formula'), /AdaMax/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a story link restores the story: its explanation shown and the menu on it', async () => {
  const { page, errors } = await open(site.browser, site.server.url);
  await ready(page);
  await page.selectOption('#preset', 'bias-correction');
  await page.waitForFunction(() => /story=bias-correction/.test(location.hash));
  const hash = await page.evaluate(() => location.hash);
  await page.close();
  const again = await open(site.browser, site.server.url + hash);
  await ready(again.page);
  assert.equal(await again.page.$eval('#preset', (s) => s.value), 'bias-correction');
  assert.match(await again.page.textContent('#story'), /Without the 1\/\(1 − βᵗ\) corrections/);
  assert.equal(await again.page.$eval('#story', (p) => p.hidden), false);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();
});

test('on a phone the tab row fades where more tabs are hidden', async () => {
  const { page, errors } = await open(site.browser, site.server.url, { width: 390, height: 844 });
  await ready(page);
  const more = () => page.$eval('.topbar .tabs', (tabs) => tabs.dataset.more ?? null);
  assert.equal(await more(), 'right');
  await page.$eval('.topbar .tabs', (tabs) => { tabs.scrollLeft = tabs.scrollWidth; });
  await page.waitForFunction(() => document.querySelector('.topbar .tabs').dataset.more === 'left');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForFunction(() => !('more' in document.querySelector('.topbar .tabs').dataset));
  assert.deepEqual(errors, []);
  await page.close();
});

test('works from a sub-path and at phone width, in the dark theme', async () => {
  const sub = await serve(join(root, 'dist'), '/gradscape');
  try {
    const { page, errors } = await open(site.browser, sub.url, { width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await ready(page);
    await finish(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
    await page.screenshot({ path: join(artifacts, 'landscape-phone-dark.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await sub.close();
  }
});
