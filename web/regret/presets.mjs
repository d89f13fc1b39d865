// One-click stories of the regret lab, each a full state with the run it is about selected
// (`selected`, marked in the runs table). `description` says what happens and why, `look` where to
// see it, `focus` names the chart it is about ('regret', 'average', 'iterate', 'runs'), scrolled
// into view when the story is chosen. What a story claims is computed from the engine's result of
// its state by story-claims.mjs (tests/js/regret-stories.test.mjs); every number in its text is its
// config's or one of its `facts`, which its claims check. `grid`: the learning-rate grid a story
// says its runs were tuned on ({runs, lrs}), which its claims rerun.
const REDDI_ADAM = {
  name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, beta1_decay: 0.99,
  schedule: { name: 'inv_sqrt' },
};

export const PRESETS = [
  {
    id: 'reddi',
    title: 'Adam fails, AMSGrad converges (Reddi et al.)',
    description: 'Reddi, Kale & Kumar’s counterexample to the Adam paper’s convergence proof: on [−1, 1], fₜ(x) = 3x once every three steps and −x otherwise, so the best fixed point is x = −1. With β₁ = 0, β₂ = 0.1 and αₜ = 0.5/√t, Adam forgets the rare large gradient within a few steps and is pushed to x = +1; AMSGrad keeps the largest v and converges to −1.',
    look: 'the average regret R(t)/t chart: Adam’s curve levels off at 2(C − 2)/3 = 2/3, the average regret of sitting at +1, while AMSGrad’s falls towards 0. The iterate chart below shows where each run ends.',
    focus: 'average',
    facts: [2],
    state: {
      problem: { name: 'reddi', params: { C: 3 } },
      domain: { type: 'box', radius: 1 },
      start: 1, T: 1000000, record_every: 100, selected: 0,
      optimizers: [
        { ...REDDI_ADAM, label: 'Adam' },
        { ...REDDI_ADAM, amsgrad: true, label: 'AMSGrad' },
      ],
    },
  },
  {
    id: 'sparse',
    title: 'Sparse features: AdaGrad and Adam beat SGD',
    description: 'Online logistic regression on a stream of bag-of-words documents, 20 words each out of 1000 features whose frequencies follow Zipf’s law (exponent 1.1), as in the Adam paper’s IMDB experiment, in the box [−1, 1]ᵈ. SGD’s one global step is too small for the rare words or too large for the frequent ones; AdaGrad and Adam scale each coordinate by its own gradient history. Each optimizer runs at the best step size of the grid 0.03, 0.1, 0.3, 1, 3, 10 for this stream.',
    look: 'the regret R(t) chart, on linear axes, and the runs table: AdaGrad’s and Adam’s regret stay below SGD’s and end at about two thirds of it.',
    focus: 'regret',
    facts: [0.03, 0.3, 10],
    grid: { runs: [0, 1, 2], lrs: [0.03, 0.1, 0.3, 1, 3, 10] },
    state: {
      problem: { name: 'online_logistic', params: { d: 1000, words: 20, zipf: 1.1, label_noise: 0.05, seed: 1 } },
      domain: { type: 'box', radius: 1 },
      start: 0, T: 20000, record_every: 100, axes: 'linear', selected: 1,
      optimizers: [
        { name: 'sgd', lr: 3, schedule: { name: 'inv_sqrt' }, label: 'SGD' },
        { name: 'adagrad', lr: 0.1, label: 'AdaGrad' },
        { name: 'adam', lr: 0.1, schedule: { name: 'inv_sqrt' }, label: 'Adam' },
      ],
    },
  },
  {
    id: 'drift',
    title: 'Non-stationary target',
    description: 'fₜ(x) = ½‖x − cₜ‖² with a target cₜ that circles (0.25, 0.25) at radius 1 once every 100 rounds, with noise of size 0.1. Regret compares with the best fixed point, here the mean target (0.25, 0.25). With a constant step, SGD and Adam follow the moving target and beat every fixed point: their regret is negative and falls linearly. With α/√t steps (SGD, AdaGrad) they slow down and settle on the mean, so their regret stays near 0, as a no-regret method should: against a fixed comparator, tracking is not rewarded.',
    look: 'the regret R(t) chart, on linear axes: the constant-step runs fall in a straight line below 0, the α/√t runs stay flat next to 0. The R(t)/t column of the runs table is the slope of each line.',
    focus: 'regret',
    facts: [],
    state: {
      problem: { name: 'online_quadratic', params: { d: 2, amplitude: 1, period: 100, center: 0.25, noise: 0.1, seed: 1 } },
      domain: { type: 'box', radius: 2 },
      start: 0, T: 100000, record_every: 100, axes: 'linear', selected: 0,
      optimizers: [
        { name: 'sgd', lr: 0.3, label: 'SGD, constant step' },
        { name: 'adam', lr: 0.1, label: 'Adam, constant step' },
        { name: 'sgd', lr: 0.5, schedule: { name: 'inv_sqrt' }, label: 'SGD, α/√t' },
        { name: 'adagrad', lr: 0.5, label: 'AdaGrad' },
      ],
    },
  },
  {
    id: 'adversarial',
    title: 'Rare features: AdaGrad beats any global step',
    description: 'Linear losses on the box [−1, 1]ᵈ, d = 1000: one dense feature whose sign flips every round and rare ones, feature i present with probability i⁻² (after Duchi, Hazan & Singer’s AdaGrad paper). A global step large enough for the rare features makes online gradient descent (OGD) pay on the dense one every round; a small one leaves the rare features behind. AdaGrad’s per-coordinate steps do both. OGD runs at α = 3, the best of the grid 0.01, 0.03, …, 10, and at a tenth of it.',
    look: 'the regret R(t) chart on log–log axes: AdaGrad’s line rises with slope about ½ (regret like √T), OGD’s more steeply; the R ∝ tᵏ column of the runs table gives each slope k. AdaGrad ends with less than a third of the best OGD’s regret.',
    focus: 'regret',
    facts: [0.01, 0.03, 10],
    grid: { runs: [0], lrs: [0.01, 0.03, 0.1, 0.3, 1, 3, 10] },
    state: {
      problem: { name: 'sparse_adversarial', params: { d: 1000, alpha: 2, seed: 1 } },
      domain: { type: 'box', radius: 1 },
      start: 0, T: 100000, record_every: 100, selected: 2,
      optimizers: [
        { name: 'sgd', lr: 3, schedule: { name: 'inv_sqrt' }, label: 'OGD, α = 3' },
        { name: 'sgd', lr: 0.3, schedule: { name: 'inv_sqrt' }, label: 'OGD, α = 0.3' },
        { name: 'adagrad', lr: 1, label: 'AdaGrad' },
      ],
    },
  },
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
