// A Vite plugin that makes the built site work offline: once the bundle is complete it lists every
// file of the build (pages, chunks, styles, wasm, fonts, images, workers, and the files copied from
// publicDir) and emits sw.js at the root of the output, web/lib/service-worker.js behind one line
// `const PRECACHE = { version, files }`. The version is a hash of every file's name and content
// (and of the worker itself), so any change to the build gives sw.js new bytes, the browser
// installs it, and the old cache is dropped. Build only: `vite` serve emits and registers nothing.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const WORKER_SOURCE = new URL('../web/lib/service-worker.js', import.meta.url);
export const SW_FILE = 'sw.js';

async function walk(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await walk(path));
    else found.push(path);
  }
  return found;
}

/** Files of publicDir as { name, source }, names relative to it with '/' separators. */
async function publicFiles(publicDir) {
  if (!publicDir) return [];
  let paths;
  try {
    paths = await walk(publicDir);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(paths.map(async (path) => ({
    name: relative(publicDir, path).split(sep).join('/'),
    source: await readFile(path),
  })));
}

/** The cache version: a short hash of the files (sorted by name) and the worker's source. */
export function precacheVersion(files, workerSource) {
  const hash = createHash('sha256');
  for (const { name, source } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    hash.update(`${name}\0`).update(source).update('\0');
  }
  hash.update(workerSource);
  return hash.digest('hex').slice(0, 16);
}

export default function precachePlugin() {
  let config;
  return {
    name: 'gradscape:precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (config.isWorker) return;
        const emitted = Object.values(bundle).map((item) => ({
          name: item.fileName,
          source: item.type === 'chunk' ? item.code : item.source,
        }));
        const copied = config.build.copyPublicDir ? await publicFiles(config.publicDir) : [];
        const files = [...emitted, ...copied].filter((file) => file.name !== SW_FILE);
        const workerSource = await readFile(WORKER_SOURCE, 'utf8');
        const precache = { version: precacheVersion(files, workerSource), files: files.map((f) => f.name).sort() };
        this.emitFile({
          type: 'asset',
          fileName: SW_FILE,
          source: `const PRECACHE = ${JSON.stringify(precache)};\n${workerSource}`,
        });
      },
    },
  };
}
