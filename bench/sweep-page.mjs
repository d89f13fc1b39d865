// The sweep lab in headless Chromium (not part of the tests), for issue 5's browser targets:
//   engine  the 256 × 256 × 500 map of the "Adam lr × β1 on Rosenbrock" preset (f32) computed by
//           the sweep module inside a Chromium page, wasm SIMD and wasm scalar (target ≤ 150 ms)
//   click   the same map on the sweep page: from a click on Compute to the last row drawn, through
//           the page's Web Worker (target ≤ 0.5 s); also the first map of a cold page load
//   live    a 128 × 128 × 300 map following a dragged β2 slider (not an axis) while input events
//           arrive every 16 ms for 3 s: map updates per second (target ≥ 20) and whether the map
//           of the last input value was drawn (no dropped input)
// The page reports every finished map as window's `gradscape:map` event (web/sweep/app.mjs).
// Serves web/ (engine case: the JS API straight from source) and dist/ (npm run build). Prints a
// markdown table and writes bench/results/sweep-page.md.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, root } from '../tests/browser/support.mjs';

const ROUNDS = 7;
const COLD_LOADS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

const MAP = {
  version: 1, objective: { name: 'rosenbrock' }, steps: 500, precision: 'f32',
  optimizer: { name: 'adam' },
  x: { param: 'lr', min: 1e-4, max: 1, n: 256, log: true },
  y: { param: 'beta1', min: 0, max: 0.999, n: 256 },
  start: [-1.5, 2], metric: 'final_loss',
};
const PRESET = '';  // the page's default map is the preset "Adam: learning rate × β₁ on Rosenbrock"
const LIVE = '#f=rosenbrock&start=-1.5,2&steps=300&opt=adam,lr=0.01&x=lr,0.0001,1,128,log&y=beta1,0,0.999,128';

const recordMaps = (page) => page.addInitScript(() => {
  window.mapEvents = [];
  window.addEventListener('gradscape:map', (e) => window.mapEvents.push({ ...e.detail, at: performance.now() }));
});
const idle = (page) => page.waitForFunction(() => document.body.dataset.sweep === 'done'
  && !window.gradscapeSweep.runner.busy, null, { timeout: 60000 });

async function engineTimes(browser, url, flavour) {
  // An empty document of the same origin (the server's 404 page): nothing else runs or renders.
  const page = await browser.newPage();
  await page.goto(`${url}blank`);
  const times = await page.evaluate(async ({ api, config, flavour: f, rounds }) => {
    const { loadGradscape } = await import(api);
    const gs = await loadGradscape({ flavour: f, sweep: true });
    const out = [];
    for (let r = 0; r <= rounds; ++r) {
      const session = gs.createSweepSession(config);
      const t0 = performance.now();
      session.advanceRows(session.rows);
      out.push(performance.now() - t0);
      session.delete();
    }
    return out.slice(1);
  }, { api: `${url}api/gradscape.mjs`, config: MAP, flavour, rounds: ROUNDS });
  await page.close();
  return times;
}

async function clickTimes(browser, url) {
  const cold = [];
  for (let k = 0; k < COLD_LOADS; ++k) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await recordMaps(page);
    await page.goto(`${url}sweep.html${PRESET}`);
    await idle(page);
    cold.push((await page.evaluate(() => window.mapEvents.at(-1))).ms_total);
    await context.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await recordMaps(page);
  await page.goto(`${url}sweep.html${PRESET}`);
  await idle(page);
  const totals = [];
  const engines = [];
  for (let r = 0; r < ROUNDS; ++r) {
    const before = await page.evaluate(() => window.mapEvents.length);
    await page.click('#run');
    await page.waitForFunction((n) => window.mapEvents.length > n, before, { timeout: 30000 });
    const detail = await page.evaluate(() => window.mapEvents.at(-1));
    if (detail.rows !== 256 || detail.columns !== 256 || detail.steps !== 500) throw new Error('unexpected map');
    totals.push(detail.ms_total);
    engines.push(detail.ms_engine);
    await idle(page);
  }
  await page.close();
  return { cold, totals, engines };
}

