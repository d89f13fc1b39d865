// Every regret story proves its point: its claims (web/regret/story-claims.mjs) hold on the engine's
// result of its exact state, a story that says it was tuned on a grid has the grid's best step
// sizes, it selects the run it is about and names the chart to look at, and every number its text
// states is its config's or one of its facts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/regret/presets.mjs';
import { HashError, decodeHash, encodeHash, normalise, toConfig } from '../../web/regret/state.mjs';
import { STORY_CLAIMS, gridClaims } from '../../web/regret/story-claims.mjs';
import { selectedAfterRemoving } from '../../web/lib/selected-run.mjs';
import { assertNumbersKnown, numbersIn, storyText } from './story-support.mjs';

const FOCUSES = ['regret', 'average', 'iterate', 'runs', 'findings'];

let gs;
const results = new Map();
before(async () => {
  gs = await loadGradscape({ regret: true });
});

const configOf = (preset) => toConfig(normalise(structuredClone(preset.state)), gs.registry);
function result(preset) {
  if (!results.has(preset.id)) results.set(preset.id, gs.regret(configOf(preset)));
  return results.get(preset.id);
}

for (const preset of PRESETS) {
  test(`${preset.id}: its claims hold on the engine's result`, () => {
    const claims = STORY_CLAIMS[preset.id];
    assert.ok(claims, `${preset.id} has no claims`);
    const checked = claims(result(preset));
    assert.ok(checked.length > 0);
    for (const { text, ok } of checked) assert.ok(ok, `${preset.id}: ${text}`);
  });

  if (preset.grid) {
    test(`${preset.id}: its runs have the best step size of its grid`, () => {
      const checked = gridClaims(preset, configOf(preset), (config) => gs.regret(config));
      assert.equal(checked.length, preset.grid.runs.length);
      for (const { text, ok } of checked) assert.ok(ok, `${preset.id}: ${text}`);
    });
  }
}

test('every story selects one of its runs and names a chart to look at', () => {
  for (const preset of PRESETS) {
    const { selected, optimizers } = preset.state;
    assert.ok(Number.isInteger(selected) && selected >= 0 && selected < optimizers.length, preset.id);
    assert.equal(normalise(structuredClone(preset.state)).selected, selected, preset.id);
    assert.ok(FOCUSES.includes(preset.focus), `${preset.id}: focus ${preset.focus}`);
    assert.ok(preset.look?.length > 20, `${preset.id}: no look-at text`);
  }
});

test('every number a story states is its config\'s or one of its facts', () => {
  for (const preset of PRESETS) {
    const { runs, ...head } = result(preset);
    const known = [...numbersIn(head), ...runs.flatMap((run) => numbersIn(run.optimizer))];
    assertNumbersKnown(preset.id, storyText(preset), known, preset.facts);
  }
});

test('the grid check fails for a step size that is not the grid\'s best', () => {
  const preset = PRESETS.find((p) => p.id === 'adversarial');
  const config = configOf(preset);
  config.optimizers[0].lr = 1;
  const [checked] = gridClaims(preset, config, (c) => gs.regret(c));
  assert.equal(checked.ok, false, checked.text);
});

test('removing a run keeps the selection on the same run, or clears it when that run goes', () => {
  assert.equal(selectedAfterRemoving(2, 0), 1);
  assert.equal(selectedAfterRemoving(2, 2), null);
  assert.equal(selectedAfterRemoving(1, 2), 1);
  assert.equal(selectedAfterRemoving(null, 0), null);
});

test('a link keeps the selected run; one past the runs is refused naming sel', () => {
  const state = normalise(structuredClone(PRESETS.find((p) => p.id === 'adversarial').state));
  assert.match(encodeHash(state), /&sel=2/);
  assert.equal(decodeHash(encodeHash(state)).selected, 2);
  assert.throws(() => decodeHash('#p=reddi&T=10&rec=1&opt=adam&sel=1'),
    (e) => e instanceof HashError && e.message === 'sel: must be an integer in [0, 0], got 1');
});
