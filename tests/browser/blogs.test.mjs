// The blog integrations with the real tools: the Hugo site and the Jekyll site of
// tests/fixtures/blogs/ (a Korean post with KaTeX math, a code block and two figures, one with the
// full controls) are copied to a temp folder, given the shortcode / the include from integrations/,
// `gradscape assets` copies the component bundle into their static folder, and Debian's `hugo
// --minify` / `jekyll build` (no Gemfile, no plugins) build them. Each site also gets the post
// without its figures, and a page with every attribute of the component (values with & " < and
// Hangul). Served and opened in Chromium:
//   - both figures draw and `await el.result()` deep-equals Node's gs.run of the figure's config;
//   - no console errors; the module script is in the post once (none in the post without figures)
//     and loads from the site's base (Hugo: the default /gradscape/; Jekyll: gradscape.base
//     "/assets/gradscape", written without its trailing slash);
//   - the post's own computed styles (body, h1, p, pre, code, KaTeX) are those of the post
//     without figures, and the fixture CSS's values;
//   - every attribute reaches the element with its exact value;
//   - an attribute the component does not have: Hugo's build fails naming it and its line; Jekyll
//     shows a message naming it in the page.
// Skipped only when a tool is missing and we are not root (as root, scripts/ensure-tools.sh test
// installs them and a missing tool fails the test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { ATTRIBUTES, MINIFIER_SAFE_NAMES } from '../../web/component/attributes.mjs';

const fixtures = join(root, 'tests/fixtures/blogs');
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const skipUnless = (tool) => !has(tool) && process.getuid?.() !== 0
  && `${tool} is not installed: sudo apt-get install -y ${tool} (or bash scripts/ensure-tools.sh test as root)`;

// Each post's figures: the gs method and config that must give the figure's result, and whether
// the figure has the full controls.
const ROSENBROCK = ['run', { objective: 'rosenbrock', start: [-1.5, 2], steps: 300, optimizers: [{ name: 'adam', lr: 0.05 }, { name: 'sgd', lr: 0.001, momentum: 0.9 }] }, false];
const FIGURES = {
  hugo: [[...ROSENBROCK.slice(0, 2), true], ['regret', { problem: { name: 'reddi' }, T: 2000, optimizers: [{ name: 'adagrad', lr: 0.5 }, { name: 'adam', lr: 0.1 }] }, false]],
  jekyll: [ROSENBROCK, ['run', { objective: 'himmelblau', start: [0.5, -3], steps: 200, optimizers: [{ name: 'sgd', lr: 0.01 }, { name: 'rmsprop', lr: 0.01, centered: true }] }, true]],
};
// Every attribute with a value the templates must escape; the values the element must receive.
const EVERY = {
  config: '{"label": "x<y & \\"z\\" 한국어"}', objective: 'rosenbrock', expr: 'x^2 + 2*y^2', optimizers: 'adam lr=0.05; sgd lr=0.001 momentum=0.9',
  start: '-1.5,2', steps: '300', view: 'landscape', controls: 'full', autoplay: 'true', site: 'https://example.org/gs/?a=1&b=2',
  height: '480', theme: 'dark',
};
const SITES = {
  hugo: {
    tool: 'hugo', static: 'static', base: '/gradscape/', template: ['hugo/layouts', 'layouts'],
    post: 'content/posts/adam.md', url: 'posts/adam/', plainUrl: 'posts/adam-plain/', everyUrl: 'posts/every/',
    plain: (p) => p.replace('content/posts/adam.md', 'content/posts/adam-plain.md'),
    figure: /^\{\{< gradscape .*>\}\}\n/gm,
    every: (attrs) => `+++\ntitle = "every"\n+++\n{{< gradscape ${attrs.map(([k, v]) => `${k}=${k === 'config' ? `\`${v}\`` : `"${v}"`}`).join(' ')} >}}\n`,
    build: (dir, out, minify = true) => spawnSync('hugo', [...(minify ? ['--minify'] : []), '-d', out], { cwd: dir, encoding: 'utf8' }),
  },
  jekyll: {
    tool: 'jekyll', static: 'assets', base: '/assets/gradscape/', template: ['jekyll/_includes', '_includes'],
    post: '_posts/2024-05-01-adam.md', url: '2024/05/01/adam.html', plainUrl: '2024/05/01/adam-plain.html', everyUrl: '2024/05/02/every.html',
    plain: (p) => p.replace('adam.md', 'adam-plain.md'),
    figure: /^\{% include gradscape\.html .*%\}\n/gm,
    every: (attrs) => `---\nlayout: post\ntitle: every\n---\n{% include gradscape.html ${attrs.map(([k, v]) => `${k}=${k === 'config' ? `'${v}'` : `"${v}"`}`).join(' ')} %}\n\n`
      + '{% include gradscape.html objective="rosenbrock" objectiv="x" %}\n',
    build: (dir, out) => spawnSync('jekyll', ['build', '-d', out], { cwd: dir, encoding: 'utf8' }),
  },
};
const everyPath = { hugo: 'content/posts/every.md', jekyll: '_posts/2024-05-02-every.md' };

