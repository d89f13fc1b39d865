// One-click maps of the sweep lab, each a full state with a sentence or two of explanation. What a
// description claims was checked against the engine (gs.sweep) for exactly these settings.
export const PRESETS = [
  {
    id: 'adam-rosenbrock',
    title: 'Adam: learning rate × β₁ on Rosenbrock',
    description: 'Final loss after 500 Adam steps from (−1.5, 2) on Rosenbrock’s valley, for every learning rate from 10⁻⁴ to 1 and β₁ from 0 to 0.999. Steps below about 10⁻² are too small to reach the valley floor in 500 steps. The lowest losses (dark) need large steps, α ≈ 0.05 to 1, with β₁ ≈ 0.75 to 0.97: the momentum averages out the zig-zag across the valley. With little momentum large steps bounce chaotically; at β₁ → 0.999 they overshoot.',
    state: {
      objective: { name: 'rosenbrock' }, start: [-1.5, 2], steps: 500, precision: 'f32', metric: 'final_loss',
      optimizers: [{ name: 'adam' }],
      x: { param: 'lr', min: 1e-4, max: 1, n: 256, log: true },
      y: { param: 'beta1', min: 0, max: 0.999, n: 256 },
    },
  },
  {
    id: 'momentum-quadratic',
    title: 'Momentum’s phase diagram on a quadratic',
    description: 'SGD with momentum (torch’s heavy ball) on the ill-conditioned quadratic ½(u² + 10·w²), whose Hessian has eigenvalues 1 and κ = 10; colour: the steps until f ≤ 10⁻⁶. The dashed line is the analytic boundary α·κ = 2(1 + β): right of it every run diverges (red stripes), left of it every run converges, as in Distill’s “Why Momentum Really Works”. The fastest runs (dark) are near Polyak’s optimum α = (2/(1 + √κ))² ≈ 0.23, β = ((√κ − 1)/(√κ + 1))² ≈ 0.27.',
    state: {
      objective: { name: 'quadratic', params: { kappa: 10, angle: 0 } }, start: [-2.5, 1.5], steps: 300,
      precision: 'f64', metric: 'steps_to_tol', tol: 1e-6,
      optimizers: [{ name: 'sgd', lr: 0.01, momentum: 0.5 }],
      x: { param: 'lr', min: 0.005, max: 0.5, n: 256 },
      y: { param: 'momentum', min: 0, max: 0.99, n: 256 },
    },
  },
  {
    id: 'bias-correction',
    title: 'Adam with and without bias correction (Adam paper, Fig. 4)',
    description: 'The ablation of the Adam paper’s Section 6.4, on Beale’s function from (1, 1.5): learning rate × β₂ from 0.99 to 0.9999, with bias correction (left) and without (right), on one colour scale. Without it the first steps are (1 − β₁)/√(1 − β₂) times larger — 10× at β₂ = 0.9999 — so large learning rates with β₂ close to 1 throw the run out of the valley (top right): for α ≥ 0.1 and β₂ > 0.995, 490 of 2,520 runs end above f = 10⁻³ without it, none with it.',
    state: {
      objective: { name: 'beale' }, start: [1, 1.5], steps: 500, precision: 'f64', metric: 'final_loss',
      optimizers: [
        { name: 'adam', label: 'Adam' },
        { name: 'adam', bias_correction: false, label: 'Adam without bias correction' },
      ],
      x: { param: 'lr', min: 1e-4, max: 1, n: 160, log: true },
      y: { param: 'beta2', min: 0.99, max: 0.9999, n: 128 },
    },
  },
  {
    id: 'himmelblau-basins',
    title: 'Basins of attraction: SGD vs Adam on Himmelblau',
    description: 'Which of Himmelblau’s four minima a run from each start point ends in, for SGD (left) and Adam (right), with the contour lines of f. SGD follows the gradient, so its basins are bounded by the ridges through the local maximum; Adam’s sign-like steps cut across them and its basin borders shift.',
    state: {
      objective: { name: 'himmelblau' }, steps: 500, precision: 'f32', metric: 'nearest_minimum',
      optimizers: [{ name: 'sgd', lr: 0.01, label: 'SGD' }, { name: 'adam', lr: 0.1, label: 'Adam' }],
      x: { param: 'start_x', min: -5, max: 5, n: 256 },
      y: { param: 'start_y', min: -5, max: 5, n: 256 },
    },
  },
];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}
