// Offline after the first load: registers the site's service worker (./sw.js, written by
// scripts/vite-precache-plugin.mjs), which precaches the whole build. The lab pages, the docs and
// the essay call registerOffline() (a call, not an import for its effect: package.json declares
// the project free of side effects, so such an import would be dropped). Only in production builds
// (the dev server has no sw.js and hot reload must stay in charge), only where service workers
// exist and the page is http(s), and only after the page's own load, so that the precache does not
// compete with the first frame. The URL is relative to the page, so the worker's scope is the site
// folder wherever it is hosted. Failures are a console warning: online, the site needs no worker.
//
// The embeddable figure (embed.html) does not register: a figure in someone else's article should
// not download the whole site into the reader's browser. It is precached like every other page, so
// once a reader has opened Gradscape itself, embeds on the Gradscape site work offline too.
function report(error) {
  console.warn(`Gradscape will not work offline: ${error.message}`);
}

function register() {
  try {
    navigator.serviceWorker.register('./sw.js').catch(report);
  } catch (error) {
    report(error);
  }
}

export function registerOffline() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
