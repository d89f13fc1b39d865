// Export → Animation in headless Chromium (not part of the tests): the story "SGD gets stuck,
// Momentum escapes" (four optimizers, 300 steps) as a 10 s clip at 800 × 600 and 30 fps (one step
// per frame, no hold: 300 frames), exported through the dialog as GIF, WebM (VP9) and MP4 (H.264):
// time from the Export click to the downloaded file, its size, the time against the clip's real
// time, and where the time goes (painting the frames, the GIF's palette sample, waiting on the
// encoder worker). Also the gzipped size of the JS + wasm the landscape loads by its first drawn
// trajectory (budget ≤ 250 KB; none of the exporter is in it) and of the exporter's lazily loaded
// chunks. Budgets (issue 17): GIF ≤ 15 s and ≤ 8 MB. Serves dist/ (npm run build).
// Prints a markdown table and writes bench/results/animation.md.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, root } from '../tests/browser/support.mjs';

const RUNS = 2;
const CLIP = { size: '800x600', fps: '30', stepsPerFrame: '1', hold: '0' };
const BUDGET = { firstLoadKB: 250, gifSeconds: 15, gifMB: 8 };
const EXPORTER = /^(dialog|encode-worker|frame-painter|dom-snapshot|export)-[\w-]+\.(js|css)$/;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = async (path) => gzipSync(await readFile(join(root, 'dist', path)), { level: 9 }).length;

async function firstLoad(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('gradscape:first-frame').length > 0, null, { timeout: 30000 });
  const paths = await page.evaluate(() => {
    const t = performance.getEntriesByName('gradscape:first-frame')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= t).map((e) => new URL(e.name).pathname)
      .filter((p) => /\.(m?js|wasm)$/.test(p));
  });
  await page.close();
  let total = 0;
  for (const path of new Set(paths)) total += await gz(path.replace(/^\/+/, ''));
  return { total, paths };
}

async function exportClip(browser, url, format) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.selectOption('#preset', 'stuck');
  await page.waitForFunction(() => window.gradscape.session.stepsDone === 300, null, { timeout: 30000 });
  await page.click('details.menu > summary');
  await page.click('[data-export="animation"]');
  await page.waitForSelector('dialog.anim-dialog[open]');
  await page.selectOption('#anim-format', format);
  await page.selectOption('#anim-size', CLIP.size);
  for (const [name, value] of Object.entries({ fps: CLIP.fps, stepsPerFrame: CLIP.stepsPerFrame, hold: CLIP.hold })) await page.fill(`dialog [name="${name}"]`, value);
  const rows = [];
  for (let i = 0; i < RUNS; ++i) {
    const detail = page.evaluate(() => new Promise((resolve) => document.addEventListener('gradscape:animation', (e) => resolve(e.detail), { once: true })));
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('.anim-go')]);
    const ms = Date.now() - t0;
    const info = await detail;
    rows.push({ ms, bytes: info.bytes, frames: info.frames, timings: info.timings, name: download.suggestedFilename() });
    await download.delete();
  }
  await page.close();
  const best = rows.find((r) => r.ms === median(rows.map((x) => x.ms)));
  return best;
}

const site = await serve(join(root, 'dist'));
const browser = await launch();
const load = await firstLoad(browser, `${site.url}index.html`);
const results = {};
for (const format of ['gif', 'webm', 'mp4']) results[format] = await exportClip(browser, `${site.url}index.html`, format);
await browser.close();
await site.close();

const assets = (await readdir(join(root, 'dist/assets'))).filter((f) => EXPORTER.test(f));
const chunks = [];
for (const file of assets) chunks.push({ file, gz: await gz(`assets/${file}`), first: load.paths.some((p) => p.endsWith(file)) });

const kb = (b) => (b / 1024).toFixed(1);
const s = (ms) => (ms / 1000).toFixed(2);
const gif = results.gif;
const lines = [
  `Export → Animation, headless Chromium on this machine, ${new Date().toISOString().slice(0, 10)}: "SGD gets stuck, Momentum escapes" (4 optimizers × 300 steps), 800 × 600, 30 fps, 1 step per frame, no hold = 300 frames, 10 s; median of ${RUNS} exports each, click → downloaded file.`,
  '',
  '| format | click → file (s) | × the clip\'s 10 s | file | painting frames (s) | palette sample (s) | waiting on the encoder (s) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...Object.entries(results).map(([f, r]) => `| ${f.toUpperCase()} | ${s(r.ms)} | ${(r.ms / 10000).toFixed(2)} | ${kb(r.bytes)} KB | ${s(r.timings.paint)} | ${s(r.timings.sample)} | ${s(r.timings.wait)} |`),
  '',
  '| budget | measured | target | |',
  '| --- | ---: | ---: | --- |',
  `| GIF encode time | ${s(gif.ms)} s | ≤ ${BUDGET.gifSeconds} s | ${gif.ms <= BUDGET.gifSeconds * 1000 ? 'met' : '**missed**'} |`,
  `| GIF size | ${(gif.bytes / 1048576).toFixed(2)} MB | ≤ ${BUDGET.gifMB} MB | ${gif.bytes <= BUDGET.gifMB * 1048576 ? 'met' : '**missed**'} |`,
  `| landscape JS + wasm by the first trajectory, gzipped | ${kb(load.total)} KB | ≤ ${BUDGET.firstLoadKB} KB | ${load.total <= BUDGET.firstLoadKB * 1024 ? 'met' : '**missed**'} |`,
  '',
  '| lazily loaded exporter chunk | gzipped KB | in the first load |',
  '| --- | ---: | --- |',
  ...chunks.sort((a, b) => b.gz - a.gz).map((c) => `| ${c.file} | ${kb(c.gz)} | ${c.first ? '**yes**' : 'no'} |`),
];
const report = lines.join('\n');
console.log(report);
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/animation.md'), `${report}\n`);
