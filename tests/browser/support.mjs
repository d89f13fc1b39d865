// Browser-test support: a static file server for dist/ (optionally under a sub-path) and
// Debian's Chromium driven by playwright-core, with the flags this machine needs.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2',
};

export const root = new URL('../../', import.meta.url).pathname;
export const artifacts = join(root, 'test-artifacts');

/**
 * Serves `dir` at http://127.0.0.1:PORT{prefix}/ and nothing else; `headers` (optional) are added
 * to every file response, e.g. a Content-Security-Policy.
 */
export async function serve(dir, prefix = '', headers = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(`${prefix}/`)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (file.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}/`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  await mkdir(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// One browser context per browser (a test file's): pages opened one after another reuse the
// compiled scripts and wasm of the pages before them, which saves about a tenth of the suite's
// CPU time. Each page still starts from empty storage (local storage, IndexedDB, service workers
// and their caches are cleared for its origin) unless `keepStorage` is set.
const sharedContexts = new WeakMap();
async function sharedContext(browser) {
  if (!sharedContexts.has(browser)) {
    sharedContexts.set(browser, browser.newContext());
  }
  return sharedContexts.get(browser);
}

/**
 * Opens a page that records console errors and uncaught exceptions, in `browser` (a Browser, or a
 * BrowserContext the test made). `fresh`: in a context of its
 * own (for tests that change the context, e.g. take it offline); `keepStorage`: in the shared
 * context without clearing the origin's storage first.
 */
export async function open(browser, url, viewport = { width: 1200, height: 800 }, { fresh = false, keepStorage = false } = {}) {
  let page;
  if (fresh) {
    page = await browser.newPage({ viewport });
  } else if (typeof browser.newContext !== 'function') {
    // A context the test made itself (with its own options): the page opens there, as it is.
    page = await browser.newPage();
    await page.setViewportSize(viewport);
  } else {
    page = await (await sharedContext(browser)).newPage();
    await page.setViewportSize(viewport);
    if (!keepStorage) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', {
        origin: new URL(url).origin, storageTypes: 'local_storage,indexeddb,service_workers,cache_storage,cookies',
      });
      await cdp.detach();
    }
  }
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('response', (res) => { if (res.status() >= 400) errors.push(`HTTP ${res.status()} ${res.url()}`); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors };
}

// The policy of the README: 'self' for everything the pages load plus 'wasm-unsafe-eval', which
// WebAssembly compilation needs (the Embind glue, built with -sDYNAMIC_EXECUTION=0, uses no eval or
// new Function); no 'unsafe-inline' anywhere (KaTeX and uPlot set styles through CSSOM, which
// style-src does not restrict) and no data: or blob: images.
export const POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "style-src 'self'",
  "img-src 'self'", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
  "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/**
 * The built site (dist/) served and a browser launched for the tests of one file: registers the
 * file's before() and after() hooks; `site.browser` and `site.server` are set once before() has run.
 */
export function useBuiltSite() {
  const site = { browser: null, server: null };
  before(async () => {
    site.browser = await launch();
    site.server = await serve(join(root, 'dist'));
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
