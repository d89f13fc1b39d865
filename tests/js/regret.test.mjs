// The regret lab through the JS API and the CLI: the regret result of docs/schema.md, the
// RegretSession's zero-copy views and incremental advance, errors as GradscapeError naming the
// field, no wasm heap growth over create/delete cycles; and native vs wasm (SIMD and scalar):
// `gradscape_native regret` and `gradscape regret` print the very same bytes for every problem,
// both domains and every optimizer case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGradscape, GradscapeError } from '../../web/api/gradscape.mjs';
import { optimizerGroups } from './optimizer-cases.mjs';
import { labResultText } from './wasm-results.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');
const native = join(root, 'build/native/gradscape_native');

// The example of docs/schema.md, "Regret config".
const REDDI = {
  version: 1,
  problem: { name: 'reddi', params: { C: 3 } },
  domain: { type: 'box', radius: 1 },
  start: [1],
  T: 100000, record_every: 100,
  optimizers: [
    { name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, schedule: { name: 'inv_sqrt' } },
    { name: 'adam', amsgrad: true, lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, schedule: { name: 'inv_sqrt' } },
  ],
};

const PROBLEMS = [
  { name: 'reddi', params: { C: 4 } },
  { name: 'online_logistic', params: { d: 300, words: 8 } },
  { name: 'sparse_adversarial', params: { d: 300, alpha: 1.5 } },
  { name: 'online_linear', params: { d: 5, period: 50 } },
  { name: 'online_quadratic', params: { d: 5, period: 50, center: 1 } },
];

