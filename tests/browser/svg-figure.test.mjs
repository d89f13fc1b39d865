// Export → Surface (SVG figure) on the built site in headless Chromium: on the landscape page, with
// the player held at a step, the downloaded SVG parses (DOMParser, no parsererror), loads as an
// <img> and paints varied pixels on a canvas (heatmap and contours), and each run's path ends
// where the run is at the player's step (within a pixel of the session's θ); the contours-only
// item leaves the <image> out. On the race page the same checks for its surface, with one path per
// tuned run shown. No console errors. Files go to test-artifacts/svg-figure-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, artifacts, useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const STEP = 37;

async function exportFile(page, id, prefix) {
  if (!(await page.$('details.menu[open]'))) await page.click('details.menu > summary');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(`[data-export="${id}"]`)]);
  const path = join(artifacts, `svg-figure-${prefix}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The SVG parsed and drawn in the page: parse error, size, run paths' ends, image count, distinct colours drawn. */
const inspect = (page, text) => page.evaluate(async (source) => {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  const error = doc.querySelector('parsererror')?.textContent ?? null;
  const svg = doc.documentElement;
  const ends = [...doc.querySelectorAll('path[data-run]')].map((p) => {
    const numbers = p.getAttribute('d').match(/-?[\d.]+/g).map(Number);
    return { run: +p.dataset.run, end: numbers.slice(-2) };
  });
  const clip = doc.querySelector('clipPath rect');
  const plot = ['x', 'y', 'width', 'height'].map((a) => +clip.getAttribute(a));
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(plot[0], plot[1], plot[2], plot[3]).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 31) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  return {
    error, width: +svg.getAttribute('width'), naturalWidth: img.naturalWidth, view: svg.getAttribute('data-view').split(' ').map(Number),
    plot, ends, images: doc.querySelectorAll('image').length, colours: colours.size,
  };
}, text);

function toPx(facts, [x, y]) {
  const [x0, x1, y0, y1] = facts.view;
  const [px, py, w, h] = facts.plot;
  return [px + ((x - x0) / (x1 - x0)) * w, py + h - ((y - y0) / (y1 - y0)) * h];
}

test('landscape: Export → SVG figure at the player\'s step parses, renders and ends each run where the player is', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=himmelblau&start=-0.5,-0.5&steps=200&opt=adam,lr=0.05~sgd,lr=0.01`, { width: 1280, height: 900 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForFunction(() => window.gradscape.session.stepsDone > 0, null, { timeout: 30000 });
  await page.evaluate((k) => window.gradscape.player.seek(k), STEP);
  await page.waitForFunction((k) => window.gradscape.session.stepsDone === k, STEP, { timeout: 30000 });
  const file = await exportFile(page, 'surface-svg', 'landscape');
  assert.equal(file.name, 'gradscape-surface.svg');
  const facts = await inspect(page, file.text);
  assert.equal(facts.error, null);
  assert.ok(facts.naturalWidth > 0 && facts.naturalWidth === facts.width);
  assert.equal(facts.images, 1);
  assert.ok(facts.colours > 40, `${facts.colours} colours in the plot`);
  const thetas = await page.evaluate((k) => [0, 1].map((i) => Array.from(window.gradscape.session.trajectory(i).slice(2 * k, 2 * k + 2))), STEP);
  assert.equal(facts.ends.length, 2);
  for (const { run, end } of facts.ends) {
    const [x, y] = toPx(facts, thetas[run]);
    assert.ok(Math.hypot(end[0] - x, end[1] - y) < 1, `run ${run}: path ends at ${end}, θ at step ${STEP} is at ${[x, y]}`);
  }
  assert.equal(await page.evaluate(() => window.gradscape.session.stepsDone), STEP, 'the export leaves the player where it was');
  const contours = await inspect(page, (await exportFile(page, 'surface-svg-contours', 'landscape')).text);
  assert.equal(contours.error, null);
  assert.equal(contours.images, 0);
  assert.ok(contours.colours > 3, `${contours.colours} colours in the contours-only plot`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('race: Export → SVG figure of the surface parses, renders and draws every tuned run shown', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}race.html`, { width: 1280, height: 900 });
  await page.waitForFunction(() => document.body.dataset.race === 'done' && !window.gradscapeRace.runner.busy, null, { timeout: 90000 });
  await page.waitForFunction(() => window.gradscapeRace.results.paths?.runs.length > 0, null, { timeout: 30000 });
  const file = await exportFile(page, 'surface-svg', 'race');
  assert.equal(file.name, 'gradscape-race-surface.svg');
  const facts = await inspect(page, file.text);
  assert.equal(facts.error, null);
  assert.ok(facts.naturalWidth > 0);
  assert.ok(facts.colours > 40, `${facts.colours} colours in the plot`);
  const shown = await page.evaluate(() => window.gradscapeRace.results.paths.surface.figureModel().runs.length);
  assert.ok(shown > 0);
  assert.ok(facts.ends.length <= shown && facts.ends.length >= 1, `${facts.ends.length} paths for ${shown} runs`);
  assert.match(file.text, /held-out starts?<\/tspan>/, 'a legend item per optimizer');
  assert.deepEqual(errors, []);
  await page.close();
});
