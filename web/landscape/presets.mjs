// One-click stories from the seeds (explainers of the Adam paper): each story's texts here, its
// state (a full playground state with the run it is about selected) in story-states.mjs. What each
// description claims is computed from the engine's result by its claims in story-claims.mjs
// (tests/js/landscape-stories.test.mjs), and every number in a description and in `look` (where to
// look: which chart, which steps) is the config's or one of the story's `facts`, which its claims
// check. `focus` names the chart the story is about ('surface', or the curves' 'loss', 'step' or
// 'coords'), scrolled into view when the story is chosen from the menu (web/lib/story-focus.mjs).
import { STORY_STATES } from './story-states.mjs';

export const PRESETS = [
  {
    id: 'stuck',
    focus: 'loss',
    title: 'SGD gets stuck, Momentum escapes',
    description: 'Plain SGD settles in the shallow basin on the left; with momentum 0.9 the same step size rolls over the ridge into the deep basin. Adam, normalising each step, stops in the shallow one too. Watch the loss curves split.',
    look: 'the loss chart: SGD’s and Adam’s curves level off together in the shallow basin, while both momentum runs fall below them once they are over the ridge. On the surface the paths part at the ridge.',
    facts: [],
    state: STORY_STATES.stuck,
  },
  {
    id: 'valley',
    focus: 'surface',
    title: 'The long narrow valley',
    description: 'Rosenbrock’s curved valley: SGD crawls along the floor and ends far from the minimum (1, 1), momentum speeds it up, and Adam, rescaling each coordinate, is the only run to come within 0.1 of it.',
    look: 'the surface: SGD’s path stops short on the valley floor and only Adam’s reaches the star at (1, 1). The loss chart shows the same order.',
    facts: [1, 0.1],
    state: STORY_STATES.valley,
  },
  {
    id: 'ill-conditioned',
    focus: 'surface',
    title: 'An ill-conditioned bowl',
    description: 'A quadratic 50 times steeper across than along, rotated 30°. SGD’s step is limited by the steep direction, so it zig-zags: it turns back 10 times in its first 50 steps. RMSProp and Adam rescale each coordinate and go straight down without turning back; momentum overshoots a few times, then ends lowest.',
    look: 'the surface over the first 50 steps: SGD’s path zig-zags across the bowl (step back with the , key to count the turns), while RMSProp’s and Adam’s go straight down to the floor.',
    facts: [10, 50],
    state: STORY_STATES['ill-conditioned'],
  },
  {
    id: 'saddle',
    focus: 'surface',
    title: 'A saddle point',
    description: 'f = x² − y², starting next to the saddle. The gradient along y is tiny, so SGD lingers near y = 0; the adaptive methods divide by the small gradient and leave along y at once.',
    look: 'the surface: SGD’s path runs along y = 0 towards the saddle, while the adaptive methods’ paths turn away along y at once.',
    facts: [0],
    state: STORY_STATES.saddle,
  },
  {
    id: 'noisy',
    focus: 'loss',
    title: 'Noisy gradients',
    description: 'Gaussian noise (σ = 3) on every gradient. With a constant step the runs keep jittering around the minimum; the α/√t schedule of the Adam paper’s Theorem 4.1 lets them settle: compare the loss curves’ last hundred steps.',
    look: 'the loss chart over the last hundred steps: the two α/√t runs settle below their constant-step twins, which keep jittering.',
    facts: [],
    state: STORY_STATES.noisy,
  },
  {
    id: 'sparse',
    focus: 'loss',
    title: 'Sparse gradients',
    description: 'Each gradient coordinate is dropped with probability 0.8. SGD’s step shrinks with the missing gradients; AdaGrad and Adam divide by their smaller running averages, keep their pace and end a hundred times lower.',
    look: 'the loss chart on its log axis: AdaGrad’s and Adam’s curves keep falling and end two decades below SGD’s.',
    facts: [],
    state: STORY_STATES.sparse,
  },
  {
    id: 'bias-correction',
    focus: 'loss',
    title: 'Adam with and without bias correction',
    description: 'β₂ = 0.999, α = 0.1. Without the 1/(1 − βᵗ) corrections the moment estimates start near zero, and the first step is α(1 − β₁)/√(1 − β₂) ≈ 3.16α long instead of α (Adam paper, Section 3): it throws the run up the valley wall, from loss 12.5 to 88.5, where the corrected run only goes down. Here the corrected run also ends lower; with a smaller α the uncorrected one can end lower, its larger steps also travelling faster along the floor.',
    look: 'the loss chart’s first steps (use Step to go one at a time): the uncorrected run’s loss jumps from 12.5 to 88.5 at its first step while the corrected one falls.',
    facts: [3.16, 12.5, 88.5],
    state: STORY_STATES['bias-correction'],
  },
  {
    id: 'adamax',
    focus: 'coords',
    title: 'AdaMax vs Adam',
    description: 'Heavy gradient noise (σ = 20). AdaMax (Algorithm 2 of the paper, ε = 0) divides by u, an exponentially weighted infinity norm that holds the largest recent |g|, where Adam divides by √v̂, an average: look at u in the per-coordinate chart. Its steps near the minimum are three times shorter than Adam’s, so it jitters less and its loss over the last hundred steps is lower.',
    look: 'u in the per-coordinate chart (the AdaMax run is selected): it jumps with each large |g| and decays slowly, where Adam’s √v̂ averages. Then the loss chart’s last hundred steps, where AdaMax’s curve lies lower.',
    facts: [],
    state: STORY_STATES.adamax,
  },
  {
    id: 'diverge',
    focus: 'loss',
    title: 'Too large a step',
    description: 'On Rosenbrock, SGD with lr 0.003 overshoots the steep valley wall and diverges within 10 steps; lr 0.0015 survives. Adam’s normalised step moves each coordinate by at most α = 0.5.',
    look: 'the loss chart: the lr 0.003 run leaves through the top of the axis within 10 steps, its arrow saying at which step it diverged, while the lr 0.0015 run and Adam go down.',
    facts: [10],
    state: STORY_STATES.diverge,
  },
  {
    id: 'newton-saddle',
    focus: 'surface',
    title: 'Newton and the saddle',
    description: 'f = x² − y², starting next to the saddle; its Hessian H has eigenvalues 2 and −2. Pure Newton steps to where the local quadratic model is flat, here the saddle itself: it jumps to (0, 0) in one step and stays, its loss 0, never below. Damping λ = 0.5, less than 2, leaves H + λI indefinite, and the run still ends at the saddle; λ = 3 makes it positive definite, and the run leaves along y. Saddle-free Newton divides by |H| instead, descending the negative curvature: y doubles every step and the loss falls below 0.',
    look: 'the surface (use Step to go one step at a time): Newton’s path ends on the saddle at once and λ = 0.5’s zig-zags into it, while λ = 3’s and saddle-free Newton’s turn away along y.',
    facts: [2],
    state: STORY_STATES['newton-saddle'],
  },
  {
    id: 'lion-sign',
    focus: 'surface',
    title: 'Lion’s sign steps along the diagonals',
    description: 'The bowl 50 times steeper across than along, rotated 30°. Lion steps by α times the sign of a mix of momentum and gradient: every one of its 300 steps moves x and y by exactly α = 0.02, so its path is made of diagonals, and it follows the valley by switching between two of them. Its step never shrinks: it lands on the minimum (0, 0) at step 129 and steps off again, and its loss over the last hundred steps averages above 10⁻². Adam’s first step is a sign step too, but then its steps turn with the gradient, and it ends below 10⁻⁵.',
    look: 'the surface: Lion’s path is a staircase of diagonal segments that runs through the minimum and comes back, while Adam’s turns off the diagonals and settles on the minimum.',
    facts: [129, 1e-2, 1e-5],
    state: STORY_STATES['lion-sign'],
  },
  {
    id: 'schedulefree',
    focus: 'loss',
    title: 'Schedule-Free needs no schedule',
    description: 'Gaussian noise (σ = 3) on every gradient, and the same step size 0.1 for all three runs. Plain SGD keeps jittering. The cosine schedule anneals the step to 0 at step 500, so it must know when the run ends; it ends lowest. Schedule-Free SGD keeps the constant step and takes each gradient, and draws its path, at a point between its SGD iterate and the running average of those iterates: over the last hundred steps it is more than 4 times lower than plain SGD, and over the hundred steps up to step 250, halfway, it is already more than 4 times lower than the cosine run, whose step is still large.',
    look: 'the loss chart: after the first hundred steps Schedule-Free’s curve runs below both others; the cosine run’s passes under it late, as its step shrinks to 0.',
    facts: [4, 250],
    state: STORY_STATES.schedulefree,
  },
  {
    id: 'lbfgs-rosenbrock',
    focus: 'loss',
    title: 'L-BFGS finishes Rosenbrock',
    description: 'Rosenbrock from (−1.5, 2). L-BFGS builds a quasi-Newton direction from its recent steps and gradient changes, and a strong Wolfe line search picks each step length; here one step is one L-BFGS iteration: an evaluation at its point, then 1 or 2 line-search trials. It gets below 10⁻⁸ at step 39, after 88 evaluations, and ends at (1, 1). Adam (α = 0.1) still has a loss above 5 after 50 steps.',
    look: 'the loss chart on its log axis: L-BFGS’s curve falls below 10⁻⁸ at step 39, while Adam’s stays above 5. Step back with the , key to step 39: the legend reads “88 evaluations in 39 steps”.',
    facts: [1e-8, 39, 88, 5, 2],
    state: STORY_STATES['lbfgs-rosenbrock'],
  },
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id) ?? null;
}
