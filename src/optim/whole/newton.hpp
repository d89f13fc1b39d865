// Newton's method with the objective's exact Hessian, optionally damped and optionally
// saddle-free:
//   θ ← θ − lr·(M + λI)⁻¹ g,   M = H (Newton) or M = |H| = Q|Λ|Qᵀ (saddle-free Newton)
//
// References
//   Newton's method: J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer 2006,
//     eq. (2.15) and Section 3.3 (the pure Newton step, lr = 1: one step to the minimum of a
//     convex quadratic); Section 3.4 (Hessian modification: adding a multiple of I) and
//     Chapter 4 / Levenberg–Marquardt (the damping λ as a trust-region parameter).
//   Saddle-free Newton: Y. N. Dauphin, R. Pascanu, C. Gulcehre, K. Cho, S. Ganguli and Y. Bengio,
//     "Identifying and attacking the saddle point problem in high-dimensional non-convex
//     optimization", NeurIPS 2014, Section 5, eq. (8): Δθ = −∇f |H|⁻¹, |H| the matrix of the
//     absolute eigenvalues. Pure Newton is attracted by saddle points (it jumps to the stationary
//     point of the local quadratic model); |H| turns the directions of negative curvature into
//     directions of descent, so saddle-free Newton moves away from them.
//   No official reference code: the paper's method is exact here (a 2 × 2 Hessian, decomposed in
//     closed form), not its Krylov-subspace approximation for large models (Algorithm 1), and it
//     has no port fixture; tests/cpp/newton_test.cpp checks it against closed-form steps.
//
// What it computes, per step (one gradient evaluation, one Hessian):
//   * H = [[f_xx, f_xy], [f_xy, f_yy]] at θ, decomposed as H = Q diag(λ₁, λ₂) Qᵀ (λ₁ ≥ λ₂) by
//     symmetric_eigen below (closed form, free of cancellation where that is avoidable).
//   * Newton: (H + λI) d = g solved by Cramer's rule. Saddle-free: d = Q diag(1/(|λᵢ| + λ)) Qᵀ g.
//   * θ ← θ − lr·d.
//   When the matrix to invert is singular (its determinant, or its smallest eigenvalue, at most
//   kSingular times its scale, or not finite) there is no Newton step: rather than move to NaN
//   without a word, the step leaves x and reports why (StepReport::failure), and the engine stops
//   the run with "diverged at step t: the matrix H + λI is singular at (x, y)". That happens for
//   instance on a saddle with λ equal to the size of the negative eigenvalue, or where f is
//   locally flat.
//
// State: none (every step uses only the current point).
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry newton_entry();

// Own hyperparameters: OptimizerSpec::own[index].
struct NewtonOwn {
  enum : int { damping, saddle_free };
};

// A matrix to invert counts as singular when |det| ≤ kSingular·s² (Cramer) or
// min|μ| ≤ kSingular·max|μ| (eigen form): its condition number is beyond ~1e14, where the 2 × 2
// solve in double has lost almost every significant digit.
inline constexpr double kSingular = 1e-14;

// The eigendecomposition of the symmetric matrix [[m[0], m[1]], [m[1], m[2]]]:
// values[0] ≥ values[1], vector = (cos, sin) the unit eigenvector of values[0]; the eigenvector of
// values[1] is (−sin, cos). The eigenvalue of larger magnitude is (a + c)/2 ± hypot((a − c)/2, b),
// the sign chosen so that nothing cancels; the other is det/that, det formed as in LAPACK's dlaev2.
// The eigenvector comes from the row of M − λ₁I whose entries do not cancel.
struct SymmetricEigen {
  double values[2];
  double vector[2];
};
SymmetricEigen symmetric_eigen(const double m[3]);

// Solves [[m[0], m[1]], [m[1], m[2]]]·out = b by Cramer's rule; false (out untouched) when the
// matrix is singular (|det| ≤ kSingular·s², s its largest |entry|, or anything not finite).
bool solve_symmetric(const double m[3], const double b[2], double out[2]);

// Solves Q diag(μ) Qᵀ·out = b for the eigenvectors of `e` and the eigenvalues μ given; false
// (out untouched) when min|μ| ≤ kSingular·max|μ| or anything is not finite.
bool solve_eigen(const SymmetricEigen& e, const double mu[2], const double b[2], double out[2]);

}  // namespace gs::optim::whole
