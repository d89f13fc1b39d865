// Sharing meta of the built pages, served from a sub-path: each page has its title and description
// as Open Graph and Twitter card tags, and its og:image (a relative URL) is served as a PNG.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, root } from './support.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(join(root, 'dist'), '/some/sub/path');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const page of ['', 'regret.html', 'sweep.html', 'race.html', 'paper.html', 'docs.html', 'story.html']) {
  test(`${page || 'index.html'} has Open Graph and Twitter card tags and its og:image is served`, async () => {
    const tab = await browser.newPage();
    const url = `${server.url}${page}`;
    await tab.goto(url);
    const meta = await tab.evaluate(() => {
      const content = (selector) => document.head.querySelector(selector)?.getAttribute('content') ?? null;
      return {
        title: document.title,
        description: content('meta[name="description"]'),
        ogTitle: content('meta[property="og:title"]'),
        ogDescription: content('meta[property="og:description"]'),
        ogType: content('meta[property="og:type"]'),
        ogImage: content('meta[property="og:image"]'),
        twitterCard: content('meta[name="twitter:card"]'),
      };
    });
    await tab.close();
    assert.ok(meta.title && meta.description);
    assert.equal(meta.ogTitle, meta.title);
    assert.equal(meta.ogDescription, meta.description);
    assert.equal(meta.ogType, 'website');
    assert.equal(meta.twitterCard, 'summary_large_image');
    assert.match(meta.ogImage, /^\.\/og\/[a-z]+\.png$/, 'a relative URL, so the site works from any sub-path');
    const image = await fetch(new URL(meta.ogImage, url));
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.ok((await image.arrayBuffer()).byteLength > 1000);
  });
}