let work;
let browser;
let gs;
const servers = [];
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'gradscape-blogs-'));
  browser = await launch();
  gs = await loadGradscape({ regret: true });
});
after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The fixture site in a temp folder, with the integration, the bundle, KaTeX and the extra posts. */
function prepare(name) {
  const site = SITES[name];
  const dir = join(work, name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  cpSync(join(root, 'integrations', site.template[0]), join(dir, site.template[1]), { recursive: true });
  const statics = join(dir, site.static);
  mkdirSync(join(statics, 'js'), { recursive: true });
  cpSync(join(fixtures, 'math.js'), join(statics, 'js/math.js'));
  cpSync(join(fixtures, 'post.css'), join(dir, name === 'hugo' ? 'static/css/post.css' : 'css/post.css'));
  for (const f of ['katex.min.css', 'katex.min.js', 'contrib/auto-render.min.js', 'fonts']) {
    cpSync(join(root, 'node_modules/katex/dist', f), join(statics, 'katex', f), { recursive: true });
  }
  const assets = spawnSync(process.execPath, [join(root, 'web/api/cli.mjs'), 'assets', `${site.static}/gradscape/`], { cwd: dir, encoding: 'utf8' });
  assert.equal(assets.status, 0, assets.stderr);
  assert.ok(assets.stdout.includes(`<script type="module" src="${site.base}gradscape-playground.mjs"></script>`), assets.stdout);
  const post = readFileSync(join(dir, site.post), 'utf8');
  const figures = post.match(site.figure) ?? [];
  assert.equal(figures.length, 2, 'the fixture post has two figures');
  writeFileSync(join(dir, site.plain(site.post)), post.replace(site.figure, ''));
  writeFileSync(join(dir, everyPath[name]), site.every(Object.entries(EVERY)));
  return dir;
}

function build(name, dir, out, minify) {
  const result = SITES[name].build(dir, out, minify);
  if (result.error) throw result.error;
  return result;
}

const waitFinished = (page, index) => page.waitForFunction(
  (i) => window.events.some((e) => e.index === i && (e.type === 'finished' || e.type === 'error')), index, { timeout: 30000 });

/** The computed styles of the post's own elements. */
const postStyles = (page) => page.evaluate(() => {
  const keys = ['fontFamily', 'fontSize', 'lineHeight', 'color', 'backgroundColor', 'letterSpacing', 'marginTop', 'marginBottom',
    'textAlign', 'borderLeftColor', 'borderLeftWidth', 'paddingLeft', 'width'];
  const pick = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const style = getComputedStyle(el);
    return Object.fromEntries(keys.map((k) => [k, style[k]]));
  };
  return Object.fromEntries(['body', '.post', '.post h1', '.post .meta', '.post p:not(.meta)', '.post pre', '.post pre code', '.post .katex', '.post .katex-display']
    .map((s) => [s, pick(s)]));
});

