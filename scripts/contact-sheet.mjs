// The story contact sheet (npm run contact-sheet): every story of every lab, chosen from the lab's
// story menu as a reader does (so the page scrolls to the chart the story is about), in the built
// site (dist/, served as the browser tests serve it) at 1440 × 900, 1280 × 720 and
// 390 × 844, screenshotted in the light and the dark theme once the lab has finished computing;
// then one sheet per lab × size × theme (a grid of thumbnails captioned with the story titles,
// laid out as an HTML page in Chromium and screenshotted), written to docs/contact-sheet/, and
// docs/contact-sheet.md listing them with the date and the commit. Build dist/ first.
//   node scripts/contact-sheet.mjs [lab ...]   (default: every lab; the markdown is written only then)
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, root, serve } from '../tests/browser/support.mjs';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900, thumb: 480, columns: 3 },
  { name: 'projector', width: 1280, height: 720, thumb: 480, columns: 3 },
  { name: 'phone', width: 390, height: 844, thumb: 240, columns: 5 },
];
const THEMES = ['light', 'dark'];
const READY_MS = 120_000;
const OUT = join(root, 'docs', 'contact-sheet');
const REVIEW = '## Review';

// Each lab: its page, and when it has finished computing what its link asks for.
const LABS = {
  landscape: {
    page: 'index.html', label: 'Landscape',
    finished: () => window.gradscape?.session.finished,
    settle: () => { window.gradscape.player.pause(); window.gradscape.player.finish(); },
    computeMs: 120_000,
  },
  regret: {
    page: 'regret.html', label: 'Regret lab',
    finished: () => {
      const lab = window.gradscapeRegret;
      return !!lab?.job && lab.job.state !== 'running' && lab.runner.pending === null;
    },
    computeMs: 300_000,
  },
  sweep: {
    page: 'sweep.html', label: 'Sweep lab',
    finished: () => document.body.dataset.sweep === 'done' && !window.gradscapeSweep?.runner.busy,
    computeMs: 300_000,
  },
  paper: {
    page: 'paper.html', label: 'Paper lab',
    finished: () => {
      const lab = window.gradscapePaper;
      return !!lab?.job && lab.job.state !== 'running' && lab.runner.pending === null;
    },
    computeMs: 900_000,
  },
};

const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 250)));
}));

/** Waits until predicate(arg) holds in the page, or throws naming `what` and the page's message. */
async function waitFor(page, what, predicate, timeout, arg = null) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 250 });
  } catch (error) {
    const message = await page.evaluate(() => document.getElementById('message-text')?.textContent ?? '').catch(() => '');
    throw new Error(`${what}: not reached within ${timeout / 1000} s${message ? ` (the page says: ${message})` : ''}`, { cause: error });
  }
}

/** The lab's stories: {id, title, hash}, each hash the link its story picker writes. */
async function stories(browser, url, lab) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url + lab.page);
  await waitFor(page, `${lab.label}: the page starting`, () => document.body.dataset.ready === 'true', READY_MS);
  const options = await page.$$eval('#preset option', (list) => list.filter((o) => o.value).map((o) => ({ id: o.value, title: o.textContent.trim() })));
  const found = [];
  for (const option of options) {
    await page.selectOption('#preset', option.id);
    await waitFor(page, `${lab.label}: the link of story ${option.id}`,
      (id) => new RegExp(`[#&](story|fig)=${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`).test(location.hash), READY_MS, option.id);
    found.push({ ...option, hash: await page.evaluate(() => location.hash) });
  }
  await page.close();
  return found;
}

