// The web component's regret, sweep and race views (web/component/views/*-view.mjs) in headless Chromium,
// mounted by their dev harness (web/component/views/dev-harness.html) from a Vite dev server this
// test starts itself (no build needed): the charts, the map and the leaderboard are drawn; the numbers
// equal gs.regret(config) / gs.sweep(config) / gs.race(config) computed here in Node; pause stops the computation and play
// resumes it; result() asked for right after creation resolves once computed; after an error the Run
// button runs again; a bad config rejects with the engine's message naming the field; no console errors.
// Screenshots of both views in both themes, at 900 and 360 px, with each controls value go to
// test-artifacts/component-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createServer } from 'vite';
import { launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';

let browser;
let server;
let base;
let gs;
before(async () => {
  gs = await loadGradscape({ regret: true, sweep: true, race: true });
  server = await createServer({
    configFile: join(root, 'vite.config.mjs'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    optimizeDeps: { entries: ['component/views/dev-harness.html'] },
  });
  await server.listen();
  base = server.resolvedUrls.local[0];
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const REDDI = {
  version: 1, problem: { name: 'reddi', params: { C: 3 } }, domain: { type: 'box', radius: 1 }, start: 1,
  T: 200000, record_every: 100,
  optimizers: [
    { name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, schedule: { name: 'inv_sqrt' }, label: 'Adam' },
    { name: 'adam', amsgrad: true, lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, schedule: { name: 'inv_sqrt' }, label: 'AMSGrad' },
  ],
};
const BASINS = {
  version: 1, objective: { name: 'himmelblau' }, steps: 300, precision: 'f32', metric: 'nearest_minimum',
  optimizer: { name: 'sgd', lr: 0.01 }, x: { param: 'start_x', min: -5, max: 5, n: 96 }, y: { param: 'start_y', min: -5, max: 5, n: 80 },
};
const ADAM_MAP = {
  version: 1, objective: { name: 'rosenbrock' }, steps: 300, precision: 'f32', metric: 'final_loss',
  optimizer: { name: 'adam' }, x: { param: 'lr', min: 1e-4, max: 1, n: 80, log: true }, y: { param: 'beta1', min: 0, max: 0.999, n: 64 },
};

const RACE = {
  version: 1, objective: 'himmelblau', steps: 200, trials: 8, tuning_starts: 4, held_out_starts: 16,
  optimizers: [{ name: 'sgd', momentum: 0.9, tune: ['lr'] }, { name: 'adam', tune: ['lr', 'beta1'] }],
};

const harnessUrl = (params, config) => {
  const q = new URLSearchParams({ w: 900, h: 480, theme: 'light', controls: 'minimal', ...params });
  if (config) q.set('config', JSON.stringify(config));
  return `${base}component/views/dev-harness.html?${q}`;
};

async function mount(params, config) {
  const { w = 900, h = 480 } = params;
  const { page, errors } = await open(browser, harnessUrl(params, config), { width: w + 40, height: h + 240 });
  await page.waitForFunction(() => window.harness && window.harness.state !== 'loading', null, { timeout: 30000 });
  return { page, errors };
}

const finished = (page, timeout = 60000) => page.waitForFunction(
  () => window.harness.events.some((e) => e.type === 'finished'), null, { timeout });

// Pixels of the view's canvases that differ from the canvas's corner (its background).
const drawnPixels = (page) => page.evaluate(() => {
  let n = 0;
  for (const canvas of document.getElementById('host').shadowRoot.querySelectorAll('canvas')) {
    if (!canvas.width || !canvas.height) continue;
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 0 && (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60)) n += 1;
    }
  }
  return n;
});

test('regret view: draws R(t)/t and R(t), equals gs.regret(config), reports progress and finishes', async () => {
  const { page, errors } = await mount({ view: 'regret' }, REDDI);
  assert.equal(await page.evaluate(() => window.harness.state), 'ready');
  await finished(page);
  await page.waitForTimeout(200);
  const shown = await page.evaluate(() => {
    const job = window.harness.view.debug.runner.job;
    return {
      t: Array.from(job.t.view()),
      regret: job.runs.map((r) => Array.from(r.regret.view())),
      average: job.runs.map((r) => Array.from(r.average.view())),
      events: window.harness.events.map((e) => e.type),
      last: window.harness.events.filter((e) => e.type === 'step').at(-1).detail,
      rows: document.getElementById('host').shadowRoot.querySelectorAll('.rg-table tbody tr').length,
      hash: window.harness.view.fullPageHash,
      link: document.getElementById('host').shadowRoot.querySelector('.gs-lab-open').href,
    };
  });
  const expected = gs.regret(REDDI);
  assert.deepEqual(shown.t, expected.runs[0].t);
  expected.runs.forEach((run, i) => {
    assert.deepEqual(shown.regret[i], run.regret, `run ${i}: R(t) as gs.regret gives it`);
    assert.deepEqual(shown.average[i], run.average_regret, `run ${i}: R(t)/t as gs.regret gives it`);
  });
  assert.ok(expected.runs[0].average_regret.at(-1) > 0.5 && expected.runs[1].average_regret.at(-1) < 0.05);
  assert.deepEqual(shown.last, { step: REDDI.T, total: REDDI.T });
  assert.equal(shown.events.at(-1), 'finished');
  assert.ok(shown.events.filter((e) => e === 'step').length >= 1);
  assert.equal(shown.rows, 2, 'the runs table lists both runs');
  assert.match(shown.hash, /^#p=reddi&/);
  assert.match(shown.link, /\/regret\.html#p=reddi&/);
  assert.ok(await drawnPixels(page) > 2000, 'the charts are drawn');
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.harness.errors), []);
  await page.close();
});

test('regret view: pause stops the computation, play resumes it, reset starts again', async () => {
  const { page, errors } = await mount({ view: 'regret' }, { ...REDDI, T: 10000000, record_every: 1000 });
  await page.waitForFunction(() => window.harness.view.debug.runner.job?.stepsDone > 0, null, { timeout: 20000 });
  await page.evaluate(() => window.harness.view.pause());
  await page.waitForTimeout(150);
  const paused = await page.evaluate(() => window.harness.view.debug.runner.job.stepsDone);
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => window.harness.view.debug.runner.job.stepsDone), paused, 'no progress while paused');
  assert.ok(paused < 10000000);
  assert.equal(await page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('.gs-lab-play').textContent), 'Resume');
  await page.evaluate(() => window.harness.view.play());
  await page.waitForFunction((before) => window.harness.view.debug.runner.job.stepsDone > before, paused, { timeout: 10000 });
  await page.evaluate(() => window.harness.view.reset());
  await page.waitForTimeout(50);
  const afterReset = await page.evaluate(() => window.harness.view.debug.runner.job.stepsDone);
  assert.ok(afterReset < paused + 5000000, `reset starts from zero (${afterReset})`);
  await page.evaluate(() => window.harness.abort.abort());
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('.gs-view').childElementCount), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('sweep view: draws the map, equals gs.sweep(config), counts rows and finishes', async () => {
  for (const config of [ADAM_MAP, BASINS]) {
    const { page, errors } = await mount({ view: 'sweep' }, config);
    assert.equal(await page.evaluate(() => window.harness.state), 'ready');
    await finished(page);
    await page.waitForTimeout(200);
    const shown = await page.evaluate(() => {
      const map = window.harness.view.debug.runner.job.maps[0];
      return {
        values: Array.from(map.values, (v) => (Number.isFinite(v) ? v : null)), diverged: Array.from(map.diverged),
        rows: map.rows, columns: map.columns, steps: window.harness.events.filter((e) => e.type === 'step').map((e) => e.detail),
        types: [...new Set(window.harness.events.map((e) => e.type))],
      };
    });
    const expected = gs.sweep(config);
    assert.equal(shown.rows, config.y.n);
    assert.equal(shown.columns, config.x.n);
    assert.deepEqual(shown.values, expected.values.flat(), `${config.metric}: every cell as gs.sweep gives it`);
    assert.deepEqual(shown.diverged, expected.diverged.flat());
    assert.deepEqual(shown.steps.at(-1), { step: config.y.n, total: config.y.n });
    assert.ok(!shown.types.includes('diverged'), 'no diverged events for a map');
    assert.ok(await drawnPixels(page) > 5000, 'the map is drawn');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('sweep view: pause stops the rows, play resumes them', async () => {
  const big = { ...ADAM_MAP, steps: 2000, x: { ...ADAM_MAP.x, n: 256 }, y: { ...ADAM_MAP.y, n: 256 } };
  const { page, errors } = await mount({ view: 'sweep' }, big);
  await page.waitForFunction(() => window.harness.view.debug.runner.job?.maps[0].rowsDone > 0, null, { timeout: 20000 });
  await page.evaluate(() => window.harness.view.pause());
  await page.waitForTimeout(150);
  const rows = () => page.evaluate(() => window.harness.view.debug.runner.job.maps[0].rowsDone);
  const paused = await rows();
  await page.waitForTimeout(500);
  assert.equal(await rows(), paused);
  assert.ok(paused < 256);
  await page.evaluate(() => window.harness.view.play());
  await page.waitForFunction((before) => window.harness.view.debug.runner.job.maps[0].rowsDone > before, paused, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('race view: the compact leaderboard and box plots, its result equal to gs.race(config); a bad config names the field', async () => {
  for (const [w, theme, controls] of [[900, 'light', 'minimal'], [360, 'dark', 'full']]) {
    const { page, errors } = await mount({ view: 'race', w, theme, controls }, RACE);
    await finished(page);
    const shown = await page.evaluate(async () => {
      const root = document.getElementById('host').shadowRoot;
      return {
        result: await window.harness.view.result(),
        rows: root.querySelectorAll('.rc-table tbody tr').length,
        intervals: [...root.querySelectorAll('.rc-table .rc-interval')].map((td) => td.textContent),
        boxes: root.querySelectorAll('.rc-box-plot').length,
        last: window.harness.events.filter((e) => e.type === 'step').at(-1).detail,
      };
    });
    const expected = gs.race(RACE);
    assert.deepEqual(shown.result, JSON.parse(JSON.stringify(expected)));
    assert.equal(shown.rows, 2);
    assert.ok(shown.intervals.every((t) => /^\d+(\.\d)?–\d+(\.\d)?$/.test(t)), shown.intervals.join());
    assert.equal(shown.boxes, 1);
    assert.deepEqual(shown.last, { step: expected.lane_steps_total, total: expected.lane_steps_total });
    await page.locator('#host').screenshot({ path: join(artifacts, `component-race-${w}-${theme}-${controls}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
  const { page, errors } = await mount({ view: 'race' }, { ...RACE, trials: 0 });
  const h = await page.evaluate(() => ({ state: window.harness.state, error: window.harness.error }));
  assert.equal(h.state, 'error');
  assert.equal(h.error.field, 'trials');
  assert.match(h.error.message, /^trials: must be an integer in \[1, 1024\], got 0$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('result() asked for right after creation waits for the computation and resolves to its result', async () => {
  for (const [view, config, expected] of [['regret', REDDI, () => gs.regret(REDDI)], ['sweep', BASINS, () => gs.sweep(BASINS)]]) {
    // Paused by the harness in the task that created the view: a short computation cannot finish
    // before the question, however fast or loaded the machine.
    const { page, errors } = await mount({ view, paused: 1 }, config);
    const asked = await page.evaluate(() => {
      const h = window.harness;
      h.asked = h.view.result().then((result) => ({ result }), (error) => ({ error: error.message }));
      const { job } = h.view.debug.runner;
      return { finished: h.events.some((e) => e.type === 'finished'), state: job?.state ?? null };
    });
    assert.equal(asked.finished, false, `${view}: asked while computing`);
    assert.notEqual(asked.state, 'done', view);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.harness.events.some((e) => e.type === 'finished')), false, `${view}: paused`);
    await page.evaluate(() => window.harness.view.play());
    const { result, error } = await page.evaluate(() => window.harness.asked);
    assert.equal(error, undefined, view);
    assert.deepEqual(result, JSON.parse(JSON.stringify(expected())), `${view}: the final result`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the Run button after an error runs again', async () => {
  const { page, errors } = await mount({ view: 'regret' }, REDDI);
  await finished(page);
  const play = () => page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('.gs-lab-play').textContent);
  const bad = await page.evaluate(() => {
    const h = window.harness;
    const { store } = h.view.debug;
    store.replace({ ...store.state, T: -3 });
    return h.view.result().then(() => 'resolved', (error) => error.message);
  });
  assert.match(bad, /^result: the computation failed: T: /);
  assert.equal(await play(), 'Run');
  const errorsShown = () => page.evaluate(() => window.harness.events.filter((e) => e.type === 'error').length);
  const before = await errorsShown();
  await page.evaluate(() => document.getElementById('host').shadowRoot.querySelector('.gs-lab-play').click());
  await page.waitForFunction((n) => window.harness.events.filter((e) => e.type === 'error').length > n, before, { timeout: 10000 });
  assert.equal(await play(), 'Run', 'the click ran the config again (and it failed again)');
  await page.evaluate(() => window.harness.view.debug.store.replace({ ...window.harness.view.debug.store.state, T: 20000 }));
  await page.waitForFunction(() => window.harness.events.filter((e) => e.type === 'finished').length > 1, null, { timeout: 30000 });
  assert.equal(await play(), 'Run again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad config rejects with the engine\'s message naming the field', async () => {
  const cases = [
    ['regret', { ...REDDI, T: -3 }, 'T', /^T: must be an integer in \[1, 10000000\], got -3$/],
    ['regret', { ...REDDI, optimizers: [{ name: 'adam', beta2: 1.5 }] }, 'optimizers[0].beta2', /^optimizers\[0\]\.beta2: /],
    ['sweep', { ...ADAM_MAP, optimizer: { name: 'adam', lr: -1 }, x: { param: 'beta1', min: 0, max: 0.9 } }, 'optimizer.lr', /^optimizer\.lr: must be a number in \(0, 1000\], got -1$/],
    ['sweep', { ...ADAM_MAP, metric: 'fastest' }, 'metric', /^metric: /],
  ];
  for (const [view, config, field, message] of cases) {
    const { page, errors } = await mount({ view }, config);
    const h = await page.evaluate(() => ({ state: window.harness.state, error: window.harness.error }));
    assert.equal(h.state, 'error', `${view}: ${field}`);
    assert.equal(h.error.name, 'GradscapeError');
    assert.equal(h.error.field, field);
    assert.match(h.error.message, message);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('screenshots: both views, both themes, 900 and 360 px, every controls value', async () => {
  const shots = [
    ['regret', 900, 'light', 'minimal', REDDI], ['regret', 360, 'dark', 'minimal', REDDI],
    ['regret', 900, 'dark', 'full', REDDI], ['regret', 360, 'light', 'none', REDDI],
    ['sweep', 900, 'light', 'minimal', ADAM_MAP], ['sweep', 360, 'dark', 'minimal', BASINS],
    ['sweep', 900, 'dark', 'full', ADAM_MAP], ['sweep', 360, 'light', 'none', BASINS],
  ];
  for (const [view, w, theme, controls, config] of shots) {
    const { page, errors } = await mount({ view, w, theme, controls }, config);
    await finished(page);
    await page.waitForTimeout(250);
    assert.ok(await drawnPixels(page) > 2000, `${view} ${w} ${theme} ${controls}: drawn`);
    await page.locator('#host').screenshot({ path: join(artifacts, `component-${view}-${w}-${theme}-${controls}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
