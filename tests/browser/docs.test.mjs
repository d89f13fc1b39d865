// The docs page (docs.html) and the essay (story.html), built and served from a sub-path: no
// console errors; the docs' tables list every optimizer, schedule, objective and problem of the
// engine's registry with its defaults and ranges; the live gs.run example shows exactly what
// gs.run gives in Node; the iframe answers the postMessage demo; the essay's figures become ready
// when scrolled into view, its "Open in the lab" links hold each figure's config, and the numbers
// its captions state are the engine's. Screenshots go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { formatDefault, formatRange } from '../../web/lib/format.mjs';
import { formulaVariants } from '../../web/lib/formula-variants.mjs';
import * as landscape from '../../web/landscape/state.mjs';
import * as regretLab from '../../web/regret/state.mjs';
import * as sweepLab from '../../web/sweep/state.mjs';

let browser;
let server;
let gs;
before(async () => {
  browser = await launch();
  server = await serve(join(root, 'dist'), '/some/sub/path');
  gs = await loadGradscape({ full: true, regret: true, sweep: true });  // the page lists every objective
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (s) => s.replace(/\s+/g, ' ').trim();

async function openDocs(viewport) {
  const { page, errors } = await open(browser, `${server.url}docs.html`, viewport);
  await page.waitForSelector('body[data-registry="ready"]', { timeout: 20000 });
  await page.waitForSelector('body[data-typeset="ready"]', { timeout: 20000 });
  return { page, errors };
}

test('docs.html loads without console errors, typesets its formulas and has no error box', async () => {
  const { page, errors } = await openDocs();
  const typeset = await page.evaluate(() => ({
    formulas: document.querySelectorAll('[data-tex]').length,
    done: document.querySelectorAll('[data-tex].typeset').length,
    failures: document.querySelectorAll('.failure').length,
  }));
  assert.ok(typeset.formulas > 20);
  assert.equal(typeset.done, typeset.formulas, 'every formula is typeset');
  assert.equal(typeset.failures, 0);
  await page.screenshot({ path: join(artifacts, 'docs.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the docs tables list every optimizer, schedule, objective and problem of gs.registry with its ranges', async () => {
  const { page } = await openDocs();
  const rows = (selector) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => ({
    name: tr.dataset.param, cells: [...tr.children].map((td) => td.textContent.trim()),
  })));
  for (const o of gs.registry.optimizers) {
    const listed = await rows(`#params-${o.name}`);
    assert.deepEqual(listed.map((r) => r.name), o.hyperparameters.map((h) => h.name), o.name);
    o.hyperparameters.forEach((h, k) => {
      const [, type, def, range, description] = listed[k].cells;
      assert.equal(type, h.type, `${o.name}.${h.name} type`);
      assert.equal(def, formatDefault(h), `${o.name}.${h.name} default`);
      assert.equal(range, formatRange(h), `${o.name}.${h.name} range`);
      assert.equal(description, h.description);
    });
  }
  const summary = await page.$$eval('#optimizer-tables table.summary tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
  assert.deepEqual(summary, gs.registry.optimizers.map((o) => o.name));
  assert.deepEqual(await page.$$eval('[data-schedule]', (els) => els.map((e) => e.dataset.schedule)), gs.registry.schedules.map((s) => s.name));
  assert.deepEqual(await page.$$eval('[data-objective]', (els) => els.map((e) => e.dataset.objective)), gs.registry.objectives.map((o) => o.name));
  assert.deepEqual(await page.$$eval('[data-problem]', (els) => els.map((e) => e.dataset.problem)), gs.registry.problems.map((p) => p.name));
  assert.deepEqual(await page.$$eval('[data-domain]', (els) => els.map((e) => e.dataset.domain)), gs.registry.domains.map((d) => d.name));
  for (const [kind, list] of [['objective', gs.registry.objectives], ['problem', gs.registry.problems]]) {
    for (const entry of list.filter((e) => e.params.length)) {
      const listed = await rows(`#params-${kind}-${entry.name}`);
      assert.deepEqual(listed.map((r) => [r.name, r.cells[2], r.cells[3]]),
        entry.params.map((h) => [h.name, formatDefault(h), formatRange(h)]), `${kind} ${entry.name}`);
    }
  }
  // Each card shows the rule the engine runs with the defaults, and under it each setting's rule.
  for (const o of gs.registry.optimizers) {
    const shown = await page.$$eval(`#opt-${o.name} .tex.display`, (els) => els.map((e) => e.dataset.tex));
    assert.equal(shown[0], gs.formula({ name: o.name }), `${o.name}: the default rule`);
    const variants = formulaVariants(o, (spec) => gs.formula(spec));
    for (const v of variants) assert.ok(shown.includes(v.latex), `${o.name}: ${v.label}`);
  }
  await page.goto(`${server.url}docs.html#opt-adam`);
  await page.waitForSelector('details#opt-adam[open]', { timeout: 20000 });
  await page.click('#opt-adam .variants > summary');
  await page.waitForFunction(() => document.querySelectorAll('#opt-adam .variant .katex').length >= 4, null, { timeout: 20000 });
  await page.locator('#opt-adam').screenshot({ path: join(artifacts, 'docs-adam-variants.png') });
  await page.close();
});

test('the live gs.run example shows gs.run(config) of Node, and a bad config its GradscapeError', async () => {
  const { page } = await openDocs();
  const read = () => page.evaluate(() => ({
    config: document.getElementById('run-config-input').value,
    output: document.querySelector('#run-output').textContent,
  }));
  const shown = await read();
  assert.deepEqual(JSON.parse(shown.output), gs.run(JSON.parse(shown.config)));
  await page.fill('#run-config-input', '{"objective": "beale", "steps": 4, "optimizers": [{"name": "nadam", "lr": 0.1}]}');
  await page.click('#run-button');
  const edited = await read();
  assert.deepEqual(JSON.parse(edited.output), gs.run({ objective: 'beale', steps: 4, optimizers: [{ name: 'nadam', lr: 0.1 }] }));
  await page.click('#run-bad');
  const bad = await read();
  assert.throws(() => gs.run(JSON.parse(bad.config)), (e) => bad.output.includes(JSON.stringify(e.field)) && bad.output.includes(e.message));
  await page.close();
});

test('the live figures\' snippets are their tags, and the iframe answers the postMessage demo', async () => {
  const { page, errors } = await openDocs();
  const first = await page.$eval('[data-snippet-of]', (el) => el.textContent);
  assert.match(first, /optimizers="adam lr=0\.05; sgd lr=0\.001 momentum=0\.9"/);
  assert.doesNotMatch(first, /style=|theme=/);
  await page.locator('#embed-frame').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('pm-log').textContent.includes('gradscape:ready'), null, { timeout: 20000 });
  await page.click('[data-pm="bad"]');
  await page.waitForFunction(() => document.querySelector('#pm-log li.error')?.textContent.includes('optimizers[0].beta2'), null, { timeout: 10000 });
  await page.click('[data-pm="config"]');
  await page.click('[data-pm="play"]');
  await page.waitForFunction(() => document.getElementById('pm-log').textContent.includes('"step":400'), null, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('both pages fit a phone in the dark theme', async () => {
  for (const name of ['docs.html', 'story.html']) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.goto(`${server.url}${name}`);
    await page.waitForTimeout(500);
    const fit = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth, theme: document.documentElement.dataset.theme,
      essay: document.querySelector('.tab.active').getBoundingClientRect().right <= innerWidth,
    }));
    assert.ok(fit.width <= 390, `${name} is ${fit.width}px wide`);
    assert.equal(fit.theme, 'dark');
    assert.ok(fit.essay, `${name}: the active tab is visible`);
    await page.screenshot({ path: join(artifacts, `${name.replace('.html', '')}-phone-dark.png`) });
    await page.close();
  }
});

async function openStory() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    window.readyFigures = [];
    document.addEventListener('gradscape:ready', (event) => {
      window.readyFigures.push([...document.querySelectorAll('gradscape-playground')].indexOf(event.target));
    });
  });
  await page.goto(`${server.url}story.html`);
  return { page, errors };
}

