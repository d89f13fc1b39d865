// Newton's method and saddle-free Newton (src/optim/whole/newton.hpp) through the engine: one pure
// step to a quadratic's minimum, attraction to a saddle point and escape from it, the damped step
// against hand-computed values, the run stopping at a singular matrix; and its closed-form 2 × 2
// eigendecomposition and solves against direct formulas on random symmetric matrices.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "optim/whole/newton.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

// newton (the optimizer object's JSON) on `objective` (the objective's JSON) from (x, y), in f64.
engine::Trace run_newton(const std::string& optimizer, const std::string& objective, double x, double y, int steps) {
  json::Value config{json::Object{}};
  config.set("objective", json::parse(objective).value);
  config.set("start", json::Value(json::Array{json::Value(x), json::Value(y)}));
  config.set("steps", steps);
  config.set("precision", "f64");
  config.set("optimizers", json::Value(json::Array{json::parse(optimizer).value}));
  engine::RunSession session;
  test::run_session(session, json::serialize(config));
  return session.trace(0);
}

double saddle_loss(double x, double y) { return x * x - y * y; }

TEST(Newton, OnePureStepReachesTheQuadraticsMinimum) {
  for (const char* objective : {R"({"name":"quadratic","params":{"kappa":10,"angle":30}})",
                                R"({"name":"quadratic","params":{"kappa":1000,"angle":-70}})"}) {
    for (const char* optimizer : {R"({"name":"newton"})", R"({"name":"newton","saddle_free":true})"}) {
      const engine::Trace trace = run_newton(optimizer, objective, -1.5, 1.0, 1);
      ASSERT_EQ(trace.points(), 2u) << objective << " " << optimizer << ": " << trace.divergence;
      EXPECT_NEAR(trace.xy[2], 0.0, 1e-12) << objective << " " << optimizer;
      EXPECT_NEAR(trace.xy[3], 0.0, 1e-12) << objective << " " << optimizer;
    }
  }
}

// On x² − y² (Hessian diag(2, −2)) pure Newton jumps to the stationary point of its quadratic
// model, the saddle; saddle-free Newton steps along −|H|⁻¹g = (−x, +y): x to 0, |y| doubling.
TEST(Newton, PureNewtonConvergesToTheSaddleSaddleFreeNewtonLeavesIt) {
  const char* saddle = R"({"name":"saddle"})";
  const double x0 = 0.3, y0 = 0.05;
  const engine::Trace newton = run_newton(R"({"name":"newton"})", saddle, x0, y0, 5);
  ASSERT_EQ(newton.points(), 6u) << newton.divergence;
  for (size_t k = 1; k < newton.points(); ++k) {
    EXPECT_NEAR(newton.xy[2 * k], 0.0, 1e-12) << "step " << k;
    EXPECT_NEAR(newton.xy[2 * k + 1], 0.0, 1e-12) << "step " << k;
  }

  const engine::Trace saddle_free = run_newton(R"({"name":"newton","saddle_free":true})", saddle, x0, y0, 5);
  ASSERT_EQ(saddle_free.points(), 6u) << saddle_free.divergence;
  EXPECT_DOUBLE_EQ(saddle_free.loss[0], saddle_loss(x0, y0));
  for (size_t k = 1; k < saddle_free.points(); ++k) {
    EXPECT_LT(saddle_free.loss[k], saddle_free.loss[k - 1]) << "step " << k;
    EXPECT_NEAR(saddle_free.xy[2 * k], 0.0, 1e-12) << "step " << k;
    EXPECT_NEAR(saddle_free.xy[2 * k + 1], y0 * std::pow(2.0, double(k)), 1e-12) << "step " << k;
  }
  EXPECT_LT(saddle_free.loss.back(), saddle_loss(x0, y0));
}

// θ − lr·(H + λI)⁻¹g on ½(x² + κy²) (angle 0: H = diag(1, κ), g = (x, κy)), by hand.
TEST(Newton, DampedStepSolvesTheShiftedSystem) {
  // κ = 10, λ = 1, lr = 1 from (1, 1): (1 − 1/2, 1 − 10/11)
  engine::Trace trace = run_newton(R"({"name":"newton","damping":1})",
                                   R"({"name":"quadratic","params":{"kappa":10,"angle":0}})", 1.0, 1.0, 1);
  ASSERT_EQ(trace.points(), 2u) << trace.divergence;
  EXPECT_NEAR(trace.xy[2], 0.5, 1e-15);
  EXPECT_NEAR(trace.xy[3], 1.0 / 11.0, 1e-15);
  // κ = 4, λ = 0.5, lr = 0.5 from (2, −1): g = (2, −4), d = (2/1.5, −4/4.5), θ = (2 − 2/3, −1 + 4/9)
  trace = run_newton(R"({"name":"newton","damping":0.5,"lr":0.5})",
                     R"({"name":"quadratic","params":{"kappa":4,"angle":0}})", 2.0, -1.0, 1);
  ASSERT_EQ(trace.points(), 2u) << trace.divergence;
  EXPECT_NEAR(trace.xy[2], 4.0 / 3.0, 1e-15);
  EXPECT_NEAR(trace.xy[3], -5.0 / 9.0, 1e-15);
  // saddle-free on the saddle, λ = 1: |H| + λI = diag(3, 3), from (0.3, 0.05): θ − g/3 = (0.3 − 0.2, 0.05 + 0.1/3)
  trace = run_newton(R"({"name":"newton","damping":1,"saddle_free":true})", R"({"name":"saddle"})", 0.3, 0.05, 1);
  ASSERT_EQ(trace.points(), 2u) << trace.divergence;
  EXPECT_NEAR(trace.xy[2], 0.1, 1e-15);
  EXPECT_NEAR(trace.xy[3], 0.05 + 0.1 / 3.0, 1e-15);
}

