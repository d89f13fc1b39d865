// Every landscape story proves its point: its claims (web/landscape/story-claims.mjs) hold on the
// engine's result of its state, it selects the run it is about, and every number its text states is
// a value of its resolved config or one of its `facts`, which its claims check.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/landscape/presets.mjs';
import { toConfig } from '../../web/landscape/state.mjs';
import { STORY_CLAIMS } from '../../web/landscape/story-claims.mjs';
import { assertNumbersKnown, numbersIn, statedNumbers, storyText } from './story-support.mjs';

let gs;
before(async () => {
  gs = await loadGradscape({ full: true });
});

const result = (preset) => gs.run(toConfig(preset.state, gs.registry));

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
    const known = [...numbersIn(head), ...runs.flatMap((run) => numbersIn(run.optimizer))];
    assertNumbersKnown(preset.id, storyText(preset), known, preset.facts);
  }
});

test('the number check finds a number the config does not have', () => {
  assert.deepEqual(statedNumbers('SGD with lr 0.003, β1 = 0.9, Section 3, 30°'), [0.003, 0.9, 30]);
});
