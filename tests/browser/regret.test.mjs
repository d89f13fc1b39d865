// The regret lab (regret.html), built and served statically, in headless Chromium: loads without
// console errors; the Reddi preset draws its curves and ends with Adam's average regret above 0.5
// and AMSGrad's below 0.05, saying in words where Adam crosses its Theorem 4.1 bound; Cancel stops a
// long run and keeps the partial curves; a URL restores exactly the engine's result; bad hashes and
// bad fields show their message; the landscape and regret tabs navigate; the other presets draw;
// light and dark at 1280×900 and 390×844. Screenshots go to test-artifacts/regret-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, root, artifacts, serve, useBuiltSite } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, toConfig } from '../../web/regret/state.mjs';
import { runColour } from '../../web/lib/palette.mjs';

const site = useBuiltSite();

const page = (hash = '') => `${site.server.url}regret.html${hash}`;
const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const summary = (p) => p.evaluate(() => window.gradscapeRegret.summary());
const finished = (p, timeout = 60000) => p.waitForFunction(() => {
  const job = window.gradscapeRegret?.job;
  return job && job.state !== 'running' && window.gradscapeRegret.runner.pending === null;
}, null, { timeout });

// Pixels of a run's colour in a chart's canvas (the run colours of web/lib/palette.mjs, by run).
const rgbOf = (hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
const COLOURS = { red: rgbOf(runColour(0)), orange: rgbOf(runColour(1)), blue: rgbOf(runColour(2)), olive: rgbOf(runColour(7)) };
const colourPixels = (p, chart, colour) => p.evaluate(({ chart: index, rgb }) => {
  const canvas = document.querySelectorAll('.rg-chart')[index]?.querySelector('canvas');
  if (!canvas) return 0;
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - rgb[0]) < 40 && Math.abs(d[i + 1] - rgb[1]) < 40 && Math.abs(d[i + 2] - rgb[2]) < 40) n += 1;
  }
  return n;
}, { chart, rgb: COLOURS[colour] });

