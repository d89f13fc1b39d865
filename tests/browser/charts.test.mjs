// Charts that stay readable (lib/chart-range.mjs), on the built site in headless Chromium: on the
// landscape page a diverging SGD next to a converging Adam caps the loss axis a few decades above
// Adam and draws an arrow "diverged at step k" in SGD's colour, on a linear axis too; the sparse
// story's step sizes, which reach 1e-30 and below, do not stretch the axis past the floor; the
// regret lab's Reddi story draws Theorem 4.1's bound as a clean, non-decreasing line.
// Screenshots go to test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, open, useBuiltSite } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { decodeHash, normalise, toConfig } from '../../web/landscape/state.mjs';
import { findPreset } from '../../web/landscape/presets.mjs';
import { CAP_DECADES, CAP_SPANS, FLOOR_DECADES } from '../../web/lib/chart-range.mjs';
import { runColour } from '../../web/lib/palette.mjs';

const site = useBuiltSite();
const gsReady = loadGradscape();

const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
const finished = (p) => p.waitForFunction(() => window.gradscape.session.finished, null, { timeout: 60000 });
// A chart section's data-y-range and data-arrows.
const described = (p, chart) => p.evaluate((id) => {
  const section = document.querySelector(`[data-chart="${id}"]`);
  return { range: JSON.parse(section.dataset.yRange), arrows: JSON.parse(section.dataset.arrows) };
}, chart);
const rgbOf = (hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

// Pixels of colour `hex` in the top `rows` CSS pixels of a chart's plot area.
const topPixels = (p, chart, hex, rows) => p.evaluate(({ id, rgb, rows: band }) => {
  const canvas = document.querySelector(`[data-chart="${id}"] canvas`);
  const ratio = canvas.width / canvas.clientWidth;
  const top = Math.round(10 * ratio);
  const d = canvas.getContext('2d').getImageData(0, top, canvas.width, Math.round(band * ratio)).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - rgb[0]) < 30 && Math.abs(d[i + 1] - rgb[1]) < 30 && Math.abs(d[i + 2] - rgb[2]) < 30) n += 1;
  }
  return n;
}, { id: chart, rgb: rgbOf(hex), rows });

