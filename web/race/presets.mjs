// One-click races of the race lab, each a full state (state.mjs). `description` says what the race
// asks and how, `look` where to see the answer, `focus` the element it is about. The twelve
// optimizers of the "all optimizers" races are the playground's (README), with lr and, where the
// optimizer has one, its momentum or β₁ tuned: the fair protocol. kozistr's protocol (his
// pytorch_optimizer visualizations) tunes lr alone from one fixed start with clipped gradients;
// its presets run the fair protocol beside it (`fair`), on the same function.

// The tuned ranges: momentum where Nesterov is valid (momentum > 0), β₁ on the registry's slider.
const MOMENTUM = { param: 'momentum', min: 0.5, max: 0.99 };

/** The twelve optimizers and what each tunes under the fair protocol (lr, and momentum or β₁). */
const TWELVE = [
  [{ name: 'sgd' }, ['lr']],
  [{ name: 'sgd', momentum: 0.9, label: 'SGD momentum' }, ['lr', MOMENTUM]],
  [{ name: 'sgd', momentum: 0.9, nesterov: true, label: 'SGD Nesterov' }, ['lr', MOMENTUM]],
  [{ name: 'adagrad' }, ['lr']],
  [{ name: 'rmsprop' }, ['lr']],
  [{ name: 'adadelta' }, ['lr']],
  [{ name: 'adam' }, ['lr', 'beta1']],
  [{ name: 'adamax' }, ['lr', 'beta1']],
  [{ name: 'adamw' }, ['lr', 'beta1']],
  [{ name: 'adam', amsgrad: true, label: 'AMSGrad' }, ['lr', 'beta1']],
  [{ name: 'nadam' }, ['lr', 'beta1']],
  [{ name: 'radam' }, ['lr', 'beta1']],
];

const optimizers = () => TWELVE.map(([o]) => structuredClone(o));
const fairTunes = () => TWELVE.map(([, tune]) => structuredClone(tune));
const lrOnly = () => TWELVE.map(() => ['lr']);

// kozistr's protocol: one fixed start, lr alone, clipped gradients, 300 tuning steps and 650 steps,
// the lr chosen by the loss it ends with.
const KOZISTR = {
  tuning_starts: 1, held_out_starts: 1, steps: 650, tuning_steps: 300, trials: 64, clip: true, clip_norm: 1,
  precision: 'f64', fair: true,
};

/** A kozistr preset: his protocol on `objective` from `start`, the fair protocol beside it. */
function kozistr(objective, start, title, description, look) {
  return {
    id: `kozistr-${objective}`, title, description, look, focus: 'leaderboard',
    state: {
      objective: { name: objective }, optimizers: optimizers(), tunes: lrOnly(), start,
      eps: 1e-4, search: 'random', score: 'final_loss', seed: 1, ...KOZISTR,
    },
  };
}

export const PRESETS = [
  {
    id: 'rosenbrock-all',
    title: 'Rosenbrock, all optimizers',
    description: 'Which of the twelve optimizers reaches Rosenbrock’s minimum in the fewest steps? Each tunes its learning rate, and its momentum or β₁ where it has one, with the same 64 random trials of 2000 steps scored on 16 starts drawn in the view box; its best trial then runs from 64 other starts. The leaderboard ranks them by the median steps to f ≤ 10⁻⁴, with 90% bootstrap intervals on the ranks.',
    look: 'the rank intervals: where two overlap, this race does not settle their order. The box plots show how the steps spread over the held-out starts, and the surface the tuned runs from three of them. And the final loss column: steps to ε count the first passage, and the winner’s large tuned step reaches ε fast, then leaves the minimum again.',
    focus: 'leaderboard',
    state: {
      objective: { name: 'rosenbrock' }, optimizers: optimizers(), tunes: fairTunes(),
      tuning_starts: 16, held_out_starts: 64, steps: 2000, eps: 1e-4, trials: 64, search: 'random', score: 'steps_to_eps', seed: 1,
    },
  },
  {
    id: 'classic-functions',
    title: 'The classic test functions',
    description: 'The twelve optimizers on Beale’s function, tuned and ranked as in the Rosenbrock race: choose another classic (Himmelblau, Booth, Rastrigin, Ackley, Styblinski–Tang, Goldstein–Price, …) from the objective field in the settings and press Race; every race uses the function’s own view box for its starts and its known global minimum for f*.',
    look: 'how the order changes from one function to the next: an optimizer that wins on a smooth valley can lose on a bumpy landscape.',
    focus: 'leaderboard',
    state: {
      objective: { name: 'beale' }, optimizers: optimizers(), tunes: fairTunes(),
      tuning_starts: 16, held_out_starts: 64, steps: 1000, eps: 1e-4, trials: 64, search: 'random', score: 'steps_to_eps', seed: 1,
    },
  },
  {
    id: 'noisy-quadratic',
    title: 'Noisy quadratic',
    description: 'The ill-conditioned quadratic (κ = 10) with Gaussian gradient noise σ = 0.5: every start runs with 4 noise seeds, so each tuning trial is scored on 16 × 4 runs and each tuned optimizer evaluated on 32 × 4. With noise, the runs hover around the minimum instead of reaching it, so the race is scored by the median final loss.',
    look: 'the median final loss column: the adaptive methods’ noise floor against SGD’s, and the box plots of steps to ε, where most runs stay unreached (T + 1).',
    focus: 'leaderboard',
    state: {
      objective: { name: 'quadratic', params: { kappa: 10 }, noise: { sigma: 0.5, seed: 1 } },
      optimizers: optimizers(), tunes: lrOnly(),
      tuning_starts: 16, held_out_starts: 32, seeds: 4, steps: 300, eps: 1e-2, trials: 32, search: 'random', score: 'final_loss', seed: 1,
    },
  },
  kozistr('rastrigin', [-2, 3.5], 'kozistr’s protocol on Rastrigin, beside the fair one',
    'kozistr’s optimizer visualizations (pytorch_optimizer) tune the learning rate alone, from one fixed start, (−2, 3.5) on Rastrigin, with gradients clipped to norm 1, for 300 steps, then draw 650 steps. Left: that protocol here (64 trials, one start, scored by the final loss). Right: the fair protocol on the same function: starts drawn in the view box, no clipping, lr and momentum or β₁ tuned.',
    'the sentence under the two leaderboards: which optimizers move, and by how many ranks, when the protocol changes.'),
  kozistr('rosenbrock', [-2, 2], 'kozistr’s protocol on Rosenbrock, beside the fair one',
    'kozistr’s protocol on Rosenbrock from (−2, 2): the learning rate alone tuned from that one start with gradients clipped to norm 1 for 300 steps, then 650 steps (left), beside the fair protocol on the same function: starts drawn in the view box, no clipping, lr and momentum or β₁ tuned (right).',
    'the sentence under the two leaderboards: the order one start and clipping give is not the order over the box.'),
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
