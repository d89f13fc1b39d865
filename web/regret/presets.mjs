// One-click stories of the regret lab, each a full state. What a description claims was checked
// against the engine (gs.regret) for exactly these settings; the page states the measured numbers.
const REDDI_ADAM = {
  name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, beta1_decay: 0.99,
  schedule: { name: 'inv_sqrt' },
};

export const PRESETS = [
  {
    id: 'reddi',
    title: 'Adam fails, AMSGrad converges (Reddi et al.)',
    description: 'Reddi, Kale & Kumar’s counterexample: on [−1, 1], f_t(x) = 3x once every three steps and −x otherwise, so the best fixed point is x = −1. With β₁ = 0, β₂ = 0.1 and αₜ = 0.5/√t, Adam forgets the rare large gradient within a few steps, is pushed to x = +1 and its average regret levels off near 2/3; AMSGrad remembers the largest v and converges to −1.',
    state: {
      problem: { name: 'reddi', params: { C: 3 } },
      domain: { type: 'box', radius: 1 },
      start: 1, T: 1000000, record_every: 100,
      optimizers: [
        { ...REDDI_ADAM, label: 'Adam' },
        { ...REDDI_ADAM, amsgrad: true, label: 'AMSGrad' },
      ],
    },
  },
  {
    id: 'sparse',
    title: 'Sparse features: AdaGrad and Adam beat SGD',
    description: 'Online logistic regression on a stream of bag-of-words documents (1,000 features whose frequencies follow Zipf’s law, as in the Adam paper’s IMDB experiment), in the box [−1, 1]ᵈ. Each optimizer has the best step size of a grid from 0.03 to 10 for this stream. SGD’s one global step is too small for the rare words or too large for the frequent ones; AdaGrad and Adam scale each coordinate by its own gradient history and end with clearly less regret.',
    state: {
      problem: { name: 'online_logistic', params: { d: 1000, words: 20, zipf: 1.1, label_noise: 0.05, seed: 1 } },
      domain: { type: 'box', radius: 1 },
      start: 0, T: 20000, record_every: 100,
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
    description: 'f_t(x) = ½‖x − c_t‖² with a target c_t that circles once every 100 rounds. Regret compares with the best fixed point, here the mean target. With a constant step, SGD and Adam follow the moving target and beat every fixed point: their regret is negative and falls linearly. With α/√t steps (SGD, AdaGrad) they slow down and settle on the mean, so their regret stays near 0, as a no-regret method should — against a fixed comparator, tracking is not rewarded.',
    state: {
      problem: { name: 'online_quadratic', params: { d: 2, amplitude: 1, period: 100, center: 0.25, noise: 0.1, seed: 1 } },
      domain: { type: 'box', radius: 2 },
      start: 0, T: 100000, record_every: 100, axes: 'linear',
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
    description: 'Linear losses on the box with one dense feature whose sign flips every round and many rare ones, feature i present with probability i⁻² (after Duchi, Hazan & Singer 2011). A global step large enough for the rare features makes online gradient descent pay on the dense one every round; a small one leaves the rare features behind. AdaGrad’s per-coordinate steps do both: its regret grows like √T, OGD’s faster. OGD is shown at the best α of a grid from 0.01 to 10 and at a tenth of it.',
    state: {
      problem: { name: 'sparse_adversarial', params: { d: 1000, alpha: 2, seed: 1 } },
      domain: { type: 'box', radius: 1 },
      start: 0, T: 100000, record_every: 100,
      optimizers: [
        { name: 'sgd', lr: 1, schedule: { name: 'inv_sqrt' }, label: 'OGD, α = 1' },
        { name: 'sgd', lr: 0.1, schedule: { name: 'inv_sqrt' }, label: 'OGD, α = 0.1' },
        { name: 'adagrad', lr: 1, label: 'AdaGrad' },
      ],
    },
  },
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
