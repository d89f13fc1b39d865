// Vite serves and builds the static site from web/. `base: './'` makes every URL relative, so
// dist/ works from any static host and any sub-path, with no special headers. The pages are those of
// web/labs.mjs: the landscape playground (index.html), the regret, sweep and paper labs, the docs,
// the essay (story.html) and the embeddable figure of any lab (embed.html); the labs' Web Worker is
// an ES module so that it can load the engine and the lab's driver with a dynamic import. Plugins:
// the pages' shared head and top bar (one template), the offline precache (sw.js) and the web
// component's standalone bundle (dist/component/).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import precache from './scripts/vite-precache-plugin.mjs';
import componentBundle from './scripts/vite-component-plugin.mjs';
import pageTemplate from './scripts/vite-page-template-plugin.mjs';
import { PAGES } from './web/labs.mjs';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map(({ name, page }) => [name, fileURLToPath(new URL(`./web/${page}`, import.meta.url))])),
      // The worker is bundled inside one plugin callback, whose time would be reported as slow.
      checks: { bundlerTimings: false },
    },
  },
  worker: { format: 'es' },
  plugins: [pageTemplate(), precache(), componentBundle()],
  server: { strictPort: false },
});
