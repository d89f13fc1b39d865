// `gradscape assets DIR`: copies the web component's self-contained bundle (dist/component/ of
// this package, found next to this file, so it works from node_modules) into a site's static
// folder, e.g. static/gradscape/ for Hugo or assets/gradscape/ for Jekyll, creating DIR. A previous
// copy's chunks/ and assets/ are emptied first, so old hashed files do not pile up. Prints what it
// copied and the <script> line to use. Bad input throws GradscapeError (the CLI: one line, exit 2).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GradscapeError } from './gradscape.mjs';

const BUNDLE = fileURLToPath(new URL('../../dist/component/', import.meta.url));
const ENTRY = 'gradscape-playground.mjs';
export const ASSETS_USAGE = 'gradscape assets DIR       copy the <gradscape-playground> bundle into a site folder (Hugo: static/gradscape/, Jekyll: assets/gradscape/)';

function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? files(join(dir, e.name), `${prefix}${e.name}/`)
    : [`${prefix}${e.name}`]));
}

/** The URL path a static folder is served at: Hugo's static/ and a plain public/ are the site's root. */
function urlPath(dir) {
  const rel = relative(process.cwd(), dir).split(sep).join('/');
  if (rel.startsWith('..') || rel === '') return null;
  return `/${rel.replace(/^(static|public)\//, '')}/`;
}

/** Copies the bundle into `dir`; returns the lines to print. */
export function copyAssets(args, bundle = BUNDLE) {
  if (args.length !== 1) {
    throw new GradscapeError(`assets: ${args.length ? 'takes one folder' : 'needs the folder to copy into'}, e.g. gradscape assets static/gradscape/\nusage: ${ASSETS_USAGE}`);
  }
  const dir = resolve(args[0]);
  if (!existsSync(join(bundle, ENTRY))) {
    throw new GradscapeError(`assets: this gradscape has no built component bundle (${join(bundle, ENTRY)} is missing); in a source checkout, run npm run build first`);
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new GradscapeError(`assets: ${args[0]} is a file, not a folder`);
  if (existsSync(join(dir, ENTRY))) for (const sub of ['chunks', 'assets']) rmSync(join(dir, sub), { recursive: true, force: true });
  try {
    mkdirSync(dir, { recursive: true });
    cpSync(bundle, dir, { recursive: true });
  } catch (error) {
    throw new GradscapeError(`assets: cannot copy into ${args[0]}: ${error.code === 'EACCES' ? 'permission denied' : error.message}`);
  }
  const copied = files(bundle);
  const bytes = copied.reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0);
  const path = urlPath(dir) ?? '/gradscape/';
  return [
    `copied ${copied.length} files (${(bytes / 1e6).toFixed(1)} MB) into ${args[0]}: ${ENTRY}, chunks/ (one per view), assets/ (wasm modules, styles, fonts)`,
    `load it once per page with (if the folder is served at ${path}):`,
    `  <script type="module" src="${path}${ENTRY}"></script>`,
    `Hugo: [params.gradscape] base = "${path}" in config.toml; Jekyll: gradscape: {base: ${path}} in _config.yml (see docs/blogging.md)`,
  ];
}
