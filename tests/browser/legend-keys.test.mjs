// Every run legend has a colour key: a line sample in the run's colour and dash (web/lib/palette.mjs)
// on the landscape page (its run legend and its charts' legends), in the iframe embed, and in the
// regret lab's chart keys; with eight runs the keys' colours and dashes are all different.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, useBuiltSite } from './support.mjs';
import { RUN_COLOURS, RUN_DASHES, dashArray } from '../../web/lib/palette.mjs';

const site = useBuiltSite();

const EIGHT = '#f=himmelblau&start=-0.5,-0.5&steps=60&opt=sgd,lr=0.01~momentum,lr=0.005~nag,lr=0.004~adagrad,lr=0.5~rmsprop,lr=0.03~adam,lr=0.1~adamax,lr=0.15~nadam,lr=0.08';

// [stroke, dasharray] of the line sample of every element matching `items` (null: none).
const keys = (frame, items) => frame.$$eval(items, (nodes) => nodes.map((n) => {
  const line = n.querySelector('svg line');
  return line ? [line.getAttribute('stroke'), line.getAttribute('stroke-dasharray') ?? ''] : null;
}));

function assertEightRunKeys(found, where) {
  assert.equal(found.length, 8, `${where}: eight entries`);
  found.forEach((key, i) => {
    assert.ok(key, `${where}: entry ${i} has a line sample`);
    assert.equal(key[0].toLowerCase(), RUN_COLOURS[i].toLowerCase(), `${where}: entry ${i}'s colour`);
    assert.equal(key[1], dashArray(RUN_DASHES[i]), `${where}: entry ${i}'s dash`);
  });
}

test('the landscape page: the run legend and the loss chart\'s legend key every run by colour and dash', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}${EIGHT}`, { width: 1440, height: 900 });
  await page.waitForFunction(() => document.querySelectorAll('#legend .legend-item').length === 8, null, { timeout: 20000 });
  assertEightRunKeys(await keys(page, '#legend .legend-item'), 'run legend');
  await page.waitForSelector('#curves svg.gs-legend-swatch', { timeout: 20000 });
  const chartKeys = await page.$$eval('#curves svg.gs-legend-swatch line', (lines) => lines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray') ?? '']));
  assertEightRunKeys(chartKeys.slice(0, 8), 'loss chart legend');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the iframe embed\'s legend keys every run by colour and dash', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}embed.html${EIGHT}`, { width: 720, height: 480 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const found = await page.evaluate(() => [...document.querySelector('gradscape-playground').shadowRoot.querySelectorAll('.gs-legend .legend-item')]
    .map((n) => { const l = n.querySelector('svg line'); return l ? [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray') ?? ''] : null; }));
  assertEightRunKeys(found, 'embed legend');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the regret lab\'s chart keys name every run with its line sample', async () => {
  const { page, errors } = await open(site.browser, `${site.server.url}regret.html`, { width: 1280, height: 900 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('.rg-chart-key .rg-key-item').length > 1, null, { timeout: 20000 });
  const labels = await page.$$eval('.rg-chart:first-child .rg-key-item', (items) => items.map((i) => [i.textContent, i.querySelector('svg line')?.getAttribute('stroke')]));
  assert.deepEqual(labels.slice(0, 2), [['Adam', RUN_COLOURS[0]], ['AMSGrad', RUN_COLOURS[1]]]);
  assert.deepEqual(errors, []);
  await page.close();
});
