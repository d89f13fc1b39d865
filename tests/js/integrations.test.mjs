// The blog integrations and `gradscape assets`:
//   - integrations/ holds exactly what scripts/gen-integrations.mjs writes from the component's
//     attribute table, and each template names every attribute of the table;
//   - copyAssets copies a bundle into a new folder, replaces a previous copy's hashed files, and
//     answers a missing folder argument, a folder that is a file and a package without a built
//     bundle with a message naming the problem;
//   - the CLI: `gradscape assets` prints the <script> line, exits 2 on bad input, and --help lists it.
// The templates with the real Hugo and Jekyll: tests/browser/blogs.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILES } from '../../scripts/gen-integrations.mjs';
import { ATTRIBUTES } from '../../web/component/attributes.mjs';
import { copyAssets } from '../../web/api/assets.mjs';
import { GradscapeError } from '../../web/api/gradscape.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');

test('integrations/ is what gen-integrations.mjs writes, and names every attribute of the component', () => {
  assert.deepEqual(Object.keys(FILES).sort(), ['integrations/hugo/layouts/shortcodes/gradscape.html', 'integrations/jekyll/_includes/gradscape.html']);
  for (const [path, text] of Object.entries(FILES)) {
    assert.equal(readFileSync(join(root, path), 'utf8'), text, `${path} is out of date: run node scripts/gen-integrations.mjs`);
    assert.ok(text.includes(`"${ATTRIBUTES.join(' ')}"`), `${path} allows exactly the attributes of the table`);
  }
  assert.deepEqual([...ATTRIBUTES].sort(), ['autoplay', 'config', 'controls', 'expr', 'height', 'objective', 'optimizers', 'site', 'start', 'steps', 'theme', 'view']);
});

function fakeBundle(dir, chunk) {
  mkdirSync(join(dir, 'chunks'), { recursive: true });
  writeFileSync(join(dir, 'gradscape-playground.mjs'), 'export {};\n');
  writeFileSync(join(dir, 'chunks', chunk), 'export {};\n');
  return dir;
}

test('copyAssets copies the bundle, replaces an older copy\'s chunks and says which <script> to use', () => {
  const work = mkdtempSync(join(tmpdir(), 'gradscape-assets-'));
  const cwd = process.cwd();
  try {
    process.chdir(work);
    const lines = copyAssets(['static/gradscape'], fakeBundle(join(work, 'old'), 'landscape-view-OLD.mjs'));
    assert.ok(existsSync(join(work, 'static/gradscape/chunks/landscape-view-OLD.mjs')));
    assert.match(lines[0], /^copied 2 files \(0\.0 MB\) into static\/gradscape:/);
    assert.ok(lines.includes('  <script type="module" src="/gradscape/gradscape-playground.mjs"></script>'), lines.join('\n'));
    copyAssets(['static/gradscape/'], fakeBundle(join(work, 'new'), 'landscape-view-NEW.mjs'));
    assert.ok(existsSync(join(work, 'static/gradscape/chunks/landscape-view-NEW.mjs')));
    assert.ok(!existsSync(join(work, 'static/gradscape/chunks/landscape-view-OLD.mjs')), 'the old copy\'s hashed chunk is gone');
    const jekyll = copyAssets(['assets/gradscape'], join(work, 'new'));
    assert.ok(jekyll.includes('  <script type="module" src="/assets/gradscape/gradscape-playground.mjs"></script>'), jekyll.join('\n'));

    const refused = (args, bundle, message) => assert.throws(() => copyAssets(args, bundle), (e) => e instanceof GradscapeError && message.test(e.message));
    refused([], join(work, 'new'), /^assets: needs the folder to copy into, e\.g\. gradscape assets static\/gradscape\//);
    refused(['a', 'b'], join(work, 'new'), /^assets: takes one folder/);
    writeFileSync(join(work, 'file.txt'), 'x');
    refused(['file.txt'], join(work, 'new'), /^assets: file\.txt is a file, not a folder$/);
    refused(['site'], join(work, 'missing'), /^assets: this gradscape has no built component bundle \(.*missing\/gradscape-playground\.mjs is missing\); in a source checkout, run npm run build first$/);
    assert.ok(!existsSync(join(work, 'site')), 'nothing is created when there is nothing to copy');
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  }
});

test('the CLI: gradscape assets DIR, its errors (exit 2) and its line in --help', () => {
  const work = mkdtempSync(join(tmpdir(), 'gradscape-assets-cli-'));
  try {
    const run = (...args) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /gradscape assets DIR/);
    const missing = run('assets');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^gradscape: assets: needs the folder to copy into/);
    writeFileSync(join(work, 'taken'), 'x');
    const file = run('assets', 'taken');
    assert.equal(file.status, 2);
    assert.equal(file.stderr, 'gradscape: assets: taken is a file, not a folder\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

const noBundle = !existsSync(join(root, 'dist/component/gradscape-playground.mjs')) && 'dist/component is not built (npm run build)';
test('the CLI copies the built bundle of this checkout', { skip: noBundle }, () => {
  const work = mkdtempSync(join(tmpdir(), 'gradscape-assets-cli-'));
  try {
    const out = spawnSync(process.execPath, [cli, 'assets', 'static/gradscape/'], { cwd: work, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /<script type="module" src="\/gradscape\/gradscape-playground\.mjs"><\/script>/);
    assert.equal(readFileSync(join(work, 'static/gradscape/gradscape-playground.mjs'), 'utf8'), readFileSync(join(root, 'dist/component/gradscape-playground.mjs'), 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
