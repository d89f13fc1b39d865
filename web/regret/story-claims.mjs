// What each regret story (presets.mjs) claims, computed from the engine's result of its state
// (gs.regret(toConfig(state)), the result schema of docs/schema.md): a list of { text, ok } per
// story, checked by tests/js/regret-stories.test.mjs. A story that says its step sizes are the best
// of a grid (`grid` in its preset) has that checked too: `regret` (gs.regret) reruns the story's
// config with each of its tuned runs alone at every learning rate of the grid.
const claim = (text, ok) => ({ text, ok: Boolean(ok) });
const last = (r, i, key) => r.runs[i][key].at(-1);
/** Run i's value of `key` at the last record at or before t. */
const at = (r, i, key, t) => r.runs[i][key][r.runs[i].t.findLastIndex((s) => s <= t)];
/** The exponent k of R(t) ∝ tᵏ of run i over the last decade of t. */
const growth = (r, i) => Math.log(last(r, i, 'regret') / at(r, i, 'regret', r.T / 10)) / Math.log(10);
const near = (a, b, relative) => Math.abs(a - b) <= relative * Math.abs(b);

/** The learning rate of `lrs` with the least final regret for run i of `config` run alone. */
function bestOfGrid(config, i, lrs, regret) {
  const finals = lrs.map((lr) => regret({ ...config, optimizers: [{ ...config.optimizers[i], lr }] }).runs[0].regret.at(-1));
  return lrs[finals.indexOf(Math.min(...finals))];
}

/** Claims that each run of preset.grid.runs has the best learning rate of preset.grid.lrs. */
export function gridClaims(preset, config, regret) {
  if (!preset.grid) return [];
  return preset.grid.runs.map((i) => {
    const label = config.optimizers[i].label;
    const best = bestOfGrid(config, i, preset.grid.lrs, regret);
    return claim(`${label}’s α = ${config.optimizers[i].lr} is the best of the grid (best: ${best})`, best === config.optimizers[i].lr);
  });
}

export const STORY_CLAIMS = {
  reddi: (r) => {
    const C = r.problem.params.C;
    const limit = (2 * (C - 2)) / 3;
    return [
      claim('Adam’s average regret at T is within 1% of 2(C − 2)/3', near(last(r, 0, 'average_regret'), limit, 0.01)),
      claim('and has levelled off: within 1% of its value at T/2', near(last(r, 0, 'average_regret'), at(r, 0, 'average_regret', r.T / 2), 0.01)),
      claim('Adam ends at x = +1', r.runs[0].x_final[0] > 0.99),
      claim('the best fixed point is x = −1', r.comparator.x[0] === -1),
      claim('AMSGrad converges to −1', Math.abs(r.runs[1].x_final[0] + 1) < 1e-9),
      claim('AMSGrad’s average regret falls towards 0: below 1% of Adam’s limit and falling',
        last(r, 1, 'average_regret') < 0.01 * limit && last(r, 1, 'average_regret') < at(r, 1, 'average_regret', r.T / 2)),
    ];
  },
  sparse: (r) => [1, 2].map((i) => {
    const ratio = last(r, i, 'regret') / last(r, 0, 'regret');
    return claim(`${r.runs[i].optimizer.label} ends at about two thirds of SGD’s regret (${ratio.toFixed(3)})`, ratio > 0.6 && ratio < 0.72);
  }),
  drift: (r) => {
    const mean = r.problem.params.center;
    const slope = (i) => last(r, i, 'average_regret');
    return [
      claim('the best fixed point is the mean target', r.comparator.x.every((x) => Math.abs(x - mean) < 0.01)),
      ...[0, 1].map((i) => claim(`${r.runs[i].optimizer.label}: regret negative and falling linearly`,
        last(r, i, 'regret') < 0 && near(slope(i), at(r, i, 'average_regret', r.T / 2), 0.02))),
      ...[2, 3].map((i) => claim(`${r.runs[i].optimizer.label}: regret stays near 0 (|R(T)|/T under 2% of a constant step’s)`,
        Math.abs(slope(i)) < 0.02 * Math.min(Math.abs(slope(0)), Math.abs(slope(1))))),
      ...[2, 3].map((i) => claim(`${r.runs[i].optimizer.label} settles on the mean target`,
        Math.hypot(...r.runs[i].x_final.map((x, k) => x - r.comparator.x[k])) < 0.1)),
    ];
  },
  adversarial: (r) => [
    claim(`AdaGrad’s regret grows like √T: k = ${growth(r, 2).toFixed(3)} over the last decade`, growth(r, 2) > 0.4 && growth(r, 2) < 0.55),
    ...[0, 1].map((i) => claim(`${r.runs[i].optimizer.label}’s grows faster: k = ${growth(r, i).toFixed(3)}`, growth(r, i) > 0.6)),
    claim('the second OGD runs at a tenth of the first’s α', Math.abs(r.runs[1].optimizer.lr * 10 - r.runs[0].optimizer.lr) < 1e-12),
    claim('AdaGrad ends with less than a third of the best OGD’s regret', 3 * last(r, 2, 'regret') < Math.min(last(r, 0, 'regret'), last(r, 1, 'regret'))),
  ],
};