async function liveRate(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await recordMaps(page);
  await page.goto(`${url}sweep.html${LIVE}`);
  await idle(page);
  await page.evaluate(() => { window.mapEvents = []; });
  const slider = '[data-field="optimizers[0].beta2"] input[type="range"]';
  const drag = await page.evaluate(async (selector) => {
    const input = document.querySelector(selector);
    const lo = Number(input.min);
    const hi = Number(input.max);
    const t0 = performance.now();
    let inputs = 0;
    while (performance.now() - t0 < 3000) {
      const u = (performance.now() - t0) / 3000;
      input.value = String(lo + (hi - lo) * (0.3 + 0.5 * u));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      ++inputs;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    return { t0, t1: performance.now(), inputs };
  }, slider);
  await page.waitForFunction(() => !window.gradscapeSweep.runner.busy, null, { timeout: 30000 });
  const live = await page.evaluate((t1) => window.mapEvents.filter((e) => e.live && e.at <= t1 + 1), drag.t1);
  const lastComputed = await page.evaluate(() => window.gradscapeSweep.job.maps[0].config.optimizer.beta2);
  const lastTyped = await page.evaluate(() => window.gradscapeSweep.store.state.optimizers[0].beta2);
  await page.close();
  return {
    updates: live.length, inputs: drag.inputs, seconds: (drag.t1 - drag.t0) / 1000,
    engine: median(live.map((e) => e.ms_engine)), total: median(live.map((e) => e.ms_total)),
    lastKept: lastComputed === lastTyped,
  };
}

const browser = await launch();
const source = await serve(join(root, 'web'));
const site = await serve(join(root, 'dist'));
try {
  const simd = await engineTimes(browser, source.url, 'simd');
  const scalar = await engineTimes(browser, source.url, 'scalar');
  const click = await clickTimes(browser, site.url);
  const live = await liveRate(browser, site.url);
  const rate = live.updates / live.seconds;
  const date = new Date().toISOString().slice(0, 10);
  const met = (ok) => (ok ? 'met' : '**missed**');
  const lines = [
    `# Sweep lab in headless Chromium (${date})`,
    '',
    `Chromium ${browser.version()}, localhost, 1280×900; ${ROUNDS} rounds (median, range), cold loads: ${COLD_LOADS} new contexts.`,
    '',
    '| measure | value | target | |',
    '|---|---:|---:|---|',
    `| engine: 256 × 256 × 500 Adam map, wasm SIMD (in a page) | ${median(simd).toFixed(0)} ms (${range(simd)}) | ≤ 150 ms | ${met(median(simd) <= 150)} |`,
    `| engine: the same map, wasm scalar | ${median(scalar).toFixed(0)} ms (${range(scalar)}); SIMD ${(median(scalar) / median(simd)).toFixed(2)}× faster | | |`,
    `| page: click Compute → last row drawn (Web Worker, progressive) | ${median(click.totals).toFixed(0)} ms (${range(click.totals)}); engine ${median(click.engines).toFixed(0)} ms | ≤ 500 ms | ${met(median(click.totals) <= 500)} |`,
    `| page: cold load → first map drawn | ${median(click.cold).toFixed(0)} ms (${range(click.cold)}) | | |`,
    `| live: 128 × 128 × 300 maps while β2 is dragged (input every 16 ms) | ${rate.toFixed(1)} updates/s (${live.updates} maps for ${live.inputs} inputs in ${live.seconds.toFixed(1)} s; engine ${live.engine.toFixed(1)} ms, input → drawn ${live.total.toFixed(1)} ms, medians) | ≥ 20/s | ${met(rate >= 20)} |`,
    `| live: the last input value's map drawn | ${live.lastKept ? 'yes' : 'no'} | yes | ${met(live.lastKept)} |`,
    '',
  ];
  const report = lines.join('\n');
  console.log(report);
  await mkdir(join(root, 'bench/results'), { recursive: true });
  await writeFile(join(root, 'bench/results/sweep-page.md'), report);
} finally {
  await site.close();
  await source.close();
  await browser.close();
}
