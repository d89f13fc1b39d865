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

test('a short story link (#story=<id>) is that story\'s state; other keys override it; the page\'s link of it decodes the same', async () => {
  const labs = {
    landscape: [await import('../../web/landscape/state.mjs'), await import('../../web/landscape/presets.mjs')],
    regret: [await import('../../web/regret/state.mjs'), await import('../../web/regret/presets.mjs')],
    sweep: [await import('../../web/sweep/state.mjs'), await import('../../web/sweep/presets.mjs')],
  };
  for (const [lab, [state, { PRESETS }]] of Object.entries(labs)) {
    for (const preset of PRESETS) {
      const decoded = state.decodeHash(`#story=${preset.id}`);
      assert.deepEqual(decoded, state.normalise({ ...structuredClone(preset.state), story: preset.id }), `${lab} ${preset.id}`);
      assert.deepEqual(state.decodeHash(state.encodeHash(decoded)), decoded, `${lab} ${preset.id}: the full link of it`);
    }
  }
  const [landscape] = labs.landscape;
  const overridden = landscape.decodeHash('#story=valley&steps=300&t=20&paused=1');
  assert.equal(overridden.steps, 300);
  assert.equal(overridden.t, 20);
  assert.equal(overridden.objective.name, 'rosenbrock');
  assert.throws(() => landscape.decodeHash('#story=nosuch'), /story: must be one of/);
  assert.throws(() => landscape.decodeHash('#steps=300'), /opt: missing/);
});
