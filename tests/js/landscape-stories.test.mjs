// Every landscape story proves its point: its claims (web/landscape/story-claims.mjs) hold on the
// engine's result of its state, it selects the run it is about, and every number its text states is
// a value of its resolved config or one of its `facts`, which its claims check.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/landscape/presets.mjs';
import { toConfig } from '../../web/landscape/state.mjs';
import { STORY_CLAIMS } from '../../web/landscape/story-claims.mjs';

let gs;
before(async () => {
  gs = await loadGradscape();
});

const result = (preset) => gs.run(toConfig(preset.state, gs.registry));

/** The numbers a text states: not a digit of a name (β1, L2), a section or an algorithm's number. */
function statedNumbers(text) {
  const cited = /(?:Section|Algorithm|Theorem|Figure)\s+\d+(?:\.\d+)?/g;
  return [...text.replace(cited, '').matchAll(/(?<![\p{L}\d.])\d+(?:\.\d+)?/gu)].map((m) => Number(m[0]));
}

/** Every number in a JSON value. */
function numbersIn(value) {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

test('every story has claims, and they hold on the engine\'s result', () => {
  for (const preset of PRESETS) {
    const claims = STORY_CLAIMS[preset.id];
    assert.ok(claims, `${preset.id} has no claims`);
    const r = result(preset);
    const checked = claims(r);
    assert.ok(checked.length > 0, preset.id);
    for (const { text, ok } of checked) assert.ok(ok, `${preset.id}: ${text}`);
  }
});

test('every story selects one of its runs', () => {
  for (const preset of PRESETS) {
    const { selected, optimizers } = preset.state;
    assert.ok(Number.isInteger(selected) && selected >= 0 && selected < optimizers.length, preset.id);
  }
});

test('every number a story states is its config\'s or one of its facts', () => {
  for (const preset of PRESETS) {
    const r = result(preset);
    const { runs, ...head } = r;
    const known = new Set([...numbersIn(head), ...runs.flatMap((run) => numbersIn(run.optimizer)), ...preset.facts]);
    for (const n of statedNumbers(`${preset.title} ${preset.description}`)) {
      assert.ok(known.has(n), `${preset.id}: ${n} is neither in its config nor among its facts`);
    }
    for (const fact of preset.facts) {
      assert.ok(statedNumbers(preset.description).includes(fact), `${preset.id}: fact ${fact} is not in its text`);
    }
  }
});

test('the number check finds a number the config does not have', () => {
  assert.deepEqual(statedNumbers('SGD with lr 0.003, β1 = 0.9, Section 3, 30°'), [0.003, 0.9, 30]);
});