// H + λI = diag(4, 0) on the saddle with λ = 2: no Newton step; the run stops as diverged at step 1.
TEST(Newton, SingularMatrixStopsTheRunAsDiverged) {
  const engine::Trace trace = run_newton(R"({"name":"newton","damping":2})", R"({"name":"saddle"})", 0.3, 0.05, 5);
  EXPECT_TRUE(trace.diverged);
  EXPECT_EQ(trace.diverged_at, 1u);
  EXPECT_EQ(trace.points(), 1u);
  EXPECT_EQ(trace.divergence, "diverged at step 1: the matrix H + λI is singular at (0.3, 0.05): no Newton step");
}

TEST(Newton, ConvergesOnRosenbrockAndSaddleFreeAvoidsHimmelblausMaximum) {
  const engine::Trace rosenbrock = run_newton(R"({"name":"newton"})", R"({"name":"rosenbrock"})", -1.5, 2.0, 20);
  ASSERT_FALSE(rosenbrock.diverged) << rosenbrock.divergence;
  EXPECT_NEAR(rosenbrock.xy[rosenbrock.xy.size() - 2], 1.0, 1e-12);
  EXPECT_NEAR(rosenbrock.xy.back(), 1.0, 1e-12);
  // From (−1, −1) pure Newton climbs to Himmelblau's local maximum near (−0.2708, −0.9230)
  // (f ≈ 181.6); saddle-free Newton descends to the minimum near (−2.8051, 3.1313).
  const char* himmelblau = R"({"name":"himmelblau"})";
  const engine::Trace newton = run_newton(R"({"name":"newton"})", himmelblau, -1.0, -1.0, 30);
  ASSERT_FALSE(newton.diverged) << newton.divergence;
  EXPECT_GT(newton.loss.back(), 181.0);
  const engine::Trace saddle_free = run_newton(R"({"name":"newton","saddle_free":true})", himmelblau, -1.0, -1.0, 30);
  ASSERT_FALSE(saddle_free.diverged) << saddle_free.divergence;
  EXPECT_LT(saddle_free.loss.back(), 1e-20);
  EXPECT_NEAR(saddle_free.xy[saddle_free.xy.size() - 2], -2.805118, 1e-6);
}

