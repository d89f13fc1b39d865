// The analytic convergence boundary of heavy-ball momentum on the quadratic objective (Distill,
// "Why Momentum Really Works"; Polyak 1964): on f = ½(u² + κ·w²) the Hessian's eigenvalues are 1
// and κ (src/objectives: the rotation by `angle` leaves them unchanged), and the iteration
// v ← βv + c·g, θ ← θ − αv converges iff 0 < α·c·λ < 2(1 + β) for every eigenvalue λ (+ the
// weight decay, which adds to each). c = 1 − dampening for torch's SGD, c = 1 − β for the EMA form.
// The boundary is drawn on a map whose axes are the learning rate and the momentum coefficient.

const SAMPLES = 200;

function momentumParam(optimizer) {
  if (optimizer.name === 'sgd' && !optimizer.nesterov) return 'momentum';
  if (optimizer.name === 'momentum') return 'beta';
  return null;
}

/**
 * The boundary lines α = 2(1 + β)/(c·λ) for a resolved sweep config, as [{label, points: [[x, y]…]}]
 * in axis values, or [] when the map is not lr × momentum of heavy ball on the quadratic.
 */
export function momentumBoundary(config) {
  const { objective, optimizer, x, y } = config;
  const beta = momentumParam(optimizer);
  const scheduled = (optimizer.schedule?.name ?? 'constant') !== 'constant' || (optimizer.beta1_decay ?? 1) !== 1;
  if (objective.name !== 'quadratic' || !beta || scheduled) return [];
  const params = [x.param, y.param];
  if (!(params.includes('lr') && params.includes(beta))) return [];
  const betaAxis = x.param === beta ? x : y;
  const kappa = objective.params.kappa;
  const decay = optimizer.weight_decay ?? 0;
  const factor = (b) => (beta === 'beta' ? 1 - b : 1 - (optimizer.dampening ?? 0));
  const lines = [];
  for (const [lambda, name] of [[kappa + decay, 'κ'], [1 + decay, '1']]) {
    const points = [];
    for (let k = 0; k <= SAMPLES; ++k) {
      const b = betaAxis.min + (k / SAMPLES) * (betaAxis.max - betaAxis.min);
      const alpha = (2 * (1 + b)) / (factor(b) * lambda);
      if (Number.isFinite(alpha)) points.push(x.param === 'lr' ? [alpha, b] : [b, alpha]);
    }
    lines.push({ label: `α·λ = 2(1 + β), λ = ${name}`, points });
  }
  return lines;
}
