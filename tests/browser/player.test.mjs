// The landscape page's player and optimizer list, in headless Chromium: Step advances exactly one
// step and Shift+Step one frame (steps-per-frame steps), "." and "," step forward and back (back
// is exact: the same trajectory as when the step was first reached), the reset-view button has its
// own icon, and removing an optimizer offers Undo (button or Ctrl+Z) that restores it exactly: the
// same label, hyperparameters, colour, URL hash and player step; the regret, sweep and paper labs
// share the Undo.
// Every wait is for a DOM state, never for time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, artifacts, useBuiltSite } from './support.mjs';

const site = useBuiltSite();

const SPF = 5;
const HASH = `#f=rosenbrock&steps=300&opt=adam,lr=0.02,beta1=0.8,label=Slow%20Adam~sgd,lr=0.001,momentum=0.9~rmsprop,lr=0.01&spf=${SPF}&sel=1`;
const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
const stepShown = async (page) => Number((await page.textContent('#step-count')).match(/step (\d+)/)[1]);
const waitForStep = (page, k) => page.waitForFunction((want) => document.getElementById('step-count').textContent.startsWith(`step ${want} /`), k);

/** The page at HASH, paused at step 0 (Reset pauses and rewinds). */
async function pausedAtZero(viewport) {
  const { page, errors } = await open(site.browser, site.server.url + HASH, viewport);
  await ready(page);
  await page.click('#reset');
  await waitForStep(page, 0);
  assert.equal(await page.evaluate(() => window.gradscape.player.playing), false);
  await page.evaluate(() => window.gradscape.hash.flush());  // the link now holds step 0
  return { page, errors };
}

/** Moves the focus off the buttons so key presses go to the page. */
const blur = (page) => page.evaluate(() => document.activeElement?.blur());

