// The typed formula through the JS API and the landscape's state: gs.run and a session's
// objective() (the parsed formula's LaTeX, parameters, view, start and minima), each classic
// preset with the minimum its reference states found, bad formulas naming objective.expr with the
// column, a sweep over a formula's parameter, and links that keep the formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { loadGradscape, GradscapeError, USER_OBJECTIVES, isUserObjective, needsFullEngine } from '../../web/api/gradscape.mjs';
import { FORMULA_PRESETS } from '../../web/lib/formula-presets.mjs';
import { presetObjective } from '../../web/lib/formula-field.mjs';
import { formulaConfig, objectiveState } from '../../web/lib/objective-config.mjs';
import { decodeHash, encodeHash, normalise, toConfig } from '../../web/landscape/state.mjs';

const gs = await loadGradscape({ sweep: true, full: true });

test('the user objectives are in the full engine: the smaller core names it when asked for them', async () => {
  const core = await loadGradscape();
  assert.equal(core.full, false);
  assert.equal(gs.full, true);
  const names = (registry) => registry.objectives.map((o) => o.name);
  assert.deepEqual(names(gs.registry).filter((n) => !names(core.registry).includes(n)), [...USER_OBJECTIVES],
    'the full engine lists exactly the user objectives more, after the built-ins');
  assert.deepEqual(names(gs.registry).slice(0, names(core.registry).length), names(core.registry));
  for (const name of USER_OBJECTIVES) {
    assert.ok(isUserObjective(name) && isUserObjective({ name }));
    assert.throws(() => core.run({ objective: { name, expr: 'x^2', data: [[0, 1]] }, steps: 1, optimizers: [{ name: 'sgd' }] }),
      new RegExp(`^GradscapeError: objective\\.name: "${name}" is a user objective, which this engine module leaves out to stay small; load the engine with loadGradscape\\(\\{ full: true \\}\\)$`));
  }
  assert.equal(isUserObjective('rosenbrock'), false);
  assert.ok(needsFullEngine({ objective: { name: 'logistic' } }) && needsFullEngine({ objective: 'formula' }));
  assert.equal(needsFullEngine({ objective: 'rosenbrock' }), false);
  assert.equal(needsFullEngine(undefined), false);
  assert.equal(isUserObjective(undefined), false);
  assert.throws(() => core.run({ objective: 'formulas' }), /^GradscapeError: objective\.name: unknown objective "formulas"/);
  await assert.rejects(loadGradscape({ full: 'yes' }), /^GradscapeError: full: must be true or false, got "yes"$/);
  // The sweep lab's module has them itself.
  const sweepOnly = await loadGradscape({ sweep: true });
  assert.equal(sweepOnly.full, false);
  const map = sweepOnly.sweep({
    objective: { name: 'formula', expr: 'x^2 + 4*y^2' }, steps: 20, start: [1, 1], optimizer: { name: 'sgd', lr: 0.1 },
    x: { param: 'lr', min: 0.01, max: 0.2, n: 2 }, y: { param: 'momentum', min: 0, max: 0.9, n: 2 },
  });
  assert.ok(map.values.flat().every(Number.isFinite));
});

test('a typed formula runs, and the session describes it as the engine read it', () => {
  const session = gs.createRunSession();
  session.configure({
    objective: { name: 'formula', expr: 'sin(x)*cos(y) + 0.1*(x^2+y^2)' }, steps: 100,
    optimizers: [{ name: 'adam', lr: 0.05 }, { name: 'sgd', lr: 0.1, momentum: 0.9 }],
  });
  session.advance(100);
  const info = session.objective();
  assert.equal(info.name, 'formula');
  assert.equal(info.expr, 'sin(x)*cos(y) + 0.1*(x^2+y^2)');
  assert.match(info.latex, /\\sin\\left\(x\\right\) \\cdot \\cos\\left\(y\\right\)/);
  katex.renderToString(info.latex, { throwOnError: true });
  assert.equal(info.view.length, 4);
  assert.ok(info.view[0] < info.view[1] && info.view[2] < info.view[3]);
  const minima = session.minima();
  assert.ok(minima.length >= 2, JSON.stringify(minima));
  assert.ok(minima.some((m) => m.global));
  for (let i = 0; i < 2; ++i) {
    assert.equal(session.status(i).status, 'ok');
    const loss = session.loss(i);
    assert.ok(loss[loss.length - 1] < loss[0]);
  }
  session.delete();
});

