// Builds the web component's standalone bundle (vite.component.config.mjs → dist/component/)
// whenever the site is built, after it: the site build empties dist/, so one `vite build` always
// leaves both the pages and the bundle that other people's pages load.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default function componentBundle() {
  return {
    name: 'gradscape-component-bundle',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: fileURLToPath(new URL('../vite.component.config.mjs', import.meta.url)), logLevel: 'warn' });
    },
  };
}
