// Math in the texts readers see is typeset (KaTeX, from a `latex` field or a data-tex element) or
// written with Unicode super- and subscripts, never with raw carets: every string of the registry
// (its `latex` fields and the step bounds' formula aside), every preset and story of the labs, and
// the prose of the essay and the docs page outside their formulas.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS as LANDSCAPE } from '../../web/landscape/presets.mjs';
import { PRESETS as PAPER } from '../../web/paper/presets.mjs';
import { PRESETS as REGRET } from '../../web/regret/presets.mjs';
import { PRESETS as SWEEP } from '../../web/sweep/presets.mjs';

const root = new URL('../../', import.meta.url).pathname;
// Fields that hold LaTeX (typeset by KaTeX) or a typed formula, not prose: every `latex` and `expr`, and the step bounds' formulas.
const isFormula = (path, key) => key === 'latex' || key === 'expr' || (path === '.step_bounds' && (key === 'paper' || key === 'exact'));

/** [path, text] of every string under `value`, formula fields skipped. */
function texts(value, path = '') {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).filter(([key]) => !isFormula(path, key)).flatMap(([key, v]) => texts(v, `${path}.${key}`));
  }
  return [];
}

const carets = (list) => list.filter(([, text]) => text.includes('^')).map(([path, text]) => `${path}: ${text}`);

let registry;
before(async () => {
  ({ registry } = await loadGradscape());
});

test('the registry\'s texts have no raw carets', () => {
  assert.ok(texts(registry).length > 200);
  assert.deepEqual(carets(texts(registry)), []);
});

test('the labs\' presets and stories have no raw carets', () => {
  for (const [lab, presets] of Object.entries({ landscape: LANDSCAPE, regret: REGRET, sweep: SWEEP, paper: PAPER })) {
    assert.ok(presets.length > 0, lab);
    assert.deepEqual(carets(texts(presets, lab)), [], lab);
  }
});

test('the essay and the docs page have no raw carets outside their formulas', () => {
  for (const page of ['web/story.html', 'web/docs.html']) {
    const prose = readFileSync(`${root}${page}`, 'utf8')
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/data-tex="[^"]*"/g, '')
      .replace(/<code>[\s\S]*?<\/code>/g, '');
    const lines = prose.split('\n').map((line, i) => [`${page}:${i + 1}`, line]);
    assert.deepEqual(carets(lines), [], page);
  }
});

test('the check finds a caret where one is', () => {
  assert.deepEqual(carets(texts({ description: 'f(a, a^2)', latex: 'a^2' })), ['.description: f(a, a^2)']);
});

// A letter subscripted with an underscore (f_t, c_t, g_{1:t}) in prose: written fₜ, cₜ or typeset instead.
const PROSE_FIELDS = new Set(['title', 'description', 'look', 'scaled']);
const subscripts = (list) => list.filter(([path, text]) => PROSE_FIELDS.has(path.split('.').at(-1)) && /(?<![\p{L}\d_])\p{L}_[\p{L}\d{]/u.test(text))
  .map(([path, text]) => `${path}: ${text}`);

test('the labs\' stories write subscripts with Unicode, not underscores (f_t)', () => {
  assert.deepEqual(subscripts(texts({ description: 'on f_t(x)', title: 'bias_correction off', look: 'cₜ' })), ['.description: on f_t(x)'], 'the check finds one where it is');
  for (const [lab, presets] of Object.entries({ landscape: LANDSCAPE, regret: REGRET, sweep: SWEEP, paper: PAPER })) {
    assert.deepEqual(subscripts(texts(presets, lab)), [], lab);
  }
});
