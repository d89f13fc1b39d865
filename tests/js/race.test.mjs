// The race lab's JS API and CLI: gs.race and createRaceSession (advanced a trial at a time, the
// race is the whole race's, bit for bit), every held-out run replayed alone by gs.run (steps to ε
// and final loss), equal tuning lane-steps for every optimizer, the κ = 10 quadratic where Newton
// or L-BFGS ranks above SGD when the intervals say so, bad input naming the field, and
// `gradscape race` printing the same bytes from the native twin and from both wasm builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadGradscape, GradscapeError } from '../../web/api/gradscape.mjs';
import { labResultText } from './wasm-results.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'web/api/cli.mjs');
const native = join(root, 'build/native/gradscape_native');

const gs = await loadGradscape({ race: true, full: true });

const QUADRATIC = { name: 'quadratic', params: { kappa: 10, angle: 30 } };
const race = (extra = {}) => ({
  version: 1, objective: QUADRATIC,
  optimizers: [{ name: 'sgd' }, { name: 'adam', tune: ['lr', 'beta1'] }, { name: 'newton' }, { name: 'lbfgs' }],
  trials: 12, tuning_starts: 6, held_out_starts: 24, steps: 120, eps: 1e-6, seed: 3, bootstrap: 500, ...extra,
});

test('gs.race: a leaderboard with summaries, ranks, intervals and the protocol in one paragraph', () => {
  const result = gs.race(race());
  assert.equal(result.finished, true);
  assert.equal(result.entries.length, 4);
  assert.equal(result.lane_steps, result.lane_steps_total);
  assert.match(result.protocol, /^Each of 4 optimizers on Ill-conditioned quadratic tuned /);
  assert.match(result.protocol, /Gradients are not clipped/);
  assert.equal(result.f_star_from, 'known');
  assert.deepEqual([...result.ranking].sort(), [0, 1, 2, 3]);
  for (const e of result.entries) {
    assert.equal(e.trials.length, 12);
    assert.equal(e.trial_scores.length, 12);
    assert.ok(e.summary.runs === 24 && e.summary.success_rate >= 0 && e.summary.success_rate <= 1);
    assert.ok(e.rank_interval[0] <= e.rank && e.rank <= e.rank_interval[1]);
    assert.equal(e.held_out.steps_to_eps.length, 24);
  }
  // Equal budgets: every optimizer's tuning ran the same optimizer steps, whatever it tunes.
  assert.equal(new Set(result.entries.map((e) => e.tuning_lane_steps)).size, 1);
  assert.equal(result.entries[0].tuning_lane_steps, 12 * 6 * 120);
});

test('on the κ = 10 quadratic Newton or L-BFGS ranks above SGD where the intervals do not overlap', () => {
  const result = gs.race(race());
  const byName = Object.fromEntries(result.entries.map((e, i) => [e.name, { ...e, index: i }]));
  const sgd = byName.sgd;
  let asserted = 0;
  for (const name of ['newton', 'lbfgs']) {
    const second = byName[name];
    if (second.overlaps.includes(sgd.index)) continue;
    assert.ok(second.rank < sgd.rank, `${name} ${second.rank} above sgd ${sgd.rank}`);
    assert.ok(second.rank_interval[1] < sgd.rank_interval[0]);
    asserted += 1;
  }
  assert.ok(asserted >= 1, 'at least one second-order method is clear of SGD on this race');
});

test('a session advanced one trial at a time is the whole race, bit for bit; progress is reported', () => {
  const whole = JSON.stringify(gs.race(race({ search: 'halving', trials: 9 })));
  const session = gs.createRaceSession(race({ search: 'halving', trials: 9 }));
  try {
    assert.equal(session.phase, 'tuning');
    assert.equal(session.trialsTotal, 9 + 3 + 1);
    const partial = session.result();
    assert.equal(partial.ranking, null);
    assert.equal(partial.entries[0].best_trial, null);
    let calls = 0;
    let last = 0;
    while (!session.finished) {
      session.advance(1);
      assert.ok(session.laneStepsDone >= last);
      last = session.laneStepsDone;
      calls += 1;
    }
    assert.equal(session.phase, 'finished');
    assert.equal(session.laneStepsDone, session.laneStepsTotal);
    assert.ok(calls >= 4 * 13, `${calls} calls`);
    assert.equal(JSON.stringify(session.result()), whole);
  } finally {
    session.delete();
  }
});