test('loads without console errors; the Reddi preset shows Adam failing and AMSGrad converging', async () => {
  const { page: p, errors } = await open(site.browser, page(), { width: 1280, height: 900 });
  await p.emulateMedia({ colorScheme: 'light' });
  await ready(p);
  await p.selectOption('#preset', 'reddi');
  await p.waitForFunction(() => window.gradscapeRegret.job?.count > 0, null, { timeout: 20000 });
  await finished(p);
  await p.waitForTimeout(150);
  const s = await summary(p);
  assert.equal(s.state, 'done');
  assert.deepEqual(s.labels, ['Adam', 'AMSGrad']);
  assert.equal(s.stepsDone, s.totalSteps);
  assert.ok(s.average[0] > 0.5, `Adam's average regret ${s.average[0]} > 0.5`);
  assert.ok(s.average[1] < 0.05, `AMSGrad's average regret ${s.average[1]} < 0.05`);
  for (const chart of [0, 1]) {
    assert.ok(await colourPixels(p, chart, 'red') > 100, `Adam's curve is drawn in chart ${chart}`);
    assert.ok(await colourPixels(p, chart, 'orange') > 100, `AMSGrad's curve is drawn in chart ${chart}`);
  }
  assert.ok(await colourPixels(p, 2, 'red') > 50, 'the iterate chart is drawn for this 1-D problem');
  assert.ok(s.crossings[0], 'Adam crosses its bound');
  const crossing = await p.textContent('[data-role="crossing"]');
  assert.match(crossing, /Adam\s*crosses its Theorem 4\.1 bound at t = /);
  assert.match(crossing, /Reddi, Kale & Kumar/);
  assert.match(crossing, /ICLR 2018/);
  assert.match(crossing, /Γₜ = √v̂ₜ\/αₜ − √v̂ₜ₋₁\/αₜ₋₁/);
  const story = await p.textContent('[data-role="reddi-summary"]');
  const measured = s.average.map((a) => new RegExp(`${Number(a.toPrecision(3))}`.replace('.', '\\.')));
  assert.match(story, /Adam\s*’s average regret R\(t\)\/t levels off at/);
  assert.match(story, measured[0]);
  assert.match(story, /AMSGrad\s*’s average regret R\(t\)\/t falls to .*it goes to zero/);
  assert.match(await p.textContent('#progress-text'), /1,000,000 \/ 1,000,000 steps × 2 runs in .* steps\/s/);
  await p.screenshot({ path: join(artifacts, 'regret-desktop-light.png') });
  await p.screenshot({ path: join(artifacts, 'regret-reddi-full.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('Cancel stops a long run between chunks and keeps the partial curves', async () => {
  const hash = '#p=reddi&pp=C:3&dom=box:1&start=1&T=10000000&rec=1000&opt=' +
    Array.from({ length: 8 }, (_, i) => `adam,lr=0.5,beta1=0,beta2=0.1,bias_correction=false,sched=inv_sqrt,label=Adam%20${i + 1}`).join('~');
  const { page: p, errors } = await open(site.browser, page(hash), { width: 1280, height: 900 });
  await ready(p);
  await p.waitForFunction(() => window.gradscapeRegret.job?.count > 20, null, { timeout: 20000 });
  assert.match(await p.textContent('#progress-text'), /steps\/s · ETA/);
  await p.click('#cancel');
  await p.waitForFunction(() => window.gradscapeRegret.job.state === 'cancelled', null, { timeout: 60000 });
  const stopped = await summary(p);
  assert.ok(stopped.stepsDone > 0 && stopped.stepsDone < stopped.totalSteps, `stopped part-way (${stopped.stepsDone})`);
  await p.waitForTimeout(600);
  const later = await summary(p);
  assert.equal(later.stepsDone, stopped.stepsDone, 'no more steps after Cancel');
  assert.equal(later.count, stopped.count, 'no more points after Cancel');
  assert.ok(await colourPixels(p, 0, 'olive') > 50, 'the partial curve stays (the last run, drawn on top of the seven identical ones)');
  assert.match(await p.textContent('#progress-text'), /Cancelled at t = /);
  assert.equal(await p.isDisabled('#cancel'), true);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a URL with state restores exactly the engine’s result', async () => {
  const hash = '#p=reddi&pp=C:4&dom=ball:0.8&start=0.5&T=20000&rec=50&axes=linear&opt=' +
    'adam,lr=0.3,beta1=0.9,beta2=0.99,beta1_decay=0.999,sched=inv_sqrt~adagrad,lr=0.2~sgd,lr=0.1,momentum=0.5,sched=inv_sqrt,label=OGD';
  const { page: p, errors } = await open(site.browser, page(hash), { width: 1280, height: 900 });
  await ready(p);
  await finished(p);
  const inPage = await p.evaluate(() => window.gradscapeRegret.result());
  const gs = await loadGradscape({ regret: true });
  const expected = gs.regret(toConfig(decodeHash(hash), gs.registry));
  assert.deepEqual(inPage, expected);
  assert.equal(await p.inputValue('[data-field="T"] input[type="text"]'), '20000');
  assert.equal(await p.inputValue('[data-field="problem.params.C"] input[type="text"]'), '4');
  assert.equal(await p.getAttribute('[data-axes="linear"]', 'aria-pressed'), 'true');
  assert.deepEqual((await summary(p)).labels, ['Adam', 'AdaGrad', 'OGD']);
  assert.deepEqual(errors, []);
  await p.close();
});

test('a bad hash shows a clear message and falls back to the defaults', async () => {
  for (const [hash, text] of [
    ['#garbage', /unknown key "garbage".*; opt: missing/],
    ['#p=reddi&T=1000', /opt: missing \(the optimizers to run\)/],
  ]) {
    const { page: p, errors } = await open(site.browser, page(hash), { width: 1280, height: 900 });
    await ready(p);
    await p.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 20000 });
    const message = await p.textContent('#message-text');
    assert.match(message, text, hash);
    assert.match(message, /Showing the default regret lab instead/);
    await p.waitForFunction(() => window.gradscapeRegret.job?.count > 0, null, { timeout: 20000 });
    assert.deepEqual((await summary(p)).labels, ['Adam', 'AMSGrad'], 'the defaults run');
    assert.deepEqual(errors, []);
    if (hash === '#garbage') await p.screenshot({ path: join(artifacts, 'regret-bad-hash.png') });
    await p.close();
  }
  // Values the engine refuses are dropped alone: the rest of the link is used.
  for (const [hash, text, field] of [
    ['#p=reddi&T=3000&opt=adam,lr=-3', /opt: optimizers\[0\]\.lr: /, 'optimizers[0].lr'],
    ['#p=no_such_problem&T=3000&opt=adam', /p: problem\.name: /, 'problem.name'],
  ]) {
    const { page: p, errors } = await open(site.browser, page(hash), { width: 1280, height: 900 });
    await ready(p);
    await p.waitForFunction(() => window.gradscapeRegret.job?.state === 'done', null, { timeout: 20000 });
    const message = await p.textContent('#message-text');
    assert.match(message, text, hash);
    assert.match(message, /Everything else in the link was loaded/);
    assert.equal(await p.evaluate(() => window.gradscapeRegret.store.state.T), 3000);
    assert.equal(await p.$eval(`[data-field="${field}"]`, (row) => row.classList.contains('invalid')), true, field);
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('an out-of-range field shows the engine message under the field', async () => {
  for (const [field, value, text] of [
    ['problem.params.C', '1', /problem\.params\.C: /],
    ['optimizers[0].lr', '-5', /optimizers\[0\]\.lr: /],
    ['domain.radius', '-1', /domain\.radius: /],
  ]) {
    const { page: p, errors } = await open(site.browser, page(), { width: 1280, height: 900 });
    await ready(p);
    await p.locator('.card').first().evaluate((card) => { card.open = true; });
    const input = p.locator(`[data-field="${field}"] input[type="text"]`);
    await input.fill(value);
    await input.press('Enter');
    const error = p.locator(`[data-field="${field}"] .field-error`);
    await error.filter({ hasText: text }).waitFor({ timeout: 60000 });
    assert.match(await error.textContent(), text);
    assert.match(await p.textContent('#message-text'), /a value the engine cannot run \(marked in red\)/, 'the top says how many');
    if (field === 'problem.params.C') await p.screenshot({ path: join(artifacts, 'regret-field-error.png') });
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('the Landscape and Regret lab tabs navigate between the pages', async () => {
  const { page: p, errors } = await open(site.browser, site.server.url, { width: 1280, height: 900 });
  await ready(p);
  await p.click('nav.tabs >> text=Regret lab');
  await p.waitForURL(/regret\.html/);
  await ready(p);
  assert.equal(await p.getAttribute('nav.tabs a.active', 'href'), './regret.html');
  await p.click('nav.tabs >> text=Landscape');
  await p.waitForURL((url) => !url.pathname.endsWith('regret.html'));
  await ready(p);
  assert.equal(await p.textContent('nav.tabs a.active'), 'Landscape');
  assert.equal(await p.evaluate(() => typeof window.gradscape?.session), 'object');
  assert.deepEqual(errors, []);
  await p.close();
});

test('the sparse-features, non-stationary and adversarial presets draw their curves', async () => {
  for (const [id, colours] of [['sparse', ['red', 'blue']], ['drift', ['red', 'orange']], ['adversarial', ['red', 'blue']]]) {
    const { page: p, errors } = await open(site.browser, page(), { width: 1280, height: 900 });
    await ready(p);
    await p.selectOption('#preset', id);
    await p.waitForFunction(() => window.gradscapeRegret.job?.count > 0 && window.gradscapeRegret.job?.meta, null, { timeout: 20000 });
    await finished(p, 120000);
    await p.waitForTimeout(150);
    const s = await summary(p);
    assert.equal(s.state, 'done', id);
    for (const colour of colours) assert.ok(await colourPixels(p, 0, colour) > 50, `${id}: the ${colour} run is drawn`);
    assert.equal(await p.isHidden('.rg-charts-iterate'), true, `${id}: no iterate chart for a ${await p.evaluate(() => window.gradscapeRegret.job.dim)}-D problem`);
    assert.equal(await p.isVisible('#story'), true);
    await p.screenshot({ path: join(artifacts, `regret-${id}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('light and dark at desktop and phone widths (the last from a sub-path), with no horizontal scrolling', async () => {
  const sub = await serve(join(root, 'dist'), '/gradscape');
  for (const [name, viewport, scheme, base] of [
    ['desktop-dark', { width: 1280, height: 900 }, 'dark', site.server.url],
    ['phone-light', { width: 390, height: 844 }, 'light', site.server.url],
    ['phone-dark', { width: 390, height: 844 }, 'dark', sub.url],
  ]) {
    const { page: p, errors } = await open(site.browser, `${base}regret.html`, viewport);
    await p.emulateMedia({ colorScheme: scheme });
    await ready(p);
    await finished(p);
    await p.waitForTimeout(150);
    assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), scheme);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal scrolling (${overflow}px too wide)`);
    await p.screenshot({ path: join(artifacts, `regret-${name}.png`), fullPage: viewport.width < 500 });
    assert.deepEqual(errors, []);
    await p.close();
  }
  await sub.close();
});
