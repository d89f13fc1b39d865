// The user's own objectives on the landscape page. The typed formula: a formula typed into the field
// is drawn with its minima and raced by the optimizers, its parsed form previewed with KaTeX; a bad
// formula shows the engine's message with a caret under its column and keeps what was typed; an
// unknown name can be declared as a parameter; a classic preset loads; a link with a formula
// restores it; random strings typed into the field never raise a page error. The data panel:
// clicked points change the surface, the line follows the selected run, labels and minibatches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, artifacts, useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
const EIGHT = 'adam,lr=0.05~sgd,lr=0.05,momentum=0.9~rmsprop,lr=0.01~adagrad,lr=0.3~nadam,lr=0.05~adamw,lr=0.05~adamax,lr=0.05~sgd,lr=0.05';
const configuredExpr = (page, expr) => page.waitForFunction(
  (e) => window.gradscape.session.objective().expr === e, expr, { timeout: 60000 });

test('a typed formula is drawn with its minima, previewed as parsed, and eight optimizers race on it', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=formula&opt=${EIGHT}`);
  await ready(page);
  const expr = 'sin(x)*cos(y) + 0.1*(x^2+y^2)';
  await page.fill('#formula-expr', expr);
  await configuredExpr(page, expr);
  await page.waitForFunction(() => document.querySelector('#controls .formula-preview .katex'), null, { timeout: 60000 });
  const preview = await page.textContent('#controls .formula-preview .katex-mathml');
  assert.match(preview, /sin/);
  const minima = await page.evaluate(() => window.gradscape.session.minima());
  assert.ok(minima.length >= 2 && minima.some((m) => m.global), JSON.stringify(minima));
  await page.waitForFunction(() => !window.gradscape.player.playing, null, { timeout: 120000 });
  const statuses = await page.evaluate(() => Array.from({ length: window.gradscape.session.runCount },
    (_, i) => window.gradscape.session.status(i).status));
  assert.deepEqual(statuses, Array(8).fill('ok'));
  await page.waitForFunction((e) => new URLSearchParams(location.hash.slice(1)).get('expr') === e, expr, { timeout: 60000 });
  await page.screenshot({ path: join(artifacts, 'formula-typed.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad formula shows the message under the field with a caret at its column, and keeps the text', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=formula&opt=adam,lr=0.05`);
  await ready(page);
  const before = await page.evaluate(() => location.hash);
  await page.fill('#formula-expr', 'x + *y');
  await page.waitForSelector('[data-field="objective.expr"].invalid .formula-caret', { timeout: 60000 });
  assert.equal(await page.textContent('[data-field="objective.expr"] .field-error'),
    "objective.expr: unexpected '*' at column 5: expected a number, variable, function or '('");
  assert.equal(await page.textContent('[data-field="objective.expr"] .formula-caret'), 'x + *y\n    ^');
  assert.equal(await page.inputValue('#formula-expr'), 'x + *y');
  assert.equal(await page.evaluate(() => location.hash), before, 'the link keeps the last valid formula');
  await page.screenshot({ path: join(artifacts, 'formula-error.png') });
  // Fixing it clears the message and runs the formula.
  await page.fill('#formula-expr', 'x^2 + y^2');
  await configuredExpr(page, 'x^2 + y^2');
  await page.waitForFunction(() => !document.querySelector('[data-field="objective.expr"].invalid'), null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown name can be declared as a parameter, whose slider then moves the surface', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=formula&opt=adam,lr=0.05`);
  await ready(page);
  await page.fill('#formula-expr', 'k*x^2 + y^2');
  await page.waitForSelector('.formula-declare:not([hidden])', { timeout: 60000 });
  assert.equal(await page.textContent('.formula-declare'), 'Declare k as a parameter');
  await page.click('.formula-declare');
  await configuredExpr(page, 'k*x^2 + y^2');
  assert.deepEqual(await page.evaluate(() => window.gradscape.session.objective().params.map((p) => p.name)), ['k']);
  await page.fill('[data-field="objective.params.k"] input[type="text"]', '3');
  await page.press('[data-field="objective.params.k"] input[type="text"]', 'Enter');
  await page.waitForFunction(() => window.gradscape.session.objective().params[0].default === 3, null, { timeout: 60000 });
  await page.waitForFunction(() => /fp=k:3/.test(location.hash), null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a classic preset loads its formula, parameter, domain and minimum', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=formula&opt=adam,lr=0.05`);
  await ready(page);
  await page.selectOption('.formula-presets', 'styblinski-tang');
  await configuredExpr(page, '(x^4 - a*x^2 + 5x)/2 + (y^4 - a*y^2 + 5y)/2');
  const info = await page.evaluate(() => window.gradscape.session.objective());
  assert.deepEqual(info.view, [-5, 5, -5, 5]);
  assert.ok(info.minima.some((m) => m.global && Math.abs(m.x + 2.903534) < 1e-4 && Math.abs(m.y + 2.903534) < 1e-4));
  assert.match(await page.textContent('.formula-reference'), /Styblinski & Tang/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with a formula and its parameter restores them', async () => {
  const expr = '(a - x)^2 + 100*(y - x^2)^2';
  const { page, errors } = await open(site.browser,
    `${site.server.url}#f=formula&expr=${encodeURIComponent(expr)}&fp=a:1.5&fr=a:0,3&opt=adam,lr=0.02`);
  await ready(page);
  await configuredExpr(page, expr);
  assert.equal(await page.inputValue('#formula-expr'), expr);
  const info = await page.evaluate(() => window.gradscape.session.objective());
  assert.deepEqual(info.params.map((p) => [p.name, p.default, p.min, p.max]), [['a', 1.5, 0, 3]]);
  assert.ok(info.minima.some((m) => m.global && Math.abs(m.x - 1.5) < 1e-9 && Math.abs(m.y - 2.25) < 1e-9));
  assert.deepEqual(errors, []);
  await page.close();
});

test('random strings typed into the formula field never raise a page error', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=formula&opt=adam,lr=0.05`);
  await ready(page);
  // A seeded generator (mulberry32) over the formula alphabet and beyond it.
  let seed = 20261207;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = ['x', 'y', 'a', '1', '2.5', 'e', 'pi', '+', '-', '*', '/', '^', '(', ')', ',', ' ', 'sin(', 'log(',
    'sqrt(', 'atan2(', 'max(', '1e308', '0/0', '×', 'é', '"', '\\', '%', '&', '#', 'NaN', '∞', '<b>', '9'.repeat(30)];
  for (let n = 0; n < 60; ++n) {
    const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    await page.fill('#formula-expr', text);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.fill('#formula-expr', 'x'.repeat(1200));
  await page.waitForSelector('[data-field="objective.expr"].invalid', { timeout: 60000 });
  assert.match(await page.textContent('[data-field="objective.expr"] .field-error'), /1200 characters long: at most 1000/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the rule editor: a typed rule runs in f32 with sliders from its hyper line; a link\'s refused rule stays in the editor', async () => {
  const rule = 'hyper lr = 0.02 [1e-5, 1] log; beta = 0.9 [0, 0.999]\nstate m = 0\nm = beta*m + (1 - beta)*g\ntheta = theta - lr*sign(m)';
  const { page, errors } = await open(site.browser, `${site.server.url}#f=rosenbrock&prec=f32&opt=custom,rule=${encodeURIComponent(rule)}`);
  await ready(page);
  assert.equal(await page.inputValue('.rule-input'), rule);
  assert.ok(await page.$('[data-field="optimizers[0].beta"] input'), 'a slider for the declared beta');
  await page.waitForFunction(() => !window.gradscape.player.playing, null, { timeout: 120000 });
  const run = await page.evaluate(() => window.gradscape.session.result().runs[0]);
  assert.equal(run.status, 'ok');
  assert.ok(run.trajectory.every(([x, y]) => x === Math.fround(x) && y === Math.fround(y)), 'f32 points');
  await page.close();

  const bad = rule.replace('sign(m)', 'sgn(m)');
  const link = await open(site.browser, `${site.server.url}#f=rosenbrock&opt=custom,rule=${encodeURIComponent(bad)},lr=0.02`);
  await ready(link.page);
  assert.equal(await link.page.inputValue('.rule-input'), bad, 'the linked text is kept to be fixed');
  assert.match(await link.page.textContent('#message-text'), /A refused text stays in its field, to be fixed there\./);
  assert.match(await link.page.textContent('[data-field="optimizers[0].rule"] .field-error'), /line 4, column 20: unknown function 'sgn'/);
  await link.page.fill('.rule-input', rule);
  await link.page.dispatchEvent('.rule-input', 'change');
  await link.page.waitForFunction((r) => window.gradscape.store.state.optimizers[0].rule === r, rule);
  assert.equal(await link.page.textContent('[data-field="optimizers[0].rule"] .field-error'), '');
  assert.deepEqual([...errors, ...link.errors], []);
  await link.page.close();
});

