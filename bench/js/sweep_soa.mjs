// Plain-JS baseline of the sweep benchmark (bench/sweep.mjs): n independent Adam runs on
// Rosenbrock, structure of arrays, the way one would write it by hand in JS. The same math as the
// engine's f32 sweep (torch.optim.Adam 1.13, gs::optim::adam):
//   β1^t, β2^t running products per lane (double);  step = lr/(1 − β1^t);  c2 = 1/√(1 − β2^t)
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  θ −= step·m/(√v·c2 + ε)
// with the state (θ, m, v) in Float32Arrays, every hyperparameter per lane (Float64Arrays: lr, β1,
// β2, ε), the gradient of (a − x)² + b(y − x²)² in double, and the engine's divergence rule (a
// lane stops at its last point once a coordinate is non-finite or |θ| > 1e12, or its loss is not
// finite). Arithmetic between the stores is double (JS numbers), so results agree with the engine
// to float32 rounding, not bit for bit; bench/sweep.mjs prints the difference.
// Like the engine, lanes go in chunks (`chunk` lanes through every step, then the next chunk), so
// the state of a chunk stays in cache.
// sweepSoaExact is the check that this is the engine's computation: the same loop with every
// float32 operation rounded (Math.fround after each +, −, ×, ÷, √ of float32 values, which gives
// the float32 result exactly) and the engine's coefficients rounded to float32 as its kernel
// rounds them; its map equals the engine's bit for bit. It is not timed.

const LIMIT = 1e12;

export function sweepSoa({ lr, beta1, beta2, eps, x0, y0, steps, a = 1, b = 100, chunk = 512 }) {
  const n = lr.length;
  const x = Float32Array.from(x0), y = Float32Array.from(y0);
  const mx = new Float32Array(n), my = new Float32Array(n), vx = new Float32Array(n), vy = new Float32Array(n);
  const pow1 = new Float64Array(n).fill(1), pow2 = new Float64Array(n).fill(1);
  const live = new Uint8Array(n).fill(1);
  const loss = new Float64Array(n);
  for (let begin = 0; begin < n; begin += chunk) {
    const end = Math.min(n, begin + chunk);
    for (let t = 1; t <= steps; ++t) {
      for (let i = begin; i < end; ++i) {
        if (!live[i]) continue;
        const px = x[i], py = y[i];
        const r = py - px * px;
        const gx = -2 * (a - px) - 4 * b * px * r;
        const gy = 2 * b * r;
        const b1 = beta1[i], b2 = beta2[i];
        const p1 = (pow1[i] *= b1), p2 = (pow2[i] *= b2);
        const step = lr[i] / (1 - p1), c2 = 1 / Math.sqrt(1 - p2), e = eps[i];
        const mxi = (mx[i] = b1 * mx[i] + (1 - b1) * gx);
        const myi = (my[i] = b1 * my[i] + (1 - b1) * gy);
        const vxi = (vx[i] = b2 * vx[i] + (1 - b2) * gx * gx);
        const vyi = (vy[i] = b2 * vy[i] + (1 - b2) * gy * gy);
        const nx = px - (step * mxi) / (Math.sqrt(vxi) * c2 + e);
        const ny = py - (step * myi) / (Math.sqrt(vyi) * c2 + e);
        const nr = ny - nx * nx;
        if (!(Math.abs(nx) <= LIMIT && Math.abs(ny) <= LIMIT) || !Number.isFinite((a - nx) * (a - nx) + b * nr * nr)) {
          live[i] = 0;
          continue;
        }
        x[i] = nx;
        y[i] = ny;
      }
    }
    for (let i = begin; i < end; ++i) {
      const r = y[i] - x[i] * x[i];
      loss[i] = live[i] ? (a - x[i]) * (a - x[i]) + b * r * r : NaN;
    }
  }
  return { loss, live };
}

export function sweepSoaExact({ lr, beta1, beta2, eps, x0, y0, steps, a = 1, b = 100 }) {
  const f = Math.fround;
  const n = lr.length;
  const limit = f(LIMIT) > LIMIT ? 999999995904 : f(LIMIT);  // the largest float32 ≤ 1e12
  const x = Float32Array.from(x0), y = Float32Array.from(y0);
  const mx = new Float32Array(n), my = new Float32Array(n), vx = new Float32Array(n), vy = new Float32Array(n);
  const loss = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    let pow1 = 1, pow2 = 1, live = true;
    const b1 = f(beta1[i]), c1 = f(1 - beta1[i]), b2 = f(beta2[i]), c2 = f(1 - beta2[i]), e = f(eps[i]);
    for (let t = 1; t <= steps && live; ++t) {
      const px = x[i], py = y[i];
      const r = py - px * px;
      const gx = f(-2 * (a - px) - 4 * b * px * r), gy = f(2 * b * r);
      pow1 *= beta1[i];
      pow2 *= beta2[i];
      const neg = f(-(lr[i] / (1 - pow1))), inv = f(1 / Math.sqrt(1 - pow2));
      const mxi = (mx[i] = f(f(mx[i] * b1) + f(c1 * gx)));
      const myi = (my[i] = f(f(my[i] * b1) + f(c1 * gy)));
      const vxi = (vx[i] = f(f(vx[i] * b2) + f(f(c2 * gx) * gx)));
      const vyi = (vy[i] = f(f(vy[i] * b2) + f(f(c2 * gy) * gy)));
      const nx = f(px + f(f(neg * mxi) / f(f(f(Math.sqrt(vxi)) * inv) + e)));
      const ny = f(py + f(f(neg * myi) / f(f(f(Math.sqrt(vyi)) * inv) + e)));
      const nr = ny - nx * nx;
      if (!(Math.abs(nx) <= limit && Math.abs(ny) <= limit) || !Number.isFinite((a - nx) * (a - nx) + b * nr * nr)) {
        live = false;
        break;
      }
      x[i] = nx;
      y[i] = ny;
    }
    const r = y[i] - x[i] * x[i];
    loss[i] = live ? (a - x[i]) * (a - x[i]) + b * r * r : NaN;
  }
  return { loss };
}
