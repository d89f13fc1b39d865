// The web component's first load in headless Chromium (not part of the tests): a host page at
// another origin loads dist/component/gradscape-playground.mjs and one <gradscape-playground>;
// counted is every JS, CSS and wasm file fetched from the Gradscape origin until the figure has
// finished its runs, gzipped (level 9) as a static host would serve it. KaTeX is never loaded by
// the component. For comparison in the same run: the same figure as the iframe embed
// (embed.html) and the full landscape page. Budget (issue 6): ≤ 150 KB for the landscape figure.
// Prints a markdown table and writes bench/results/component.md. Serves dist/ (npm run build).
import { readFile, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, root } from '../tests/browser/support.mjs';

const LOADS = 5;
const BUDGET_KB = 150;
const FIGURE = 'objective="rosenbrock" optimizers="adam lr=0.05; sgd lr=0.001 momentum=0.9" start="-1.5,2" steps="300"';
const REGRET = `config='{"problem":{"name":"reddi","params":{"C":3}},"start":[1],"T":20000,"record_every":100,"optimizers":[{"name":"adam","lr":0.5,"beta1":0,"beta2":0.1,"bias_correction":false,"schedule":{"name":"inv_sqrt"}},{"name":"adam","amsgrad":true,"lr":0.5,"beta1":0,"beta2":0.1,"bias_correction":false,"schedule":{"name":"inv_sqrt"}}]}'`;
const SWEEP = `config='{"objective":{"name":"rosenbrock"},"steps":300,"precision":"f32","optimizer":{"name":"adam"},"x":{"param":"lr","min":0.0001,"max":1,"n":64,"log":true},"y":{"param":"beta1","min":0,"max":0.99,"n":64},"start":[-1.5,2]}'`;
const HASH = '#f=rosenbrock&start=-1.5,2&steps=300&opt=adam,lr=0.05~sgd,lr=0.001,momentum=0.9';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gzipCache = new Map();
async function gzipped(path) {
  if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(await readFile(join(root, 'dist', path)), { level: 9 }).length);
  return gzipCache.get(path);
}

async function measure(browser, url, { origin, done }) {
  const times = [];
  let paths = new Set();
  for (let i = 0; i < LOADS; ++i) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(done, null, { timeout: 30000 });
    times.push(Date.now() - t0);
    const loaded = await page.evaluate((o) => performance.getEntriesByType('resource').map((e) => e.name)
      .filter((n) => n.startsWith(o)).map((n) => new URL(n).pathname).filter((p) => /\.(m?js|wasm|css)$/.test(p)), origin);
    paths = new Set([...paths, ...loaded]);
    await context.close();
  }
  const sizes = { js: 0, wasm: 0, css: 0 };
  for (const path of paths) {
    const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.css') ? 'css' : 'js';
    sizes[kind] += await gzipped(path.slice(1));
  }
  return { time: median(times), sizes, total: sizes.js + sizes.wasm + sizes.css, files: paths.size };
}

const site = await serve(join(root, 'dist'), '', { 'access-control-allow-origin': '*' });
const hostDir = await mkdtemp(join(tmpdir(), 'gradscape-bench-component-'));
const host = await serve(hostDir, '/host');
const browser = await launch();
const origin = site.url.replace(/\/$/, '');
const page = async (name, attrs) => {
  await writeFile(join(hostDir, name), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="${site.url}component/gradscape-playground.mjs"></script></head>
<body><gradscape-playground ${attrs}></gradscape-playground>
<script>addEventListener('gradscape:finished', () => { document.body.dataset.done = '1'; });</script></body></html>`);
  return `${host.url}${name}`;
};
const finished = () => document.body.dataset.done === '1';
const rows = [
  ['component, landscape (controls=minimal)', await measure(browser, await page('a.html', FIGURE), { origin, done: finished })],
  ['component, landscape (controls=full)', await measure(browser, await page('b.html', `${FIGURE} controls="full"`), { origin, done: finished })],
  ['component, regret', await measure(browser, await page('c.html', `view="regret" ${REGRET}`), { origin, done: finished })],
  ['component, sweep (64 × 64)', await measure(browser, await page('d.html', `view="sweep" ${SWEEP}`), { origin, done: finished })],
  ['iframe embed, landscape', await measure(browser, `${site.url}embed.html${HASH}&autoplay=0`, {
    origin, done: async () => document.body.dataset.ready === 'true' && (await window.gradscape.element.result())?.runs[0].loss.length === 301,
  })],
  ['landscape page (index.html)', await measure(browser, `${site.url}${HASH}`, {
    origin, done: () => performance.getEntriesByName('gradscape:first-frame').length > 0,
  })],
];
await browser.close();
await site.close();
await host.close();

const kb = (b) => (b / 1024).toFixed(1);
const base = rows[0][1].total;
const lines = [
  `Web component first load, headless Chromium, ${new Date().toISOString().slice(0, 10)}; gzipped KB (level 9), median load time of ${LOADS} cold loads to the finished figure.`,
  '',
  '| what | JS | wasm | CSS | total KB | × component | files | load → finished (ms) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([name, r]) => `| ${name} | ${kb(r.sizes.js)} | ${kb(r.sizes.wasm)} | ${kb(r.sizes.css)} | ${kb(r.total)} | ${(r.total / base).toFixed(2)} | ${r.files} | ${r.time} |`),
  '',
  `Budget: the landscape figure's first load ≤ ${BUDGET_KB} KB: ${kb(base)} KB (${base / 1024 <= BUDGET_KB ? 'met' : 'missed'}).`,
];
const report = lines.join('\n');
console.log(report);
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/component.md'), `${report}\n`);
