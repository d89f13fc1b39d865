// <gradscape-playground> in other people's pages, loaded from the standalone bundle
// (dist/component/, `vite build --config vite.component.config.mjs`) at another origin:
//   - a host page with hostile CSS and two figures: both run exactly gs.run(config) of Node, their
//     look is the same as on a plain page, the host's own elements are untouched, and the page
//     fetches the core wasm module once;
//   - lazy: a figure below the fold loads nothing until it is scrolled into view;
//   - bad attributes show their message inside the box and as a gradscape:error event, never in
//     the console; attribute changes, the config property and play/pause/reset work;
//   - a strict Content-Security-Policy (no 'unsafe-inline') with the component served from 'self'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY, serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';

let browser;
let site;
let host;
let work;
before(async () => {
  browser = await launch();
  site = await serve(join(root, 'dist'), '', { 'access-control-allow-origin': '*' });
  work = mkdtempSync(join(tmpdir(), 'gradscape-component-'));
  host = await serve(work, '/blog');
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const HOSTILE_CSS = `
  * { font-size: 31px !important; color: red !important; background: yellow !important; letter-spacing: 4px;
      text-transform: uppercase; line-height: 3; box-sizing: content-box; }
  html { font-size: 40px; }
  :root { --bg: red; --fg: lime; --card: purple; --border: orange; --accent: pink; --radius: 0; }
  div, button, canvas, p, span { border: 5px dashed blue !important; padding: 13px !important; margin: 7px !important; }
  button { width: 300px; }
`;
const A = { objective: 'rosenbrock', optimizers: 'adam lr=0.05; sgd lr=0.001 momentum=0.9', start: '-1.5,2', steps: '300' };
const B = { objective: 'himmelblau', optimizers: 'sgd lr=0.01; rmsprop lr=0.01 centered=true', start: '0.5,-3', steps: '200' };
const CONFIG_A = {
  version: 1, objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 300, precision: 'f64',
  optimizers: [{ name: 'adam', lr: 0.05 }, { name: 'sgd', lr: 0.001, momentum: 0.9 }],
};
const CONFIG_B = {
  version: 1, objective: { name: 'himmelblau' }, start: [0.5, -3], steps: 200, precision: 'f64',
  optimizers: [{ name: 'sgd', lr: 0.01 }, { name: 'rmsprop', lr: 0.01, centered: true }],
};
const tag = (id, attrs, extra = '') => `<gradscape-playground id="${id}" ${Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(' ')} ${extra}></gradscape-playground>`;

/** A host page in the temp folder; window.events records every gradscape:* event with its element's id. */
function hostPage(name, body, { css = '', script } = {}) {
  writeFileSync(join(work, name), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>${css}</style>
<script>window.events = []; for (const t of ['ready', 'step', 'diverged', 'finished', 'error']) addEventListener('gradscape:' + t, (e) => window.events.push({ type: t, id: e.target.id, detail: e.detail }));</script>
<script type="module" src="${script ?? `${site.url}component/gradscape-playground.mjs`}"></script>
</head><body><h1>A post about Adam</h1><p>Text before the figure. <button id="host-button">host button</button></p>${body}</body></html>`);
  return `${host.url}${name}`;
}
const waitEvent = (page, type, id, timeout = 20000) => page.waitForFunction(
  ([t, i]) => window.events.some((e) => e.type === t && e.id === i), [type, id], { timeout });
const eventsOf = (page, type, id) => page.evaluate(([t, i]) => window.events.filter((e) => e.type === t && e.id === i), [type, id]);

/** Computed styles inside a figure that hostile CSS must not change. */
const inside = (page, id) => page.evaluate((i) => {
  const root = document.getElementById(i).shadowRoot;
  const pick = (el, keys) => Object.fromEntries(keys.map((k) => [k, getComputedStyle(el)[k]]));
  return {
    box: pick(root.querySelector('.gs-box'), ['fontSize', 'color', 'letterSpacing', 'textTransform', 'lineHeight', 'backgroundColor']),
    legend: pick(root.querySelector('.legend-item'), ['fontSize', 'paddingLeft', 'borderTopStyle', 'height']),
    play: pick(root.querySelector('.gs-play'), ['width', 'height', 'backgroundColor', 'borderTopStyle']),
    canvas: pick(root.querySelector('canvas'), ['borderTopStyle', 'paddingTop']),
  };
}, id);

test('two figures on a hostile host page: exact results, their own look, one wasm module', async () => {
  const plain = hostPage('plain.html', tag('a', A) + tag('b', B));
  const hostile = hostPage('hostile.html', tag('a', A) + tag('b', B), { css: HOSTILE_CSS });
  const gs = await loadGradscape();
  const expected = { a: gs.run(CONFIG_A), b: gs.run(CONFIG_B) };
  const looks = {};
  for (const [name, url] of [['plain', plain], ['hostile', hostile]]) {
    const { page, errors } = await open(browser, url, { width: 900, height: 1400 });
    for (const id of ['a', 'b']) await waitEvent(page, 'finished', id);
    for (const id of ['a', 'b']) {
      assert.deepEqual(await page.evaluate((i) => document.getElementById(i).result(), id), JSON.parse(JSON.stringify(expected[id])), `${name} ${id}`);
      assert.equal((await eventsOf(page, 'ready', id)).length, 1);
    }
    looks[name] = { a: await inside(page, 'a'), b: await inside(page, 'b') };
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
    assert.equal(wasm.length, 1, `one wasm fetch for two figures: ${wasm}`);
    assert.match(wasm[0], /gradscape-(simd|scalar)-[\w-]+\.wasm$/);
    const hostButton = await page.evaluate(() => getComputedStyle(document.getElementById('host-button')).borderTopStyle);
    assert.equal(hostButton, name === 'hostile' ? 'dashed' : 'outset', 'the figure leaks no style into the host');
    await page.screenshot({ path: join(artifacts, `component-${name}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
  assert.deepEqual(looks.hostile, looks.plain, 'the host page\'s CSS does not reach into the figures');
  assert.equal(looks.plain.a.box.fontSize, '14px');
  assert.equal(looks.plain.a.canvas.borderTopStyle, 'none');
});

test('lazy: a figure below the fold loads nothing until it is scrolled into view', async () => {
  const url = hostPage('lazy.html', `<div style="height: 3000px">spacer</div>${tag('late', A, 'autoplay')}`);
  const { page, errors } = await open(browser, url, { width: 900, height: 700 });
  await page.waitForTimeout(1500);
  const requested = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.wasm$|-view-/.test(n)));
  assert.deepEqual(await requested(), [], 'no view chunk and no wasm before the figure is near the viewport');
  assert.match(await page.evaluate(() => document.getElementById('late').shadowRoot.textContent), /Gradscape figure/);
  await page.evaluate(() => document.getElementById('late').scrollIntoView());
  await waitEvent(page, 'ready', 'late');
  assert.ok((await requested()).length >= 2);
  await waitEvent(page, 'finished', 'late');
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad attributes are answered inside the box and as an event, never in the console', async () => {
  const cases = {
    lr: [{ optimizers: 'adam lr=banana' }, /optimizers\[0\]\.lr: must be a number/],
    syntax: [{ optimizers: 'adam lr' }, /optimizers: run 1 \(adam\): "lr" must be key=value/],
    start: [{ start: '1,two' }, /start: must be "x,y" with two finite numbers/],
    view: [{ view: 'globe' }, /view: must be one of landscape, regret, sweep, race, paper, got "globe"/],
    controls: [{ controls: 'lots' }, /controls: must be one of minimal, none, full/],
    height: [{ height: '-5' }, /height: must be a number of pixels in \[120, 4000\]/],
    config: [{ config: '{nope' }, /config: not valid JSON/],
    unknown: [{ config: '{&quot;stepz&quot;: 5}' }, /stepz/],
    objective: [{ objective: 'moon' }, /objective/],
    nan: [{ steps: 'NaN' }, /steps: must be a non-negative integer, got "NaN"/],
    paperstart: [{ view: 'paper', start: '1,2' }, /start: the paper view has no start; set it in config/],
  };
  const body = Object.entries(cases).map(([id, [attrs]]) => tag(id, attrs)).join('');
  const { page, errors } = await open(browser, hostPage('bad.html', body), { width: 900, height: 8000 });
  for (const [id, [, message]] of Object.entries(cases)) {
    await waitEvent(page, 'error', id);
    const [event] = await eventsOf(page, 'error', id);
    assert.match(event.detail.message, message, id);
    const shown = await page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('.gs-message').textContent, id);
    assert.equal(shown, event.detail.message);
  }
  await page.screenshot({ path: join(artifacts, 'component-errors.png'), clip: { x: 0, y: 0, width: 900, height: 1400 } });
  assert.deepEqual(errors, []);
  await page.close();
});

