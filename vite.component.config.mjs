// The web component as a standalone bundle for other people's pages: dist/component/ holds
// gradscape-playground.mjs (the one module a host page loads), its lazily loaded chunks (one per
// view) and the wasm modules, all resolved relative to the module, so the folder works from any
// static host, CDN-style path or bundler. Built after the site by the site build itself
// (scripts/vite-component-plugin.mjs), by prepack alone, and shipped in the npm package
// (package.json "files", export "./playground").
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist/component',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // No preload helper: its dependency lists are paths relative to the page, which break when a
    // host's bundler bundles this folder again; plain import() resolves relative to the module.
    modulePreload: false,
    rolldownOptions: {
      input: { 'gradscape-playground': fileURLToPath(new URL('./web/component/gradscape-playground.mjs', import.meta.url)) },
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