test('story.html loads without console errors and each figure becomes ready when scrolled into view', async () => {
  const { page, errors } = await openStory();
  const count = await page.$$eval('gradscape-playground', (els) => els.length);
  assert.ok(count >= 5, `${count} figures`);
  await page.waitForFunction(() => document.querySelectorAll('[data-tex]').length === document.querySelectorAll('[data-tex].typeset').length, null, { timeout: 20000 });
  assert.ok(!(await page.evaluate(() => window.readyFigures)).includes(count - 1), 'the last figure waits until it is scrolled to');
  for (let k = 0; k < count; k++) {
    await page.locator('gradscape-playground').nth(k).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => window.readyFigures.includes(i), k, { timeout: 30000 });
  }
  await page.locator('#fig-regret').screenshot({ path: join(artifacts, 'story-regret.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('each essay figure\'s "Open in the lab" link holds exactly its config', async () => {
  const { page } = await openStory();
  const figures = await page.$$eval('figure.fig', (els) => els.map((f) => ({
    view: f.querySelector('gradscape-playground').getAttribute('view'),
    config: JSON.parse(f.querySelector('gradscape-playground').getAttribute('config')),
    href: f.querySelector('a.open-lab').getAttribute('href'),
  })));
  for (const { view, config, href } of figures) {
    let expected;
    if (view === 'landscape') expected = `./index.html${landscape.encodeHash(landscape.fromConfig(config))}`;
    if (view === 'regret') expected = `./regret.html${regretLab.encodeHash(regretLab.fromConfig(config, gs.registry))}`;
    if (view === 'sweep') {
      const session = gs.createSweepSession(config);
      expected = `./sweep.html${sweepLab.encodeHash(sweepLab.fromConfig(config, session.config))}`;
      session.delete();
    }
    assert.equal(href, expected, view);
  }
  await page.close();
});

test('the numbers the essay states are the engine\'s', async () => {
  const { page } = await openStory();
  const figures = Object.fromEntries(await page.$$eval('figure.fig', (els) => els.map((f) => [f.id, {
    config: JSON.parse(f.querySelector('gradscape-playground').getAttribute('config')),
    caption: f.querySelector('figcaption').textContent,
  }])));
  const body = text(await page.$eval('main', (m) => m.textContent));
  await page.close();
  const has = (caption, phrase) => assert.ok(text(caption).includes(phrase), `"${phrase}" in ${text(caption).slice(0, 60)}…`);
  const firstBelow = (run, tol) => run.loss.findIndex((f) => f <= tol);

  const [sgd, momentum, adam] = gs.run(figures['fig-momentum'].config).runs;
  has(figures['fig-momentum'].caption, `f = −${(-sgd.loss.at(-1)).toFixed(3)}`);
  has(figures['fig-momentum'].caption, `f = −${(-momentum.loss.at(-1)).toFixed(3)}`);
  assert.equal(adam.loss.at(-1).toFixed(3), sgd.loss.at(-1).toFixed(3), 'Adam stops in the shallow dip too');
  assert.equal(momentum.trajectory.findIndex(([x]) => x > -0.33), 16);
  has(figures['fig-momentum'].caption, `overshoots to x = ${Math.max(...momentum.trajectory.map(([x]) => x)).toFixed(2)}`);

  const [slow, fast, rmsprop, adamQ] = gs.run(figures['fig-adaptive'].config).runs;
  has(figures['fig-adaptive'].caption, `u = ${slow.trajectory.at(-1)[0].toFixed(2).replace('-', '−')} with f = ${slow.loss.at(-1).toFixed(2)}`);
  has(figures['fig-adaptive'].caption, `diverged at step ${fast.diverged_at}`);
  has(figures['fig-adaptive'].caption, `at steps ${firstBelow(rmsprop, 1e-4)} and ${firstBelow(adamQ, 1e-4)}`);

  const [corrected, uncorrected] = gs.run(figures['fig-bias'].config).runs;
  const firstStep = (run) => run.trajectory[1].map((v, i) => Math.abs(v - run.trajectory[0][i]));
  assert.deepEqual(firstStep(corrected).map((v) => v.toFixed(6)), ['0.200000', '0.200000']);
  assert.deepEqual(firstStep(uncorrected).map((v) => v.toFixed(6)), ['2.000000', '2.000000']);
  has(figures['fig-bias'].caption, `by step ${firstBelow(corrected, 1e-3)}`);
  assert.equal(firstBelow(uncorrected, 1e-3), -1);
  has(figures['fig-bias'].caption, `f = ${Math.min(...uncorrected.loss).toFixed(2)}`);
  has(figures['fig-bias'].caption, `(${uncorrected.trajectory.at(-1).map((v) => v.toFixed(2)).join(', ')})`);

  const [adamR, amsgrad] = gs.regret(figures['fig-regret'].config).runs;
  const at = (run, t) => run.average_regret[run.t.indexOf(t)];
  has(figures['fig-regret'].caption, `0.686 at t = 1,000, 0.667 at t = 10⁶`);
  assert.deepEqual([at(adamR, 1000), at(adamR, 1e6), at(amsgrad, 1000), at(amsgrad, 1e6)].map((v) => v.toPrecision(2)), ['0.69', '0.67', '0.069', '0.00063']);
  assert.equal(adamR.t[adamR.t.findIndex((t, i) => adamR.regret[i] > adamR.bound[i])], 200);
  has(figures['fig-regret'].caption, `${Math.round(adamR.regret.at(-1)).toLocaleString('en-US')} against a bound of ${Math.round(adamR.bound.at(-1)).toLocaleString('en-US')}`);
  has(figures['fig-regret'].caption, `Adam plays x = ${adamR.iterate.at(-1).toFixed(2)}, AMSGrad x = ${amsgrad.iterate.at(-1).toFixed(4).replace('-', '−')}`);
  const defaults = structuredClone(figures['fig-regret'].config);
  for (const o of defaults.optimizers) o.beta2 = 0.999;
  assert.ok(body.includes(`its average regret is ${gs.regret(defaults).runs[0].average_regret.at(-1).toFixed(4)}`));

  const map = gs.sweep(figures['fig-sweep'].config);
  const cells = map.values.flat();
  has(figures['fig-sweep'].caption, `Only ${cells.filter((v) => v !== null && v < 1e-3).length} runs get below 10⁻³`);
  has(figures['fig-sweep'].caption, `With β₁ = 0 no run gets below ${Math.min(...map.values[0]).toFixed(1)}`);
  assert.equal(map.diverged.flat().filter(Boolean).length, 0);
});
