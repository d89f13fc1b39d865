// The typed formula against the built-in objective it spells out, on the paths users call (the JS
// API, wasm SIMD, in Node), as ratios measured in the same run:
//   sweep   gs.sweep: a 128 × 128 map × 300 Adam steps (f32) over lr × β1 on Rosenbrock, typed as
//           (1 - x)^2 + 100*(y - x^2)^2 vs the built-in; target: the typed one at ≥ 0.5× the speed
//   grid    session.grid(512 × 512), the heatmap's call: typed Rosenbrock and typed Rastrigin
//           (transcendental: its cosines go through the jets) vs the built-ins; target ≤ 2× the time
//   run     a RunSession (the landscape player's) reset and advanced 10,000 steps with one Adam, and
//           gs.run (the same run with its JSON result), typed vs built-in; target ≤ 1.5× the time;
//           and, for the record, configure() alone (a formula is parsed, compiled and searched
//           for its minima there: its start is chosen from them)
// Method: each case warmed up twice, then timed in interleaved rounds (typed and built-in in turn);
// the figure is the median round (best in parentheses). The typed and built-in results are checked
// to agree (the map's cells to 1e-6 relative in f32, the grids to 1e-12) before anything is timed.
//
// Usage: node bench/formula.mjs [--rounds=7]   Writes bench/results/formula.md (also on stdout).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGradscape } from '../web/api/gradscape.mjs';
import { interleaved, median, ms } from './tools/interleaved.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROUNDS = Math.max(5, Number(args.rounds ?? 7));

const gs = await loadGradscape({ sweep: true, full: true });
const ROSENBROCK = { name: 'formula', expr: '(1 - x)^2 + 100*(y - x^2)^2', view: [-2, 2, -1, 3] };
const RASTRIGIN = { name: 'formula', expr: '2*10 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))', view: [-5.12, 5.12, -5.12, 5.12] };

const sweepConfig = (objective) => ({
  version: 1, objective, steps: 300, precision: 'f32', optimizer: { name: 'adam' }, start: [-1.5, 2],
  x: { param: 'lr', min: 1e-4, max: 1, n: 128, log: true }, y: { param: 'beta1', min: 0, max: 0.999, n: 128 },
  metric: 'final_loss',
});
const runConfig = (objective) => ({
  version: 1, objective, start: [-1.5, 2], steps: 10000, optimizers: [{ name: 'adam', lr: 0.01 }],
});

const sessions = { typed: gs.createRunSession(), builtin: gs.createRunSession() };

const CASES = [
  {
    id: 'sweep', what: 'sweep 128 × 128 × 300 Adam (f32), Rosenbrock', target: 'typed speed ≥ 0.5× built-in',
    typed: () => gs.sweep(sweepConfig(ROSENBROCK)), builtin: () => gs.sweep(sweepConfig('rosenbrock')),
    check: (a, b) => {
      const x = a.values.flat(), y = b.values.flat();
      let worst = 0;
      for (let i = 0; i < x.length; ++i) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) worst = Math.max(worst, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
      return worst;
    },
    limit: (ratio) => ratio <= 2,
  },
  ...[['Rosenbrock', ROSENBROCK, 'rosenbrock'], ['Rastrigin', RASTRIGIN, 'rastrigin']].map(([label, typed, name]) => ({
    id: `grid-${name}`, what: `grid 512 × 512, ${label}`, target: 'typed time ≤ 2× built-in',
    setUp: () => {
      sessions.typed.configure({ objective: typed, steps: 1 });
      sessions.builtin.configure({ objective: name, steps: 1 });
    },
    typed: () => Float64Array.from(sessions.typed.grid(-2, 2, -1, 3, 512, 512)),
    builtin: () => Float64Array.from(sessions.builtin.grid(-2, 2, -1, 3, 512, 512)),
    check: (a, b) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]) / (1 + Math.abs(b[i]))), 0),
    limit: (ratio) => ratio <= 2,
  })),
  {
    id: 'run-session', what: 'RunSession (the player), 10,000 Adam steps, Rosenbrock', target: 'typed time ≤ 1.5× built-in',
    setUp: () => {
      sessions.typed.configure(runConfig(ROSENBROCK));
      sessions.builtin.configure(runConfig('rosenbrock'));
    },
    typed: () => { sessions.typed.reset(); sessions.typed.advance(10000); return sessions.typed.loss(0).slice(); },
    builtin: () => { sessions.builtin.reset(); sessions.builtin.advance(10000); return sessions.builtin.loss(0).slice(); },
    check: (a, b) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]) / (1 + Math.abs(b[i]))), 0),
    limit: (ratio) => ratio <= 1.5,
  },
  {
    id: 'configure', what: 'configure a RunSession (parse, compile, find the minima for the start)', target: '(no target)',
    typed: () => sessions.typed.configure(runConfig(ROSENBROCK)), builtin: () => sessions.builtin.configure(runConfig('rosenbrock')),
    check: () => 0,
    limit: () => true,
  },
  {
    id: 'run-json', what: 'gs.run (JSON result), 10,000 Adam steps, Rosenbrock', target: 'typed time ≤ 1.5× built-in',
    typed: () => gs.run(runConfig(ROSENBROCK)).runs[0].loss, builtin: () => gs.run(runConfig('rosenbrock')).runs[0].loss,
    check: (a, b) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]) / (1 + Math.abs(b[i]))), 0),
    limit: (ratio) => ratio <= 1.5,
  },
];


const rows = [];
for (const c of CASES) {
  c.setUp?.();
  const difference = c.check(c.typed(), c.builtin());
  const { a: typed, b: builtin } = interleaved(c.typed, c.builtin, ROUNDS);
  const ratio = median(typed) / median(builtin);
  rows.push({ ...c, typed, builtin, ratio, difference, met: c.id === 'sweep' ? 1 / ratio >= 0.5 : c.limit(ratio) });
  c.setUp?.();
}

const c_met = (r) => (r.id === 'configure' ? '' : r.met ? 'yes' : '**no**');
const lines = [
  `Typed formula vs built-in objective, wasm SIMD through the JS API, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}, ${ROUNDS} interleaved rounds: median (best) ms.`,
  '',
  '| case | typed ms | built-in ms | typed ÷ built-in time | target | met | typed vs built-in result |',
  '|---|---:|---:|---:|---|---|---:|',
  ...rows.map((r) => `| ${r.what} | ${ms(r.typed)} | ${ms(r.builtin)} | ${r.ratio.toFixed(2)}× | ${r.target} | ${c_met(r)} | ${r.difference.toExponential(1)} |`),
];
const report = lines.join('\n');
console.log(report);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/formula.md'), `${report}\n`);