test('every held-out run replays alone through gs.run: the same steps to ε and final loss', () => {
  for (const extra of [{}, { clip_norm: 0.5 }, { precision: 'f32', optimizers: [{ name: 'sgd' }, { name: 'rmsprop' }] }]) {
    const session = gs.createRaceSession(race(extra));
    try {
      while (!session.finished) session.advance(64);
      const result = session.result();
      const fStar = result.f_star;
      result.entries.forEach((e, i) => {
        for (let run = 0; run < e.held_out.steps_to_eps.length; ++run) {
          const config = session.heldOutRunConfig(i, run);
          if (extra.clip_norm) assert.equal(config.objective.noise.clip_norm, 0.5);
          const single = gs.run(config).runs[0];
          const first = single.loss.findIndex((f) => f - fStar <= result.eps);
          assert.equal(e.held_out.steps_to_eps[run], first < 0 ? result.steps + 1 : first, `${e.name} run ${run}`);
          if (single.diverged_at == null) assert.equal(e.held_out.final_loss[run], single.loss.at(-1));
          else assert.equal(e.held_out.final_loss[run], null);
        }
      });
    } finally {
      session.delete();
    }
  }
});

test('bad input is refused with the field named', () => {
  const cases = [
    [{ optimizers: [{ name: 'adam', tune: ['lrr'] }] }, /^optimizers\[0\]\.tune\[0\]: unknown adam hyperparameter "lrr"; did you mean "lr"/],
    [{ optimizers: [{ name: 'adam' }], trials: 5000 }, /^trials: must be an integer in \[1, 1024\]/],
    [{ optimizers: [{ name: 'adam' }], clip_norm: 'yes' }, /^clip_norm: /],
    [{ optimizers: [{ name: 'newton' }], precision: 'f32' }, /^optimizers\[0\]\.name: newton runs in f64 only/],
  ];
  for (const [config, pattern] of cases) {
    assert.throws(() => gs.race(config), (e) => e instanceof GradscapeError && pattern.test(e.message), JSON.stringify(config));
  }
  const session = gs.createRaceSession(race());
  try {
    assert.throws(() => session.heldOutRunConfig(0, 0), { message: /^entry: no optimizer is tuned yet/ });
    while (!session.finished) session.advance(100);
    assert.throws(() => session.heldOutRunConfig(4, 0), { message: /^entry \(a tuned optimizer\): must be an integer in \[0, 3\], got 4/ });
    assert.throws(() => session.heldOutRunConfig(0, 24), { message: /^run: must be an integer in \[0, 23\], got 24/ });
    assert.throws(() => session.heldOutRunConfig('0', 0), { message: /^entry: must be an integer index/ });
  } finally {
    session.delete();
  }
});

test('gradscape race prints the native twin\'s bytes from both wasm builds', async () => {
  const config = JSON.stringify(race({ optimizers: [{ name: 'sgd', tune: ['lr', 'momentum'] }, { name: 'adam' },
    { name: 'custom', rule: 'hyper lr = 0.01 [1e-5, 1] log\ntheta = theta - lr*g' }, { name: 'lbfgs' }], search: 'grid' }));
  const fromNative = spawnSync(native, ['race', '-'], { input: config, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(fromNative.status, 0, fromNative.stderr);
  const fromCli = spawnSync(process.execPath, [cli, 'race', '-'], { input: config, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(fromCli.status, 0, fromCli.stderr);
  assert.equal(fromCli.stdout, fromNative.stdout);
  const scalar = await loadGradscape({ race: true, full: true, flavour: 'scalar' });
  for (const [k, engine] of [gs, scalar].entries()) {
    assert.equal(labResultText(engine, 'race', config), fromNative.stdout, k ? 'scalar' : 'simd');
  }
  const bad = spawnSync(process.execPath, [cli, 'race', '-'], { input: '{"optimizers":[{"name":"adam"}],"seeds":3}', encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /seeds: more than one seed needs gradient noise/);
});