test('Step advances exactly one step; Shift+Step, Shift+. and Shift+, move one frame', async () => {
  const { page, errors } = await pausedAtZero();
  await page.click('#step');
  await waitForStep(page, 1);
  await page.click('#step');
  await waitForStep(page, 2);
  await page.click('#step', { modifiers: ['Shift'] });
  await waitForStep(page, 2 + SPF);
  await blur(page);
  await page.keyboard.press('.');
  await waitForStep(page, 3 + SPF);
  await page.keyboard.press('Shift+Period');
  await waitForStep(page, 3 + 2 * SPF);
  await page.keyboard.press('Shift+Comma');
  await waitForStep(page, 3 + SPF);
  assert.equal(await page.evaluate(() => window.gradscape.session.stepsDone), 3 + SPF);
  assert.equal(await page.evaluate(() => window.gradscape.player.playing), false);
  for (const id of ['step', 'step-back']) {
    const title = await page.getAttribute(`#${id}`, 'title');
    assert.match(title, /one step \([.,]\)/, id);
    assert.match(title, /Shift: one frame \(Shift\+[.,]\)/, id);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('"," and the step-back button go back one step, exactly to the state first reached there', async () => {
  const { page, errors } = await pausedAtZero();
  const runs = () => page.evaluate(() => {
    const { session } = window.gradscape;
    return Array.from({ length: session.runCount }, (_, i) => ({
      xy: Array.from(session.trajectory(i)), loss: Array.from(session.loss(i)),
    }));
  });
  await blur(page);
  for (let k = 1; k <= 6; ++k) {
    await page.keyboard.press('.');
    await waitForStep(page, k);
  }
  const atSix = await runs();
  await page.keyboard.press('.');
  await waitForStep(page, 7);
  await page.keyboard.press(',');
  await waitForStep(page, 6);
  assert.deepEqual(await runs(), atSix);
  await page.click('#step-back');
  await waitForStep(page, 5);
  await page.click('#step-back', { modifiers: ['Shift'] });
  await waitForStep(page, 0);
  await page.click('#step-back');
  assert.equal(await stepShown(page), 0, 'no step before 0');
  assert.deepEqual(errors, []);
  await page.close();
});

// The four-arrows glyph the reset-view button used to draw: the usual "fullscreen" icon.
const FULLSCREEN = 'M2 6V2h4v1.6H4.7l2.4 2.4-1.1 1.1-2.4-2.4V6z';

test('the reset-view button has its own icon, unlike fullscreen and unlike Reset', async () => {
  const { page, errors } = await open(site.browser, site.server.url + HASH);
  await ready(page);
  const fit = page.locator('#fit');
  assert.equal(await fit.getAttribute('aria-label'), 'Reset the view');
  assert.equal(await fit.getAttribute('data-icon'), 'fit-view');
  const icon = await fit.locator('svg').innerHTML();
  assert.ok(!icon.includes(FULLSCREEN), 'not the fullscreen arrows');
  assert.notEqual(icon, await page.locator('#reset svg').innerHTML());
  assert.ok(await fit.locator('svg circle').count() > 0, 'a target in a frame');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The removal's observable state: the hash, the optimizers and every card's title and colour. */
const snapshot = (page) => page.evaluate(() => ({
  hash: location.hash,
  optimizers: window.gradscape.store.state.optimizers,
  selected: window.gradscape.store.state.selected,
  cards: [...document.querySelectorAll('#controls .card')].map((card) => ({
    title: card.querySelector('.card-title').textContent,
    colour: card.style.getPropertyValue('--run-colour'),
  })),
  legend: [...document.querySelectorAll('#legend .legend-item')].map((item) => item.style.getPropertyValue('--run-colour')),
}));
// The hash is written a moment after the state changes (debounced): wait for it.
const hashIs = (page, hash, equal = true) => page.waitForFunction(([h, eq]) => (location.hash === h) === eq, [hash, equal]);
const cardCount = (page, n) => page.waitForFunction((want) => document.querySelectorAll('#controls .card').length === want, n);

test('removing an optimizer offers Undo, which restores it exactly', async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    const { page, errors } = await pausedAtZero(viewport);
    const before = await snapshot(page);
    assert.equal(before.cards.length, 3);
    await page.locator('#controls .card').nth(0).locator('.remove').click();
    await cardCount(page, 2);
    const toast = page.locator('#toast.visible.has-action');
    await toast.waitFor();
    assert.match(await toast.textContent(), /Removed Slow Adam/);
    await hashIs(page, before.hash, false);
    await page.screenshot({ path: join(artifacts, `landscape-undo-${viewport.width}.png`) });
    await page.click('#toast .toast-action');
    await cardCount(page, 3);
    await hashIs(page, before.hash);
    const after = await snapshot(page);
    assert.deepEqual(after, before);
    await page.waitForSelector('#toast.visible', { state: 'detached' });
    assert.equal(await page.locator('#toast .toast-action').count(), 0, 'the Undo button goes with the toast');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('Ctrl+Z undoes a removal; the player comes back to the step it showed', async () => {
  const { page, errors } = await pausedAtZero();
  await page.evaluate(() => window.gradscape.player.seek(40));
  await waitForStep(page, 40);
  await page.evaluate(() => window.gradscape.hash.flush());
  const before = await snapshot(page);
  await page.locator('#controls .card').nth(2).locator('.remove').click();
  await cardCount(page, 2);
  await page.locator('#toast.visible.has-action').waitFor();
  await blur(page);
  await page.keyboard.press('Control+z');
  await cardCount(page, 3);
  await hashIs(page, before.hash);
  assert.deepEqual(await snapshot(page), before);
  await waitForStep(page, 40);
  assert.equal(await page.evaluate(() => window.gradscape.player.playing), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the regret lab\'s optimizer list has the same Undo', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html`);
  await ready(page);
  const cards = page.locator('#controls .card');
  const count = await cards.count();
  assert.ok(count >= 2, 'the default regret lab compares optimizers');
  const state = () => page.evaluate(() => window.gradscapeRegret.store.state);
  const before = await state();
  const titles = await cards.locator('.card-title').allTextContents();
  await cards.nth(0).locator('.remove').click();
  await page.waitForFunction((n) => document.querySelectorAll('#controls .card').length === n - 1, count);
  await page.click('#toast.visible .toast-action');
  await page.waitForFunction((n) => document.querySelectorAll('#controls .card').length === n, count);
  assert.deepEqual(await cards.locator('.card-title').allTextContents(), titles);
  assert.deepEqual(await state(), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sweep lab (comparing two optimizers) and the paper lab have the same Undo', async () => {
  for (const lab of ['sweep', 'paper']) {
    const { page, errors } = await open(site.browser, `${site.server.url}${lab}.html`);
    await ready(page);
    if (lab === 'sweep') {
      await page.locator('[data-field="compare"] input').check();
      await page.waitForFunction(() => document.querySelectorAll('#controls .card').length === 2);
    }
    const cards = page.locator('#controls .card');
    const count = await cards.count();
    const summaries = () => cards.locator('summary').allTextContents();
    const before = await summaries();
    await cards.nth(count - 1).locator('.remove').click();
    await page.waitForFunction((n) => document.querySelectorAll('#controls .card').length === n - 1, count);
    await page.click('#toast.visible .toast-action');
    await page.waitForFunction((n) => document.querySelectorAll('#controls .card').length === n, count);
    assert.deepEqual(await summaries(), before, lab);
    assert.deepEqual(errors, [], lab);
    await page.close();
  }
});
