// Shampoo: V. Gupta, T. Koren and Y. Singer, "Shampoo: Preconditioned Stochastic Tensor
// Optimization", ICML 2018, Algorithm 1 with k = 1 (a vector parameter: full-matrix AdaGrad), as
// the authors' google-research/google-research scalable_shampoo/optax/distributed_shampoo.py
// (commit 1963839; Anil, Gupta, Koren, Regan & Singer, "Scalable Second Order Optimization for
// Deep Learning", arXiv:2002.09018) computes it: distributed_shampoo() with init_fn, update_fn ->
// _compute_stats, _compute_preconditioners, _transform_grad, and matrix_inverse_pth_root,
// power_iteration and mat_power. The NumPy port tests/fixtures/ports/shampoo.py follows that code
// line for line and shampoo.cpp follows the port. Settings that make it the paper's algorithm
// (fixed here; the reference's default in brackets): graft_type NONE [SGD], beta1 0 [0.9],
// beta2 1 [0.999], start_preconditioning_step 0 [5], statistics and preconditioning computed every
// step, eigh False, weight_decay 0; relative_matrix_epsilon is a hyperparameter (default false
// here, true in the reference); learning_rate has no default there (1 here). Per step:
//   G ← G + g gᵀ                                  (G starts at ε·I)
//   P ← (G + ε′·I)^(−1/2) by the coupled Newton iteration, kept only if it converged (else the
//       previous P; the identity at first); ε′ = ε, or ε·max(λ_max(G), 1e-6) with
//       relative_matrix_epsilon (λ_max by power iteration)
//   θ ← θ + (−1·η)·(gᵀP)
// The inverse square root (p = 2, α = −1/2, at most 100 iterations, tolerance 1e-6): z = 3/(2‖A‖_F),
// M = z·A, H = z^(1/2)·I; while max|M − I| > 1e-6 and the error has not grown by 1.2×:
// Mᵢ = 1.5·I − 0.5·M, M ← Mᵢ² M, H ← H Mᵢ; if the final error (in float32) exceeds 0.05 it retries
// with the ridge ×10, ×100, … (6 tries at most), and a result with error ≥ 0.1 or NaN is dropped.
//
// What differs from the paper: ε enters twice (G₀ = εI and the ridge), so P = (Σ g gᵀ + 2εI)^(−1/2);
// the root is the Newton iteration's, not exact (up to ~7e-7 relative on the port's cases, so an
// eigendecomposition would not reproduce the trajectories); the update is gᵀP (P symmetric only
// to rounding). The reference's momentum, Nesterov, grafting and start-step blends multiply by
// exact 1 and 0 with these settings and are left out (they change nothing for finite values).
// Arithmetic: float64 throughout (the reference keeps G in float32 and runs the root in float64
// only with jax_enable_x64); 2 × 2 products written out as a_i0·b_0j + a_i1·b_1j, the Frobenius
// norm summed in row-major order, Python's max over the four |M − I| entries, the errors compared
// with 0.05 and 0.1 in float32, z^(1/2) through gs::dm::pow as the port's math.pow.
//
// State: the statistics G (2 × 2), the preconditioner P (2 × 2), the step count. report().first
// is the preconditioned gradient gᵀP, report().second the diagonal of G.
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry shampoo_entry();

}  // namespace gs::optim::whole
