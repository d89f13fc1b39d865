// Vite serves and builds the static site from web/. `base: './'` makes every URL relative, so
// dist/ works from any static host and any sub-path, with no special headers. The pages: the
// landscape playground (index.html), the regret, sweep and paper labs, the embeddable figure of any
// lab (embed.html), the docs and the essay (story.html); the labs' Web Workers are ES modules so
// that they can load the engine with a dynamic import. Plugins: the offline precache (sw.js) and
// the web component's standalone bundle (dist/component/).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import precache from './scripts/vite-precache-plugin.mjs';
import componentBundle from './scripts/vite-component-plugin.mjs';

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
      input: {
        main: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        regret: fileURLToPath(new URL('./web/regret.html', import.meta.url)),
        sweep: fileURLToPath(new URL('./web/sweep.html', import.meta.url)),
        paper: fileURLToPath(new URL('./web/paper.html', import.meta.url)),
        embed: fileURLToPath(new URL('./web/embed.html', import.meta.url)),
        docs: fileURLToPath(new URL('./web/docs.html', import.meta.url)),
        story: fileURLToPath(new URL('./web/story.html', import.meta.url)),
      },
      // The worker is bundled inside one plugin callback, whose time would be reported as slow.
      checks: { bundlerTimings: false },
    },
  },
  worker: { format: 'es' },
  plugins: [precache(), componentBundle()],
  server: { strictPort: false },
});
