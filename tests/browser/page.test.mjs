// The built site in headless Chromium: the engine page loads without console errors, draws the
// surface and Adam's trajectory from wasm, and works from a sub-path. Screenshots go to
// test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, root, artifacts } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkPage(prefix, shot, viewport) {
  const server = await serve(join(root, 'dist'), prefix);
  try {
    const { page, errors } = await open(browser, server.url, viewport);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true', await page.textContent('#caption'));
    assert.deepEqual(errors, []);
    const facts = await page.textContent('#facts');
    assert.match(facts, /engine\s*simd \(wasm128\)/);
    assert.match(facts, /status\s*ok/);
    // The canvas holds many colours (a heatmap), and the trajectory colour.
    const stats = await page.evaluate(() => {
      const c = document.getElementById('surface');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let trajectory = 0;
      for (let i = 0; i < d.length; i += 4 * 7) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (d[i] > 230 && d[i + 1] > 60 && d[i + 1] < 120 && d[i + 2] < 90) trajectory += 1;
      }
      return { colours: colours.size, trajectory };
    });
    assert.ok(stats.colours > 200, `only ${stats.colours} colours`);
    assert.ok(stats.trajectory > 10, `trajectory pixels: ${stats.trajectory}`);
    await page.screenshot({ path: join(artifacts, shot), fullPage: true });
    await page.close();
  } finally {
    await server.close();
  }
}

test('engine page draws the surface and trajectory', () => checkPage('', 'engine-page.png'));
test('engine page works from a sub-path', () => checkPage('/gradscape', 'engine-page-subpath.png'));
test('engine page at phone width', () => checkPage('', 'engine-page-phone.png', { width: 390, height: 800 }));
