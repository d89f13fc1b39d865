// Gradscape's service worker: the site works offline after its first load. The build
// (scripts/vite-precache-plugin.mjs) writes this file to dist/sw.js behind one line,
// `const PRECACHE = { version, files }`: every file of the build, relative to the site folder, and
// a hash of their contents. Installing downloads them all into a cache named after the scope and
// that version; activating deletes this scope's older caches (another Gradscape build on the same
// origin, under another sub-path, keeps its own). Requests for those files are answered from the
// cache first; navigations ignore ?query (a #hash never reaches the worker), a folder URL means its
// index.html and a URL without extension its .html page, for hosts with pretty URLs. Anything else
// goes to the network untouched. No skipWaiting: a new build takes over once every tab of the old
// one is closed, so an open page never loads a chunk of a build it was not built with.
/* global PRECACHE */
const SCOPE = self.registration.scope;
const PREFIX = `gradscape ${SCOPE} `;
const CACHE = PREFIX + PRECACHE.version;
const URLS = PRECACHE.files.map((file) => new URL(file, SCOPE).href);
const PRECACHED = new Set(URLS);

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(URLS.map(async (url) => {
      // 'no-cache' revalidates with the server, so an unchanged file costs a 304, not a download.
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      // A navigation must not be answered with a redirected response: keep the body, drop the flag.
      await cache.put(url, response.redirected ? new Response(response.body, response) : response);
    }));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function dropOldCaches() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();
}

/** The precached URL that answers `request`, or null. */
function cachedUrl(request) {
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    if (url.pathname.endsWith('/')) url.pathname += 'index.html';
    else if (!PRECACHED.has(url.href) && !/\.[^/]*$/.test(url.pathname)) url.pathname += '.html';
  }
  return PRECACHED.has(url.href) ? url.href : null;
}

self.addEventListener('install', (event) => event.waitUntil(precache()));
self.addEventListener('activate', (event) => event.waitUntil(dropOldCaches()));
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = cachedUrl(event.request);
  if (!url) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(url))
    .then((response) => response ?? fetch(event.request)));
});
