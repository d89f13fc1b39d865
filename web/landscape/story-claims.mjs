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
/** The moves (Δx, Δy) of run i, step by step. */
const moves = (r, i) => {
  const t = r.runs[i].trajectory;
  return t.slice(1).map((p, k) => [p[0] - t[k][0], p[1] - t[k][1]]);
};
/** How far a move's direction is from the nearest diagonal, in degrees. */
const offDiagonal = ([dx, dy]) => Math.abs(Math.atan2(Math.abs(dy), Math.abs(dx)) * 180 / Math.PI - 45);
/** The mean loss of run i over steps a to b. */
const meanLoss = (r, i, a, b) => r.runs[i].loss.slice(a, b + 1).reduce((s, v) => s + v, 0) / (b - a + 1);
/** The first step at which run i's loss is below `level` (-1: never). */
const firstBelow = (r, i, level) => r.runs[i].loss.findIndex((l) => l < level);
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
  'newton-saddle': (r) => {
    const y = (i) => r.runs[i].trajectory.map((p) => p[1]);
    return [
      claim('every loss is x² − y², so the Hessian is diag(2, −2)', r.runs.every((run) => run.trajectory
        .every(([x, yk], k) => Math.abs(run.loss[k] - (x * x - yk * yk)) <= 1e-12 * Math.max(1, Math.abs(run.loss[k]))))),
      claim('the damped runs’ λ: 0.5 below 2 (H + λI indefinite), 3 above it (positive definite)',
        r.runs[1].optimizer.damping < 2 && r.runs[2].optimizer.damping > 2),
      claim('Newton jumps to (0, 0) in one step and stays there', r.runs[0].status === 'ok'
        && r.runs[0].trajectory.slice(1).every((p) => p[0] === 0 && p[1] === 0)),
      claim('its loss goes to 0, never below', r.runs[0].loss.slice(1).every((l) => l === 0) && Math.min(...r.runs[0].loss) === 0),
      claim('damping λ = 0.5 still ends at the saddle', distance(final(r, 1), [0, 0]) < 1e-9 && Math.abs(finalLoss(r, 1)) < 1e-12),
      claim('damping λ = 3 leaves along y, its loss falling below 0', y(2).slice(1).every((v, k) => Math.abs(v) > Math.abs(y(2)[k]))
        && Math.abs(final(r, 2)[0]) < 1e-3 && finalLoss(r, 2) < -1),
      claim('saddle-free Newton doubles y every step', y(3).slice(1).every((v, k) => Math.abs(v - 2 * y(3)[k]) <= 1e-12 * Math.abs(v))),
      claim('and its loss falls below 0', r.runs[3].loss.slice(1).every((l, k) => l < r.runs[3].loss[k]) && finalLoss(r, 3) < -1),
    ];
  },
  'lion-sign': (r) => {
    const lr = r.runs[0].optimizer.lr;
    const lion = moves(r, 0);
    const adam = moves(r, 1);
    const landed = r.runs[0].trajectory[129];
    return [
      claim('every Lion step moves x and y by exactly α (to 10⁻¹²)', lion.length === r.steps
        && lion.every((d) => d.every((v) => Math.abs(Math.abs(v) - lr) < 1e-12))),
      claim('it follows the valley to the minimum by switching between two diagonals', (() => {
        const along = lion.slice(27, 129).map(([dx, dy]) => `${Math.sign(dx)}${Math.sign(dy)}`);
        const switches = along.slice(1).filter((d, k) => d !== along[k]).length;
        return new Set(along).size === 2 && switches > 20;
      })()),
      claim('it lands on the minimum (0, 0) at step 129 and steps off it again', Math.hypot(...landed) < 1e-12
        && r.runs[0].loss[129] < 1e-24 && distance(r.runs[0].trajectory[130], landed) > lr),
      claim('its loss over the last hundred steps stays above 10⁻² on average', tailLoss(r, 0) > 1e-2),
      claim('Adam’s first step is on a diagonal too', offDiagonal(adam[0]) < 1e-6),
      claim('most of its later steps are more than 5° off the diagonals', adam.slice(1).filter((d) => offDiagonal(d) > 5).length > 0.9 * (adam.length - 1)),
      claim('Adam ends below 10⁻⁵', finalLoss(r, 1) < 1e-5),
    ];
  },
  schedulefree: (r) => [
    claim('after its first hundred steps Schedule-Free SGD runs below both others, over every 50 steps up to step 350',
      [101, 151, 201, 251, 301].every((a) => [0, 1].every((i) => meanLoss(r, 2, a, a + 49) < meanLoss(r, i, a, a + 49)))),
    claim('Schedule-Free SGD’s last hundred steps are more than 4 times lower than plain SGD’s', tailLoss(r, 0) > 4 * tailLoss(r, 2)),
    claim('at step 250 its last hundred steps are more than 4 times lower than the cosine run’s',
      meanLoss(r, 1, 151, 250) > 4 * meanLoss(r, 2, 151, 250)),
    claim('the cosine run, its step annealed to 0 at step 500, ends lowest', [0, 2].every((i) => tailLoss(r, 1) < tailLoss(r, i) / 2)
      && r.runs[1].optimizer.schedule.T_max === r.steps && r.runs[1].optimizer.schedule.eta_min === 0),
  ],
  'lbfgs-rosenbrock': (r) => {
    const lbfgs = r.runs[0];
    const k = firstBelow(r, 0, 1e-8);
    const perStep = Array.from({ length: k }, (_, j) => lbfgs.evaluated.filter((e) => e.step === j + 1));
    return [
      claim('L-BFGS gets below 10⁻⁸ at step 39', k === 39),
      claim('after 88 evaluations', lbfgs.evaluated.filter((e) => e.step <= k).length === 88),
      claim('each step: one evaluation at its point, then 1 or 2 line-search trials', perStep.every((list) =>
        list.filter((e) => !e.line_search_trial).length === 1 && [2, 3].includes(list.length))),
      claim('it ends at (1, 1)', distance(final(r, 0), [1, 1]) < 1e-4),
      claim('Adam’s loss is still above 5 after 50 steps', Math.min(...r.runs[1].loss) > 5),
    ];
  },
};
