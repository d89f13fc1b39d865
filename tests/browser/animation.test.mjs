// Export → Animation on the built site in headless Chromium: a frame is pixel for pixel the
// surface's PNG export at the same step (same layout, size and ratio: the "as the surface PNG"
// size, which paints the PNG's own figure); a GIF round trip (gifuct-js: one frame per
// ⌈N / steps per frame⌉, the size, one global palette and no local one, the hold as the last
// frame's delay); a WebM and an MP4 read back by mediabunny (magic bytes, frame count with the
// held frames, length, size); Esc cancels a running export (no download, the player's step kept);
// with no VideoEncoder the video formats are disabled with the reason and GIF still works; bad
// values are named with their field and range and download nothing; the race lab's paths as a GIF.
// Small sizes and short clips: the big clip is bench/animation.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseGIF, decompressFrames } from 'gifuct-js';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { artifacts, open, useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const STUCK_STEPS = 300;
const RACE = '#f=himmelblau&opt=sgd,momentum=0.9~adam&tune=lr+momentum:0.5:0.99~lr&n=4&m=8&steps=200&k=8&rseed=1';

/** The landscape with the story "SGD gets stuck, Momentum escapes", every step run. */
async function stuckPage(init) {
  const { page, errors } = await open(site.browser, 'about:blank');
  if (init) await page.addInitScript(init);
  await page.goto(`${site.server.url}index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.selectOption('#preset', 'stuck');
  await page.waitForFunction((n) => window.gradscape.session.stepsDone === n && window.gradscape.session.totalSteps === n, STUCK_STEPS, { timeout: 30000 });
  return { page, errors };
}

async function openDialog(page) {
  await page.click('details.menu > summary');
  await page.click('[data-export="animation"]');
  await page.waitForSelector('dialog.anim-dialog[open]');
}

/** Sets the dialog's fields: {format, size, width, height, fps, stepsPerFrame, hold, theme}. */
async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    const selector = `dialog.anim-dialog [name="${name}"]`;
    if (['format', 'size', 'theme'].includes(name)) await page.selectOption(selector, value);
    else await page.fill(selector, String(value));
  }
}

/** Clicks Export and returns the downloaded file: { name, bytes }. */
async function exportFile(page, prefix) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('.anim-go')]);
  const name = download.suggestedFilename();
  const path = join(artifacts, `animation-${prefix}-${name}`);
  await download.saveAs(path);
  return { name, bytes: await readFile(path) };
}

function decodeGif(bytes) {
  const gif = parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return { gif, frames: decompressFrames(gif, true) };
}

async function readVideo(bytes) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  const stats = await track.computePacketStats();
  return { format: (await input.getFormat()).name, duration: await input.computeDuration(), frames: stats.packetCount, width: track.displayWidth, height: track.displayHeight, codec: track.codec };
}

test('landscape: a frame is the surface PNG export at the same step, pixel for pixel', async () => {
  const { page, errors } = await stuckPage();
  const result = await page.evaluate(async (n) => {
    const { player, surface } = window.gradscape;
    const animation = await window.gradscape.animation();
    const pixels = async (blob) => {
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const differing = (a, b) => {
      let count = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2] || a.data[i + 3] !== b.data[i + 3]) count += 1;
      }
      return count;
    };
    const steps = [40, 173];
    const pngs = [];
    for (const step of steps) {
      player.seek(step);
      pngs.push(await pixels(await surface.toPNG({ stamp: `step ${step} / ${n}`, theme: 'light' })));
    }
    const frames = await animation.open({ size: 'page', theme: 'light', legend: true, counter: true });
    const painted = steps.map((step) => frames.paint(step));
    frames.close();
    const out = {};
    steps.forEach((step, i) => {
      const [png, frame] = [pngs[i], painted[i]];
      out[step] = {
        png: [png.width, png.height], frame: [frame.width, frame.height],
        differing: differing(png, frame), otherStep: differing(png, painted[1 - i]),
      };
    });
    out.back = window.gradscape.session.stepsDone;
    return out;
  }, STUCK_STEPS);
  for (const step of [40, 173]) {
    const r = result[step];
    assert.deepEqual(r.frame, r.png, `step ${step}: the frame is the PNG's size`);
    assert.equal(r.differing, 0, `step ${step}: every pixel of the frame is the PNG's`);
    assert.ok(r.otherStep > 100, `step ${step}: another step's frame differs from this PNG (${r.otherStep} pixels)`);
  }
  assert.equal(result.back, 173, 'the page is back at its step');
  assert.deepEqual(errors, []);
});

