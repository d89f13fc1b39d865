// The landscape page in headless Chromium (not part of the tests): time from navigation to the
// first drawn trajectory, frame time while 8 optimizers × 2,000 steps animate, and the gzipped
// size of the JS + wasm loaded by the first drawn trajectory, and with KaTeX once the formula panel
// has typeset its math (KaTeX fonts excluded). Serves dist/ (npm run build).
// Prints a markdown table and writes bench/results/page.md.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, root } from '../tests/browser/support.mjs';

const LOADS = 7;
const EIGHT = '#f=rosenbrock&start=-1.5,2&steps=2000&spf=10&opt=' +
  ['sgd,lr=0.0005', 'sgd,lr=0.0005,momentum=0.9', 'nag,lr=0.0005', 'adagrad,lr=0.5', 'rmsprop,lr=0.005',
    'adam,lr=0.05', 'adamax,lr=0.05', 'nadam,lr=0.05'].join('~');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// The page's JS, wasm and CSS requested before `time` (every one so far if none).
function requested(time) {
  return performance.getEntriesByType('resource').filter((e) => time === undefined || e.startTime <= time)
    .map((e) => new URL(e.name).pathname).filter((path) => /\.(m?js|wasm|css)$/.test(path));
}

async function firstTrajectory(browser, url) {
  const times = [];
  const first = new Set();
  const all = new Set();
  for (let i = 0; i < LOADS; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gradscape:first-frame').length > 0, null, { timeout: 20000 });
    const time = await page.evaluate(() => performance.getEntriesByName('gradscape:first-frame')[0].startTime);
    times.push(time);
    for (const path of await page.evaluate(requested, time)) first.add(path);
    await page.waitForSelector('#formula .katex', { timeout: 20000 });
    for (const path of await page.evaluate(requested)) all.add(path);
    await context.close();
  }
  return { times, loaded: [...first], all: [...all] };
}

async function frames(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url + EIGHT);
  await page.waitForSelector('body[data-ready="true"]');
  return page.evaluate(() => new Promise((resolve) => {
    const { player, stats } = window.gradscape;
    player.reset();
    stats.work.length = 0;
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      if (player.playing || stamps.length < 3) requestAnimationFrame(tick);
      else {
        const intervals = stamps.slice(1).map((s, i) => s - stamps[i]);
        resolve({ intervals, work: [...stats.work] });
      }
    };
    player.play();
    requestAnimationFrame(tick);
  }));
}

async function sizes(loaded) {
  let total = 0;
  const rows = [];
  for (const path of loaded) {
    if (/katex.*\.(woff2?|ttf)$/.test(path) || path.endsWith('.css')) continue;
    const relative = path.replace(/^\/+/, '');
    const body = await readFile(join(root, 'dist', relative));
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    rows.push({ file: relative, bytes: body.length, gz });
  }
  return { total, rows: rows.sort((a, b) => b.gz - a.gz) };
}

const browser = await launch();
const server = await serve(join(root, 'dist'));
try {
  const first = await firstTrajectory(browser, server.url);
  const frame = await frames(browser, server.url);
  const size = await sizes(first.loaded);
  const total = await sizes(first.all);
  const fps = 1000 / median(frame.intervals);
  const date = new Date().toISOString().slice(0, 10);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const lines = [
    `# Landscape page benchmark (${date})`,
    '',
    `Headless Chromium (${browser.version()}), localhost, 1280×900, ${LOADS} cold loads (new browser context each).`,
    '',
    '| measure | value | target | |',
    '|---|---:|---:|---|',
    `| navigation → first drawn trajectory (median of ${LOADS}) | ${median(first.times).toFixed(0)} ms (min ${Math.min(...first.times).toFixed(0)}, max ${Math.max(...first.times).toFixed(0)}) | ≤ 1000 ms | ${median(first.times) <= 1000 ? 'met' : '**missed**'} |`,
    `| frame rate, 8 optimizers × 2,000 steps, 10 steps/frame | ${fps.toFixed(1)} fps (median frame interval ${median(frame.intervals).toFixed(1)} ms, p95 ${percentile(frame.intervals, 0.95).toFixed(1)} ms) | ≥ 60 fps | ${fps >= 59 ? 'met' : '**missed**'} |`,
    `| page work per frame (engine advance + surface + legend + curves) | median ${median(frame.work).toFixed(2)} ms, p95 ${percentile(frame.work, 0.95).toFixed(2)} ms | < 16.7 ms | ${percentile(frame.work, 0.95) < 16.7 ? 'met' : '**missed**'} |`,
    `| JS + wasm loaded by the first drawn trajectory, gzipped | ${kb(size.total)} | ≤ 250 KB | ${size.total <= 250 * 1024 ? 'met' : '**missed**'} |`,
    `| JS + wasm loaded once KaTeX has typeset the formula panel, gzipped (KaTeX fonts excluded) | ${kb(total.total)} | | |`,
    '',
    '| file | bytes | gzipped | loaded by the first trajectory |',
    '|---|---:|---:|---|',
    ...total.rows.map((r) => `| ${r.file} | ${r.bytes} | ${r.gz} | ${size.rows.some((f) => f.file === r.file) ? 'yes' : 'no, after'} |`),
    '',
  ];
  const report = lines.join('\n');
  console.log(report);
  await mkdir(join(root, 'bench/results'), { recursive: true });
  await writeFile(join(root, 'bench/results/page.md'), report);
} finally {
  await server.close();
  await browser.close();
}
