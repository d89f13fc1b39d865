// The paper lab (paper.html), built and served statically, in headless Chromium: the image data
// arrives with its progress bar; the default experiment (Fig. 1 left) shows its first curves within
// seconds of opening and ends with the claim checked; a small experiment's streamed curves and grid
// search equal gs.paper(config) computed here in Node (everything but seconds_per_epoch); Cancel
// keeps the partial curves; bad hashes and a bad field show messages naming the key or field; the
// component view (view="paper") and embed.html#lab=paper render; Fig. 4 draws its ablation panels;
// light and dark at 1280×900 and 390×844. Screenshots go to test-artifacts/paper-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, toConfig } from '../../web/paper/state.mjs';
import { checkClaim } from '../../web/paper/claims.mjs';
import { downloadFraction, formatBytes } from '../../web/paper/data.mjs';

let browser;
let server;
let gs;
before(async () => {
  browser = await launch();
  server = await serve(join(root, 'dist'));
  gs = await loadGradscape({ paper: true });
  gs.loadPaperImages();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const SMALL = '#fig=1l&d=train:640;test:100&ep=1';
const page = (hash = '') => `${server.url}paper.html${hash}`;
const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
const finished = (p, timeout = 120000) => p.waitForFunction(() => {
  const lab = window.gradscapePaper;
  return lab?.job && lab.job.state !== 'running' && lab.runner.pending === null;
}, null, { timeout });
const withoutTimes = (runs) => runs.map(({ seconds_per_epoch: _, ...run }) => run);

test('the default experiment: data progress, first curves within seconds, the claim checked; no console errors', async () => {
  const { page: p, errors } = await open(browser, page(), { width: 1280, height: 900 });
  await p.emulateMedia({ colorScheme: 'light' });
  await ready(p);
  const opened = Date.now();
  await p.waitForFunction(() => window.gradscapePaper.job?.points > 0, null, { timeout: 30000 });
  const firstCurves = Date.now() - opened;
  console.log(`# first curves ${firstCurves} ms after the page was ready`);
  const log = await p.evaluate(() => window.gradscapePaper.dataLog);
  assert.ok(log.length >= 2, 'the data bar was updated while the images streamed in');
  assert.equal(log[log.length - 1][0], statSync(join(root, 'public/data/fashion-mnist-6k.bin')).size, 'every byte arrived');
  assert.equal(await p.getAttribute('body', 'data-data'), 'loaded');
  assert.match(await p.textContent('#progress-text'), /minibatches \(24 runs\)/);
  await finished(p);
  await p.waitForTimeout(200);
  assert.match(await p.textContent('#progress-text'), /3,456 \/ 3,456 minibatches \(24 runs\) in .* runs\/s/);
  assert.match(await p.textContent('#claim'), /Adam converges as fast as SGD with Nesterov momentum/);
  assert.match(await p.textContent('[data-role="verdict"]'), /This run agrees: yes/, 'the figure\'s text says the paper\'s claim holds');
  assert.equal(await p.locator('.pp-grid tbody tr').count(), 3);
  assert.equal(await p.locator('.pp-chosen').count(), 3, 'one chosen learning rate per optimizer');
  assert.match(await p.textContent('#scaled'), /Scaled for a browser/);
  await p.screenshot({ path: join(artifacts, 'paper-desktop-light.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('a small experiment streamed through the worker equals gs.paper(config) in Node', async () => {
  const { page: p, errors } = await open(browser, page(SMALL));
  await ready(p);
  await finished(p);
  const mine = await p.evaluate(() => window.gradscapePaper.result());
  const config = toConfig(decodeHash(SMALL));
  const expected = gs.paper(config);
  assert.equal(mine.runs.length, 24);
  assert.deepEqual(withoutTimes(mine.runs), withoutTimes(expected.runs));
  assert.deepEqual(mine.grid, expected.grid);
  assert.ok(mine.runs.every((r) => r.seconds_per_epoch > 0));
  assert.deepEqual(errors, []);
  await p.close();
});

test('Cancel stops a long run and keeps the partial curves', async () => {
  const { page: p, errors } = await open(browser, page('#fig=4'));
  await ready(p);
  await p.waitForFunction(() => window.gradscapePaper.job?.points > 0, null, { timeout: 60000 });
  await p.click('#cancel');
  await finished(p);
  const s = await p.evaluate(() => ({ state: window.gradscapePaper.job.state, done: window.gradscapePaper.job.batchesDone, total: window.gradscapePaper.job.totalBatches, points: window.gradscapePaper.job.points }));
  assert.equal(s.state, 'cancelled');
  assert.ok(s.done > 0 && s.done < s.total, `${s.done} of ${s.total} minibatches`);
  assert.ok(s.points > 0);
  assert.match(await p.textContent('#progress-text'), /Cancelled at .* the curves so far stay/);
  assert.ok(await p.locator('.pp-panel circle').count() > 0, 'the panels keep the points so far');
  assert.deepEqual(errors, []);
  await p.close();
});

test('bad hashes and a bad field show messages naming the key or field', async () => {
  for (const [hash, pattern] of [
    ['#fig=9', /URL hash: fig: must be one of 1l, 1r, 2, 4, got "9"/],
    ['#fig=1l&zz=1', /URL hash: unknown key "zz"/],
    ['#fig=1l&ep=x', /URL hash: ep: "x" is not a number/],
    ['#fig=1l&opt=adam,lrs=0.1:y', /URL hash: opt\[0\]\.lr_grid: "y" is not a number/],
    ['#fig=1l&ep=0', /epochs: must be an integer in \[1, 1000\], got 0/],
  ]) {
    const { page: p, errors } = await open(browser, page(hash));
    await ready(p);
    await p.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 20000 });
    assert.match(await p.textContent('#message-text'), pattern, hash);
    assert.deepEqual(errors, [], hash);
    await p.close();
  }
  const { page: p, errors } = await open(browser, page(SMALL));
  await ready(p);
  const input = p.locator('[data-field="optimizers[0].lr_grid"] input');
  await p.locator('.card').first().locator('summary').click();
  await input.fill('0.01, -1');
  await input.press('Enter');
  await p.waitForFunction(() => document.querySelector('[data-field="optimizers[0].lr_grid"] .field-error')?.textContent, null, { timeout: 20000 });
  assert.match(await p.textContent('[data-field="optimizers[0].lr_grid"] .field-error'), /optimizers\[0\]\.lr_grid\[1\]: must be/);
  const epochs = p.locator('[data-field="epochs"] input[type="text"]');
  await epochs.fill('0');
  await epochs.press('Enter');
  await p.waitForFunction(() => document.querySelector('[data-field="epochs"] .field-error')?.textContent, null, { timeout: 20000 });
  assert.match(await p.textContent('[data-field="epochs"] .field-error'), /epochs: must be an integer in \[1, 1000\], got 0/);
  assert.deepEqual(errors, []);
  await p.close();
});

test('Fig. 4 draws the ablation as β₁ × β₂ panels and checks the claim', async () => {
  const { page: p, errors } = await open(browser, page('#fig=4'), { width: 1280, height: 900 });
  await p.emulateMedia({ colorScheme: 'dark' });
  await ready(p);
  await finished(p, 180000);
  await p.waitForFunction(() => document.querySelectorAll('.pp-panel').length === 6);
  // The runs without bias correction that end far above the rest are drawn as ▲ on the top edge,
  // so the axis stays one decade above the runs with correction.
  assert.ok(await p.locator('.pp-panel [data-above]').count() > 0, 'the losses far above are marked, not drawn');
  assert.match(await p.textContent('.pp-ablation-key'), /▲ above the axis/);
  assert.ok(await p.isHidden('#charts'));
  assert.match(await p.textContent('#claim'), /Without bias correction, β₂ close to 1 makes training unstable/);
  assert.match(await p.textContent('[data-role="verdict"]'), /This run agrees: yes/, 'the figure\'s text says the paper\'s claim holds');
  console.log(`# fig 4: ${await p.textContent('#claim')}`);
  console.log(`# fig 4: ${await p.textContent('#progress-text')}`);
  await p.screenshot({ path: join(artifacts, 'paper-fig4-desktop-dark.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test('phone width, dark and light', async () => {
  for (const scheme of ['dark', 'light']) {
    const { page: p, errors } = await open(browser, page(scheme === 'dark' ? SMALL : '#fig=1r&d=train:640;test:200&ep=2'), { width: 390, height: 844 });
    await p.emulateMedia({ colorScheme: scheme });
    await ready(p);
    await finished(p);
    await p.waitForTimeout(200);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow} px)`);
    await p.screenshot({ path: join(artifacts, `paper-phone-${scheme}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('embed.html#lab=paper and <gradscape-playground view="paper"> render the figure', async () => {
  const { page: p, errors } = await open(browser, `${server.url}embed.html#lab=paper&${SMALL.slice(1)}`, { width: 760, height: 560 });
  await p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await p.waitForFunction(() => {
    const shadow = document.querySelector('gradscape-playground')?.shadowRoot;
    return shadow?.querySelector('.gs-lab[data-state="finished"]') && shadow.querySelectorAll('.pp-chosen').length === 3;
  }, null, { timeout: 60000 });
  const claim = await p.evaluate(() => document.querySelector('gradscape-playground').shadowRoot.querySelector('.pp-claim').textContent);
  assert.match(claim, /Adam converges as fast as SGD/);
  await p.screenshot({ path: join(artifacts, 'paper-embed.png') });

  const bow = { experiment: 'logreg_bow', data: { train: 256, test: 100, vocabulary: 2000 }, epochs: 1, seeds: [1, 2],
    optimizers: [{ name: 'adam', lr_grid: [0.01, 0.1], schedule: { name: 'inv_sqrt' } }, { name: 'adagrad', lr_grid: [0.1] }] };
  // result() asked for as soon as the view exists (its gradscape:ready), while it trains.
  const detail = await p.evaluate((config) => new Promise((resolve) => {
    const element = document.createElement('gradscape-playground');
    element.setAttribute('view', 'paper');
    element.setAttribute('controls', 'none');
    element.setAttribute('height', '400');
    element.setAttribute('config', JSON.stringify(config));
    let finished = false;
    element.addEventListener('gradscape:finished', () => { finished = true; });
    element.addEventListener('gradscape:error', (e) => resolve({ error: e.detail.message }));
    element.addEventListener('gradscape:ready', () => {
      const askedEarly = !finished;
      element.result().then((result) => resolve({ askedEarly, result }), (error) => resolve({ error: error.message }));
    });
    document.body.replaceChildren(element);
  }), bow);
  assert.equal(detail.error, undefined);
  assert.ok(detail.askedEarly, 'result() was asked for before the training finished');
  assert.deepEqual(withoutTimes(detail.result.runs), withoutTimes(gs.paper(bow).runs));
  assert.deepEqual(errors, []);
  await p.close();
});

test('Fig. 4\'s claim while training: a cell whose budget is not finished is pending, not diverged', () => {
  const cell = (beta1, beta2, corrected, uncorrected) => ({ beta1, beta2, corrected, uncorrected });
  const table = (cells) => ({ cells, beta1: [0, 0.9], beta2: [0.99, 0.9999], log_lr: [-3, -2], short: 1, long: 2 });
  const config = { optimizers: [] };
  const check = (cells) => checkClaim({ figure: '4', grids: [], config, labels: [], ablation: table(cells), finished: false });
  const early = check([
    cell(0, 0.9999, { short: [null, null], long: [null, null] }, { short: [null, null], long: [null, null] }),
    cell(0.9, 0.9999, { short: [0.5, null], long: [null, null] }, { short: [0.6, 0.7], long: [null, null] }),
  ]);
  assert.equal(early.ok, null);
  assert.deepEqual(early.parts.map((part) => part.ok), [null, null, null]);
  assert.ok(early.parts.every((part) => /pending/.test(part.text) && !/diverged|no sign/.test(part.text)), JSON.stringify(early.parts));
  const shortDone = check([
    cell(0, 0.9999, { short: [0.5, 0.4], long: [null, 0.3] }, { short: [NaN, 0.9], long: [null, null] }),
  ]);
  assert.deepEqual(shortDone.parts.map((part) => part.ok), [true, null]);
  assert.match(shortDone.parts[0].text, /uncorrected diverged vs corrected 0\.5/);
  const done = check([cell(0, 0.9999, { short: [0.5, 0.4], long: [0.3, 0.2] }, { short: [NaN, 0.9], long: [NaN, 0.8] })]);
  assert.equal(done.ok, true);
});

test('the download progress of a gzipped file (no usable total) shows the bytes only, the fraction in [0, 1]', () => {
  assert.equal(formatBytes(3e6, NaN), '3.0 MB');
  assert.equal(formatBytes(3e6, 1.2e6), '3.0 MB', 'a total below the bytes loaded is not shown');
  assert.equal(formatBytes(1.2e6, 2.8e6), '1.2 / 2.8 MB');
  assert.equal(downloadFraction(3e6, 1.2e6), 1);
  assert.equal(downloadFraction(1e6, NaN), 0);
  assert.equal(downloadFraction(0.7e6, 2.8e6), 0.25);
});