test('attribute changes, the config property, play, pause, reset, divergence events', async () => {
  const { page, errors } = await open(browser, hostPage('api.html', tag('f', A)), { width: 900, height: 900 });
  await waitEvent(page, 'finished', 'f');
  const gs = await loadGradscape();
  await page.evaluate(() => document.getElementById('f').setAttribute('optimizers', 'sgd lr=0.01'));
  await page.waitForFunction(() => window.events.some((e) => e.type === 'diverged' && e.id === 'f'));
  const session = gs.createRunSession();
  session.configure({ ...CONFIG_A, optimizers: [{ name: 'sgd', lr: 0.01 }] });
  session.advance(300);
  const [diverged] = await eventsOf(page, 'diverged', 'f');
  assert.deepEqual(diverged.detail, { run: 0, label: 'SGD', step: session.status(0).diverged_at });
  await page.evaluate((c) => { document.getElementById('f').config = c; }, CONFIG_B);
  await page.waitForFunction(async () => (await document.getElementById('f').result())?.objective.name === 'himmelblau');
  assert.deepEqual(await page.evaluate(() => document.getElementById('f').result()), JSON.parse(JSON.stringify(gs.run({ ...CONFIG_A, ...CONFIG_B }))));
  const resolved = await page.evaluate(() => document.getElementById('f').config);
  assert.equal(resolved.objective.name, 'himmelblau');
  assert.deepEqual(resolved.start, [0.5, -3]);

  await page.evaluate((c) => { document.getElementById('f').config = { ...c, objective: 'beale', start: null }; }, CONFIG_A);
  await page.waitForFunction(async () => (await document.getElementById('f').result())?.objective.name === 'beale');
  assert.equal(await page.evaluate(() => document.getElementById('f').config.objective.name), 'beale', 'an objective given by name alone');
  assert.deepEqual((await page.evaluate(() => document.getElementById('f').config)).start, gs.registry.objectives.find((o) => o.name === 'beale').default_start);
  await page.evaluate((c) => { document.getElementById('f').config = c; }, CONFIG_B);
  await page.waitForFunction(async () => (await document.getElementById('f').result())?.objective.name === 'himmelblau');

  await page.evaluate(() => document.getElementById('f').reset());
  assert.equal(await page.evaluate(async () => (await document.getElementById('f').result()).runs[0].loss.length), 1);
  await page.evaluate(() => { window.events.length = 0; document.getElementById('f').play(); });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'step' && e.detail.step > 0));
  await page.evaluate(() => document.getElementById('f').pause());
  const at = await page.evaluate(async () => (await document.getElementById('f').result()).runs[0].loss.length);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(async () => (await document.getElementById('f').result()).runs[0].loss.length), at, 'paused');
  assert.ok(at > 1 && at < 201, `played part of the way (${at})`);
  await page.evaluate(() => document.getElementById('f').setAttribute('theme', 'dark'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.getElementById('f').shadowRoot.querySelector('.gs-box').dataset.theme), 'dark');
  await page.evaluate(() => document.getElementById('f').setAttribute('controls', 'full'));
  await waitEvent(page, 'finished', 'f');
  await page.waitForFunction(() => document.getElementById('f').shadowRoot.querySelector('.gs-settings select'));
  await page.screenshot({ path: join(artifacts, 'component-full-dark.png') });
  await page.evaluate(() => {
    const f = document.getElementById('f');
    f.config = null;
    const quick = document.createElement('gradscape-playground');
    quick.id = 'quick';
    document.body.prepend(quick);
    setTimeout(() => quick.remove(), 0);
  });
  await page.waitForFunction(async () => (await document.getElementById('f').result())?.objective.name === 'rosenbrock');
  assert.equal(await page.evaluate(() => document.getElementById('f').hasAttribute('config')), false, 'config = null: the defaults');
  await page.waitForTimeout(500);
  assert.deepEqual(await eventsOf(page, 'error', 'quick'), [], 'a figure removed while it loads reports nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('under a strict Content-Security-Policy with no unsafe-inline', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradscape-component-csp-'));
  cpSync(join(root, 'dist/component'), join(dir, 'component'), { recursive: true });
  cpSync(join(root, 'dist/favicon.svg'), join(dir, 'favicon.svg'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="./favicon.svg">
<script type="module" src="./component/gradscape-playground.mjs"></script></head>
<body><h1>Strict page</h1>${tag('s', A, 'controls="full"')}</body></html>`);
  const strict = await serve(dir, '', { 'content-security-policy': POLICY });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(strict.url);
    await page.waitForFunction(async () => (await document.getElementById('s').result())?.runs[0].loss.length === 301, null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('s').shadowRoot.querySelector('.gs-box')).fontSize), '14px',
      'the constructable stylesheets apply under style-src \'self\'');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await strict.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('controls="full": removing an optimizer offers Undo inside the figure, which puts it back', async () => {
  const url = hostPage('undo.html', tag('u', A, 'controls="full"'));
  const { page, errors } = await open(browser, url, { width: 1000, height: 900 });
  await waitEvent(page, 'finished', 'u');
  const shadow = (selector) => page.locator(`#u >> css=${selector}`);
  await page.waitForFunction(() => document.getElementById('u').shadowRoot.querySelectorAll('.gs-settings .card').length === 2);
  const before = await page.evaluate(() => document.getElementById('u').config.optimizers);
  await shadow('.gs-settings .card .remove').first().click();
  await page.waitForFunction(() => document.getElementById('u').shadowRoot.querySelectorAll('.gs-settings .card').length === 1);
  const toast = shadow('#toast.visible.has-action');
  await toast.waitFor();
  assert.match(await toast.textContent(), /Removed Adam/);
  await page.waitForFunction(async () => (await document.getElementById('u').result()).runs.length === 1);
  await page.screenshot({ path: join(artifacts, 'component-undo.png') });
  await shadow('#toast .toast-action').click();
  await page.waitForFunction(() => document.getElementById('u').shadowRoot.querySelectorAll('.gs-settings .card').length === 2);
  await page.waitForFunction((want) => JSON.stringify(document.getElementById('u').config.optimizers) === want, JSON.stringify(before));
  await page.waitForFunction(async () => (await document.getElementById('u').result()).runs.length === 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('controls="full": every value the engine refuses is marked at once and the figure is dimmed until they are fixed', async () => {
  const url = hostPage('invalid.html', tag('v', A, 'controls="full"'));
  const { page, errors } = await open(browser, url, { width: 1000, height: 900 });
  await waitEvent(page, 'finished', 'v');
  await page.waitForFunction(() => document.getElementById('v').shadowRoot.querySelectorAll('.gs-settings .card').length === 2);
  await page.evaluate(() => { for (const card of document.getElementById('v').shadowRoot.querySelectorAll('.gs-settings .card')) card.open = true; });
  const field = (path) => page.locator(`#v >> css=[data-field="${path}"] input[type="text"]`);
  for (const [path, value] of [['optimizers[0].lr', 'abc'], ['optimizers[1].momentum', '7']]) {
    await field(path).fill(value);
    await field(path).press('Enter');
  }
  await page.waitForFunction(() => document.getElementById('v').shadowRoot.querySelectorAll('.gs-settings .field.invalid').length === 2);
  assert.equal(await page.evaluate(() => document.getElementById('v').shadowRoot.querySelector('.gs-box').classList.contains('gs-stale')), true);
  assert.deepEqual((await page.evaluate(() => document.getElementById('v').config.optimizers)).map((o) => o.lr), [0.05, 0.001], 'the figure keeps the last valid settings');
  await page.screenshot({ path: join(artifacts, 'component-invalid.png') });
  for (const [path, value] of [['optimizers[0].lr', '0.02'], ['optimizers[1].momentum', '0.5']]) {
    await field(path).fill(value);
    await field(path).press('Enter');
  }
  await page.waitForFunction(() => !document.getElementById('v').shadowRoot.querySelector('.gs-box').classList.contains('gs-stale'));
  await page.waitForFunction(() => document.getElementById('v').config.optimizers[1].momentum === 0.5);
  assert.equal(await page.evaluate(() => document.getElementById('v').shadowRoot.querySelectorAll('.gs-settings .field.invalid').length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('objective="formula" expr="…": the figure runs the typed formula, exactly as gs.run does', async () => {
  const expr = 'sin(x)*cos(y) + 0.1*(x^2 + y^2)';
  const url = hostPage('formula.html', tag('f', { objective: 'formula', expr, optimizers: 'adam lr=0.05; sgd lr=0.05 momentum=0.9', steps: '150' })
    + tag('bad', { objective: 'formula', expr: 'x + *y' }));
  const gs = await loadGradscape({ full: true });
  const { page, errors } = await open(browser, url, { width: 900, height: 1200 });
  await waitEvent(page, 'finished', 'f');
  const result = await page.evaluate(() => document.getElementById('f').result());
  assert.equal(result.objective.expr, expr);
  assert.deepEqual(result, JSON.parse(JSON.stringify(gs.run({
    objective: { name: 'formula', expr }, steps: 150, optimizers: [{ name: 'adam', lr: 0.05 }, { name: 'sgd', lr: 0.05, momentum: 0.9 }],
  }))));
  await waitEvent(page, 'error', 'bad');
  const [error] = await eventsOf(page, 'error', 'bad');
  assert.match(error.detail.message, /objective\.expr: unexpected '\*' at column 5/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a custom rule and a whole-vector optimizer in a figure: the full engine runs them exactly as gs.run does', async () => {
  const rule = 'hyper lr = 0.02 [1e-5, 1] log; beta = 0.9 [0, 0.999]\nstate m = 0\nm = beta*m + (1 - beta)*g\ntheta = theta - lr*sign(m)';
  const optimizers = [{ name: 'custom', rule, lr: 0.02, label: 'sign momentum' }, { name: 'lbfgs', line_search: 'strong_wolfe' }];
  const attribute = JSON.stringify(optimizers).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const url = hostPage('beyond-rules.html', tag('c', { objective: 'rosenbrock', start: '-1.5,2', steps: '60', optimizers: attribute }));
  const gs = await loadGradscape({ full: true });
  const { page, errors } = await open(browser, url, { width: 900, height: 900 });
  await waitEvent(page, 'finished', 'c');
  const result = await page.evaluate(() => document.getElementById('c').result());
  assert.deepEqual(result, JSON.parse(JSON.stringify(gs.run({ objective: 'rosenbrock', start: [-1.5, 2], steps: 60, optimizers }))));
  assert.ok(result.runs[1].evaluations > 60, 'L-BFGS counts its line search evaluations');
  const legend = await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('.legend').textContent);
  assert.match(legend, /sign momentum/);
  assert.match(legend, /evaluations/);
  await page.screenshot({ path: join(artifacts, 'component-beyond-rules.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