async function checkSite(name) {
  const site = SITES[name];
  const dir = prepare(name);
  const out = join(work, `${name}-out`);
  const built = build(name, dir, out);
  assert.equal(built.status, 0, `${site.tool} failed:\n${built.stdout}${built.stderr}`);
  assert.doesNotMatch(built.stdout + built.stderr, /ERROR|WARN/, `${site.tool} says:\n${built.stdout}${built.stderr}`);
  const html = (url) => readFileSync(join(out, url.endsWith('/') ? `${url}index.html` : url), 'utf8');
  assert.equal(html(site.url).split('gradscape-playground.mjs').length - 1, 1, 'the module script is in the post once');
  assert.equal(html(site.plainUrl).split('gradscape-playground.mjs').length - 1, 0, 'no module script without a figure');

  const server = await serve(out);
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => {
    window.events = [];
    for (const type of ['ready', 'finished', 'error']) {
      addEventListener(`gradscape:${type}`, (e) => window.events.push({ type, detail: e.detail, index: [...document.querySelectorAll('gradscape-playground')].indexOf(e.target) }));
    }
  });
  const { page, errors } = await open(context, `${server.url}${site.url}`);
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script[type="module"]')].map((s) => new URL(s.src).pathname));
  assert.deepEqual(scripts, [`${site.base}gradscape-playground.mjs`]);
  assert.equal(await page.locator('gradscape-playground').count(), 2);
  for (const index of [0, 1]) {
    await page.evaluate((i) => document.querySelectorAll('gradscape-playground')[i].scrollIntoView(), index);
    await waitFinished(page, index);
    const [method, config, full] = FIGURES[name][index];
    const result = await page.evaluate((i) => document.querySelectorAll('gradscape-playground')[i].result(), index);
    assert.deepEqual(result, JSON.parse(JSON.stringify(gs[method](config))), `${name}: figure ${index + 1}`);
    const drawn = await page.evaluate((i) => {
      const el = document.querySelectorAll('gradscape-playground')[i];
      const canvas = el.shadowRoot.querySelector('canvas');
      const post = document.querySelector('.post');
      return {
        canvas: canvas && canvas.width * canvas.height > 0, width: el.getBoundingClientRect().width, column: post.clientWidth - 48,
      };
    }, index);
    assert.ok(drawn.canvas, 'the figure has a canvas with pixels');
    const settings = (i) => document.querySelectorAll('gradscape-playground')[i].shadowRoot.querySelector('.gs-settings select') !== null;
    if (full) await page.waitForFunction(settings, index);
    else assert.equal(await page.evaluate(settings, index), false, `figure ${index + 1} has no settings panel`);
    assert.equal(drawn.width, drawn.column, 'the figure fills the post column');
  }
  assert.deepEqual(await page.evaluate(() => window.events.filter((e) => e.type === 'error')), []);
  await page.waitForFunction(() => document.querySelectorAll('.post .katex').length >= 2);
  const withFigures = await postStyles(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, `blogs-${name}.png`), fullPage: true });
  assert.deepEqual(errors, []);

  const plain = await open(context, `${server.url}${site.plainUrl}`);
  await plain.page.waitForFunction(() => document.querySelectorAll('.post .katex').length >= 2);
  assert.deepEqual(withFigures, await postStyles(plain.page), 'the figures leave the post\'s styles alone');
  assert.deepEqual(plain.errors, []);
  assert.equal(withFigures['.post h1'].color, 'rgb(122, 46, 142)', 'the fixture CSS is applied');
  assert.equal(withFigures['.post h1'].fontSize, '38px');
  assert.equal(withFigures['.post pre'].borderLeftColor, 'rgb(192, 57, 43)');
  assert.match(withFigures['.post .katex'].fontSize, /^19\.5\d*px$/, 'KaTeX at 1.15em of 17px');

  await context.close();
  return { dir, out, everyHtml: html(site.everyUrl) };
}

/** Each <gradscape-playground> of an HTML text as {attribute: value}, as a browser parses it. */
async function elementsIn(text) {
  const page = await browser.newPage();
  const elements = await page.evaluate((t) => [...new DOMParser().parseFromString(t, 'text/html').querySelectorAll('gradscape-playground')]
    .map((el) => Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]))), text);
  await page.close();
  return elements;
}

test('Hugo: the shortcode\'s two figures in a post with KaTeX, every attribute, and a misspelt attribute fails the build', { skip: skipUnless('hugo') }, async () => {
  assert.deepEqual(Object.keys(EVERY).sort(), [...ATTRIBUTES].sort());
  const { dir, everyHtml } = await checkSite('hugo');
  const unminified = build('hugo', dir, join(work, 'hugo-unminified'), false);
  assert.equal(unminified.status, 0, unminified.stderr);
  const [every] = await elementsIn(readFileSync(join(work, 'hugo-unminified', SITES.hugo.everyUrl, 'index.html'), 'utf8'));
  // Hugo's HTML minifier writes attributes named controls and autoplay without their values on
  // every element (HTML's boolean media attributes): the shortcode writes them as data-controls and
  // data-autoplay, which the element reads too (the post's first figure has controls="full").
  const renamed = Object.fromEntries(Object.entries(EVERY).map(([n, v]) => [MINIFIER_SAFE_NAMES[n] ?? n, v]));
  assert.deepEqual(every, renamed, 'every attribute reaches the element with its value');
  const [minified] = await elementsIn(everyHtml);
  assert.deepEqual(minified, renamed, 'hugo --minify keeps every value');
  writeFileSync(join(dir, 'content/posts/every.md'), '+++\ntitle = "bad"\n+++\n\n{{< gradscape objective="rosenbrock" optimizer="adam" >}}\n');
  const bad = build('hugo', dir, join(work, 'hugo-bad'));
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout + bad.stderr, /every\.md:5:1": gradscape shortcode: unknown attribute "optimizer"; the attributes are: config, objective, expr, optimizers, /);
});

test('Jekyll: the include\'s two figures in a post with KaTeX (math: true), under gradscape.base, and a misspelt attribute shown', { skip: skipUnless('jekyll') }, async () => {
  const { everyHtml } = await checkSite('jekyll');
  const every = await elementsIn(everyHtml);
  assert.deepEqual(every[0], EVERY, 'every attribute reaches the element with its value');
  assert.deepEqual(every[1], { objective: 'rosenbrock' }, 'the unknown attribute is not passed on');
  assert.match(everyHtml, /<p class="gradscape-error"[^>]*>gradscape\.html: unknown attribute\(s\) objectiv; the attributes are: config, objective, /);
});
