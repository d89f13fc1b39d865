// The Export menus and the Embed dialog's image with a link, on the built site in headless
// Chromium at a device pixel ratio of 1: on the regret and paper labs every menu item downloads a
// file (each PNG twice the CSS size of the figure, i.e. of its SVG twin; each SVG well-formed with
// the run labels; the CSV with its header and one row per record point of the result; the JSON
// with the config that ran); on the landscape page the "step k / N" stamp changes the surface and
// chart PNGs where the stamp goes and nowhere else; the image-with-link snippet names both PNGs,
// gives their CSS size and links to the very same state. Files go to test-artifacts/exports-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, artifacts, useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const REDDI = '#p=reddi&pp=C:3&dom=box:1&start=1&T=20000&rec=100&opt=adam,lr=0.5,beta1=0,beta2=0.1,bias_correction=false,' +
  'beta1_decay=0.99,sched=inv_sqrt,label=Adam~adam,lr=0.5,beta1=0,beta2=0.1,bias_correction=false,beta1_decay=0.99,sched=inv_sqrt,amsgrad=true,label=AMSGrad';

const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
const labDone = (p, lab) => p.waitForFunction((name) => {
  const view = window[name];
  return view?.job && view.job.state !== 'running' && view.runner.pending === null && view.job.count !== 0;
}, lab, { timeout: 120000 });

/** Clicks the Export menu's item `id` and returns the downloaded file: { name, bytes }. */
async function exportFile(page, id, prefix) {
  if (!(await page.$('details.menu[open]'))) await page.click('details.menu > summary');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(`[data-export="${id}"]`)]);
  const name = download.suggestedFilename();
  const path = join(artifacts, `exports-${prefix}-${name}`);
  await download.saveAs(path);
  return { name, bytes: await readFile(path) };
}

/** The width and height in a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG parsed in the page: its width, height and text, or the parser's error. */
const svgFacts = (page, text) => page.evaluate((source) => {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  const svg = doc.documentElement;
  return { error: error?.textContent ?? null, width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), text: svg.textContent };
}, text);

/** Checks each chart's PNG against its SVG twin: well-formed, labelled, and the PNG at twice its size. */
async function checkCharts(page, charts, labels, prefix) {
  for (const id of charts) {
    const svg = await exportFile(page, `${id}-svg`, prefix);
    assert.match(svg.name, /\.svg$/);
    const facts = await svgFacts(page, svg.bytes.toString('utf8'));
    assert.equal(facts.error, null, `${svg.name} parses`);
    for (const label of labels) assert.ok(facts.text.includes(label), `${svg.name} names the run ${label}`);
    const png = await exportFile(page, `${id}-png`, prefix);
    assert.match(png.name, /\.png$/);
    assert.deepEqual(pngSize(png.bytes), { width: 2 * facts.width, height: 2 * facts.height }, `${png.name} is twice the figure's CSS size`);
  }
}

test('regret lab: every chart as PNG (2×) and SVG, the series as CSV, the result and config as JSON', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html${REDDI}`, { width: 1280, height: 900 });
  await ready(page);
  await labDone(page, 'gradscapeRegret');
  const labels = await page.evaluate(() => window.gradscapeRegret.summary().labels);
  assert.deepEqual(labels, ['Adam', 'AMSGrad']);
  const items = await page.$$eval('[data-export]', (buttons) => buttons.map((b) => b.dataset.export));
  assert.deepEqual(items.sort(), ['average-png', 'average-svg', 'csv', 'iterate-png', 'iterate-svg', 'json', 'regret-png', 'regret-svg']);
  await checkCharts(page, ['regret', 'average', 'iterate'], labels, 'regret');

  const result = await page.evaluate(() => window.gradscapeRegret.result());
  const csv = (await exportFile(page, 'csv', 'regret')).bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(csv[0], 'run,label,optimizer,t,regret,average_regret,bound,iterate');
  assert.equal(csv.length - 1, result.runs.reduce((n, run) => n + run.t.length, 0), 'one row per record point of every run');
  assert.equal(result.runs[0].t.length, 200);
  const json = JSON.parse((await exportFile(page, 'json', 'regret')).bytes.toString('utf8'));
  assert.deepEqual(json.config, await page.evaluate(() => window.gradscapeRegret.job.config));
  assert.deepEqual(json.result, result);
  assert.deepEqual(errors, []);
  await page.close();
});

test('paper lab: each figure as PNG (2×) and SVG, every run\'s curves as CSV, the result and config as JSON', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}paper.html#fig=1l&d=train:640;test:100&ep=1`, { width: 1280, height: 900 });
  await ready(page);
  await labDone(page, 'gradscapePaper');
  const labels = await page.evaluate(() => [...new Set(window.gradscapePaper.result().runs.map((r) => r.optimizer.label))]);
  assert.ok(labels.length >= 2);
  await checkCharts(page, ['loss', 'test'], labels, 'paper');
  const result = await page.evaluate(() => window.gradscapePaper.result());
  const csv = (await exportFile(page, 'csv', 'paper')).bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(csv[0], 'run,label,optimizer,optimizer_index,lr,seed,batch,epoch,train_loss,test_loss,test_accuracy');
  const points = result.runs.reduce((n, run) => n + run.batch.length, 0);
  assert.ok(points > 0);
  assert.equal(csv.length - 1, points, 'one row per record point of every run');
  const json = JSON.parse((await exportFile(page, 'json', 'paper')).bytes.toString('utf8'));
  assert.deepEqual(json.config, await page.evaluate(() => window.gradscapePaper.job.config));
  assert.equal(json.result.runs.length, result.runs.length);
  assert.deepEqual(errors, []);
  await page.close();
});

