// A custom rule (the rule language, interpreted per coordinate) against the built-in it spells out,
// on the paths users call (the JS API, wasm SIMD, in Node), as ratios measured in the same run:
//   sweep  gs.sweep: a 64 × 64 map × 500 steps over lr × momentum on Rosenbrock, SGD with momentum
//          typed as a rule vs sgd {momentum} (f64, where the two maps are the same bits, and f32);
//          and Adam typed as a rule vs adam over lr × β1 (f64)
//   run    gs.run: one run of 10,000 steps with its JSON result, the rule vs the built-in (f64)
// No target is set for the sweep: the built-ins run four (f32) or two (f64) cells per SIMD vector
// with their per-step scalars hoisted, the rule one cell and one coordinate at a time through the
// formula evaluator; the ratio is what a user pays for typing the rule.
// Method: each case warmed up twice, then timed in interleaved rounds (rule and built-in in turn);
// the figure is the median round (best in parentheses). The results are compared before anything
// is timed (relative difference of every cell or loss; 0 means the same bits). In f32 the
// built-in computes in f32 and the rule in double (rounding θ and its states to f32), so cells at
// the edge of divergence may diverge in one map only; the report counts them.
//
// Usage: node bench/custom-rule.mjs [--rounds=7]   Writes bench/results/custom-rule.md (also on stdout).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGradscape } from '../web/api/gradscape.mjs';
import { interleaved, median, ms } from './tools/interleaved.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROUNDS = Math.max(5, Number(args.rounds ?? 7));

const gs = await loadGradscape({ sweep: true, full: true });

const MOMENTUM_RULE = 'hyper lr = 0.001 [1e-5, 1] log; momentum = 0.9 [0, 0.999]\nstate buf = 0\n'
  + 'buf = momentum*buf + g\ntheta = theta - lr*buf';
const ADAM_RULE = 'hyper lr = 0.001 [1e-5, 1] log; beta1 = 0.9 [0, 0.999]; beta2 = 0.999 [0, 0.9999]; eps = 1e-8 [0, 1]\n'
  + 'state m = 0; v = 0\nm = beta1*m + (1 - beta1)*g\nv = beta2*v + (1 - beta2)*g^2\n'
  + 'theta = theta - lr*(m/(1 - beta1^t))/(sqrt(v/(1 - beta2^t)) + eps)';

const map = (optimizer, second, precision) => ({
  version: 1, objective: 'rosenbrock', start: [-1.5, 2], steps: 500, precision, optimizer,
  x: { param: 'lr', min: 1e-5, max: 0.01, n: 64, log: true }, y: { param: second, min: 0, max: 0.99, n: 64 },
  metric: 'final_loss',
});
const run = (optimizer) => ({ version: 1, objective: 'rosenbrock', start: [-1.5, 2], steps: 10000, optimizers: [optimizer] });

// The worst relative difference over the entries both have (0: the same bits), and how many
// entries one has and the other not (a cell that diverged in one map only).
const compare = (a, b) => {
  let worst = 0, mismatched = 0;
  for (let i = 0; i < a.length; ++i) {
    if ((a[i] == null) !== (b[i] == null)) ++mismatched;
    else if (a[i] != null) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  }
  return { worst, mismatched, of: a.length };
};
const cells = (result) => result.values.flat();

const CASES = [
  ...['f64', 'f32'].map((precision) => ({
    what: `sweep 64 × 64 × 500, SGD + momentum (${precision})`,
    rule: () => cells(gs.sweep(map({ name: 'custom', rule: MOMENTUM_RULE }, 'momentum', precision))),
    builtin: () => cells(gs.sweep(map({ name: 'sgd', momentum: 0.9 }, 'momentum', precision))),
  })),
  {
    what: 'sweep 64 × 64 × 500, Adam (f64)',
    rule: () => cells(gs.sweep(map({ name: 'custom', rule: ADAM_RULE }, 'beta1', 'f64'))),
    builtin: () => cells(gs.sweep(map({ name: 'adam' }, 'beta1', 'f64'))),
  },
  {
    // Compared over the first 3,000 losses: later, near the minimum, Adam's v decays and its steps
    // spike, and a spike amplifies the last-bit difference of β^t (the rule's pow, the built-in's
    // running product) into a different path (5e-3 apart at step 9,573 of this run).
    what: 'gs.run, 10,000 Adam steps (f64, JSON result)',
    rule: () => gs.run(run({ name: 'custom', rule: ADAM_RULE, lr: 0.01 })).runs[0].loss,
    builtin: () => gs.run(run({ name: 'adam', lr: 0.01 })).runs[0].loss,
    agree: 3001,
  },
];


const rows = [];
for (const c of CASES) {
  const difference = compare(c.rule().slice(0, c.agree), c.builtin().slice(0, c.agree));
  const { a: rule, b: builtin } = interleaved(c.rule, c.builtin, ROUNDS);
  rows.push({ ...c, rule, builtin, ratio: median(rule) / median(builtin), difference });
}

const agreement = ({ difference: d, agree }) => [
  d.worst === 0 ? '0 (same bits)' : d.worst.toExponential(1),
  ...(d.mismatched ? [`${d.mismatched} of ${d.of} cells diverge in one map only`] : []),
  ...(agree ? [`first ${agree - 1} steps`] : []),
].join('; ');
const lines = [
  `Custom rule vs built-in, wasm SIMD through the JS API, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}, ${ROUNDS} interleaved rounds: median (best) ms.`,
  '',
  '| case | rule ms | built-in ms | rule ÷ built-in time | rule vs built-in result |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.what} | ${ms(r.rule)} | ${ms(r.builtin)} | ${r.ratio.toFixed(1)}× | ${agreement(r)} |`),
];
const report = lines.join('\n');
console.log(report);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/custom-rule.md'), `${report}\n`);
