// The online loop of the regret lab (not part of the tests): rounds per second of one Adam run
// through gs.createRegretSession, against the same loop written in plain JS over Float64Arrays.
//   reddi, d = 1: f_t = C·x or −x; Adam (β1 = 0, β2 = 0.1, α/√t, no bias correction), projection
//     onto [−1, 1], cumulative loss, G∞ and Σg² for Theorem 4.1; once without records and once
//     recording every 100 rounds (regret against the closed-form comparator, average, bound, x_t).
//   online_logistic, d = 10,000, 20 words per document (Zipf 1.1): draw the document (Philox
//     uniforms, Zipf ranks by binary search, sort, label from a hidden sparse model, stored for
//     the comparator, which also folds it into its reference point), margin, logistic loss and
//     sparse gradient, G∞ and Σg² on the support, Adam's dense step over all 10,000 coordinates
//     and the box projection. No records inside the timed rounds: the comparator's re-solves are
//     not part of the loop (the engine solves at record points; record_every = T here).
// The JS draws its uniforms with Philox-2x32-10 (the engine: Philox-2x64-10; not bit-identical, the
// same kind of work). Interleaved rounds, median. Prints a markdown table and writes
// bench/results/regret.md.
import { writeFile, mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { loadGradscape } from '../web/api/gradscape.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const REDDI_ADAM = { name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, eps: 1e-8, bias_correction: false, schedule: { name: 'inv_sqrt' } };
const LOGISTIC_ADAM = { name: 'adam', lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, beta1_decay: 0.999, schedule: { name: 'inv_sqrt' } };

// ---- plain JS: Adam over d coordinates with the engine's options used here ----

class JsAdam {
  constructor(spec, d) {
    Object.assign(this, { lr: spec.lr, b1: spec.beta1, b2: spec.beta2, eps: spec.eps, lambda: spec.beta1_decay ?? 1 });
    this.biasCorrection = spec.bias_correction !== false;
    this.m = new Float64Array(d);
    this.v = new Float64Array(d);
    this.t = 0;
  }
  step(x, g) {
    const t = ++this.t;
    const lr = this.lr / Math.sqrt(t);
    const b1 = this.b1 * this.lambda ** (t - 1);
    const b2 = this.b2;
    const c1 = this.biasCorrection ? 1 / (1 - b1 ** t) : 1;
    const c2 = this.biasCorrection ? 1 / Math.sqrt(1 - b2 ** t) : 1;
    const { m, v, eps } = this;
    for (let i = 0; i < x.length; ++i) {
      const gi = g[i];
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      x[i] -= (lr * mi * c1) / (Math.sqrt(vi) * c2 + eps);
    }
  }
}

function projectBox(x, r) {
  for (let i = 0; i < x.length; ++i) {
    const v = x[i];
    x[i] = v < -r ? -r : (v > r ? r : v);
  }
}

// Theorem 4.1's right-hand side (β1 = 0 form used by the reddi case: (1 − λ)² → 1).
function theorem41(spec, { t, d, D, Dinf, Ginf, sumSqrtTv, sumNorms }) {
  const { lr: a, beta1: b1, beta2: b2 } = spec;
  const gamma = b1 === 0 ? 0 : (b1 * b1) / Math.sqrt(b2);
  const oneMinusLambda = b1 === 0 ? 1 : 1 - spec.beta1_decay;
  return (D * D) / (2 * a * (1 - b1)) * sumSqrtTv
    + (a * (1 + b1) * Ginf) / ((1 - b1) * Math.sqrt(1 - b2) * (1 - gamma) ** 2) * sumNorms
    + (d * Dinf * Dinf * Ginf * Math.sqrt(1 - b2)) / (2 * a * (1 - b1) * oneMinusLambda ** 2);
}

/** Reddi's problem in plain JS: `rounds` rounds of one Adam run; records every `every` rounds (0: none). */
function jsReddi(rounds, every) {
  const C = 3;
  const r = 1;
  const x = new Float64Array([1]);
  const g = new Float64Array(1);
  const adam = new JsAdam(REDDI_ADAM, 1);
  const records = every ? Math.floor(rounds / every) : 0;
  const out = { regret: new Float64Array(records), average: new Float64Array(records), bound: new Float64Array(records), iterate: new Float64Array(records) };
  let cumulative = 0;
  let sum = 0;
  let ginf = 0;
  let gsq = 0;
  let k = 0;
  for (let t = 1; t <= rounds; ++t) {
    const slope = t % 3 === 1 ? C : -1;
    sum += slope;
    const played = x[0];
    g[0] = slope;
    cumulative += slope * played;
    const a = Math.abs(slope);
    if (a > ginf) ginf = a;
    gsq += slope * slope;
    adam.step(x, g);
    projectBox(x, r);
    if (every && t % every === 0) {
      const best = -r * Math.abs(sum);
      out.regret[k] = cumulative - best;
      out.average[k] = out.regret[k] / t;
      const corrected = t / (1 - REDDI_ADAM.beta2 ** t);
      out.bound[k] = theorem41(REDDI_ADAM, { t, d: 1, D: 2 * r, Dinf: 2 * r, Ginf: ginf, sumSqrtTv: Math.sqrt(corrected * adam.v[0]), sumNorms: Math.sqrt(gsq) });
      out.iterate[k] = played;
      k += 1;
    }
  }
  return { x: x[0], cumulative, out };
}

// Philox-2x32-10 (Random123): two 32-bit words per (counter, stream, key).
const M = 0xd256d193;
const W = 0x9e3779b9;
function philox(c0, c1, key, out) {
  let k = key >>> 0;
  for (let round = 0; round < 10; ++round) {
    if (round > 0) k = (k + W) >>> 0;
    const lo = Math.imul(M, c0) >>> 0;
    const hi = Math.floor((M * (c0 >>> 16) + Math.floor((M * (c0 & 0xffff)) / 65536)) / 65536) >>> 0;
    c0 = (hi ^ k ^ c1) >>> 0;
    c1 = lo;
  }
  out[0] = c0;
  out[1] = c1;
}
const open01 = (a, b) => ((a >>> 6) * 67108864 + (b >>> 6) + 0.5) / 9007199254740992;

/** A stream of bag-of-words documents over d features (Zipf s), kept whole like the engine's. */
class JsBagOfWords {
  constructor({ d, words, zipf, noise, seed }) {
    Object.assign(this, { d, words, noise, seed });
    this.cdf = new Float64Array(d);
    this.hidden = new Float64Array(d);
    this.counts = new Uint32Array(d);
    const block = [0, 0];
    let total = 0;
    for (let j = 0; j < d; ++j) {
      total += (j + 1) ** -zipf;
      this.cdf[j] = total;
      philox(j, 5, seed, block);
      if (open01(block[0], block[1]) < 0.1) {
        philox(j, 6, seed, block);
        this.hidden[j] = Math.sqrt(-2 * Math.log(open01(block[0], block[1]))) * Math.cos(2 * Math.PI * open01(block[1], block[0]));
      }
    }
    this.indices = new Uint32Array(1 << 20);
    this.offsets = [0];
    this.labels = [];
    this.doc = new Uint32Array(words);
    this.block = block;
  }
  rank(u) {
    const target = u * this.cdf[this.d - 1];
    let lo = 0;
    let hi = this.d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  /** Draws document t; returns its number of distinct words (in this.doc) and its label. */
  next(t) {
    const { doc, block } = this;
    let n = 0;
    for (let k = 0; k < this.words; ++k) {
      philox(t, 7 + k, this.seed, block);
      doc[n++] = this.rank(open01(block[0], block[1]));
    }
    for (let i = 1; i < n; ++i) {
      const v = doc[i];
      let j = i - 1;
      while (j >= 0 && doc[j] > v) doc[j + 1] = doc[j--];
      doc[j + 1] = v;
    }
    let distinct = 0;
    let margin = 0;
    for (let i = 0; i < n; ++i) {
      if (i > 0 && doc[i] === doc[i - 1]) continue;
      const j = doc[i];
      doc[distinct++] = j;
      margin += this.hidden[j];
      this.counts[j] += 1;
    }
    philox(t, 8, this.seed, block);
    let y = margin > 0 ? 1 : margin < 0 ? -1 : (block[1] & 1 ? 1 : -1);
    if (open01(block[0], block[1]) < this.noise) y = -y;
    const at = this.offsets[this.offsets.length - 1];
    if (at + distinct > this.indices.length) {
      const grown = new Uint32Array(2 * this.indices.length);
      grown.set(this.indices);
      this.indices = grown;
    }
    this.indices.set(doc.subarray(0, distinct), at);
    this.offsets.push(at + distinct);
    this.labels.push(y);
    return { n: distinct, y };
  }
}

const logisticLoss = (m) => (m > 0 ? Math.log(1 + Math.exp(-m)) : -m + Math.log(1 + Math.exp(m)));
function logisticWeight(m) {
  if (m > 0) {
    const e = Math.exp(-m);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(m));
}

/** online_logistic in plain JS: `rounds` rounds of one Adam run over d features, box of radius 1. */
function jsLogistic(rounds, d) {
  const data = new JsBagOfWords({ d, words: 20, zipf: 1.1, noise: 0.05, seed: 1 });
  const reference = { w: new Float64Array(d), gradient: new Float64Array(d), loss: 0 };
  const x = new Float64Array(d);
  const g = new Float64Array(d);
  const gsq = new Float64Array(d);
  const adam = new JsAdam(LOGISTIC_ADAM, d);
  let cumulative = 0;
  let ginf = 0;
  for (let t = 1; t <= rounds; ++t) {
    const { n, y } = data.next(t);
    const doc = data.doc;
    let mr = 0;
    for (let i = 0; i < n; ++i) mr += reference.w[doc[i]];
    reference.loss += logisticLoss(y * mr);
    const rr = -y * logisticWeight(y * mr);
    for (let i = 0; i < n; ++i) reference.gradient[doc[i]] += rr;
    let m = 0;
    for (let i = 0; i < n; ++i) m += x[doc[i]];
    const coef = -y * logisticWeight(y * m);
    for (let i = 0; i < n; ++i) g[doc[i]] = coef;
    cumulative += logisticLoss(y * m);
    for (let i = 0; i < n; ++i) {
      const j = doc[i];
      const a = Math.abs(g[j]);
      if (a > ginf) ginf = a;
      gsq[j] += g[j] * g[j];
    }
    adam.step(x, g);
    projectBox(x, 1);
    for (let i = 0; i < n; ++i) g[doc[i]] = 0;
  }
  return { cumulative, x0: x[0] };
}

// ---- the engine ----

function engineRun(gs, config, rounds) {
  const session = gs.createRegretSession(config);
  const t0 = performance.now();
  while (session.stepsDone < rounds) session.advance(Math.min(rounds - session.stepsDone, 1 << 16));
  const ms = performance.now() - t0;
  const regret = session.recordCount ? session.regret(0)[session.recordCount - 1] : NaN;
  session.delete();
  return { ms, regret };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (rounds, ms) => (1000 * rounds) / ms;
function fmt(v) {
  if (v >= 1e6) return `${(v / 1e6).toPrecision(3)}M`;
  if (v >= 1e3) return `${(v / 1e3).toPrecision(3)}k`;
  return v.toPrecision(3);
}

const gs = await loadGradscape({ regret: true });
const cases = [
  {
    name: 'reddi (C = 3)', d: '1', rounds: 2_000_000, records: 'none',
    config: (n) => ({ version: 1, problem: { name: 'reddi', params: { C: 3 } }, domain: { type: 'box', radius: 1 }, start: 1, T: n + 1, record_every: n + 1, optimizers: [REDDI_ADAM] }),
    js: (n) => jsReddi(n, 0),
  },
  {
    name: 'reddi (C = 3)', d: '1', rounds: 2_000_000, records: 'every 100: R, R/t, bound, x_t',
    config: (n) => ({ version: 1, problem: { name: 'reddi', params: { C: 3 } }, domain: { type: 'box', radius: 1 }, start: 1, T: n, record_every: 100, optimizers: [REDDI_ADAM] }),
    js: (n) => jsReddi(n, 100),
  },
  {
    name: 'online_logistic (20 words, Zipf 1.1)', d: '10,000 (sparse)', rounds: 4_000, records: 'none',
    config: (n) => ({ version: 1, problem: { name: 'online_logistic', params: { d: 10000, words: 20, zipf: 1.1, label_noise: 0.05, seed: 1 } }, domain: { type: 'box', radius: 1 }, start: 0, T: n + 1, record_every: n + 1, optimizers: [LOGISTIC_ADAM] }),
    js: (n) => jsLogistic(n, 10000),
  },
];

const rows = [];
for (const c of cases) {
  const n = c.rounds;
  engineRun(gs, c.config(Math.min(n, 10000)), Math.min(n, 10000));
  c.js(Math.min(n, 10000));
  const wasm = [];
  const js = [];
  for (let r = 0; r < ROUNDS; ++r) {
    wasm.push(engineRun(gs, c.config(n), n).ms);
    const t0 = performance.now();
    c.js(n);
    js.push(performance.now() - t0);
  }
  const w = rate(n, median(wasm));
  const j = rate(n, median(js));
  rows.push({ ...c, w, j, ratio: w / j, spread: (Math.max(...wasm) - Math.min(...wasm)) / median(wasm) });
  console.error(`${c.name} d=${c.d} records=${c.records}: wasm ${fmt(w)}/s, JS ${fmt(j)}/s`);
}

const date = new Date().toISOString().slice(0, 10);
const lines = [
  `# Regret lab: the online loop (${date})`,
  '',
  `One Adam run per session, rounds per second, median of ${ROUNDS} interleaved rounds; Node ${process.versions.node}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), engine build: ${gs.flavour}.`,
  'wasm: gs.createRegretSession(config).advance(k) in chunks of up to 65,536 rounds; plain JS: the same loop over Float64Arrays (bench/regret.mjs).',
  '',
  '| problem | d | records | rounds | wasm rounds/s | plain JS rounds/s | wasm ÷ JS |',
  '|---|---:|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.d} | ${r.records} | ${r.rounds.toLocaleString('en-US')} | ${fmt(r.w)} | ${fmt(r.j)} | ${r.ratio.toFixed(2)}× |`),
  '',
];
const report = lines.join('\n');
console.log(report);
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/regret.md', import.meta.url), report);
