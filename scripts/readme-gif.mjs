// The README's GIF, made by the exporter itself: the landscape's story "SGD gets stuck, Momentum
// escapes" exported through Export → Animation in headless Chromium (640 × 480, 20 fps, 1 step
// per frame, 2 s hold, legend and step counter, light theme) and saved as docs/sgd-momentum.gif.
// Serves dist/ (npm run build). Usage: node scripts/readme-gif.mjs [output path]
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { serve, launch, root } from '../tests/browser/support.mjs';

const out = process.argv[2] ?? join(root, 'docs/sgd-momentum.gif');
const FIELDS = { fps: '20', stepsPerFrame: '1', hold: '2' };

const site = await serve(join(root, 'dist'));
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.selectOption('#preset', 'stuck');
  await page.waitForFunction(() => window.gradscape.session.stepsDone === window.gradscape.session.totalSteps, null, { timeout: 30000 });
  await page.click('details.menu > summary');
  await page.click('[data-export="animation"]');
  await page.waitForSelector('dialog.anim-dialog[open]');
  await page.selectOption('#anim-format', 'gif');
  await page.selectOption('#anim-size', '640x480');
  await page.selectOption('#anim-theme', 'light');
  for (const [name, value] of Object.entries(FIELDS)) await page.fill(`dialog [name="${name}"]`, value);
  for (const [name, on] of Object.entries({ legend: true, counter: true, formula: false })) await page.setChecked(`dialog [name="${name}"]`, on);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('.anim-go')]);
  await download.saveAs(out);
  console.log(`${out}: ${download.suggestedFilename()}, ${((await stat(out)).size / 1024).toFixed(0)} KB`);
} finally {
  await browser.close();
  await site.close();
}
