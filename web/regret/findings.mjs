// What the recorded points say, in words: where a run's regret crosses its Theorem 4.1 bound (and
// why that can happen: Reddi, Kale & Kumar's counterexample to the theorem's proof), and, on the
// reddi problem, how each run's average regret compares with the 2(C − 2)/3 of a learner that sits
// at x = +1. Every number is read from the data; nothing is hard-coded.
import { formatNumber, formatT } from '../lib/format.mjs';

/** The first certified record where run i's regret exceeds its (finite) bound, or null. */
export const firstCrossing = (job, i) => job.runs[i].crossing;

// The latest record of run i at or before k whose regret is certified, or -1.
function certifiedAtOrBefore(job, i, k) {
  let j = Math.min(k, job.runs[i].regret.length - 1);
  while (j >= 0 && !job.certified(i, j)) j -= 1;
  return j;
}

/** Run i's latest certified record: t, R(t), R(t)/t, bound (NaN where none) and x_t; null if none. */
export function latest(job, i) {
  const run = job.runs[i];
  const k = certifiedAtOrBefore(job, i, run.regret.length - 1);
  if (k < 0) return null;
  return {
    t: job.t.data[k], regret: run.regret.data[k], average: run.average.data[k], bound: run.bound.data[k],
    iterate: run.iterate.data[k],
  };
}

