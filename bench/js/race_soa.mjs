// Plain-JS baseline of the race benchmark (bench/race.mjs): one optimizer's share of a race on
// Rosenbrock (a = 1, b = 100), f64, written as one would write it by hand in JS: K trials (learning
// rates) × N tuning starts × T steps, each trial scored, then the best trial from M held-out starts
// × T steps. Structure of arrays (Float64Array state per lane), the gradient inline, and the
// engine's bookkeeping (docs/schema.md, "Race config", "The protocol"):
//   steps to ε   the first step k (0 is the start) with f − f* ≤ ε; unreached: T + 1
//   divergence   |θ| > 1e12 or a non-finite coordinate after the update, or a non-finite loss: the
//                run stops at its last point, diverged at that step, final loss +∞
//   score        the median steps to ε over the N starts (numpy's linear quantile), ties by the
//                median final loss, then the earlier trial
// Lanes are laid out as the engine lays them out (lane = trial·N + start) and go in chunks of 256
// lanes (the engine's race chunk) through every step; a chunk stops once all its lanes diverged, as
// the engine's does. Unlike the engine's SIMD vectors, a diverged lane is skipped inside its chunk.
// The update rules are torch.optim's (1.13), in the engine's rounding order, so the results are
// the engine's to the last bit or nearly (bench/race.mjs checks them to 1e-9 relative):
//   SGD   θ ← θ + (−lr)·g
//   Adam  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g·g;  β^t running products per step;
//         θ ← θ + (−lr·(1/(1 − β1^t)))·m / (√v·(1/√(1 − β2^t)) + ε)   (β1 0.9, β2 0.999, ε 1e-8)

const LIMIT = 1e12;
const CHUNK = 256;
const A = 1, B = 100;

// One chunk of lanes [begin, end), `steps` steps of SGD or Adam (torch's defaults but lr, which is
// per lane); writes the outcomes. Everything is inline in one loop over the lanes of a step (the
// rule's branch is the same for every lane).
function runChunk(adam, lanes, begin, end, steps, tol, out, work) {
  const { lr, x0, y0 } = lanes;
  const { x, y, gx, gy, mx, my, vx, vy, loss, alive } = work;
  const { hit, divergedAt } = out;
  const b1 = 0.9, b2 = 0.999, c1 = 1 - b1, c2 = 1 - b2, eps = 1e-8;
  const n = end - begin;
  for (let i = 0; i < n; ++i) {
    // Step 0: the start's loss and gradient (steps to ε is 0 if it is there already).
    const px = x0[begin + i], py = y0[begin + i], r = py - px * px;
    x[i] = px;
    y[i] = py;
    gx[i] = -2 * (A - px) - 4 * B * px * r;
    gy[i] = 2 * B * r;
    loss[i] = (A - px) * (A - px) + B * r * r;
    mx[i] = my[i] = vx[i] = vy[i] = 0;
    alive[i] = 1;
    hit[begin + i] = loss[i] <= tol ? 0 : -1;
    divergedAt[begin + i] = 0;
  }
  let live = n, p1 = 1, p2 = 1;
  for (let t = 1; t <= steps && live > 0; ++t) {
    p1 *= b1;
    p2 *= b2;
    const inv1 = 1 / (1 - p1), inv2 = 1 / Math.sqrt(1 - p2);
    for (let i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      const gxi = gx[i], gyi = gy[i];
      let nx, ny;
      if (adam) {
        const step = -(lr[begin + i] * inv1);
        const mxi = (mx[i] = mx[i] * b1 + c1 * gxi);
        const myi = (my[i] = my[i] * b1 + c1 * gyi);
        const vxi = (vx[i] = vx[i] * b2 + c2 * gxi * gxi);
        const vyi = (vy[i] = vy[i] * b2 + c2 * gyi * gyi);
        nx = x[i] + (step * mxi) / (Math.sqrt(vxi) * inv2 + eps);
        ny = y[i] + (step * myi) / (Math.sqrt(vyi) * inv2 + eps);
      } else {
        const neg = -lr[begin + i];
        nx = x[i] + neg * gxi;
        ny = y[i] + neg * gyi;
      }
      // The engine's checks: the point, then the loss at it (the run keeps its last point).
      const r = ny - nx * nx, f = (A - nx) * (A - nx) + B * r * r;
      if (!(Math.abs(nx) <= LIMIT && Math.abs(ny) <= LIMIT && Math.abs(f) <= Number.MAX_VALUE)) {
        alive[i] = 0;
        divergedAt[begin + i] = t;
        --live;
        continue;
      }
      x[i] = nx;
      y[i] = ny;
      gx[i] = -2 * (A - nx) - 4 * B * nx * r;
      gy[i] = 2 * B * r;
      loss[i] = f;
      if (f <= tol && hit[begin + i] < 0) hit[begin + i] = t;
    }
  }
}

