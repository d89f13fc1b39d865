// Sophia: H. Liu, Z. Li, D. Hall, P. Liang and T. Ma, "Sophia: A Scalable Stochastic
// Second-order Optimizer for Language Model Pre-training", ICLR 2024, Algorithm 3 (SophiaH, its
// curvature estimate from Algorithm 1), as the official Liuhong99/Sophia sophia.py (commit a7e1572:
// SophiaG.step -> _single_tensor_sophiag, update_hessian) runs it in train_sophiag.py's order; the
// NumPy port tests/fixtures/ports/sophia.py follows that code line for line and sophia.cpp follows
// the port. Per step t = 1, 2, … with k = update_every:
//   h ← β2·h + (1 − β2)·diag(∇²f(θ))   first, when t > 1 and (t − 1) mod k = 0, at the current θ
//   θ ← θ·(1 − η·λ)                     (decoupled "stepweight decay")
//   m ← β1·m + (1 − β1)·g
//   θ ← θ + (−η)·sign(m)·min(|m|/(ρ·bs·h + 1e-15), 1)
// The reference updates h right after the step of every iteration iter_num ≡ k − 1 (mod k), at the
// parameters that step produced; that is the point the next step starts from, so doing it at the
// start of steps k + 1, 2k + 1, … is the same h at the same point in the same order. h starts at 0,
// so steps 1..k are sign steps of size η.
//
// What differs from the paper and the reference
//   * Curvature: Gradscape uses the EXACT Hessian diagonal diag(∇²f) of the objective, not the
//     paper's Hutchinson estimate u ⊙ (∇²f u) (whose expectation it is), and not the reference's
//     Gauss-Newton-Bartlett estimate (the official code implements only Sophia-G).
//   * bs is fixed at 1, not a hyperparameter: the reference's batch size multiplies the G-N-B
//     estimate of a mean loss back up to the curvature; diag(∇²f) is the curvature already.
//   * The clamp is the reference's upper clamp only (the paper's max(ρh, ε) is not in the code):
//     where h < 0 the ratio is negative and unbounded and the step goes uphill, Newton-like.
//   * No gradient clipping (train_sophiag.py's, not the optimizer's), no bias correction, η, ρ
//     and λ constant. sign(0) = 0.
//
// State: m (exp_avg) and h (the Hessian-diagonal EMA) per coordinate, and the step count.
// report().first is m, report().second is h.
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry sophia_entry();

}  // namespace gs::optim::whole
