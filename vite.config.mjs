// Vite serves and builds the static site from web/. `base: './'` makes every URL relative, so
// dist/ works from any static host and any sub-path, with no special headers.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: { strictPort: false },
});
