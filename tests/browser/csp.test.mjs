// The three pages of dist/ under a strict Content-Security-Policy header (README, "Strict
// Content-Security-Policy"): each works fully with no violation, in the page or in its Web Worker;
// without 'wasm-unsafe-eval' the engine cannot compile, the browser reports the violation and
// every page shows a readable message instead of failing silently.
//
// Violations are collected twice: `securitypolicyviolation` events in the page (an init script)
// and the policy's report-uri, which here points at a small collector so that violations inside
// the Web Workers (which have their own global and policy) are seen too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { POLICY, serve, launch, root } from './support.mjs';

const NO_WASM = POLICY.replace(" 'wasm-unsafe-eval'", '');

let browser;
let strict;
let noWasm;
let collector;
const reports = [];

before(async () => {
  assert.notEqual(NO_WASM, POLICY);
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      try { reports.push(JSON.parse(body)['csp-report']); } catch { reports.push({ unparsed: body }); }
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const reportUri = `; report-uri http://127.0.0.1:${collector.address().port}/`;
  browser = await launch();
  strict = await serve(join(root, 'dist'), '', { 'content-security-policy': POLICY + reportUri });
  noWasm = await serve(join(root, 'dist'), '', { 'content-security-policy': NO_WASM + reportUri });
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await noWasm?.close();
  await new Promise((resolve) => (collector ? collector.close(resolve) : resolve()));
});

/** Opens url recording console errors, uncaught exceptions and the page's CSP violations. */
async function openStrict(url) {
  reports.length = 0;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  const crashes = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (error) => crashes.push(String(error)));
  page.on('response', (res) => { if (res.status() >= 400) errors.push(`HTTP ${res.status()} ${res.url()}`); });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  await page.goto(url);
  const violations = async () => {
    await page.waitForTimeout(300); // report-uri reports are sent asynchronously
    const inPage = await page.evaluate(() => window.cspViolations);
    const reported = reports.map((r) => `${r['effective-directive']} blocked ${r['blocked-uri']} in ${r['document-uri']}`);
    return [...inPage, ...reported];
  };
  return { page, errors, crashes, violations };
}

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const surfacePixels = (page) => page.evaluate(() => {
  let hash = 0;
  for (const c of document.querySelectorAll('#surface canvas')) {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
  }
  return hash;
});

test('the landscape animates and typesets every optimizer\'s formula under the strict policy', async () => {
  const { page, errors, crashes, violations } = await openStrict(strict.url);
  await ready(page);
  const first = await surfacePixels(page);
  await page.waitForTimeout(400);
  assert.notEqual(await surfacePixels(page), first, 'the runs animate');
  assert.ok(await page.evaluate(() => window.gradscape.session.stepsDone) > 0);
  // KaTeX under style-src 'self': every optimizer's update rule, and the curves (uPlot).
  const optimizers = await page.evaluate(() => window.gradscape.gs.registry.optimizers
    .map((o) => ({ name: o.name, shown: o.display_name ?? o.name })));
  const names = optimizers.map((o) => o.name);
  let seen = 0;
  for (let k = 0; k < names.length; k += 8) {
    const group = names.slice(k, k + 8);
    await page.goto(`${strict.url}#opt=${group.join('~')}`);
    await page.reload();
    await ready(page);
    for (let i = 0; i < group.length; i += 1) {
      await page.evaluate((sel) => window.gradscape.store.update((s) => { s.selected = sel; }, 'select'), i);
      await page.waitForFunction((shown) => document.querySelector('#formula .katex')
        && document.querySelector('#formula .gs-formula-name')?.textContent === shown,
      optimizers[k + i].shown, { timeout: 60000 });
      seen += 1;
    }
  }
  assert.equal(seen, names.length);
  assert.equal(await page.locator('#formula .katex-error').count(), 0);
  assert.ok(await page.locator('#curves canvas').count() > 0, 'the curves are drawn');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(crashes, []);
  await page.close();
});

test('the regret lab runs a story to the end in its worker under the strict policy', async () => {
  const { page, errors, crashes, violations } = await openStrict(`${strict.url}regret.html`);
  await ready(page);
  await page.selectOption('#preset', 'reddi');
  await page.waitForFunction(() => {
    const { job, runner } = window.gradscapeRegret;
    return job && job.state !== 'running' && runner.pending === null;
  }, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.gradscapeRegret.job.state), 'done');
  assert.ok(await page.evaluate(() => window.gradscapeRegret.job.count) > 0);
  await page.waitForFunction(() => document.querySelectorAll('.rg-tex .katex').length > 0, null, { timeout: 10000 });
  assert.equal(await page.locator('.rg-tex .katex').count(), await page.locator('.rg-tex').count());
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(crashes, []);
  await page.close();
});

test('the sweep lab finishes a map in its worker under the strict policy', async () => {
  const { page, errors, crashes, violations } = await openStrict(`${strict.url}sweep.html`);
  await ready(page);
  await page.waitForFunction(() => document.body.dataset.sweep === 'done' && !window.gradscapeSweep.runner.busy,
    null, { timeout: 60000 });
  const colours = await page.evaluate(() => {
    const canvas = document.querySelector('.sw-map-canvas');
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
  assert.ok(colours > 20, `the map is drawn (${colours} colours)`);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(crashes, []);
  await page.close();
});

test('without \'wasm-unsafe-eval\' the engine is blocked and every page says so', async () => {
  for (const [path, text] of [
    ['', /Gradscape could not start/],
    ['regret.html', /The regret lab could not start/],
    ['sweep.html', /The sweep lab could not start/],
  ]) {
    const { page, crashes, violations } = await openStrict(noWasm.url + path);
    await page.waitForSelector('#message:not([hidden])', { timeout: 20000 });
    const message = await page.textContent('#message-text');
    assert.match(message, text, path);
    assert.match(message, /WebAssembly.*Content Security Policy/, path);
    const found = await violations();
    assert.ok(found.some((v) => /^script-src blocked wasm-eval/.test(v)), `${path}: ${found.join('; ')}`);
    assert.deepEqual(crashes, [], path);
    await page.close();
  }
});