test('every classic preset parses, and its reference minimum is found as the global one', () => {
  const session = gs.createRunSession();
  for (const preset of FORMULA_PRESETS) {
    session.configure({ objective: formulaConfig(presetObjective(preset, { sigma: 0, sparsity: 0, seed: 1 })), steps: 1 });
    const minima = session.minima();
    const { x, y, value } = preset.minimum;
    const found = minima.find((m) => Math.hypot(m.x - x, m.y - y) < 1e-3 || Math.hypot(m.x + x, m.y + y) < 1e-3);
    assert.ok(found, `${preset.label}: ${JSON.stringify(minima)}`);
    assert.ok(found.global, `${preset.label}: the reference minimum is the lowest found`);
    assert.ok(Math.abs(found.value - value) < 1e-3 * Math.max(1, Math.abs(value)), `${preset.label}: ${found.value}`);
    katex.renderToString(session.objective().latex, { throwOnError: true });
  }
  session.delete();
});

test('a bad formula names objective.expr and the column', () => {
  const bad = [
    ['x + *y', "objective.expr: unexpected '*' at column 5: expected a number, variable, function or '('"],
    ['sine(x)', "objective.expr: unknown function 'sine' at column 1 (did you mean sin?)"],
    ['(x + 1', "objective.expr: missing ')' for the '(' at column 1"],
    ['x'.repeat(1001), 'objective.expr: the formula is 1001 characters long: at most 1000 are allowed'],
  ];
  for (const [expr, message] of bad) {
    assert.throws(() => gs.run({ objective: { name: 'formula', expr } }), (error) => {
      assert.ok(error instanceof GradscapeError);
      assert.equal(error.field, 'objective.expr');
      assert.equal(error.message, message);
      return true;
    });
  }
});

test('a run that leaves the domain says so, and a diverging one says diverged', () => {
  const result = gs.run({
    objective: { name: 'formula', expr: 'log(x) + y^2' }, start: [0.5, 1], steps: 20,
    optimizers: [{ name: 'sgd', lr: 1 }, { name: 'sgd', lr: 0.0001 }],
  });
  assert.equal(result.runs[0].status, 'left_domain');
  assert.equal(result.runs[0].message, 'left the domain at step 1: log of a number ≤ 0 at column 1');
  assert.equal(result.runs[1].status, 'ok');
});

test('a sweep over a formula parameter maps its cells', () => {
  const map = gs.sweep({
    objective: { name: 'formula', expr: 'a*x^2 + y^2', params: { a: { value: 1, min: 0.1, max: 10 } } },
    steps: 50, start: [1, 1], optimizer: { name: 'sgd', lr: 0.1 },
    x: { param: 'lr', min: 0.01, max: 0.5, n: 5 }, y: { param: 'momentum', min: 0, max: 0.9, n: 3 },
  });
  assert.equal(map.values.flat().length, 15);
  assert.ok(map.values.flat().every(Number.isFinite));
});

test('the landscape state keeps a formula in its link and turns it into the config', () => {
  const state = normalise({
    objective: { name: 'formula', expr: '(a - x)^2 + 100*(y - x^2)^2', params: { a: 1.5 }, ranges: { a: [0, 3] } },
    optimizers: [{ name: 'adam', lr: 0.05 }],
  });
  const hash = encodeHash(state);
  assert.match(hash, /f=formula/);
  assert.match(hash, /expr=\(a%20-%20x\)%5E2%20%2B%20100\*\(y%20-%20x%5E2\)%5E2/);
  assert.match(hash, /fr=a:0,3/);
  const back = decodeHash(hash);
  assert.deepEqual(back.objective, state.objective);
  const config = toConfig(back, gs.registry);
  assert.deepEqual(config.objective.params, { a: { value: 1.5, min: 0, max: 3 } });
  assert.equal(config.start, undefined);
  assert.deepEqual(objectiveState(config.objective), state.objective);
  const result = gs.run({ ...config, steps: 5 });
  assert.equal(result.objective.expr, '(a - x)^2 + 100*(y - x^2)^2');
});

test('the web component\'s expr attribute makes a formula objective, and is refused where it cannot apply', async () => {
  const { configFromAttributes, AttributeError } = await import('../../web/component/attributes.mjs');
  const attributes = (values) => (name) => values[name] ?? null;
  assert.deepEqual(configFromAttributes('landscape', attributes({ expr: 'x^2 + 3y^2' })).objective,
    { name: 'formula', expr: 'x^2 + 3y^2', params: {} });
  assert.deepEqual(configFromAttributes('sweep', attributes({ objective: 'formula', expr: 'x^2' })).objective,
    { name: 'formula', expr: 'x^2', params: {} });
  assert.throws(() => configFromAttributes('landscape', attributes({ objective: 'rosenbrock', expr: 'x^2' })),
    (e) => e instanceof AttributeError && /expr: a formula needs objective="formula"/.test(e.message));
  assert.throws(() => configFromAttributes('regret', attributes({ expr: 'x^2' })),
    (e) => e instanceof AttributeError && e.message === 'expr: the regret view has no expr; set it in config');
});
