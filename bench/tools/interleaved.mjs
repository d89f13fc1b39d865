// Timing two implementations of one case in interleaved rounds (the benchmarks that report a ratio
// measured in the same run: formula.mjs, custom-rule.mjs): each warmed up twice, then `rounds`
// rounds of a() then b(). Times are ms per call; median() is the figure, the best the parenthesis.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const time = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** { a: [ms per round], b: [ms per round] } */
export function interleaved(a, b, rounds) {
  for (let i = 0; i < 2; ++i) { a(); b(); }
  const out = { a: [], b: [] };
  for (let r = 0; r < rounds; ++r) {
    out.a.push(time(a));
    out.b.push(time(b));
  }
  return out;
}

/** "median (best)" of a round list, in ms to one decimal. */
export const ms = (xs) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)})`;
