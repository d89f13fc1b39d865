// Loading a story from the menu, in every lab at 1280×720, built and served statically in headless
// Chromium: the story's Look-at sentence is shown, the run it is about is marked (the landscape's
// legend entry pressed, the regret runs table's and the paper grid table's row aria-current, the
// sweep map's cell pinned) and the chart it names as its focus is scrolled into the viewport below
// the sticky top bar, from a page scrolled to its bottom, where that chart is out of view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useBuiltSite } from './support.mjs';
import { PRESETS as LANDSCAPE } from '../../web/landscape/presets.mjs';
import { PRESETS as REGRET } from '../../web/regret/presets.mjs';
import { PRESETS as SWEEP } from '../../web/sweep/presets.mjs';
import { PRESETS as PAPER } from '../../web/paper/presets.mjs';

const site = useBuiltSite();
const VIEWPORT = { width: 1280, height: 720 };
const ready = (p) => p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

/** Whether the element of `s` has its top in the viewport below the top bar, and shows all of itself that fits. */
function visible(s) {
  const r = document.querySelector(s)?.getBoundingClientRect();
  if (!r || r.height === 0) return false;
  const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
  return r.top >= bar - 1 && r.top < innerHeight && (r.bottom <= innerHeight + 1 || r.top <= bar + 1);
}
const inView = (p, selector) => p.evaluate(visible, selector);
const waitInView = (p, selector) => p.waitForFunction(visible, selector, { timeout: 60000 });

async function toBottom(p, selector) {
  await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await p.waitForFunction(() => scrollY > 0);
  assert.equal(await inView(p, selector), false, `${selector} is out of view before the story is chosen`);
}

async function assertLook(p, preset) {
  await p.waitForFunction((look) => document.querySelector('#story [data-role="look"]')?.textContent === `Look at: ${look}`, preset.look);
  assert.equal(await p.$eval('#story', (s) => s.hidden), false);
}

test('landscape: a story selects its run and scrolls its chart into view', async () => {
  const preset = LANDSCAPE.find((p) => p.id === 'valley');
  assert.equal(preset.focus, 'surface');
  const { page: p, errors } = await open(site.browser, site.server.url, VIEWPORT);
  await ready(p);
  await toBottom(p, '#surface');
  await p.selectOption('#preset', preset.id);
  await waitInView(p, '#surface');
  await p.waitForFunction((i) => document.querySelectorAll('#legend [aria-pressed]')[i]?.getAttribute('aria-pressed') === 'true', preset.state.selected);
  assert.match(await p.textContent('#story'), /Rosenbrock’s curved valley/);
  // A story about the per-coordinate chart scrolls to that chart.
  const adamax = LANDSCAPE.find((s) => s.id === 'adamax');
  assert.equal(adamax.focus, 'coords');
  await p.evaluate(() => scrollTo(0, 0));
  assert.equal(await inView(p, '[data-chart="coords"]'), false, 'the per-coordinate chart is out of view first');
  await p.selectOption('#preset', adamax.id);
  await waitInView(p, '[data-chart="coords"]');
  assert.deepEqual(errors, []);
  await p.close();
});

test('regret: a story shows where to look, marks its run in the table and scrolls its chart into view', async () => {
  const preset = REGRET.find((p) => p.id === 'adversarial');
  assert.equal(preset.focus, 'regret');
  const chart = '#charts .rg-chart:first-child';
  const { page: p, errors } = await open(site.browser, `${site.server.url}regret.html`, VIEWPORT);
  await ready(p);
  await p.waitForSelector('#runs table');
  await toBottom(p, chart);
  await p.selectOption('#preset', preset.id);
  await assertLook(p, preset);
  await waitInView(p, chart);
  await p.waitForFunction(() => window.gradscapeRegret.job?.state === 'done', null, { timeout: 60000 });
  await p.waitForFunction((i) => document.querySelectorAll('#runs tbody tr')[i]?.getAttribute('aria-current') === 'true', preset.state.selected);
  const marked = await p.$$eval('#runs tbody tr', (rows) => rows.map((r) => r.getAttribute('aria-current')));
  assert.deepEqual(marked, [null, null, 'true']);
  assert.match(await p.textContent('#runs tbody tr[aria-current] .rg-name'), /^AdaGrad/);
  assert.match(await p.evaluate(() => location.hash), /&sel=2/);
  assert.deepEqual(errors, []);
  await p.close();
});

test('sweep: a story shows where to look, pins its cell and scrolls its maps into view', async () => {
  const preset = SWEEP.find((p) => p.id === 'himmelblau-basins');
  assert.equal(preset.focus, 'maps');
  const { page: p, errors } = await open(site.browser, `${site.server.url}sweep.html`, VIEWPORT);
  await ready(p);
  await p.waitForFunction(() => document.body.dataset.sweep === 'done', null, { timeout: 60000 });
  await toBottom(p, '#maps');
  await p.selectOption('#preset', preset.id);
  await assertLook(p, preset);
  await waitInView(p, '#maps');
  await p.waitForFunction((pin) => JSON.stringify(window.gradscapeSweep.store.state.pin) === JSON.stringify(pin)
    && !document.getElementById('cell').hidden, preset.state.pin, { timeout: 60000 });
  assert.match(await p.evaluate(() => location.hash), /&pin=1,134,8/);
  assert.deepEqual(errors, []);
  await p.close();
});

test('paper: a figure shows where to look, marks its optimizer in the grid table and scrolls its chart into view', async () => {
  const preset = PAPER.find((p) => p.id === '1r');
  assert.equal(preset.focus, 'loss');
  const chart = '#charts .rg-chart:first-child';
  const { page: p, errors } = await open(site.browser, `${site.server.url}paper.html`, VIEWPORT);
  await ready(p);
  await p.waitForSelector('#grid table');
  await toBottom(p, chart);
  await p.selectOption('#preset', preset.id);
  await assertLook(p, preset);
  await waitInView(p, chart);
  await p.waitForFunction(() => window.gradscapePaper.job?.config.experiment === 'logreg_bow' && document.querySelectorAll('#grid tbody tr').length === 4, null, { timeout: 60000 });
  await p.waitForFunction(() => document.querySelector('#grid tbody tr')?.getAttribute('aria-current') === 'true');
  const marked = await p.$$eval('#grid tbody tr', (rows) => rows.map((r) => r.getAttribute('aria-current')));
  assert.deepEqual(marked, ['true', null, null, null]);
  assert.match(await p.textContent('#grid tbody tr[aria-current] .rg-name'), /^Adam/);
  assert.deepEqual(errors, []);
  await p.close();
});
