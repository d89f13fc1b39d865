// Every race story (web/race/presets.mjs) runs as the page runs it: its configs (state.mjs's
// toConfigs) are the engine's to accept, every number its text states is its config's, and the
// kozistr stories tell what the README says they tell: the protocol changes the order.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/race/presets.mjs';
import { normalise, toConfigs } from '../../web/race/state.mjs';
import { assertNumbersKnown, numbersIn, storyText } from './story-support.mjs';

let gs;
before(async () => {
  gs = await loadGradscape({ race: true, full: true });
});

const configsOf = (preset) => toConfigs(normalise(structuredClone(preset.state)), gs.registry);
const preset = (id) => PRESETS.find((p) => p.id === id);
/** The optimizers' labels (else names) from rank 1 on. */
const order = (result) => result.ranking.map((i) => result.entries[i].tuned.label || result.entries[i].name);
const rankOf = (result, label) => order(result).indexOf(label) + 1;

test('every story\'s races are the engine\'s to run, and it names what to look at', () => {
  for (const p of PRESETS) {
    for (const config of configsOf(p)) gs.createRaceSession(config).delete();
    assert.ok(p.look?.length > 20, `${p.id}: no look-at text`);
  }
});

test('every number a story states is its config\'s (or the intervals\' 90%)', () => {
  for (const p of PRESETS) {
    const known = configsOf(p).flatMap((config) => numbersIn(config));
    assertNumbersKnown(p.id, storyText(p), [...known, 90]);
  }
});

test('rosenbrock-all: the winner reaches ε first and then leaves the minimum (its look-at text says so)', () => {
  const [result] = configsOf(preset('rosenbrock-all')).map((c) => gs.race(c));
  const winner = result.entries[result.ranking[0]];
  assert.equal(winner.name, 'adam', 'the README names the winner');
  assert.ok(winner.summary.success_rate > 0.5, `${winner.name} succeeds in ${winner.summary.success_rate}`);
  assert.ok(winner.summary.final_loss_median > 100 * result.eps, `${winner.name} ends at ${winner.summary.final_loss_median}`);
});

test('kozistr\'s protocol and the fair one order the same optimizers differently (the README\'s examples)', () => {
  const [koz, fair] = configsOf(preset('kozistr-rastrigin')).map((c) => gs.race(c));
  assert.equal(koz.start?.join(), '-2,3.5');
  assert.equal(koz.clip_norm, 1);
  assert.equal(fair.clip_norm, 0);
  assert.notDeepEqual(order(koz), order(fair));
  // Rastrigin from (−2, 3.5): Adam is 2nd under kozistr's protocol, last under the fair one.
  assert.equal(rankOf(koz, 'Adam'), 2);
  assert.equal(rankOf(fair, 'Adam'), 12);
  assert.deepEqual(fair.entries[fair.ranking[11]].rank_interval, [5, 12], 'the fair race does not settle its place');
  const [kozR, fairR] = configsOf(preset('kozistr-rosenbrock')).map((c) => gs.race(c));
  assert.notDeepEqual(order(kozR), order(fairR));
  // Rosenbrock from (−2, 2): Adam 6th under kozistr's protocol, 1st under the fair one.
  assert.equal(rankOf(kozR, 'Adam'), 6);
  assert.equal(rankOf(fairR, 'Adam'), 1);
});