// Pixels of `a` that differ from `b` (two same-size PNGs), inside and outside the box
// {x0, y0, x1, y1} given as fractions of the image, decoded in the page.
const pixelDiff = (page, a, b, box) => page.evaluate(async ([pa, pb, region]) => {
  const decode = async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  };
  const [ia, ib] = await Promise.all([decode(pa), decode(pb)]);
  const { width, height } = ia;
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < height; ++y) {
    for (let x = 0; x < width; ++x) {
      const k = 4 * (x + y * width);
      const differs = Math.abs(ia.data[k] - ib.data[k]) + Math.abs(ia.data[k + 1] - ib.data[k + 1]) + Math.abs(ia.data[k + 2] - ib.data[k + 2]) > 60;
      if (!differs) continue;
      const within = x >= region.x0 * width && x <= region.x1 * width && y >= region.y0 * height && y <= region.y1 * height;
      if (within) inside += 1;
      else outside += 1;
    }
  }
  return { inside, outside };
}, [a.toString('base64'), b.toString('base64'), box]);

test('landscape: the "step k / N" stamp is drawn in its corner of the surface and chart PNGs, at 2×', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}#f=himmelblau&start=-0.5,-0.5&steps=200&opt=adam,lr=0.05~sgd,lr=0.01`, { width: 1280, height: 900 });
  await ready(page);
  await page.waitForFunction(() => window.gradscape.session.stepsDone === window.gradscape.session.totalSteps, null, { timeout: 60000 });
  const plain = { surface: await exportFile(page, 'surface-png', 'plain'), loss: await exportFile(page, 'loss-png', 'plain') };
  if (!(await page.$('details.menu[open]'))) await page.click('details.menu > summary');
  await page.check('#export-stamp');
  await page.screenshot({ path: join(artifacts, 'exports-landscape-menu.png') });
  const stamped = { surface: await exportFile(page, 'surface-png', 'stamped'), loss: await exportFile(page, 'loss-png', 'stamped') };
  const surfaceSize = await page.evaluate(() => document.querySelector('#surface canvas').getBoundingClientRect().width);
  const size = pngSize(stamped.surface.bytes);
  assert.deepEqual(size, pngSize(plain.surface.bytes));
  // The figure is the view cropped to its labels, plot and colour bar: at 1× it would be narrower
  // than the view; at 2× it is wider, and a whole number of CSS pixels.
  assert.ok(size.width > surfaceSize && size.width <= 2 * surfaceSize && size.width % 2 === 0,
    `the surface PNG (${size.width} px) is painted at 2× (the view is ${surfaceSize} CSS px wide)`);
  // The surface's stamp: bottom right, in the runs' legend row; the chart's: top right, in the title row.
  const surface = await pixelDiff(page, stamped.surface.bytes, plain.surface.bytes, { x0: 0.7, y0: 0.9, x1: 1, y1: 1 });
  assert.ok(surface.inside > 200, `the stamp's text on the surface PNG (${surface.inside} pixels)`);
  assert.equal(surface.outside, 0, 'nothing else changes');
  const loss = await pixelDiff(page, stamped.loss.bytes, plain.loss.bytes, { x0: 0.7, y0: 0, x1: 1, y1: 0.1 });
  assert.ok(loss.inside > 200, `the stamp's text on the loss chart PNG (${loss.inside} pixels)`);
  assert.equal(loss.outside, 0, 'nothing else changes');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Embed: the image with a link names the light and dark PNGs, gives their CSS size and opens the same state', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html${REDDI}`, { width: 1280, height: 900 });
  await ready(page);
  await labDone(page, 'gradscapeRegret');
  await page.click('#embed');
  await page.check('input[name="kind"][value="image"]');
  await page.waitForSelector('dialog[data-ready="image"]');
  await page.screenshot({ path: join(artifacts, 'exports-embed-image.png') });
  const snippet = await page.inputValue('#embed-snippet');
  const match = snippet.match(/^<a href="([^"]+)"><picture><source srcset="gradscape-regret-dark\.png" media="\(prefers-color-scheme: dark\)"><img src="gradscape-regret\.png" alt="([^"]+)" width="(\d+)" height="(\d+)"><\/picture><\/a>$/);
  assert.ok(match, snippet);
  assert.match(match[2], /^Regret R\(t\) of Adam and AMSGrad on /);
  const files = {};
  for (const theme of ['light', 'dark']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-image="${theme}"]`)]);
    const path = join(artifacts, `exports-embed-${download.suggestedFilename()}`);
    await download.saveAs(path);
    files[download.suggestedFilename()] = await readFile(path);
  }
  assert.deepEqual(Object.keys(files).sort(), ['gradscape-regret-dark.png', 'gradscape-regret.png']);
  for (const bytes of Object.values(files)) assert.deepEqual(pngSize(bytes), { width: 2 * Number(match[3]), height: 2 * Number(match[4]) });
  assert.notDeepEqual(files['gradscape-regret.png'], files['gradscape-regret-dark.png'], 'the dark PNG is painted in the dark theme');
  const state = await page.evaluate(() => window.gradscapeRegret.store.state);
  const href = match[1].replaceAll('&amp;', '&');
  const live = await open(site.browser, href, { width: 1280, height: 900 });
  await ready(live.page);
  assert.deepEqual(await live.page.evaluate(() => window.gradscapeRegret.store.state), state, 'the link opens the same state');
  assert.deepEqual(errors, []);
  assert.deepEqual(live.errors, []);
  await live.page.close();
  await page.close();
});