test('landscape: GIF round trip, WebM and MP4 read back, the file named after the objective', async () => {
  const { page, errors } = await stuckPage();
  await openDialog(page);
  assert.equal(await page.getAttribute('#anim-format option[value="webm"]', 'disabled'), null, 'WebM is available here');
  await fill(page, { format: 'gif', size: 'custom', width: 160, height: 120, fps: 10, stepsPerFrame: 50, hold: 1 });
  assert.match(await page.textContent('.anim-summary'), /^16 frames \(6 \+ 10 held\), 1\.6 s at 10 fps, 160 × 120$/);
  const gif = await exportFile(page, 'landscape');
  assert.equal(gif.name, 'gradscape-local_minima.gif');
  assert.equal(gif.bytes.subarray(0, 6).toString('latin1'), 'GIF89a');
  const { gif: parsed, frames } = decodeGif(gif.bytes);
  assert.deepEqual([parsed.lsd.width, parsed.lsd.height], [160, 120]);
  assert.equal(frames.length, Math.ceil(STUCK_STEPS / 50), 'one frame per 50 steps, the hold as a delay');
  assert.ok(parsed.lsd.gct.exists, 'a global palette');
  assert.equal(parsed.frames.filter((f) => f.image?.descriptor.lct.exists).length, 0, 'no frame has a palette of its own');
  assert.deepEqual(frames.map((f) => f.delay), [100, 100, 100, 100, 100, 1100]);
  assert.match(await page.textContent('#anim-status'), /^Saved gradscape-local_minima\.gif/);

  for (const [format, magic] of [['webm', (b) => b.readUInt32BE(0) === 0x1a45dfa3], ['mp4', (b) => b.subarray(4, 8).toString('latin1') === 'ftyp']]) {
    await fill(page, { format, size: 'custom', width: 192, height: 144, fps: 10, stepsPerFrame: 50, hold: 0.5 });
    const file = await exportFile(page, 'landscape');
    assert.equal(file.name, `gradscape-local_minima.${format}`);
    assert.ok(magic(file.bytes), `${format}: the container's magic bytes`);
    const video = await readVideo(file.bytes);
    assert.equal(video.frames, 6 + 5, `${format}: 6 frames and 5 held`);
    assert.ok(Math.abs(video.duration - 1.1) < 0.06, `${format}: 1.1 s long (${video.duration})`);
    assert.deepEqual([video.width, video.height], [192, 144]);
    assert.equal(video.codec, format === 'mp4' ? 'avc' : 'vp9');
  }
  assert.deepEqual(errors, []);
});

test('landscape: Esc cancels a running export: no download, the page at its step', async () => {
  const { page, errors } = await stuckPage();
  await page.evaluate(() => window.gradscape.player.seek(120));
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await openDialog(page);
  await fill(page, { format: 'gif', size: '800x600', fps: 30, stepsPerFrame: 1, hold: 0 });
  await page.click('.anim-go');
  await page.waitForFunction(() => /^Frame \d+ of 300$/.test(document.querySelector('#anim-status').textContent), null, { timeout: 30000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#anim-status').textContent === 'Cancelled: nothing was saved.', null, { timeout: 30000 });
  assert.ok(await page.$('dialog.anim-dialog[open]'), 'the dialog stays open to say so');
  assert.equal(await page.evaluate(() => window.gradscape.session.stepsDone), 120, 'the page is back at step 120');
  assert.equal(await page.isDisabled('.anim-go'), false, 'Export can be clicked again');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.anim-dialog').open);
  assert.equal(downloads, 0);
  assert.deepEqual(errors, []);
});

test('without VideoEncoder: WebM and MP4 disabled with the reason, GIF still exports; bad values named with their range', async () => {
  const { page, errors } = await stuckPage(() => { delete window.VideoEncoder; });
  await openDialog(page);
  for (const format of ['webm', 'mp4']) assert.equal(await page.getAttribute(`#anim-format option[value="${format}"]`, 'disabled'), '');
  assert.match(await page.textContent('#anim-format-note'), /WebM \(VP9\): This browser has no WebCodecs video encoder \(VideoEncoder\); GIF still works\./);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await fill(page, { size: 'custom', width: 50, height: 121, fps: 0, stepsPerFrame: 0, hold: -1 });
  const messages = await page.$$eval('.anim-errors li', (items) => items.map((li) => li.textContent));
  assert.deepEqual(messages, [
    'width: must be an even number of pixels from 64 to 3840, got 50',
    'height: must be an even number of pixels from 64 to 3840, got 121',
    'frames per second: must be a whole number from 1 to 60, got 0',
    `steps per frame: must be a whole number from 1 to ${STUCK_STEPS} (the run's steps), got 0`,
    'hold: must be a number of seconds from 0 to 30, got -1',
  ]);
  assert.equal(await page.getAttribute('#anim-width', 'aria-invalid'), 'true');
  await page.click('.anim-go');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'anim-width', 'Export moves the focus to the first bad field');
  assert.equal(downloads, 0, 'nothing downloads');
  await fill(page, { width: 96, height: 72, fps: 5, stepsPerFrame: 100, hold: 0 });
  assert.equal(await page.$$eval('.anim-errors li', (items) => items.length), 0);
  const gif = await exportFile(page, 'no-webcodecs');
  assert.equal(decodeGif(gif.bytes).frames.length, 3);
  assert.deepEqual(errors, []);
});

test('race lab: the held-out paths as a GIF, one frame per steps per frame', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}race.html${RACE}`, { width: 1280, height: 900 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForFunction(() => document.body.dataset.race === 'done' && (window.gradscapeRace.results.paths?.shownRuns.length ?? 0) > 0, null, { timeout: 90000 });
  await openDialog(page);
  assert.equal(await page.isHidden('dialog.anim-dialog input[name="formula"]'), true, 'no formula panel on the race lab');
  await fill(page, { format: 'gif', size: 'custom', width: 128, height: 96, fps: 10, stepsPerFrame: 40, hold: 0 });
  const gif = await exportFile(page, 'race');
  assert.equal(gif.name, 'gradscape-race-himmelblau.gif');
  const { gif: parsed, frames } = decodeGif(gif.bytes);
  assert.deepEqual([parsed.lsd.width, parsed.lsd.height], [128, 96]);
  assert.equal(frames.length, Math.ceil(200 / 40));
  assert.deepEqual(errors, []);
});