/** Screenshots of one story at one size in both themes: {light, dark} PNG buffers. */
async function shoot(browser, url, lab, story, viewport) {
  const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url + lab.page);
    const where = `${lab.label}, story ${story.id} at ${viewport.width} × ${viewport.height}`;
    await waitFor(page, `${where}: the page starting`, () => document.body.dataset.ready !== undefined, READY_MS);
    if (await page.evaluate(() => document.body.dataset.ready) === 'error') {
      throw new Error(`${where}: the page could not start: ${await page.textContent('#message-text')}`);
    }
    // Chosen from the menu (another story first if the page opened on this one, so the choice counts).
    const linked = (id) => new RegExp(`[#&](story|fig)=${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`).test(location.hash);
    if (await page.$eval('#preset', (select) => select.value) === story.id) {
      const other = await page.$eval('#preset', (select, id) => [...select.options].find((o) => o.value && o.value !== id).value, story.id);
      await page.selectOption('#preset', other);
      await waitFor(page, `${where}: another story's link first`, linked, READY_MS, other);
    }
    await page.selectOption('#preset', story.id);
    await waitFor(page, `${where}: the story's link`, linked, READY_MS, story.id);
    await waitFor(page, `${where}: the computation finishing`, lab.finished, lab.computeMs);
    if (lab.settle) await page.evaluate(lab.settle);
    const shots = {};
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await waitFor(page, `${where}: the ${theme} theme`, (t) => document.documentElement.dataset.theme === t, 10_000, theme);
      await nextFrames(page);
      shots[theme] = await page.screenshot();
    }
    if (errors.length) console.warn(`${where}: page errors: ${errors.join('; ')}`);
    return shots;
  } finally {
    await page.close();
  }
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One sheet: the shots of a lab at one size in one theme, captioned, as a JPEG. */
async function sheet(browser, lab, viewport, theme, shots) {
  const dark = theme === 'dark';
  const figures = shots.map(({ story, png }) => `<figure><img src="data:image/png;base64,${png.toString('base64')}" alt="">`
    + `<figcaption>${escape(story.title)} <code>${escape(story.id)}</code></figcaption></figure>`).join('');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; font: 14px/1.35 system-ui, sans-serif; background: ${dark ? '#0d0f12' : '#ecebe6'}; color: ${dark ? '#e6e7ea' : '#1c1e23'}; width: max-content; }
    h1 { font-size: 17px; margin: 0 0 12px; }
    .grid { display: grid; grid-template-columns: repeat(${Math.min(viewport.columns, shots.length)}, ${viewport.thumb}px); gap: 14px; }
    figure { margin: 0; }
    img { display: block; width: ${viewport.thumb}px; border: 1px solid ${dark ? '#3a3f49' : '#c9c6bc'}; }
    figcaption { margin-top: 4px; font-size: ${viewport.thumb < 300 ? 12 : 13}px; }
    code { color: ${dark ? '#9aa1ad' : '#5b616d'}; font-size: 11px; }
  </style><h1>${escape(lab.label)} · ${viewport.width} × ${viewport.height} · ${theme}</h1><div class="grid">${figures}</div>`;
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.screenshot({ fullPage: true, type: 'jpeg', quality: 82 });
  } finally {
    await page.close();
  }
}

const sheetName = (name, viewport, theme) => `${name}-${viewport.width}x${viewport.height}-${theme}.jpg`;

function markdown(names, commit) {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    '# Story contact sheet',
    '',
    `Every story of every lab, chosen from its lab's story menu (so the page scrolls to the chart the story is about) once the lab had finished computing, at 1440 × 900 (desktop), 1280 × 720 (projector) and 390 × 844 (phone), in the light and dark themes. Made by \`npm run contact-sheet\` (scripts/contact-sheet.mjs) from the built site on ${date}, commit \`${commit}\`.`,
    '',
  ];
  for (const name of names) {
    lines.push(`## ${LABS[name].label}`, '');
    for (const viewport of VIEWPORTS) {
      for (const theme of THEMES) {
        const file = sheetName(name, viewport, theme);
        lines.push(`### ${viewport.width} × ${viewport.height} (${viewport.name}), ${theme}`, '', `![${LABS[name].label} at ${viewport.width} × ${viewport.height}, ${theme}](contact-sheet/${file})`, '');
      }
    }
  }
  return lines.join('\n');
}

async function main() {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(LABS);
  const unknown = names.filter((n) => !LABS[n]);
  if (unknown.length) throw new Error(`unknown lab ${unknown.join(', ')}: the labs are ${Object.keys(LABS).join(', ')}`);
  await readFile(join(root, 'dist', 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: build the site first (npx vite build)');
  });
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const browser = await launch();
  const server = await serve(join(root, 'dist'));
  try {
    await mkdir(OUT, { recursive: true });
    for (const name of names) {
      const lab = LABS[name];
      const list = await stories(browser, server.url, lab);
      console.log(`${lab.label}: ${list.length} stories`);
      for (const viewport of VIEWPORTS) {
        const byTheme = { light: [], dark: [] };
        for (const story of list) {
          const shots = await shoot(browser, server.url, lab, story, viewport);
          for (const theme of THEMES) byTheme[theme].push({ story, png: shots[theme] });
          console.log(`  ${story.id} at ${viewport.width} × ${viewport.height}`);
        }
        for (const theme of THEMES) {
          const file = join(OUT, sheetName(name, viewport, theme));
          await rm(file, { force: true });
          await writeFile(file, await sheet(browser, lab, viewport, theme, byTheme[theme]));
        }
      }
    }
    if (names.length === Object.keys(LABS).length) {
      const file = join(root, 'docs', 'contact-sheet.md');
      // A hand-written review (from its "## Review" heading on) outlives the regenerated list.
      const before = await readFile(file, 'utf8').catch(() => '');
      const review = before.includes(REVIEW) ? before.slice(before.indexOf(REVIEW)) : '';
      await writeFile(file, `${markdown(names, commit)}\n${review ? `\n${review.trimEnd()}\n` : ''}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`contact-sheet: ${error.message}`);
  process.exitCode = 1;
});
