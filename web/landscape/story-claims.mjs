// What each landscape story (presets.mjs) claims, computed from the engine's result of its state
// (gs.run(toConfig(state)), the result schema of docs/schema.md): a list of { text, ok } per story,
// checked by tests/js/landscape-stories.test.mjs, the way the paper lab's claims are.
const final = (r, i) => r.runs[i].trajectory.at(-1);
const finalLoss = (r, i) => r.runs[i].loss.at(-1);
const distance = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);
/** The mean loss of run i over its last k steps. */
const tailLoss = (r, i, k = 100) => r.runs[i].loss.slice(-k).reduce((a, b) => a + b, 0) / k;
/** The largest move of one coordinate in one step of run i. */
const maxCoordinateStep = (r, i) => {
  const t = r.runs[i].trajectory;
  return Math.max(...t.slice(1).map((p, k) => Math.max(Math.abs(p[0] - t[k][0]), Math.abs(p[1] - t[k][1]))));
};
/** The mean step length of run i over its last k steps. */
const tailStep = (r, i, k = 100) => {
  const t = r.runs[i].trajectory.slice(-k - 1);
  return t.slice(1).reduce((sum, p, j) => sum + distance(p, t[j]), 0) / k;
};
/** How often run i turns back (consecutive steps at more than 90°) in its first n steps. */
const reversals = (r, i, n) => {
  const t = r.runs[i].trajectory;
  let count = 0;
  for (let k = 1; k < n; ++k) {
    const a = [t[k][0] - t[k - 1][0], t[k][1] - t[k - 1][1]];
    const b = [t[k + 1][0] - t[k][0], t[k + 1][1] - t[k][1]];
    if (a[0] * b[0] + a[1] * b[1] < 0) count += 1;
  }
  return count;
};
const claim = (text, ok) => ({ text, ok: Boolean(ok) });

export const STORY_CLAIMS = {
  stuck: (r) => [
    claim('SGD and Adam end in the same (shallow) basin', Math.abs(finalLoss(r, 0) - finalLoss(r, 3)) < 1e-6),
    claim('momentum 0.9 ends in the deeper basin', finalLoss(r, 1) < finalLoss(r, 0) - 1),
    claim('the EMA form of momentum too', finalLoss(r, 2) < finalLoss(r, 0) - 1),
  ],
  valley: (r) => [
    claim('SGD ends far from (1, 1)', distance(final(r, 0), [1, 1]) > 1),
    claim('momentum ends closer than SGD', distance(final(r, 1), [1, 1]) < distance(final(r, 0), [1, 1])),
    claim('only Adam comes within 0.1 of (1, 1)', r.runs.map((run) => run.trajectory.some((p) => distance(p, [1, 1]) < 0.1))
      .every((hit, i) => hit === (i === 3))),
  ],
  'ill-conditioned': (r) => [
    claim('SGD turns back 10 times in its first 50 steps', reversals(r, 0, 50) === 10),
    claim('RMSProp and Adam never turn back in their first 50 steps', reversals(r, 2, 50) === 0 && reversals(r, 3, 50) === 0),
    claim('momentum overshoots a few times', reversals(r, 1, 50) > 0 && reversals(r, 1, 50) < reversals(r, 0, 50)),
    claim('momentum ends lowest', r.runs.every((_, i) => finalLoss(r, 1) <= finalLoss(r, i))),
  ],
  saddle: (r) => [
    claim('SGD lingers near y = 0', Math.abs(final(r, 0)[1]) < 0.1),
    claim('the adaptive methods leave along y', [1, 2, 3].every((i) => Math.abs(final(r, i)[1]) > 1)),
  ],
  noisy: (r) => [
    claim('SGD with α/√t settles lower than with a constant step', tailLoss(r, 1) < tailLoss(r, 0) / 2),
    claim('Adam with α/√t settles lower than with a constant step', tailLoss(r, 3) < tailLoss(r, 2) / 2),
  ],
  sparse: (r) => [
    claim('AdaGrad and Adam end a hundred times lower than SGD', [1, 2].every((i) => tailLoss(r, i) * 100 < tailLoss(r, 0))),
  ],
  'bias-correction': (r) => {
    const lr = r.runs[0].optimizer.lr;
    const first = (i) => Math.abs(r.runs[i].trajectory[1][0] - r.runs[i].trajectory[0][0]);
    return [
      claim('the corrected first step is α', Math.abs(first(0) - lr) < 1e-9),
      claim('the uncorrected first step is 3.16α', Math.abs(first(1) / lr - 3.16) < 0.005),
      claim('its loss jumps from 12.5 to 88.5', r.runs[1].loss[0] === 12.5 && Math.abs(r.runs[1].loss[1] - 88.5) < 0.05),
      claim('the corrected run only goes down from the start', Math.max(...r.runs[0].loss) === r.runs[0].loss[0]),
      claim('the corrected run ends lower', finalLoss(r, 0) < finalLoss(r, 1)),
    ];
  },
  adamax: (r) => [
    claim('AdaMax’s steps near the minimum are three times shorter than Adam’s', tailStep(r, 0) / tailStep(r, 1) > 3),
    claim('its loss over the last hundred steps is lower', tailLoss(r, 1) < tailLoss(r, 0)),
  ],
  diverge: (r) => [
    claim('lr 0.0015 survives', r.runs[0].status === 'ok'),
    claim('lr 0.003 diverges within 10 steps', r.runs[1].status === 'diverged' && r.runs[1].diverged_at <= 10),
    claim('Adam moves each coordinate by at most α', maxCoordinateStep(r, 2) <= r.runs[2].optimizer.lr * (1 + 1e-9)),
  ],
};
