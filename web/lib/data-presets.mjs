// Preset data sets for the data panel, in [−1, 1]², made by a seeded generator so that they are the
// same everywhere: for linear regression points [x, y], for logistic regression [x, y, label].

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (v) => Math.round(v * 100) / 100;
const line = (n, seed, f, spread) => {
  const random = generator(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = -0.9 + (1.8 * i) / (n - 1) + (random() - 0.5) * 0.05;
    return [round(x), round(f(x) + (random() - 0.5) * 2 * spread)];
  });
};
const clusters = (n, seed, boundary, gap, spread) => {
  const random = generator(seed);
  return Array.from({ length: n }, (_, i) => {
    const label = i % 2;
    const x = -0.9 + 1.8 * random();
    const y = boundary(x) + (label ? 1 : -1) * (gap + spread * random()) + (random() - 0.5) * spread;
    return [round(x), round(Math.max(-1, Math.min(1, y))), label];
  });
};

export const DATA_PRESETS = {
  least_squares: [
    { id: 'noisy-line', label: 'Noisy line', data: line(24, 1, (x) => 0.8 * x - 0.3, 0.15) },
    { id: 'outlier', label: 'A line and one outlier', data: [...line(16, 2, (x) => 0.5 * x + 0.2, 0.05), [0.8, -0.9]] },
    { id: 'curve', label: 'A curve (a line misfits it)', data: line(24, 3, (x) => x * x - 0.4, 0.05) },
    { id: 'steep', label: 'Steep and scattered', data: line(40, 4, (x) => -1.1 * x, 0.35).map(([x, y]) => [x, Math.max(-1, Math.min(1, y))]) },
  ],
  logistic: [
    { id: 'two-clusters', label: 'Two clusters', data: clusters(30, 5, (x) => -0.5 * x + 0.1, 0.15, 0.4) },
    { id: 'overlap', label: 'Overlapping classes', data: clusters(40, 6, (x) => 0.3 * x, -0.05, 0.7) },
    { id: 'tilted', label: 'A tilted boundary', data: clusters(30, 7, (x) => 1.4 * x - 0.2, 0.1, 0.3) },
  ],
};
