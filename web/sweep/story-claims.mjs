// What each sweep story (presets.mjs) claims, computed from the engine's maps of its state
// (gs.sweep of each of toConfigs(state), the result schema of docs/schema.md): a list of
// { text, ok } per story, checked by tests/js/sweep-stories.test.mjs. `maps` holds one result per
// map (two in compare mode); `pin` is the story's pinned cell [map, i, j].
const claim = (text, ok) => ({ text, ok: Boolean(ok) });
const round = (v, digits) => Number(v.toFixed(digits));

/** Every cell of a map: {i, j, x, y, value, diverged}. */
const cells = (r) => r.values.flatMap((row, j) => row.map((value, i) => ({
  i, j, x: r.x_values[i], y: r.y_values[j], value, diverged: r.diverged[j][i] === 1,
})));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The cell with the least (non-null) value. */
const lowest = (r) => cells(r).filter((c) => c.value != null).reduce((a, b) => (b.value < a.value ? b : a));
const isPinned = (cell, [, i, j]) => cell.i === i && cell.j === j;

export const STORY_CLAIMS = {
  'adam-rosenbrock': ([r], pin) => {
    const all = cells(r);
    const band = (lo, hi) => median(all.filter((c) => c.x >= 0.5 && c.y >= lo && c.y < hi).map((c) => c.value));
    const best = lowest(r);
    return [
      claim('the start (−1.5, 2) has f = 12.5', (1 - r.start[0]) ** 2 + 100 * (r.start[1] - r.start[0] ** 2) ** 2 === 12.5),
      claim('with α below 10⁻² every run ends above f = 3', all.filter((c) => c.x < 1e-2).every((c) => c.value > 3)),
      claim('with α ≥ 0.5, the median loss is below 10⁻³ for β₁ from 0.85 to 0.98', band(0.85, 0.98) < 1e-3),
      claim('… above 1 for β₁ < 0.5', band(0, 0.5) > 1),
      claim('… above 1 for β₁ above 0.995', band(0.995, 1) > 1),
      claim('the pinned cell is the lowest loss of the map', pin[0] === 0 && isPinned(best, pin)),
      claim('at α ≈ 0.75 and β₁ ≈ 0.94', round(best.x, 2) === 0.75 && round(best.y, 2) === 0.94),
      claim('its run reaches the minimum (1, 1): f below 10⁻⁶', best.value < 1e-6),
    ];
  },
  'momentum-quadratic': ([r], pin) => {
    const kappa = r.objective.params.kappa;
    const gap = (c) => c.x * kappa - 2 * (1 + c.y);
    const all = cells(r);
    const fastest = lowest(r);
    const polyak = { lr: (2 / (1 + Math.sqrt(kappa))) ** 2, momentum: ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2 };
    return [
      claim('left of α·κ = 2(1 + β) no run diverges', all.filter((c) => gap(c) <= 0).every((c) => !c.diverged)),
      claim('right of it every run diverges but those next to the line (within 0.1 of 2(1 + β))', all.filter((c) => gap(c) > 0.1).every((c) => c.diverged)),
      claim('some runs right of the line do not diverge within the steps', all.some((c) => gap(c) > 0 && !c.diverged)),
      claim('Polyak’s optimum is α ≈ 0.23, β ≈ 0.27', round(polyak.lr, 2) === 0.23 && round(polyak.momentum, 2) === 0.27),
      claim('the pinned cell is the fastest run, 10 steps', isPinned(fastest, pin) && fastest.value === 10),
      claim('at α ≈ 0.21 and β ≈ 0.35', round(fastest.x, 2) === 0.21 && round(fastest.y, 2) === 0.35),
      claim('next to Polyak’s optimum (within 0.05 in α and 0.1 in β)', Math.abs(fastest.x - polyak.lr) < 0.05 && Math.abs(fastest.y - polyak.momentum) < 0.1),
    ];
  },
  'bias-correction': ([on, off], pin) => {
    const region = (c) => c.x >= 0.1 && c.y > 0.995;
    const high = (r) => cells(r).filter(region).filter((c) => c.value == null || c.value > 1e-3).length;
    const [m, i, j] = pin;
    const first = (r) => (1 - r.optimizer.beta1) / Math.sqrt(1 - r.y_values.at(-1));
    return [
      claim('the uncorrected first step is 10 times larger at β₂ = 0.9999', round(first(off), 9) === 10 && off.y_values.at(-1) === 0.9999),
      claim('2520 runs have α ≥ 0.1 and β₂ > 0.995', cells(on).filter(region).length === 2520),
      claim('490 of them end above f = 10⁻³ without bias correction', high(off) === 490),
      claim('none with it', high(on) === 0),
      claim('the pinned cell is on the map without bias correction, at α ≈ 0.79 and β₂ = 0.9999',
        m === 1 && round(off.x_values[i], 2) === 0.79 && off.y_values[j] === 0.9999),
      claim('it ends above f = 1000 without bias correction', off.values[j][i] > 1000),
      claim('and below 10⁻⁶ with it', on.values[j][i] < 1e-6),
    ];
  },
  'himmelblau-basins': ([sgd, adam], pin) => {
    const [m, i, j] = pin;
    const differ = cells(sgd).filter((c) => c.value !== adam.values[c.j][c.i]).length / (sgd.x_values.length * sgd.y_values.length);
    const minimum = (k) => sgd.minima[k].slice(0, 2).map((v) => round(v, 2)).join();
    return [
      claim('both maps have all four minima', [sgd, adam].every((r) => new Set(r.values.flat()).size === 4)),
      claim(`about one start in fourteen ends at a different minimum (${(100 * differ).toFixed(1)}%)`, differ > 1 / 16 && differ < 1 / 12),
      claim('the pinned start is (0.25, −4.69), on the Adam map', m === 1 && round(adam.x_values[i], 2) === 0.25 && round(adam.y_values[j], 2) === -4.69),
      claim('SGD ends at (3.58, −1.85) from it', minimum(sgd.values[j][i]) === '3.58,-1.85'),
      claim('Adam at (−3.78, −3.28)', minimum(adam.values[j][i]) === '-3.78,-3.28'),
    ];
  },
};
