// One-click maps of the sweep lab, each a full state with the cell it is about pinned (`pin`: map,
// column i, row j; its run is replayed in the pinned-cell preview). `description` says what the map
// shows and why, `look` where to see it, `focus` the element it is about ('maps', 'cell'), scrolled
// into view when the story is chosen. What a story claims is computed from the engine's maps by
// story-claims.mjs (tests/js/sweep-stories.test.mjs); every number in its text is its config's or
// one of its `facts`, which its claims check.
export const PRESETS = [
  {
    id: 'adam-rosenbrock',
    title: 'Adam: learning rate × β₁ on Rosenbrock',
    description: 'Final loss after 500 Adam steps from (−1.5, 2), where f = 12.5, on Rosenbrock’s valley, for every learning rate from 10⁻⁴ to 1 and β₁ from 0 to 0.999. With α below 10⁻² every run still ends above f = 3: the steps are too small to reach the valley floor. The lowest losses need large steps and momentum: with α ≥ 0.5 the median loss is below 10⁻³ for β₁ from 0.85 to 0.98, where the momentum averages out the zig-zag across the valley. With little momentum (β₁ < 0.5) the large steps bounce across the valley, and with β₁ above 0.995 they overshoot: both end with a median loss above 1.',
    look: 'the dark band at the right of the map, α from 0.5 to 1 and β₁ from 0.85 to 0.98. The pinned cell is the lowest loss of the map, at α ≈ 0.75 and β₁ ≈ 0.94; its path in the preview below follows the valley floor to the minimum.',
    focus: 'maps',
    facts: [12.5, 0.01, 3, 0.5, 0.001, 0.85, 0.98, 0.995, 0.75, 0.94],
    state: {
      objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 500, precision: 'f32', metric: 'final_loss',
      optimizers: [{ name: 'adam' }],
      x: { param: 'lr', min: 1e-4, max: 1, n: 256, log: true },
      y: { param: 'beta1', min: 0, max: 0.999, n: 256 },
      pin: [0, 247, 241],
    },
  },
  {
    id: 'momentum-quadratic',
    title: 'Momentum’s phase diagram on a quadratic',
    description: 'SGD with momentum (torch’s heavy ball) on the ill-conditioned quadratic ½(u² + 10·w²), whose Hessian has eigenvalues 1 and κ = 10; colour: the steps until f ≤ 10⁻⁶, at most 300. The dashed line is the analytic boundary α·κ = 2(1 + β), as in Distill’s “Why Momentum Really Works”: left of it no run diverges; right of it the runs diverge (red stripes), all but those next to the line, which grow too slowly to blow up within 300 steps. The fastest runs (dark) lie next to Polyak’s optimum α = (2/(1 + √κ))² ≈ 0.23, β = ((√κ − 1)/(√κ + 1))² ≈ 0.27, the best asymptotic rate.',
    look: 'the dashed line, and the darkest (fastest) band left of it. The pinned cell is the fastest run, 10 steps at α ≈ 0.21 and β ≈ 0.35, near Polyak’s optimum; its path in the preview below.',
    focus: 'maps',
    facts: [2, 0.23, 0.27, 0.21, 0.35],
    state: {
      objective: { name: 'quadratic', params: { kappa: 10, angle: 0 } }, start: [-2.5, 1.5], steps: 300,
      precision: 'f64', metric: 'steps_to_tol', tol: 1e-6,
      optimizers: [{ name: 'sgd', lr: 0.01, momentum: 0.5 }],
      x: { param: 'lr', min: 0.005, max: 0.5, n: 256 },
      y: { param: 'momentum', min: 0, max: 0.99, n: 256 },
      pin: [0, 105, 89],
    },
  },
  {
    id: 'bias-correction',
    title: 'Adam with and without bias correction (Adam paper, Fig. 4)',
    description: 'The ablation of the Adam paper’s Section 6.4, on Beale’s function from (1, 1.5): learning rate × β₂ from 0.99 to 0.9999, with bias correction (left) and without (right), on one colour scale. Without it the first steps are (1 − β₁)/√(1 − β₂) times larger, 10 times at β₂ = 0.9999, so large learning rates with β₂ close to 1 throw the run out of the valley: for α ≥ 0.1 and β₂ > 0.995, 490 of 2520 runs end above f = 10⁻³ without it, none with it.',
    look: 'the top right of the right-hand map, bright where the left map is dark. The pinned cell, at α ≈ 0.79 and β₂ = 0.9999, ends above f = 1000 without bias correction, where the same run with it reaches f below 10⁻⁶.',
    focus: 'maps',
    facts: [10, 0.1, 0.995, 490, 2520, 0.001, 0.79, 1000, 0.000001],
    state: {
      objective: { name: 'beale' }, start: [1, 1.5], steps: 500, precision: 'f64', metric: 'final_loss',
      optimizers: [
        { name: 'adam', label: 'Adam' },
        { name: 'adam', bias_correction: false, label: 'Adam without bias correction' },
      ],
      x: { param: 'lr', min: 1e-4, max: 1, n: 160, log: true },
      y: { param: 'beta2', min: 0.99, max: 0.9999, n: 128 },
      pin: [1, 155, 127],
    },
  },
  {
    id: 'himmelblau-basins',
    title: 'Basins of attraction: SGD vs Adam on Himmelblau',
    description: 'Which of Himmelblau’s four minima a run from each start point ends in after 500 steps, for SGD (left) and Adam (right), with the contour lines of f. SGD’s small steps follow the gradient downhill into the basin the start lies in; Adam’s sign-like steps, about α long whatever the slope, cut across the basins’ borders, so the borders shift and some starts end at a different minimum.',
    look: 'the borders between the colours, which differ between the two maps: about one start in fourteen ends at a different minimum. The pinned start, (0.25, −4.69) at the bottom, is one: SGD ends at the minimum (3.58, −1.85), Adam at (−3.78, −3.28).',
    focus: 'maps',
    facts: [0.25, 4.69, 3.58, 1.85, 3.78, 3.28],
    state: {
      objective: { name: 'himmelblau' }, steps: 500, precision: 'f32', metric: 'nearest_minimum',
      optimizers: [{ name: 'sgd', lr: 0.01, label: 'SGD' }, { name: 'adam', lr: 0.1, label: 'Adam' }],
      x: { param: 'start_x', min: -5, max: 5, n: 256 },
      y: { param: 'start_y', min: -5, max: 5, n: 256 },
      pin: [1, 134, 8],
    },
  },
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
