// Every sweep story proves its point: its claims (web/sweep/story-claims.mjs) hold on the engine's
// maps of its exact state, it pins the cell it is about (a cell of its maps, which the page's hash
// accepts) and names what to look at, and every number its text states is its config's or one of
// its facts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/sweep/presets.mjs';
import { decodeHash, encodeHash, normalise, toConfigs } from '../../web/sweep/state.mjs';
import { STORY_CLAIMS } from '../../web/sweep/story-claims.mjs';
import { assertNumbersKnown, numbersIn, statedNumbers, storyText } from './story-support.mjs';

let gs;
const results = new Map();
before(async () => {
  gs = await loadGradscape({ sweep: true });
});

function maps(preset) {
  if (!results.has(preset.id)) {
    results.set(preset.id, toConfigs(normalise(structuredClone(preset.state)), gs.registry).map((c) => gs.sweep(c)));
  }
  return results.get(preset.id);
}

for (const preset of PRESETS) {
  test(`${preset.id}: its claims hold on the engine's maps`, () => {
    const claims = STORY_CLAIMS[preset.id];
    assert.ok(claims, `${preset.id} has no claims`);
    const checked = claims(maps(preset), preset.state.pin);
    assert.ok(checked.length > 0);
    for (const { text, ok } of checked) assert.ok(ok, `${preset.id}: ${text}`);
  });
}

test('every story pins a cell of its maps and names what to look at', () => {
  for (const preset of PRESETS) {
    const state = normalise(structuredClone(preset.state));
    assert.ok(state.pin, `${preset.id} pins no cell`);
    assert.deepEqual(decodeHash(encodeHash(state)).pin, preset.state.pin, preset.id);
    assert.ok(['maps', 'cell'].includes(preset.focus), `${preset.id}: focus ${preset.focus}`);
    assert.ok(preset.look?.length > 20, `${preset.id}: no look-at text`);
  }
});

test('every number a story states is its config\'s or one of its facts', () => {
  for (const preset of PRESETS) {
    const known = maps(preset).flatMap(({ values, diverged, diverged_at: at, x_values: xs, y_values: ys, ...config }) => numbersIn(config));
    assertNumbersKnown(preset.id, storyText(preset), known, preset.facts);
  }
});

test('the number check reads a power of ten and refuses a number that is neither known nor a fact', () => {
  assert.deepEqual(statedNumbers('from 10⁻⁴ to 1, f ≤ 10⁻⁶, 10⁵ runs, (−1.5, 2)'), [1e-4, 1, 1e-6, 1e5, 1.5, 2]);
  assert.doesNotThrow(() => assertNumbersKnown('t', 'start (−1.5, 2)', [-1.5, 2]));
  assert.throws(() => assertNumbersKnown('t', 'ends above f = 3', [1, 2]), /t: 3 is neither in its config nor among its facts/);
  assert.throws(() => assertNumbersKnown('t', 'ends above f = 3', [3], [7]), /t: fact 7 is not in its text/);
});
