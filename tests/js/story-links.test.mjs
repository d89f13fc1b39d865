// A lab's link carries the story its state comes from (story=<preset id>), for the landscape, the
// regret lab and the sweep lab: it round-trips through the hash, and an unknown story is refused
// with a message naming the key and the stories there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as landscape from '../../web/landscape/state.mjs';
import { PRESETS as LANDSCAPE } from '../../web/landscape/presets.mjs';
import * as regret from '../../web/regret/state.mjs';
import { PRESETS as REGRET } from '../../web/regret/presets.mjs';
import * as sweep from '../../web/sweep/state.mjs';
import { PRESETS as SWEEP } from '../../web/sweep/presets.mjs';

const LABS = { landscape: [landscape, LANDSCAPE], regret: [regret, REGRET], sweep: [sweep, SWEEP] };

for (const [lab, [state, presets]] of Object.entries(LABS)) {
  test(`${lab}: every story round-trips through the link`, () => {
    for (const preset of presets) {
      const s = state.normalise({ ...structuredClone(preset.state), story: preset.id });
      const hash = state.encodeHash(s);
      assert.match(hash, new RegExp(`story=${preset.id}`), preset.id);
      assert.equal(state.decodeHash(hash).story, preset.id);
    }
  });
  test(`${lab}: a state without a story writes none, and an unknown story names the key`, () => {
    assert.doesNotMatch(state.encodeHash(state.defaultState()), /story=/);
    const hash = state.encodeHash(state.defaultState());
    assert.throws(() => state.decodeHash(`${hash}&story=nope`), /story: must be one of .*got "nope"/);
  });
}
