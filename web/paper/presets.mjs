// The paper lab's four experiments, each a full state (state.mjs) following Section 6 of the Adam
// paper (Kingma & Ba, ICLR 2015) scaled down so a browser trains it in under a minute: minibatch 128,
// α_t = α/√t where the paper used it (logistic regression), per optimizer a small learning-rate
// grid searched on the final training loss, two seeds for a min/max band. `scaled` says in words
// what differs from the paper (its numbers are the paper's and this config's); the paper's claim
// is checked against the run by claims.mjs, live, in the box above the charts. `look` says where to
// see it, `focus` names that chart ('loss', 'test', 'grid', 'ablation', 'claim'), scrolled into
// view when the figure is chosen, and `selected` is the optimizer entry the claim is about (marked
// in the grid table). Every number in title, description and look is the config's
// (tests/js/paper-stories.test.mjs). The scale was moved only toward the paper's protocol (more
// epochs, Fig. 2's wider layers, grids that bracket every optimizer's best α), never by seed or
// threshold, until each claim shows on the engine's result; that test trains each config and checks
// the claim holds and no chosen α sits on its grid's edge.
const inv = { name: 'inv_sqrt' };
const nesterov = { name: 'sgd', momentum: 0.9, nesterov: true, label: 'SGD Nesterov' };

export const PRESETS = [
  {
    id: '1l',
    title: 'Fig. 1 left: logistic regression on images',
    description: 'Multiclass logistic (softmax) regression on Fashion-MNIST images, as the Adam paper’s Figure 1 (left) does on MNIST: Adam, AdaGrad and SGD with Nesterov momentum, each at the best learning rate of its grid (lowest final training loss, mean of two seeds), with α/√t decay for Adam and SGD.',
    look: 'the training-loss chart: the paper finds Adam’s curve (its row is marked in the grid table) as low as SGD Nesterov’s, and both below AdaGrad’s. The box above the charts checks this on the run’s final losses.',
    focus: 'loss',
    scaled: 'Scaled for a browser: 3,000 of the 60,000 training images (Fashion-MNIST, not MNIST), 6 epochs instead of 45, a 4-point learning-rate grid per optimizer, 2 seeds. AdaGrad keeps a constant α: its accumulator already shrinks the step like 1/√t.',
    state: {
      figure: '1l', experiment: 'logreg_images', data: { train: 3000, test: 500 },
      epochs: 6, batch_size: 128, seeds: [1, 2], record_every: 3, selected: 0,
      optimizers: [
        { name: 'adam', lr_grid: [0.01, 0.03, 0.1, 0.3], schedule: inv, label: 'Adam' },
        { name: 'adagrad', lr_grid: [0.01, 0.03, 0.1, 0.3], label: 'AdaGrad' },
        { ...nesterov, lr_grid: [0.03, 0.1, 0.3, 1], schedule: inv },
      ],
    },
  },
  {
    id: '1r',
    title: 'Fig. 1 right: sparse bag-of-words with dropout',
    description: 'Binary logistic regression on sparse bag-of-words features with dropout noise (0.5) on the features, as the Adam paper’s Figure 1 (right) does on IMDB reviews: Adam, AdaGrad, RMSProp and SGD with Nesterov momentum, each at the best learning rate of its grid, α/√t for all but AdaGrad.',
    look: 'the training-loss chart: on these sparse features the paper finds AdaGrad far below SGD Nesterov, and Adam (its row is marked in the grid table) as low as AdaGrad. The box above the charts checks both on the run’s final losses.',
    focus: 'loss',
    scaled: 'Scaled for a browser: 2,000 generated documents (Zipf word frequencies, 300 words each, 5% label noise) instead of 25,000 IMDB reviews, 12 epochs, a 4-point grid per optimizer, 2 seeds.',
    state: {
      figure: '1r', experiment: 'logreg_bow', model: { dropout: 0.5 }, data: { train: 2000, test: 500 },
      epochs: 12, batch_size: 128, seeds: [1, 2], record_every: 2, selected: 0,
      optimizers: [
        { name: 'adam', lr_grid: [0.01, 0.03, 0.1, 0.3], schedule: inv, label: 'Adam' },
        { name: 'adagrad', lr_grid: [0.01, 0.03, 0.1, 0.3], label: 'AdaGrad' },
        { name: 'rmsprop', lr_grid: [0.001, 0.003, 0.01, 0.03], schedule: inv, label: 'RMSProp' },
        { ...nesterov, lr_grid: [0.1, 0.3, 1, 3], schedule: inv },
      ],
    },
  },
  {
    id: '2',
    title: 'Fig. 2: multilayer network with dropout',
    description: 'A ReLU network with two hidden layers of 256 units and dropout (0.2 on the input, 0.5 on both hidden layers), as the Adam paper’s Figure 2 (right): AdaGrad, RMSProp, SGD Nesterov, AdaDelta and Adam, each at the best constant learning rate of its grid.',
    look: 'the training-loss chart: the paper finds Adam’s curve (its row is marked in the grid table) the lowest of all; at this scale it is, but only narrowly, just below SGD Nesterov’s. The box above the charts checks this on the run’s final losses.',
    focus: 'loss',
    scaled: 'Scaled for a browser: 2 hidden layers of 256 units instead of 1,000, 1,500 training images, 3 epochs instead of 200, a 3-point grid per optimizer, 2 seeds.',
    state: {
      figure: '2', experiment: 'mlp_images', model: { hidden: 256, dropout: 0.5, input_dropout: 0.2 },
      data: { train: 1500, test: 500 }, epochs: 3, batch_size: 128, seeds: [1, 2], record_every: 3, selected: 4,
      optimizers: [
        { name: 'adagrad', lr_grid: [0.003, 0.01, 0.03], label: 'AdaGrad' },
        { name: 'rmsprop', lr_grid: [0.0003, 0.001, 0.003], label: 'RMSProp' },
        { ...nesterov, lr_grid: [0.03, 0.1, 0.3] },
        { name: 'adadelta', lr_grid: [0.3, 1, 3], label: 'AdaDelta' },
        { name: 'adam', lr_grid: [0.001, 0.003, 0.01], label: 'Adam' },
      ],
    },
  },
  {
    id: '4',
    title: 'Fig. 4: bias correction on a VAE',
    description: 'A variational auto-encoder trained with Adam with and without the bias-correction terms 1/(1 − βᵗ), as the Adam paper’s Figure 4: β₁ ∈ {0, 0.9} × β₂ ∈ {0.99, 0.999, 0.9999}, log₁₀ α from −5 to −1, the loss after 1 epoch (dashed) and after 10 (solid).',
    look: 'the panels with β₂ = 0.999 and 0.9999: there the paper finds the runs without bias correction unstable, ending higher or diverging (✕) at the larger learning rates, and the lowest loss of all with bias correction. The box above the panels checks both on this run.',
    focus: 'ablation',
    scaled: 'Scaled for a browser: a 784 → 32 → (z ∈ ℝ⁸) → 32 → 784 VAE instead of 500 hidden units and 50 latents, 384 training images, 1 and 10 epochs instead of 10 and 100, one seed, 5 values of α.',
    state: {
      figure: '4', experiment: 'vae_images', model: { hidden: 32, latent: 8 }, data: { train: 384, test: 200 },
      epochs: 10, batch_size: 128, seeds: [1], record_every: 3,
      ablation: { beta1: [0, 0.9], beta2: [0.99, 0.999, 0.9999], log_lr: [-5, -4, -3, -2, -1], short: 1 },
      optimizers: [],
    },
  },
];

export const FIGURES = PRESETS.map((p) => p.id);

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