test('the data panel: clicked points change the surface, and the line follows the selected run', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=least_squares&opt=sgd,lr=0.1~adam,lr=0.05`);
  await ready(page);
  const before = await page.evaluate(() => window.gradscape.session.objective());
  assert.equal(before.name, 'least_squares');
  const box = await page.locator('.data-scatter').boundingBox();
  // A point far above the others' line, at the upper left: the best fit's slope falls.
  await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.08);
  await page.waitForFunction((n) => window.gradscape.session.objective().data.length === n + 1, before.data.length, { timeout: 60000 });
  const after = await page.evaluate(() => window.gradscape.session.objective());
  assert.ok(after.minima[0].x < before.minima[0].x, `slope ${before.minima[0].x} → ${after.minima[0].x}`);
  await page.waitForFunction(() => /[&#]data=/.test(location.hash), null, { timeout: 60000 });
  // Hold the player at step 40: the panel's line is the selected run's (w, b) there.
  await page.evaluate(() => { window.gradscape.player.pause(); window.gradscape.player.seek(40); });
  await page.waitForFunction(() => {
    const xy = window.gradscape.session.trajectory(0);
    return document.querySelector('.data-panel').dataset.fit === `${xy[80]},${xy[81]}`;
  }, null, { timeout: 60000 });
  // Logistic regression: the label toggle and a minibatch size.
  await page.selectOption('[data-field="objective.name"] select', 'logistic');
  await page.waitForFunction(() => window.gradscape.session.objective().name === 'logistic', null, { timeout: 60000 });
  await page.click('.data-labels button[data-label="0"]');
  const count = await page.evaluate(() => window.gradscape.session.objective().data.length);
  const logistic = await page.locator('.data-scatter').boundingBox();
  await page.mouse.click(logistic.x + logistic.width * 0.9, logistic.y + logistic.height * 0.1);
  await page.waitForFunction((n) => window.gradscape.session.objective().data.length === n + 1, count, { timeout: 60000 });
  const added = await page.evaluate(() => window.gradscape.session.objective().data.at(-1));
  assert.equal(added[2], 0, 'the new point has the label chosen');
  await page.fill('[data-field="objective.batch_size"] input[type="text"]', '3');
  await page.press('[data-field="objective.batch_size"] input[type="text"]', 'Enter');
  await page.waitForFunction(() => window.gradscape.session.objective().batch_size === 3, null, { timeout: 60000 });
  await page.screenshot({ path: join(artifacts, 'data-panel.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sweep lab maps a typed formula: its basins, its contours and its preview', async () => {
  const expr = '(x^2 - 1)^2 + 2y^2';
  const { page, errors } = await open(site.browser,
    `${site.server.url}sweep.html#f=formula&expr=${encodeURIComponent(expr)}&steps=100&opt=adam,lr=0.05&x=start_x,-2,2,24&y=start_y,-2,2,24`);
  await page.waitForFunction(() => document.body.dataset.sweep === 'done', null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('#controls .formula-preview .katex'), null, { timeout: 60000 });
  assert.match(await page.textContent('#controls .formula-preview .katex-mathml'), /x/);
  assert.equal(await page.inputValue('#formula-expr'), expr);
  assert.deepEqual(errors, []);
  await page.close();
});
