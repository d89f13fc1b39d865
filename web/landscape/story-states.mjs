// The landscape stories' states (what each runs), apart from their texts (presets.mjs): the page
// state module (state.mjs) needs the states for its default and for short story links, and the web
// component loads that module, so the stories' texts stay out of its first load.
export const STORY_STATES = {
  stuck: {
    objective: { name: 'local_minima' }, start: [-3, 0.5], steps: 300, selected: 1,
    optimizers: [
      { name: 'sgd', lr: 0.05, label: 'SGD' },
      { name: 'sgd', lr: 0.05, momentum: 0.9, label: 'SGD + momentum 0.9' },
      { name: 'momentum', lr: 0.3, beta: 0.9, label: 'Momentum (EMA)' },
      { name: 'adam', lr: 0.05, label: 'Adam' },
    ],
  },
  valley: {
    objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 1000, selected: 3,
    optimizers: [
      { name: 'sgd', lr: 0.0005, label: 'SGD' },
      { name: 'sgd', lr: 0.0005, momentum: 0.9, label: 'SGD + momentum' },
      { name: 'rmsprop', lr: 0.005, label: 'RMSProp' },
      { name: 'adam', lr: 0.05, label: 'Adam' },
    ],
  },
  'ill-conditioned': {
    objective: { name: 'quadratic', params: { kappa: 50, angle: 30 } }, start: [-1.5, 1.5], steps: 300, selected: 0,
    optimizers: [
      { name: 'sgd', lr: 0.035, label: 'SGD' },
      { name: 'sgd', lr: 0.01, momentum: 0.9, label: 'SGD + momentum' },
      { name: 'rmsprop', lr: 0.02, label: 'RMSProp' },
      { name: 'adam', lr: 0.1, label: 'Adam' },
    ],
  },
  saddle: {
    objective: { name: 'saddle' }, start: [1, 0.001], steps: 200, selected: 0,
    optimizers: [
      { name: 'sgd', lr: 0.01, label: 'SGD' },
      { name: 'adagrad', lr: 0.1, label: 'AdaGrad' },
      { name: 'rmsprop', lr: 0.01, label: 'RMSProp' },
      { name: 'adam', lr: 0.01, label: 'Adam' },
    ],
  },
  noisy: {
    selected: 3,
    objective: { name: 'quadratic', params: { kappa: 10, angle: -30 }, noise: { sigma: 3, seed: 7 } },
    start: [-2, 2], steps: 500,
    optimizers: [
      { name: 'sgd', lr: 0.05, label: 'SGD' },
      { name: 'sgd', lr: 0.05, schedule: { name: 'inv_sqrt' }, label: 'SGD, α/√t' },
      { name: 'adam', lr: 0.05, label: 'Adam' },
      { name: 'adam', lr: 0.1, schedule: { name: 'inv_sqrt' }, label: 'Adam, α/√t' },
    ],
  },
  sparse: {
    selected: 1,
    objective: { name: 'quadratic', params: { kappa: 20, angle: 0 }, noise: { sparsity: 0.8, seed: 3 } },
    start: [-2.5, 1.5], steps: 300,
    optimizers: [
      { name: 'sgd', lr: 0.04, label: 'SGD' },
      { name: 'adagrad', lr: 0.5, label: 'AdaGrad' },
      { name: 'adam', lr: 0.1, label: 'Adam' },
    ],
  },
  'bias-correction': {
    objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 400, selected: 1,
    optimizers: [
      { name: 'adam', lr: 0.1, label: 'Adam' },
      { name: 'adam', lr: 0.1, bias_correction: false, label: 'Adam, no bias correction' },
    ],
  },
  adamax: {
    objective: { name: 'quadratic', params: { kappa: 10, angle: -30 }, noise: { sigma: 20, seed: 7 } },
    start: [-2, 2], steps: 400, selected: 1,
    optimizers: [
      { name: 'adam', lr: 0.05, label: 'Adam' },
      { name: 'adamax', lr: 0.05, eps: 0, label: 'AdaMax (paper, ε = 0)' },
    ],
  },
  diverge: {
    objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 200, selected: 1,
    optimizers: [
      { name: 'sgd', lr: 0.0015, label: 'SGD, lr 0.0015' },
      { name: 'sgd', lr: 0.003, label: 'SGD, lr 0.003' },
      { name: 'adam', lr: 0.5, label: 'Adam, lr 0.5' },
    ],
  },
  'newton-saddle': {
    objective: { name: 'saddle' }, start: [1, 0.01], steps: 20, selected: 0,
    optimizers: [
      { name: 'newton', label: 'Newton' },
      { name: 'newton', damping: 0.5, label: 'Newton, damping λ = 0.5' },
      { name: 'newton', damping: 3, label: 'Newton, damping λ = 3' },
      { name: 'newton', saddle_free: true, label: 'Saddle-free Newton' },
    ],
  },
  'lion-sign': {
    objective: { name: 'quadratic', params: { kappa: 50, angle: 30 } }, start: [-1.5, 1.5], steps: 300, selected: 0,
    optimizers: [
      { name: 'lion', lr: 0.02, label: 'Lion' },
      { name: 'adam', lr: 0.05, label: 'Adam' },
    ],
  },
  schedulefree: {
    objective: { name: 'quadratic', params: { kappa: 10, angle: -30 }, noise: { sigma: 3, seed: 7 } },
    start: [-2, 2], steps: 500, selected: 2,
    optimizers: [
      { name: 'sgd', lr: 0.1, label: 'SGD' },
      { name: 'sgd', lr: 0.1, schedule: { name: 'cosine', T_max: 500 }, label: 'SGD, cosine schedule' },
      { name: 'schedulefree_sgd', lr: 0.1, label: 'Schedule-Free SGD' },
    ],
  },
  'lbfgs-rosenbrock': {
    objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 50, selected: 0,
    optimizers: [
      { name: 'lbfgs', line_search: 'strong_wolfe', max_iter: 1, label: 'L-BFGS' },
      { name: 'adam', lr: 0.1, label: 'Adam' },
    ],
  },
};
