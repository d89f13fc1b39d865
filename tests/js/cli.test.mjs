// The `gradscape` CLI: result schema for every optimizer case and every objective, long output
// piped in full, exit code 2 with one line on bad input; and native vs wasm: the native twin
// (build/native/gradscape_native) and the wasm CLI print the very same trajectories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { cases, optimizerGroups } from './optimizer-cases.mjs';
import { runResultText } from './wasm-results.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');
const native = join(root, 'build/native/gradscape_native');
const objectives = (await loadGradscape({ full: true })).registry.objectives.map((o) => o.name);

function runCli(args, input, command = process.execPath, prefix = [cli]) {
  return spawnSync(command, [...prefix, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

// Every optimizer case, in configs of at most 16 runs; the first group on a noisy objective.
function configs(objective, precision) {
  return optimizerGroups({ precision, objective }).map((optimizers, i) => JSON.stringify({
    objective: i === 0 ? { name: objective, noise: { sigma: objective === 'quadratic' ? 0.1 : 0, sparsity: 0, seed: 4 } }
      : objective,
    steps: 150, precision, optimizers,
  }));
}

test('CLI answers the schema for every optimizer case on every objective', () => {
  for (const objective of objectives) {
    for (const config of configs(objective, 'f64')) {
      const out = runCli(['run', '-'], config);
      assert.equal(out.status, 0, out.stderr);
      const result = JSON.parse(out.stdout);
      assert.equal(result.objective.name, objective);
      for (const run of result.runs) {
        assert.ok(['ok', 'diverged', 'left_domain'].includes(run.status));
        const points = run.status === 'ok' ? 151 : run.diverged_at;
        assert.equal(run.trajectory.length, points, `${objective} ${run.optimizer.label}`);
        assert.equal(run.loss.length, points);
        for (const [x, y] of run.trajectory) assert.ok(Number.isFinite(x) && Number.isFinite(y));
      }
    }
  }
});

test('native and wasm (SIMD and scalar) give identical trajectories', { skip: !existsSync(native) && 'native build missing' }, async () => {
  const engines = [await loadGradscape({ full: true, flavour: 'simd' }), await loadGradscape({ full: true, flavour: 'scalar' })];
  let compared = 0;
  let expected = 0;
  for (const objective of objectives) {
    for (const precision of ['f64', 'f32']) {
      expected += 2 * optimizerGroups({ precision, objective }).length;
      for (const config of configs(objective, precision)) {
        const fromNative = runCli(['run', '-'], config, native, []);
        assert.equal(fromNative.status, 0, fromNative.stderr);
        for (const [k, gs] of engines.entries()) {
          assert.equal(runResultText(gs, config), fromNative.stdout, `${objective} ${precision} ${k ? 'scalar' : 'simd'}`);
          compared += 1;
        }
      }
    }
  }
  assert.ok(expected >= objectives.length * 2 * 2 * 3);
  assert.equal(compared, expected);
});

test('typed formulas: native and wasm (SIMD and scalar) give identical trajectories, domain exits included', { skip: !existsSync(native) && 'native build missing' }, () => {
  const formulas = [
    { name: 'formula', expr: 'a*(x - 0.3)^2 + b*sin(3y) + y^2 + 0.1*sqrt(x^2 + y^2 + 0.01) + sigmoid(x*y)',
      params: { a: { value: 1.5, min: 0, max: 4 }, b: 0.2 }, noise: { sigma: 0.1, sparsity: 0.2, seed: 5 } },
    { name: 'formula', expr: 'x^2 + y^2 - log(4 - x^2 - y^2) + 0.5*sqrt(x^2 + (y - 0.5)^2) + atan2(y, x + 3)',
      view: [-1, 1, -1, 1] },
  ];
  const statuses = new Set();
  for (const objective of formulas) {
    for (const precision of ['f64', 'f32']) {
      const config = JSON.stringify({
        objective, steps: 150, precision,
        optimizers: cases.slice(0, 16).map((c, i) => ({ ...c.optimizer, label: c.id, ...(i % 3 === 2 ? { lr: 2 } : {}) })),
      });
      const fromNative = runCli(['run', '-'], config, native, []);
      assert.equal(fromNative.status, 0, fromNative.stderr);
      for (const run of JSON.parse(fromNative.stdout).runs) statuses.add(run.status);
      for (const flags of [[], ['--scalar']]) {
        const fromWasm = runCli(['run', '-', ...flags], config);
        assert.equal(fromWasm.status, 0, fromWasm.stderr);
        assert.equal(fromWasm.stdout, fromNative.stdout, `${objective.expr} ${precision} ${flags}`);
      }
    }
  }
  assert.ok(statuses.has('ok') && statuses.has('left_domain'), [...statuses].join(', '));
});

test('a long result piped through a slow reader arrives whole', async () => {
  const config = JSON.stringify({ steps: 200000, optimizers: [{ name: 'adam', lr: 0.001 }, { name: 'rmsprop', lr: 0.0001 },
    { name: 'adagrad', lr: 0.01 }] });
  const child = spawn(process.execPath, [cli, 'run', '-']);
  child.stdin.end(config);
  let size = 0;
  const chunks = [];
  for await (const chunk of child.stdout) {
    chunks.push(chunk);
    size += chunk.length;
    if (chunks.length % 50 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.ok(size > 10_000_000, `only ${size} bytes`);
  const result = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.equal(result.runs.length, 3);
  for (const run of result.runs) assert.equal(run.trajectory.length, 200001);
});

test('bad input: exit code 2 and one line naming the field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradscape-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"optimizers":[{"name":"adam","beta1":1.5}]}');
  const cases = [
    [['run', bad], null, /^gradscape: optimizers\[0\]\.beta1: must be a number in \[0, 1\), got 1\.5\n$/],
    [['run', '-'], '{"steps":', /^gradscape: JSON syntax error at line 1, column 10: .*\n$/],
    [['run', join(dir, 'missing.json')], null, /^gradscape: cannot read .*missing\.json: no such file\n$/],
    [['fly'], null, /^gradscape: unknown command "fly"/],
    [['run', '-', '--fast'], '{}', /^gradscape: unknown option --fast/],
  ];
  for (const [args, input, message] of cases) {
    const out = runCli(args, input ?? '');
    assert.equal(out.status, 2, args.join(' '));
    assert.equal(out.stdout, '');
    assert.match(out.stderr, message);
  }
  const help = runCli(['--help'], '');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: gradscape run CONFIG\.json\|-/);
  const registry = runCli(['registry'], '');
  assert.equal(registry.status, 0);
  const gs = await loadGradscape({ full: true });  // the CLI's engine has every objective
  assert.deepEqual(JSON.parse(registry.stdout), JSON.parse(JSON.stringify(gs.registry)), 'the CLI prints the API\'s registry');
});

test('a reader that stops early (| head) ends the output quietly, exit code 0', () => {
  const config = JSON.stringify({ version: 1, objective: { name: 'rosenbrock' }, steps: 200000, optimizers: [{ name: 'adam' }] });
  const out = spawnSync('bash', ['-c', `node "${cli}" run - | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}"`],
    { input: config, encoding: 'utf8' });
  assert.equal(out.stderr, '');
  assert.match(out.stdout, /^status 0$/m);
});
