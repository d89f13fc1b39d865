// Timing implementations of one case in interleaved rounds (the benchmarks that report a ratio
// measured in the same run: formula.mjs, custom-rule.mjs, race.mjs): each warmed up twice, then
// `rounds` rounds, each calling every implementation once in turn. Times are ms per call; median()
// is the figure, the best the parenthesis.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const time = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** { name: [ms per round] } for fns = { name: () => … }. */
export function interleavedAll(fns, rounds) {
  const entries = Object.entries(fns);
  for (let i = 0; i < 2; ++i) for (const [, fn] of entries) fn();
  const out = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; ++r) for (const [name, fn] of entries) out[name].push(time(fn));
  return out;
}

/** { a: [ms per round], b: [ms per round] } */
export const interleaved = (a, b, rounds) => interleavedAll({ a, b }, rounds);

/** "median (best)" of a round list, in ms to one decimal. */
export const ms = (xs) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)})`;
