// The paper lab's figures as stories: each says where to look (a chart it names as its focus),
// selects the optimizer entry its claim is about (none for Fig. 4's ablation, which has no entry),
// and every number in its title, description and look-at text is its config's. Each figure's exact
// preset config is trained once here with gs.paper (about 35 s for all four on a quiet 2-core box)
// and the paper's claim, checked by web/paper/claims.mjs as the page does, holds on the result, as
// each look-at text says; every optimizer's chosen learning rate lies inside its grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { PRESETS } from '../../web/paper/presets.mjs';
import { checkClaim } from '../../web/paper/claims.mjs';
import { ablationTable } from '../../web/paper/ablation.mjs';
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

const images = new URL('../../public/data/fashion-mnist-6k.bin', import.meta.url);
let trained = null;

// The ablation table of a gs.paper result, read as the page reads its job's streamed runs.
function resultAblation(result, config, ablation) {
  const runs = result.runs.map((run) => ({
    info: { optimizer_index: run.optimizer_index }, epoch: { view: () => run.epoch }, trainLoss: { data: run.train_loss },
    status: { status: run.status, diverged_at: run.diverged_at },
  }));
  return ablationTable({ config, batchesPerEpoch: result.batches_per_epoch, runs }, ablation);
}

/** Every figure trained once from its exact preset config: [{preset, config, result, check}]. */
async function trainFigures() {
  if (trained) return trained;
  const gs = await loadGradscape({ flavour: 'simd', paper: true });
  gs.loadPaperImages(readFileSync(images));
  trained = PRESETS.map((preset) => {
    const state = normalise(structuredClone(preset.state));
    const config = toConfig(state);
    const result = gs.paper(config);
    const labels = config.optimizers.map((o) => o.label ?? o.name);
    const ablation = state.ablation ? resultAblation(result, config, state.ablation) : null;
    const check = checkClaim({ figure: preset.id, grids: result.grid, config, labels, ablation, finished: true });
    return { preset, config, result, check };
  });
  return trained;
}

const partsText = (check) => check.parts.map((p) => `${p.ok ? '✓' : '✗'} ${p.text}`).join('; ');

test('every figure\'s claim holds on the engine\'s result of its exact preset config, as its text says', async () => {
  for (const { preset, check } of await trainFigures()) {
    assert.match(preset.look, /the paper finds/, preset.id);
    assert.equal(check.ok, true, `${preset.id}: ${partsText(check)}`);
    assert.ok(check.parts.length > 0 && check.parts.every((p) => p.ok === true), `${preset.id}: ${partsText(check)}`);
  }
});

test('every optimizer\'s chosen learning rate lies inside its grid, not on an edge', async () => {
  for (const { preset, config, result } of await trainFigures()) {
    if (preset.id === '4') continue;
    result.grid.forEach((g, i) => {
      const at = g.lr_grid.indexOf(g.chosen_lr);
      assert.ok(at > 0 && at < g.lr_grid.length - 1,
        `${preset.id}, ${config.optimizers[i].label ?? config.optimizers[i].name}: best α ${g.chosen_lr} on the edge of ${g.lr_grid.join(', ')}`);
    });
  }
});

test('Fig. 2: Adam is lowest only narrowly, just below SGD Nesterov, as its look-at text says', async () => {
  const { preset, config, result } = (await trainFigures()).find((f) => f.preset.id === '2');
  assert.match(preset.look, /only narrowly, just below SGD Nesterov/);
  const finals = result.grid.map((g, i) => ({ label: config.optimizers[i].label, loss: g.final_train_loss[g.lr_grid.indexOf(g.chosen_lr)] }))
    .sort((a, b) => a.loss - b.loss);
  assert.deepEqual(finals.slice(0, 2).map((f) => f.label), ['Adam', 'SGD Nesterov']);
  assert.ok(finals[1].loss < finals[0].loss * 1.05, `${finals[0].loss} vs ${finals[1].loss}: not narrow (5% or more)`);
});

test('Fig. 4: instability without bias correction is checked at every β₂ close to 1 (0.999, 0.9999) for both β₁', async () => {
  const { preset, check } = (await trainFigures()).find((f) => f.preset.id === '4');
  const cells = preset.state.ablation.beta1.flatMap((b1) => preset.state.ablation.beta2.filter((b2) => b2 >= 0.999).map((b2) => `β₁ ${b1}, β₂ ${b2},`));
  assert.equal(cells.length, 4);
  for (const cell of cells) {
    const part = check.parts.find((p) => p.text.startsWith(cell));
    assert.ok(part, `${cell} not checked: ${partsText(check)}`);
    assert.match(part.text, /unstable without/);
  }
  assert.match(check.parts.at(-1).text, /^lowest loss after the longer budget: .*, corrected, /);
});
