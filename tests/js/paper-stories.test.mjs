// The paper lab's figures as stories: each says where to look (a chart it names as its focus),
// selects the optimizer entry its claim is about (none for Fig. 4's ablation, which has no entry),
// and every number in its title, description and look-at text is its config's. The paper's claims
// themselves are checked against a trained run by web/paper/claims.mjs, live in the page
// (tests/browser/paper.test.mjs): training the figures takes too long for a unit test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS } from '../../web/paper/presets.mjs';
import { HashError, decodeHash, encodeHash, normalise, toConfig } from '../../web/paper/state.mjs';
import { assertNumbersKnown, numbersIn, storyText } from './story-support.mjs';

const FOCUSES = ['loss', 'test', 'grid', 'ablation', 'claim'];

test('every figure names a chart to look at and says what to see there', () => {
  for (const preset of PRESETS) {
    assert.ok(FOCUSES.includes(preset.focus), `${preset.id}: focus ${preset.focus}`);
    assert.ok(preset.look?.length > 20, `${preset.id}: no look-at text`);
  }
});

test('every figure with optimizer entries selects the one its claim is about; the link keeps it', () => {
  for (const preset of PRESETS) {
    const state = normalise(structuredClone(preset.state));
    if (state.ablation) {
      assert.equal(state.selected, null, preset.id);
      continue;
    }
    assert.equal(state.selected, preset.state.selected, preset.id);
    assert.equal(state.optimizers[state.selected].name, 'adam', `${preset.id}: the paper's claims are about Adam`);
    assert.equal(decodeHash(encodeHash(state)).selected, state.selected, preset.id);
    assert.equal(decodeHash(encodeHash({ ...state, selected: 1 })).selected, 1, preset.id);
  }
});

test('a selection past the figure\'s entries is refused naming sel', () => {
  assert.throws(() => decodeHash('#fig=1l&sel=3'), (e) => e instanceof HashError && /^sel: must be an integer in \[0, 2\], got 3/.test(e.message));
  assert.throws(() => decodeHash('#fig=4&sel=0'), (e) => e instanceof HashError && /^sel: /.test(e.message));
});

test('every number a figure\'s story states is its config\'s', () => {
  for (const preset of PRESETS) {
    const state = normalise(structuredClone(preset.state));
    const known = [...numbersIn(toConfig(state)), ...numbersIn(state)];
    assertNumbersKnown(preset.id, storyText(preset), known, preset.facts ?? []);
  }
});