// The record whose t is closest to (at most) `t`.
function recordAt(job, t) {
  const ts = job.t.view();
  let lo = 0;
  let hi = ts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The exponent k of R(t) ∝ t^k over the latest decade of run i (null where R ≤ 0 or too short). */
export function growth(job, i) {
  const run = job.runs[i];
  const last = certifiedAtOrBefore(job, i, run.regret.length - 1);
  if (last < 1) return null;
  const t = job.t.data;
  const first = certifiedAtOrBefore(job, i, recordAt(job, t[last] / 10));
  if (first < 0) return null;
  if (first >= last || t[last] / t[first] < 3) return null;
  const a = run.regret.data[first];
  const b = run.regret.data[last];
  if (!(a > 0 && b > 0)) return null;
  return Math.log(b / a) / Math.log(t[last] / t[first]);
}

/**
 * The reddi problem's story from the data: for each run, its average regret now and at half the
 * time, against L = 2(C − 2)/3 (the average regret of x = +1 forever, the point Adam is driven to).
 */
export function reddiSummary(job, labels, C) {
  if (job.count < 4) return null;
  const limit = (2 * (C - 2)) / 3;
  const now = Math.min(job.count, ...job.runs.map((run) => run.average.length)) - 1;
  if (now < 3) return null;
  const half = recordAt(job, job.t.data[now] / 2);
  const runs = job.runs.map((run, i) => {
    const a = run.average.data[now];
    const b = run.average.data[half];
    const levelled = Math.abs(a - b) <= 0.05 * Math.max(Math.abs(b), 1e-12);
    const nearLimit = Math.abs(a - limit) <= 0.1 * limit;
    let verdict;
    if (nearLimit && levelled) verdict = `levels off at ${formatNumber(a, 3)}, next to 2(C−2)/3 = ${formatNumber(limit, 3)}: it is stuck near x = +1, the worst point`;
    else if (a < 0.1 * limit && a < b) verdict = `falls to ${formatNumber(a, 3)} (from ${formatNumber(b, 3)} at t = ${formatT(job.t.data[half])}): it goes to zero`;
    else if (levelled) verdict = `levels off at ${formatNumber(a, 3)}`;
    else verdict = `is ${formatNumber(a, 3)} (${formatNumber(b, 3)} at t = ${formatT(job.t.data[half])})`;
    return { label: labels[i], average: a, earlier: b, verdict };
  });
  return { t: job.t.data[now], limit, runs };
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// A run's name in its colour's dot, as in the runs table.
function runName(label, color) {
  const name = el('strong', 'rg-run-name');
  name.style.setProperty('--run-colour', color);
  name.append(el('span', 'swatch'), label);
  return name;
}

function cite() {
  const a = el('a', null, 'Reddi, Kale & Kumar, “On the Convergence of Adam and Beyond”, ICLR 2018');
  a.href = 'https://openreview.net/forum?id=ryQu7f-RZ';
  a.rel = 'noopener';
  a.target = '_blank';
  return a;
}

// "At t = 20k, AdaGrad has the least regret (1.16k); Adam 1.2k (1.03×), SGD 1.74k (1.5×)."
function ranking(job, runs) {
  const rows = job.runs.map((_, i) => ({ i, now: latest(job, i) })).filter((r) => r.now && Number.isFinite(r.now.regret));
  if (rows.length < 2) return null;
  rows.sort((a, b) => a.now.regret - b.now.regret);
  const [best, ...rest] = rows;
  const p = el('p', 'rg-summary');
  p.dataset.role = 'ranking';
  p.append(`At t = ${formatT(best.now.t)}, `, runName(runs[best.i].label, runs[best.i].color),
    ` has the least regret (${formatNumber(best.now.regret, 3)})`);
  rest.forEach((r, k) => {
    const ratio = best.now.regret > 0 && r.now.regret > 0 ? ` (${formatNumber(r.now.regret / best.now.regret, 3)}×)` : '';
    p.append(k === 0 ? '; ' : ', ', runName(runs[r.i].label, runs[r.i].color), ` ${formatNumber(r.now.regret, 3)}${ratio}`);
  });
  p.append('.');
  if (rows.some((r) => r.now.regret < 0)) {
    p.append(' Negative regret: those runs did better than the best fixed point in hindsight, which a method that follows a moving target can do.');
  }
  return p;
}

/**
 * Fills `root` with the findings: a line per bound crossing and the explanation, and the reddi
 * summary. args: { job, runs: [{label, color}], crossings, problem: {name, params} }.
 */
export function renderFindings(root, { job, runs, crossings, problem, state }) {
  const nodes = [];
  const crossed = crossings.filter(Boolean);
  if (problem.name === 'reddi' && job) {
    const summary = reddiSummary(job, runs.map((r) => r.label), problem.params.C ?? 3);
    if (summary) {
      const p = el('p', 'rg-summary');
      p.dataset.role = 'reddi-summary';
      p.append(`Measured at t = ${formatT(summary.t)}${state === 'running' ? ' (still running)' : ''}: `);
      summary.runs.forEach((r, i) => {
        p.append(runName(r.label, runs[i].color), `’s average regret R(t)/t ${r.verdict}`, i < summary.runs.length - 1 ? '; ' : '.');
      });
      nodes.push(p);
    }
  } else if (job) {
    const p = ranking(job, runs);
    if (p) nodes.push(p);
  }
  if (crossed.length) {
    const box = el('div', 'rg-crossing');
    box.dataset.role = 'crossing';
    const list = el('ul');
    for (const c of crossed) {
      const li = el('li');
      li.append(runName(runs[c.run].label, runs[c.run].color), ` crosses its Theorem 4.1 bound at t = ${formatT(c.t)}: R(t) = ${formatNumber(c.regret, 4)} > bound ${formatNumber(c.bound, 4)} (◉ on the chart).`);
      list.append(li);
    }
    const why = el('p');
    why.append(
      'The Adam paper’s Theorem 4.1 (Kingma & Ba, 2015) claims R(T) = O(√T) under exactly these conditions (αₜ = α/√t, β₁,ₜ = β₁λᵗ⁻¹, β₁²/√β₂ < 1), so this should be impossible. The theorem is wrong: ',
      cite(),
      ' show that its proof is flawed. It assumes that Γₜ = √v̂ₜ/αₜ − √v̂ₜ₋₁/αₜ₋₁ is never negative, i.e. that the effective step αₜ/√v̂ₜ never grows. Adam does not guarantee this: right after a rare large gradient, vₜ decays geometrically (fast when β₂ is small), √v̂ₜ/αₜ shrinks, Γₜ < 0, and the telescoping sum the proof relies on no longer bounds the regret. On their problem (f_t(x) = Cx once every three steps, −x otherwise) Adam is pushed to the worst point and its average regret does not go to zero. AMSGrad keeps v̂ₜ = max(v̂ₜ₋₁, vₜ), which makes Γₜ ≥ 0 and restores an O(√T) bound.',
    );
    box.append(el('h3', null, 'The regret crosses Theorem 4.1’s bound'), list, why);
    nodes.push(box);
  }
  root.replaceChildren(...nodes);
  root.hidden = nodes.length === 0;
}
