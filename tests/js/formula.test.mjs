// The formula panel shows the rule the engine runs (gs.formula(spec)), not the optimizer's general
// form: for every optimizer and every combination of its switches (bias correction, AMSGrad,
// centered, Nesterov, momentum on or off, dampening, lr_decay, L2 or decoupled weight decay, a
// schedule, a decaying β1), the LaTeX renders with KaTeX and names exactly the terms the engine
// uses, and no term it does not.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { loadGradscape } from '../../web/api/gradscape.mjs';

let gs;
before(async () => {
  gs = await loadGradscape();
});

// The values each switch takes: off first.
const SWITCHES = {
  weight_decay: [0, 0.1], momentum: [0, 0.5], dampening: [0, 0.3], lr_decay: [0, 0.1], beta1_decay: [1, 0.99],
};

/** Every spec of optimizer `info` over its switches, the configs the engine accepts. */
function variants(info) {
  const axes = [['schedule', ['constant', 'inv_sqrt']]];
  for (const h of info.hyperparameters) {
    if (h.type === 'bool') axes.push([h.name, [false, true]]);
    else if (SWITCHES[h.name]) axes.push([h.name, SWITCHES[h.name]]);
  }
  let specs = [{ name: info.name }];
  for (const [key, values] of axes) specs = specs.flatMap((s) => values.map((v) => ({ ...s, [key]: v })));
  return specs.filter((s) => !(s.nesterov && !(s.momentum > 0 && !s.dampening)));
}

const has = (latex, term) => latex.includes(term);

/** What the engine uses for `spec`, each as [present?, term, why]. */
function expectations(spec) {
  const e = [];
  const scheduled = spec.schedule !== 'constant';
  if (spec.name !== 'rprop') e.push([scheduled, /(?<!\\tilde)\\(?:eta|alpha)_t(?![a-z])/, 'the scheduled learning rate α_t']);
  // λ decays the first-moment coefficient, which SGD and RMSProp use only with momentum on.
  const firstMoment = !('momentum' in spec) || spec.name === 'nag' || spec.momentum > 0;
  if ('beta1_decay' in spec) e.push([spec.beta1_decay !== 1 && firstMoment, '\\lambda_{\\beta_1}', 'β1,t = β1·λ^(t−1)']);
  if ('weight_decay' in spec) {
    const term = spec.name === 'adamw' ? '\\lambda)' : 'g_t + \\lambda';
    e.push([spec.weight_decay !== 0, term, 'weight decay']);
  }
  if ('bias_correction' in spec) e.push([spec.bias_correction, '1-\\beta_1^t', 'the bias correction']);
  if ('amsgrad' in spec) e.push([spec.amsgrad, '\\max', 'AMSGrad\'s maximum']);
  if ('centered' in spec) e.push([spec.centered, '\\bar g', 'the centered average']);
  if (spec.name === 'sgd' || spec.name === 'rmsprop') e.push([spec.momentum > 0, 'b_t', 'the momentum buffer']);
  if ('nesterov' in spec) e.push([spec.nesterov, '(g_t + ', 'Nesterov\'s look-ahead']);
  if ('dampening' in spec) e.push([spec.momentum > 0 && spec.dampening > 0, '\\tau', 'dampening']);
  if ('lr_decay' in spec) e.push([spec.lr_decay > 0, '\\tilde\\eta', 'lr_decay']);
  return e;
}

test('every optimizer and every combination of its switches: the formula names exactly the terms the engine uses', () => {
  let checked = 0;
  for (const info of gs.registry.optimizers) {
    for (const spec of variants(info)) {
      const latex = gs.formula(spec);
      assert.doesNotThrow(() => katex.renderToString(latex, { throwOnError: true, displayMode: true }), JSON.stringify(spec));
      // weight decay's λ aside, the only λ is β1's decay.
      if (spec.weight_decay === 0 || !('weight_decay' in spec)) {
        assert.ok(!latex.replaceAll('\\lambda_{\\beta_1}', '').includes('\\lambda'), `${JSON.stringify(spec)}: ${latex}`);
      }
      for (const [present, term, why] of expectations(spec)) {
        const found = term instanceof RegExp ? term.test(latex) : has(latex, term);
        assert.equal(found, present, `${JSON.stringify(spec)}: ${why} ${present ? 'missing' : 'shown'} in ${latex}`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 150, `${checked} variants`);
});

test('the formula of a bad spec is a GradscapeError naming the field', () => {
  assert.throws(() => gs.formula({ name: 'adam', beta2: 1.5 }), /spec\.beta2: must be a number in \[0, 1\)/);
  assert.throws(() => gs.formula({ name: 'adma' }), /spec\.name: unknown optimizer "adma"/);
});

test('Adam without bias correction: the panel\'s rule has no m̂, v̂ or 1 − β^t', () => {
  const latex = gs.formula({ name: 'adam', bias_correction: false });
  assert.ok(!latex.includes('\\hat') && !latex.includes('1-\\beta_1^t') && !latex.includes('1-\\beta_2^t'), latex);
  assert.ok(latex.includes('m_t/(\\sqrt{v_t}+\\epsilon)'), latex);
});

test('the docs\' rules are the engine\'s: each setting that changes the default rule (formulaVariants)', async () => {
  const { loadGradscape } = await import('../../web/api/gradscape.mjs');
  const { formulaVariants } = await import('../../web/lib/formula-variants.mjs');
  const engine = await loadGradscape();
  const formula = (spec) => engine.formula(spec);
  for (const o of engine.registry.optimizers) {
    const base = formula({ name: o.name });
    for (const v of formulaVariants(o, formula)) {
      assert.equal(v.latex, formula(v.spec), `${o.name}: ${v.label}`);
      assert.notEqual(v.latex, base, `${o.name}: ${v.label} changes the rule`);
    }
  }
  const labels = (name) => formulaVariants(engine.registry.optimizers.find((o) => o.name === name), formula).map((v) => v.label);
  for (const label of ['weight_decay > 0', 'amsgrad = true', 'bias_correction = false', 'beta1_decay < 1']) {
    assert.ok(labels('adam').includes(label), `adam: ${label}`);
  }
  assert.ok(labels('sgd').includes('nesterov = true (with momentum > 0)'), 'Nesterov is shown with the momentum it needs');
  assert.ok(labels('rmsprop').includes('centered = true'));
  assert.ok(!labels('adam').some((l) => l.startsWith('lr')), 'a value that only scales the step is not a variant');
});