function newWork() {
  const f = () => new Float64Array(CHUNK);
  return { x: f(), y: f(), gx: f(), gy: f(), mx: f(), my: f(), vx: f(), vy: f(), loss: f(), alive: new Uint8Array(CHUNK) };
}

/**
 * Runs lr[s] from every start (lane = s·starts.length + start), `steps` steps each: per lane
 * { steps: steps to ε (T + 1 unreached), final: final loss (+∞ diverged), divergedAt (0: no) }.
 */
export function runLanes(rule, lrs, starts, steps, eps = 1e-4, fStar = 0) {
  const n = lrs.length * starts.length;
  const lanes = { lr: new Float64Array(n), x0: new Float64Array(n), y0: new Float64Array(n) };
  for (let lane = 0; lane < n; ++lane) {
    lanes.lr[lane] = lrs[Math.floor(lane / starts.length)];
    [lanes.x0[lane], lanes.y0[lane]] = starts[lane % starts.length];
  }
  const out = { hit: new Float64Array(n), divergedAt: new Uint32Array(n), final: new Float64Array(n) };
  const work = newWork();
  if (rule !== 'sgd' && rule !== 'adam') throw new Error(`raceSoa: sgd or adam, got ${rule}`);
  for (let begin = 0; begin < n; begin += CHUNK) {
    const end = Math.min(n, begin + CHUNK);
    // ε is measured from f*: f − f* ≤ ε, i.e. f ≤ f* + ε (f* = 0 for Rosenbrock, exact).
    runChunk(rule === 'adam', lanes, begin, end, steps, fStar + eps, out, work);
    for (let i = 0; i < end - begin; ++i) out.final[begin + i] = out.divergedAt[begin + i] ? Infinity : work.loss[i];
  }
  const stepsTo = out.hit.map((h) => (h >= 0 ? h : steps + 1));
  return { steps: stepsTo, final: out.final, divergedAt: out.divergedAt };
}

// numpy's linear quantile (type 7) at 0.5, +∞ allowed (the engine's sorted_quantile).
export function median(values) {
  const x = Float64Array.from(values).sort();
  const h = (x.length - 1) * 0.5, i = Math.floor(h), fraction = h - i;
  if (fraction === 0 || i + 1 >= x.length || x[i + 1] === x[i]) return x[i];
  return x[i] + fraction * (x[i + 1] - x[i]);
}

/**
 * The race of one optimizer ('sgd' or 'adam'): `trials` (learning rates, K) from the tuning starts
 * (N), the best trial from the held-out starts (M), `steps` (T) each. Returns the trials' scores
 * and tie scores, the best trial's index, the held-out runs (runLanes) and lane-steps: the
 * budget, and those of runs not diverged yet (`live`).
 */
export function raceSoa({ rule, trials, tuningPoints, heldOutPoints, steps, eps = 1e-4, fStar = 0 }) {
  const tuning = runLanes(rule, trials, tuningPoints, steps, eps, fStar);
  const N = tuningPoints.length;
  const scores = [], ties = [];
  let best = 0;
  for (let k = 0; k < trials.length; ++k) {
    scores.push(median(tuning.steps.subarray(k * N, (k + 1) * N)));
    ties.push(median(tuning.final.subarray(k * N, (k + 1) * N)));
    if (scores[k] < scores[best] || (scores[k] === scores[best] && ties[k] < ties[best])) best = k;
  }
  const heldOut = runLanes(rule, [trials[best]], heldOutPoints, steps, eps, fStar);
  // Lane-steps of runs that had not diverged (the loop skips a diverged run within its chunk; the
  // engine's SIMD vectors carry it to the chunk's end).
  let live = 0;
  for (const runs of [tuning, heldOut]) for (const d of runs.divergedAt) live += d || steps;
  return {
    scores, ties, best, heldOut, budget: (trials.length * N + heldOutPoints.length) * steps, live,
  };
}