// The closed forms against direct ones: eigenvalues (a + c)/2 ± √(((a − c)/2)² + b²), the
// eigenvector by M v = λ₁ v and Q Λ Qᵀ = M; the solves against the explicit inverse, and the
// saddle-free solve against |H| = (H² + |det H| I)/√(tr H² + 2|det H|) (the square root of H²).
TEST(Newton, EigenAndSolveHelpersAgreeWithDirectFormulas) {
  using optim::whole::SymmetricEigen;
  std::mt19937_64 rng(20141208);
  std::uniform_real_distribution<double> entry(-10, 10);
  int solved = 0;
  for (int k = 0; k < 20000; ++k) {
    double m[3] = {entry(rng), entry(rng), entry(rng)};
    if (k % 4 == 1) m[1] = 0;     // diagonal
    if (k % 4 == 2) m[2] = m[0];  // equal diagonal entries
    const double b[2] = {entry(rng), entry(rng)};
    const double scale = std::max({std::fabs(m[0]), std::fabs(m[1]), std::fabs(m[2])});
    const double tolerance = 1e-12 * scale;

    const SymmetricEigen e = optim::whole::symmetric_eigen(m);
    const double half_trace = 0.5 * (m[0] + m[2]);
    const double radius = std::sqrt(0.25 * (m[0] - m[2]) * (m[0] - m[2]) + m[1] * m[1]);
    ASSERT_NEAR(e.values[0], half_trace + radius, tolerance) << k;
    ASSERT_NEAR(e.values[1], half_trace - radius, tolerance) << k;
    const double c = e.vector[0], s = e.vector[1];
    ASSERT_NEAR(c * c + s * s, 1.0, 1e-15) << k;
    ASSERT_NEAR(m[0] * c + m[1] * s, e.values[0] * c, tolerance) << k;
    ASSERT_NEAR(m[1] * c + m[2] * s, e.values[0] * s, tolerance) << k;
    ASSERT_NEAR(e.values[0] * c * c + e.values[1] * s * s, m[0], tolerance) << k;
    ASSERT_NEAR((e.values[0] - e.values[1]) * c * s, m[1], tolerance) << k;
    ASSERT_NEAR(e.values[0] * s * s + e.values[1] * c * c, m[2], tolerance) << k;

    const double det = m[0] * m[2] - m[1] * m[1];
    if (std::fabs(det) < 0.1 * scale * scale) continue;  // well conditioned only: cond(M) < ~40
    ++solved;
    const double direct[2] = {(m[2] * b[0] - m[1] * b[1]) / det, (m[0] * b[1] - m[1] * b[0]) / det};
    double cramer[2], eigen[2];
    ASSERT_TRUE(optim::whole::solve_symmetric(m, b, cramer)) << k;
    ASSERT_TRUE(optim::whole::solve_eigen(e, e.values, b, eigen)) << k;
    const double size = std::max(std::fabs(direct[0]), std::fabs(direct[1]));
    for (int i = 0; i < 2; ++i) {
      ASSERT_NEAR(cramer[i], direct[i], 1e-12 * size) << k;
      ASSERT_NEAR(eigen[i], direct[i], 1e-12 * size) << k;
    }

    const double abs_det = std::fabs(det);
    const double norm = std::sqrt(m[0] * m[0] + 2 * m[1] * m[1] + m[2] * m[2] + 2 * abs_det);
    const double abs_h[3] = {(m[0] * m[0] + m[1] * m[1] + abs_det) / norm, (m[0] * m[1] + m[1] * m[2]) / norm,
                             (m[1] * m[1] + m[2] * m[2] + abs_det) / norm};
    const double abs_det_h = abs_h[0] * abs_h[2] - abs_h[1] * abs_h[1];
    const double direct_abs[2] = {(abs_h[2] * b[0] - abs_h[1] * b[1]) / abs_det_h,
                                  (abs_h[0] * b[1] - abs_h[1] * b[0]) / abs_det_h};
    const double abs_values[2] = {std::fabs(e.values[0]), std::fabs(e.values[1])};
    double saddle_free[2];
    ASSERT_TRUE(optim::whole::solve_eigen(e, abs_values, b, saddle_free)) << k;
    const double abs_size = std::max(std::fabs(direct_abs[0]), std::fabs(direct_abs[1]));
    for (int i = 0; i < 2; ++i) ASSERT_NEAR(saddle_free[i], direct_abs[i], 1e-12 * abs_size) << k;
  }
  EXPECT_GT(solved, 5000);
}

TEST(Newton, HelpersAreExactOnDiagonalMatricesAndRefuseSingularOnes) {
  using optim::whole::SymmetricEigen;
  const double tiny[3] = {1, 0, 1e-20};
  const SymmetricEigen e = optim::whole::symmetric_eigen(tiny);
  EXPECT_EQ(e.values[0], 1.0);
  EXPECT_EQ(e.values[1], 1e-20);  // m − r would cancel to 0
  EXPECT_EQ(e.vector[0], 1.0);
  EXPECT_EQ(e.vector[1], 0.0);
  const double swapped[3] = {-3, 0, 2};
  const SymmetricEigen f = optim::whole::symmetric_eigen(swapped);
  EXPECT_EQ(f.values[0], 2.0);
  EXPECT_EQ(f.values[1], -3.0);
  EXPECT_EQ(f.vector[0], 0.0);
  EXPECT_EQ(std::fabs(f.vector[1]), 1.0);

  const double b[2] = {1, 2};
  double out[2] = {7, 7};
  const double zero[3] = {0, 0, 0};
  const double rank_one[3] = {1, 2, 4};
  const double not_finite[3] = {NAN, 0, 1};
  const double infinite[3] = {INFINITY, 0, 1};
  for (const double* m : {zero, rank_one, not_finite, infinite, tiny}) {
    EXPECT_FALSE(optim::whole::solve_symmetric(m, b, out)) << m[0] << " " << m[1] << " " << m[2];
    const SymmetricEigen me = optim::whole::symmetric_eigen(m);
    EXPECT_FALSE(optim::whole::solve_eigen(me, me.values, b, out)) << m[0] << " " << m[1] << " " << m[2];
  }
  EXPECT_EQ(out[0], 7.0);  // untouched
  EXPECT_EQ(out[1], 7.0);
}

}  // namespace
}  // namespace gs