test('a diverged run caps the loss axis a few decades above the survivor and leaves it with an arrow', async () => {
  const hash = '#f=rosenbrock&steps=300&opt=sgd,lr=5~adam,lr=0.05&sel=1';
  const gs = await gsReady;
  const [sgd, adam] = gs.run(toConfig(decodeHash(hash), gs.registry)).runs;
  assert.equal(sgd.status, 'diverged');
  assert.equal(adam.status, 'ok');
  const adamTop = Math.log10(Math.max(...adam.loss));
  const sgdTop = Math.log10(Math.max(...sgd.loss.filter(Number.isFinite)));
  assert.ok(sgdTop > adamTop + 10, `SGD climbs far above Adam (${sgdTop} vs ${adamTop})`);

  const { page, errors } = await open(site.browser, site.server.url + hash, { width: 1200, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await ready(page);
  await finished(page);
  await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="loss"]').dataset.arrows ?? '[]').length > 0);
  const loss = await described(page, 'loss');
  const [, top] = loss.range.y;
  assert.ok(top >= adamTop && top <= Math.ceil(adamTop + CAP_DECADES), `the axis top 1e${top} is within ${CAP_DECADES} decades above Adam's 1e${adamTop.toFixed(2)}`);
  assert.equal(loss.arrows.length, 1);
  assert.equal(loss.arrows[0].text, `diverged at step ${sgd.diverged_at}`);
  assert.ok(loss.arrows[0].x >= 0 && loss.arrows[0].x <= sgd.diverged_at, `the arrow is where SGD leaves the axis (x = ${loss.arrows[0].x})`);
  const step = await described(page, 'step');
  assert.equal(step.arrows.length, 1, 'the step-size chart caps its axis too');
  await page.locator('[data-chart="loss"]').scrollIntoViewIfNeeded();
  assert.ok(await topPixels(page, 'loss', runColour(0), 30) > 150, "the arrow and its label are drawn in SGD's colour at the top");
  await page.locator('[data-chart="loss"]').screenshot({ path: join(artifacts, 'charts-diverged-arrow.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a linear loss axis (the saddle goes negative) a diverged run is capped too, with its arrow', async () => {
  const hash = '#f=saddle&start=1,0.001&steps=200&opt=sgd,lr=3~adam,lr=0.01';
  const gs = await gsReady;
  const [sgd, adam] = gs.run(toConfig(decodeHash(hash), gs.registry)).runs;
  assert.equal(sgd.status, 'diverged');
  assert.ok(Math.min(...adam.loss) < 0, 'Adam goes below 0: the axis is linear');
  const span = Math.max(...adam.loss) - Math.min(...adam.loss);
  const { page, errors } = await open(site.browser, site.server.url + hash, { width: 1200, height: 900 });
  await ready(page);
  await finished(page);
  await page.waitForFunction(() => JSON.parse(document.querySelector('[data-chart="loss"]').dataset.arrows ?? '[]').length > 0);
  const loss = await described(page, 'loss');
  const [bottom, top] = loss.range.y;
  assert.ok(top <= Math.max(...adam.loss) + CAP_SPANS * span * 1.2, `the top ${top} is within ${CAP_SPANS} span of Adam's largest loss`);
  assert.ok(bottom <= Math.min(...adam.loss), 'Adam is inside the axis');
  assert.deepEqual(loss.arrows.map((a) => a.text), [`diverged at step ${sgd.diverged_at}`]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sparse story: step sizes near 0 are gaps below the floor, not spikes that stretch the axis', async () => {
  const gs = await gsReady;
  const [sgd] = gs.run(toConfig(normalise(findPreset('sparse').state), gs.registry)).runs;
  const steps = sgd.trajectory.slice(1).map(([x, y], i) => Math.max(Math.abs(x - sgd.trajectory[i][0]), Math.abs(y - sgd.trajectory[i][1])));
  const smallest = Math.min(...steps.filter((s) => s > 0));
  assert.ok(smallest < 1e-30, `SGD's smallest step ${smallest} is 0 in spirit`);

  const { page, errors } = await open(site.browser, site.server.url, { width: 1200, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await ready(page);
  await page.selectOption('#preset', 'sparse');
  await page.waitForFunction(() => /story=sparse/.test(location.hash));
  await finished(page);
  const step = await described(page, 'step');
  const [bottom, top] = step.range.y;
  assert.ok(top - bottom <= FLOOR_DECADES + 1, `the step axis spans ${top - bottom} decades, at most ${FLOOR_DECADES + 1}`);
  assert.ok(bottom > Math.log10(smallest) + 10, `its bottom 1e${bottom} is not stretched towards ${smallest}`);
  await page.locator('[data-chart="step"]').scrollIntoViewIfNeeded();
  await page.locator('[data-chart="step"]').screenshot({ path: join(artifacts, 'charts-sparse-step.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the regret lab's Reddi story draws Theorem 4.1's bound as a clean line: its running maximum", async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html`, { width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.selectOption('#preset', 'reddi');
  await page.waitForFunction(() => {
    const app = window.gradscapeRegret;
    return app.job?.count > 0 && app.job.state !== 'running' && app.runner.pending === null;
  }, null, { timeout: 120000 });
  const drawn = await page.evaluate(() => {
    const chart = window.gradscapeRegret.charts.charts.regret;
    const k = chart.model.series.findIndex((s) => s.label === 'Adam bound');
    const job = window.gradscapeRegret.job;
    return { bound: k < 0 ? null : chart.plot.data[k + 1], raw: Array.from(job.runs[0].bound.view()), key: chart.keyEl.textContent };
  });
  assert.ok(drawn.bound, "Adam's bound is drawn");
  const steps = drawn.raw.slice(1).filter((v, k) => v < drawn.raw[k]).length;
  assert.ok(steps > 100, `the engine's bound itself saw-tooths (${steps} decreases)`);
  const values = drawn.bound.filter((v) => v != null);
  assert.ok(values.length > 100);
  values.slice(1).forEach((v, k) => assert.ok(v >= values[k] - 1e-12, `the drawn bound does not decrease (at ${k + 1}: ${values[k]} → ${v})`));
  assert.match(drawn.key, /Thm 4\.1 bound, running max/);
  await page.locator('.rg-chart').first().screenshot({ path: join(artifacts, 'charts-regret-bound.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
