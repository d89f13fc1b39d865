// Projectors and phones: at 1280 × 720 the landscape's top bar is one row and its surface, player
// and legend are in view without scrolling; presentation mode (P, the top bar's button, Esc)
// hides the settings and enlarges the type in every lab, and P typed into a field does nothing;
// at 390 × 844 no lab page scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useBuiltSite } from './support.mjs';

const site = useBuiltSite();

const LAB_PAGES = ['index.html', 'regret.html', 'sweep.html', 'race.html', 'paper.html'];
const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

// The top and bottom of every direct child of the top bar.
const topbarRows = (page) => page.$$eval('.topbar > *', (children) => children.map((c) => {
  const box = c.getBoundingClientRect();
  return { name: c.className, top: box.top, bottom: box.bottom };
}));

const inView = (page, selector) => page.$eval(selector, (node) => {
  const box = node.getBoundingClientRect();
  return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, inside: box.height > 0 && box.top >= 0
    && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth };
});

const presentationState = (page) => page.evaluate(() => ({
  on: document.documentElement.dataset.presentation === 'true',
  pressed: document.getElementById('presentation').getAttribute('aria-pressed'),
  controlsWidth: document.getElementById('controls').getBoundingClientRect().width,
  fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
}));

// The font size (CSS px) of the regret chart's x axis labels.
const regretAxisFontPx = () => Number(window.gradscapeRegret.charts.charts.regret.plot.axes[0].font[0].match(/([\d.]+)px/)[1]);

test('at 1280 × 720 the top bar is one row and the surface, player and legend are in view', async () => {
  const { page, errors } = await open(site.browser, site.server.url, { width: 1280, height: 720 });
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll('#legend > *').length > 0);
  const rows = await topbarRows(page);
  const bandTop = Math.max(...rows.map((r) => r.top));
  const bandBottom = Math.min(...rows.map((r) => r.bottom));
  assert.ok(bandTop < bandBottom, `the top bar's children share one row: ${JSON.stringify(rows)}`);
  for (const selector of ['#surface', '.player', '#legend']) {
    const box = await inView(page, selector);
    assert.ok(box.inside, `${selector} is inside the 1280 × 720 viewport: ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('P and the button toggle presentation mode; Esc leaves it; P typed in a field does nothing', async () => {
  const { page, errors } = await open(site.browser, site.server.url, { width: 1280, height: 720 });
  await ready(page);
  const before = await presentationState(page);
  assert.deepEqual({ on: before.on, pressed: before.pressed }, { on: false, pressed: 'false' });
  assert.ok(before.controlsWidth > 200, 'the settings column is shown');

  await page.keyboard.press('p');
  const on = await presentationState(page);
  assert.equal(on.on, true, 'P turns presentation mode on');
  assert.equal(on.pressed, 'true');
  assert.equal(on.controlsWidth, 0, 'the settings column is collapsed');
  assert.ok(on.fontSize > before.fontSize, `the base font is larger (${before.fontSize}px → ${on.fontSize}px)`);
  await page.waitForFunction(() => document.getElementById('surface').getBoundingClientRect().width > 1100);

  await page.keyboard.press('Escape');
  assert.equal((await presentationState(page)).on, false, 'Esc leaves presentation mode');

  await page.click('#presentation');
  assert.equal((await presentationState(page)).on, true, 'the button turns it on');
  await page.click('#presentation');
  assert.equal((await presentationState(page)).pressed, 'false', 'and off again');

  await page.focus('.controls input[type="text"]');
  await page.keyboard.press('p');
  const typed = await presentationState(page);
  assert.equal(typed.on, false, 'P typed into a field does not toggle presentation mode');
  assert.deepEqual(errors, []);
  await page.close();
});

test('presentation mode is kept for the tab (sessionStorage), not in the link, works in every lab and enlarges the chart fonts', async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const [k, lab] of LAB_PAGES.slice(1).entries()) {
    await page.goto(site.server.url + lab);
    await ready(page);
    if (k === 0) {
      assert.equal((await presentationState(page)).on, false, 'a new tab starts out of presentation mode');
      await page.waitForFunction(() => window.gradscapeRegret.charts.charts.regret.plot, null, { timeout: 30000 });
      const before = await page.evaluate(regretAxisFontPx);
      await page.keyboard.press('p');
      await page.waitForFunction((px) => Number((window.gradscapeRegret.charts.charts.regret.plot?.axes[0].font[0] ?? '')
        .match(/([\d.]+)px/)?.[1] ?? 0) > px, before, { timeout: 10000 });
    }
    const state = await presentationState(page);
    assert.equal(state.on, true, `${lab}: presentation mode is on${k ? ', kept from the page before' : ''}`);
    assert.equal(state.controlsWidth, 0, `${lab}: the settings column is collapsed`);
    assert.ok(!/present/i.test(await page.evaluate(() => location.hash)), `${lab}: the link does not carry it`);
  }
  await page.keyboard.press('Escape');
  assert.equal((await presentationState(page)).on, false);
  await page.close();
});

test('at 390 × 844 no lab page scrolls sideways', async () => {
  for (const lab of LAB_PAGES) {
    const { page, errors } = await open(site.browser, site.server.url + lab, { width: 390, height: 844 });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lab}: ${overflow}px wider than the phone`);
    assert.deepEqual(errors, [], lab);
    await page.close();
  }
});