function runCli(args, input, command = process.execPath, prefix = [cli]) {
  return spawnSync(command, [...prefix, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

for (const flavour of ['simd', 'scalar']) {
  test(`${flavour}: regret() answers docs/schema.md's regret result (Reddi et al.)`, async () => {
    const gs = await loadGradscape({ flavour, regret: true });
    const result = gs.regret(REDDI);
    assert.equal(result.version, 1);
    assert.deepEqual(result.problem, { name: 'reddi', params: { C: 3 } });
    assert.deepEqual(result.domain, { type: 'box', radius: 1 });
    assert.equal(result.T, 100000);
    assert.equal(result.record_every, 100);
    assert.deepEqual(result.comparator.x, [-1]);
    assert.equal(result.comparator.d, 1);
    assert.equal(result.comparator.loss, -33336);
    assert.equal(result.comparator.tolerance, 0);
    assert.equal(result.runs.length, 2);
    const [adam, amsgrad] = result.runs;
    for (const run of result.runs) {
      assert.equal(run.t.length, 1000);
      for (const key of ['regret', 'average_regret', 'bound', 'iterate']) assert.equal(run[key].length, 1000, key);
      assert.equal(run.t[999], 100000);
      assert.equal(run.status, 'ok');
      assert.equal(run.diverged_at, null);
      assert.equal(run.bound_note, null);
      assert.equal(run.optimizer.beta2, 0.1);
    }
    assert.ok(adam.average_regret.every((r) => r > 0.5));
    assert.ok(amsgrad.average_regret[999] < 0.01);
    assert.ok(adam.regret[999] > adam.bound[999], 'Adam crosses the bound');
    assert.ok(adam.x_final[0] > 0.99 && amsgrad.x_final[0] < -0.99);
  });

  test(`${flavour}: a regret session advances in pieces with zero-copy views`, async () => {
    const gs = await loadGradscape({ flavour, regret: true });
    const config = {
      problem: { name: 'online_logistic', params: { d: 200, words: 10 } }, T: 5000, record_every: 250,
      optimizers: [{ name: 'adagrad', lr: 0.3 }, { name: 'adam', lr: 0.1, beta1: 0, schedule: 'inv_sqrt' }, { name: 'sgd' }],
    };
    const session = gs.createRegretSession(config);
    assert.equal(session.totalSteps, 5000);
    assert.equal(session.runCount, 3);
    assert.equal(session.recordCount, 0);
    assert.equal(session.t().length, 0);
    assert.deepEqual(session.comparator(), { t: 0, x: [], d: 200, loss: 0, tolerance: 0, tolerances: [] });
    assert.equal(session.advance(1000), 1000);
    assert.equal(session.stepsDone, 1000);
    assert.equal(session.recordCount, 4);
    assert.ok(session.t() instanceof Float64Array);
    assert.deepEqual(Array.from(session.t()), [250, 500, 750, 1000]);
    for (let i = 0; i < 3; ++i) {
      for (const view of [session.regret(i), session.averageRegret(i), session.bound(i), session.iterate(i)]) {
        assert.ok(view instanceof Float64Array);
        assert.equal(view.length, 4);
      }
    }
    assert.ok(session.bound(0).every(Number.isNaN), 'AdaGrad: no Theorem 4.1 bound');
    assert.ok(session.bound(1).every(Number.isFinite));
    assert.match(session.status(0).bound_note, /adam or adamw/);
    assert.deepEqual(session.status(1), { records: 4, status: 'ok', diverged_at: null, message: null, bound_note: null });
    assert.equal(session.comparator().t, 1000);
    assert.deepEqual(Array.from(session.tolerances()), session.comparator().tolerances);
    while (!session.finished) session.advance(333.7);
    assert.equal(session.stepsDone, 5000);
    assert.equal(session.advance(10), 0);
    assert.deepEqual(session.result(), gs.regret(config));
    assert.deepEqual(JSON.parse([...session.resultParts()].join('')), session.result());
    session.reset();
    assert.equal(session.stepsDone, 0);
    assert.equal(session.regret(0).length, 0);
    assert.throws(() => session.regret(3), /run: must be an integer in \[0, 2\]/);
    assert.throws(() => session.advance(-1), /k: must be a non-negative number/);
    assert.throws(() => session.advance('5'), GradscapeError);
    session.delete();
    assert.throws(() => session.t(), /used after delete/);
    const defaults = gs.createRegretSession();
    defaults.advance(Infinity);
    assert.equal(defaults.result().problem.name, 'reddi');
    assert.equal(defaults.recordCount, 1000);
    defaults.delete();
  });

  test(`${flavour}: bad regret configs throw GradscapeError naming the field`, async () => {
    const gs = await loadGradscape({ flavour, regret: true });
    const bad = [
      [{ problem: 'reddy' }, 'problem.name', /did you mean "reddi"/],
      [{ problem: { name: 'reddi', params: { C: 1 } } }, 'problem.params.C', /\(2, 1000\]/],
      [{ domain: { type: 'ball', radius: -1 } }, 'domain.radius', /\(0, 1000000\]/],
      [{ start: [0, 0] }, 'start', /d = 1/],
      [{ T: NaN }, 'T', /got "NaN"/],
      [{ T: 100, record_every: 200 }, 'record_every', /\[1, 100\]/],
      [{ optimizers: [{ name: 'adam', lr: 0 }] }, 'optimizers[0].lr', /\(0, 1000\]/],
      [{ horizon: 5 }, 'horizon', /unknown field/],
      ['{"T": ', null, /JSON syntax error/],
    ];
    for (const [config, field, message] of bad) {
      for (const call of [() => gs.regret(config), () => gs.createRegretSession(config)]) {
        assert.throws(call, (error) => {
          assert.ok(error instanceof GradscapeError, String(error));
          assert.equal(error.field, field);
          assert.match(error.message, message);
          return true;
        });
      }
    }
  });

  test(`${flavour}: the registry lists the online problems`, async () => {
    const gs = await loadGradscape({ flavour, regret: true });
    const { problems, domains, regret_bound: bound } = gs.registry;
    assert.deepEqual(problems.map((p) => p.name),
      ['reddi', 'online_logistic', 'sparse_adversarial', 'online_linear', 'online_quadratic']);
    for (const p of problems) {
      assert.ok(p.latex.length > 10 && p.description.length > 60 && p.source.length > 10, p.name);
      assert.ok(['box', 'ball'].includes(p.default_domain.type));
      for (const param of p.params) assert.ok(param.min <= param.default && param.default <= param.max, `${p.name}.${param.name}`);
      const config = { problem: p.name, T: 20, record_every: 10 };
      assert.equal(gs.regret(config).comparator.d, p.dimension === 'd' ? p.params.find((q) => q.name === 'd').default : p.dimension);
    }
    assert.deepEqual(domains.map((d) => d.name), ['box', 'ball']);
    assert.match(bound.latex, /G_\\infty/);
  });

  test(`${flavour}: regret session create/delete cycles do not grow the wasm heap`, async () => {
    const gs = await loadGradscape({ flavour, regret: true });
    const cycle = () => {
      const s = gs.createRegretSession({ problem: { name: 'online_logistic', params: { d: 50 } }, T: 50, record_every: 10,
        optimizers: [{ name: 'adam' }, { name: 'adagrad' }] });
      s.advance(50);
      s.delete();
      assert.throws(() => gs.createRegretSession({ T: -1 }), GradscapeError);
    };
    for (let i = 0; i < 50; ++i) cycle();
    const before = gs.memoryBytes;
    for (let i = 0; i < 2000; ++i) cycle();
    assert.equal(gs.memoryBytes, before);
  });
}

function regretConfigs() {
  const configs = [];
  for (const problem of PROBLEMS) {
    for (const domain of [{ type: 'box', radius: 0.8 }, { type: 'ball', radius: 1.5 }]) {
      for (const optimizers of optimizerGroups({ lab: true })) {
        configs.push(JSON.stringify({ problem, domain, start: 0.3, T: 400, record_every: 50, optimizers }));
      }
    }
  }
  return configs;
}

test('CLI regret answers the schema for every problem, domain and optimizer case', () => {
  for (const config of regretConfigs()) {
    const out = runCli(['regret', '-'], config);
    assert.equal(out.status, 0, out.stderr);
    const result = JSON.parse(out.stdout);
    for (const run of result.runs) {
      assert.ok(['ok', 'diverged'].includes(run.status), run.optimizer.label);
      const records = run.status === 'ok' ? 8 : run.t.length;
      assert.equal(run.regret.length, records, `${result.problem.name} ${run.optimizer.label}`);
      for (const r of run.regret) assert.ok(Number.isFinite(r));
    }
  }
});

test('native and wasm (SIMD and scalar) give identical regret results', { skip: !existsSync(native) && 'native build missing' }, async () => {
  const engines = [await loadGradscape({ full: true, regret: true, flavour: 'simd' }),
    await loadGradscape({ full: true, regret: true, flavour: 'scalar' })];
  let compared = 0;
  for (const config of regretConfigs()) {
    const fromNative = runCli(['regret', '-'], config, native, []);
    assert.equal(fromNative.status, 0, fromNative.stderr);
    for (const [k, engine] of engines.entries()) {
      assert.equal(labResultText(engine, 'regret', config), fromNative.stdout, `${config.slice(0, 80)} ${k ? 'scalar' : 'simd'}`);
      compared += 1;
    }
  }
  const reddi = JSON.stringify(REDDI);
  const fromNative = runCli(['regret', '-'], reddi, native, []);
  assert.equal(runCli(['regret', '-'], reddi).stdout, fromNative.stdout);
  assert.equal(compared, PROBLEMS.length * 2 * optimizerGroups({ lab: true }).length * 2);
});

test('CLI regret: bad input exits with code 2 and one line naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradscape-regret-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"problem":"online_linear","start":[1,2,3]}');
  // [args, stdin, the wasm CLI's message, the native twin's (which words its usage and file errors tersely)]
  const inputs = [
    [['regret', bad], null, /^gradscape: start: must be one number \(for every coordinate\) or an array of d = 1 numbers, got an array of 3\n$/],
    [['regret', '-'], '{"T":0}', /^gradscape: T: must be an integer in \[1, 10000000\], got 0\n$/],
    [['regret', '-'], '{"T":', /^gradscape: JSON syntax error at line 1, column 6: .*\n$/],
    [['regret', join(dir, 'missing.json')], null, /^gradscape: cannot read .*missing\.json: no such file\n$/,
      /^gradscape: cannot read .*missing\.json\n$/],
    [['regret'], null, /^gradscape: unknown command "regret"/, /^usage: gradscape_native run\|regret/],
  ];
  for (const [args, input, message, nativeMessage = message] of inputs) {
    const out = runCli(args, input ?? '');
    assert.equal(out.status, 2, args.join(' '));
    assert.equal(out.stdout, '');
    assert.match(out.stderr, message, args.join(' '));
    if (!existsSync(native)) continue;
    const twin = runCli(args, input ?? '', native, []);
    assert.equal(twin.status, 2, `native ${args.join(' ')}`);
    assert.equal(twin.stdout, '');
    assert.match(twin.stderr, nativeMessage, `native ${args.join(' ')}`);
  }
  assert.match(runCli(['--help'], '').stdout, /gradscape regret CONFIG\.json\|-/);
});
