// The labs are one list per side and the sides agree: the JS API's LABS (web/api/labs.mjs) are the
// C++ labs (src/labs/all.hpp, as gradscape_native schema-tables lists their configs) in the same
// order; each lab's entry points at its own module files, which the build wrote; loadGradscape
// takes each lab's name (and old names) and loads just that module; each lab's calls are on the
// Gradscape object; the CLI's usage offers every lab; and every page of web/labs.mjs
// that computes in a lab asks for a lab of the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Gradscape, loadGradscape } from '../../web/api/gradscape.mjs';
import { LABS } from '../../web/api/labs.mjs';
import { hasLabModule } from '../../web/api/support.mjs';
import { PAGES } from '../../web/labs.mjs';
import { native } from '../../scripts/gen-schema.mjs';

const root = new URL('../../', import.meta.url).pathname;

test('the JS API lists the C++ labs, in the same order', () => {
  const configs = Object.keys(native('schema-tables'));
  assert.equal(configs[0], 'run');
  assert.deepEqual(LABS.map((lab) => lab.name), configs.slice(1));
});

test('each lab\'s entry names its own module, and the build wrote it', () => {
  for (const lab of LABS) {
    for (const flavour of ['simd', 'scalar']) {
      const wasm = fileURLToPath(lab.modules[flavour].wasm());
      assert.ok(wasm.endsWith(`/web/engine/gradscape-${lab.name}-${flavour}.wasm`), wasm);
      for (const file of [wasm, wasm.replace(/\.wasm$/, '.mjs')]) assert.ok(existsSync(file), `${file} is missing`);
    }
  }
});

test('loadGradscape takes each lab\'s name and old names, and loads that lab\'s module only', async () => {
  for (const lab of LABS) {
    for (const option of [lab.name, ...(lab.oldNames ?? [])]) {
      const gs = await loadGradscape({ [option]: true });
      for (const other of LABS) assert.equal(hasLabModule(gs, other.name), other === lab, `${option}: ${other.name}`);
      await assert.rejects(loadGradscape({ [option]: 1 }), new RegExp(`^GradscapeError: ${option}: must be true or false, got 1`));
    }
  }
});

test('each lab has its calls on the Gradscape object (gradscape.mjs refuses one defined twice)', () => {
  for (const lab of LABS) {
    assert.equal(typeof Gradscape.prototype[lab.name], 'function', `gs.${lab.name}(config)`);
    for (const name of Object.keys(lab.calls)) {
      assert.equal(Object.getOwnPropertyDescriptor(Gradscape.prototype, name)?.enumerable, false, name);
    }
  }
});

test('the CLI\'s usage offers every lab', () => {
  const out = spawnSync(process.execPath, [join(root, 'web/api/cli.mjs'), '--help'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  for (const lab of LABS) assert.match(out.stdout, new RegExp(`^ +gradscape ${lab.name} CONFIG\\.json\\|-`, 'm'));
});

test('every lab page of web/labs.mjs asks for a lab of the list', () => {
  const names = LABS.map((lab) => lab.name);
  for (const page of PAGES.filter((p) => p.engine)) {
    for (const option of Object.keys(page.engine)) assert.ok(names.includes(option), `${page.name}: engine option ${option}`);
  }
});

test('every lab page of web/labs.mjs gives its embed title and short attributes; the component\'s types name every view', () => {
  const views = PAGES.filter((page) => page.engine);
  for (const page of views) {
    assert.match(page.title, /^Gradscape: /, page.name);
    assert.deepEqual(Object.keys(page.attributes).sort(), ['expr', 'objective', 'optimizers', 'start', 'steps'], page.name);
  }
  const types = readFileSync(join(root, 'web/component/gradscape-playground.d.ts'), 'utf8');
  const union = types.match(/export type PlaygroundView =([^;]+);/);
  assert.ok(union, 'gradscape-playground.d.ts has no PlaygroundView');
  assert.deepEqual([...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), views.map((page) => page.name).sort());
});
