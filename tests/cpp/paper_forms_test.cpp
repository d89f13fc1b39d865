// The paper and textbook forms, checked against first steps derived by hand, and the schedules
// of docs/schema.md against their closed forms.
#include <cmath>

#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

// Takes `steps` steps of the optimizer on a fixed gradient sequence from θ0; returns θ.
std::vector<double> steps_of(const std::string& spec_json, std::vector<double> theta,
                             const std::vector<std::vector<double>>& grads) {
  optim::Optimizer<double> opt(test::parse_spec(spec_json), theta.size());
  for (const auto& g : grads) opt.step(theta.data(), g.data());
  return theta;
}

TEST(PaperForms, EmaMomentumFirstStepsByHand) {
  // m1 = (1−β)g1 = 0.1·2 = 0.2; θ1 = 1 − 0.5·0.2 = 0.9
  // m2 = 0.9·0.2 + 0.1·(−1) = 0.08; θ2 = 0.9 − 0.5·0.08 = 0.86
  auto theta = steps_of(R"({"name":"momentum","lr":0.5,"beta":0.9})", {1.0}, {{2.0}, {-1.0}});
  EXPECT_NEAR(theta[0], 0.86, 1e-15);
}

TEST(PaperForms, NagTakesItsGradientAtTheLookAheadPoint) {
  // v1 = −lr·g(θ0) = −0.1·2 = −0.2, θ1 = 0.8; the next gradient belongs at θ1 + μv1 = 0.8 − 0.18 = 0.62.
  optim::Optimizer<double> opt(test::parse_spec(std::string(R"({"name":"nag","lr":0.1,"momentum":0.9})")), 1);
  std::vector<double> theta{1.0}, point{0}, g{2.0};
  opt.gradient_point(theta.data(), point.data());
  EXPECT_EQ(point[0], 1.0);
  opt.step(theta.data(), g.data());
  EXPECT_NEAR(theta[0], 0.8, 1e-15);
  opt.gradient_point(theta.data(), point.data());
  EXPECT_NEAR(point[0], 0.62, 1e-15);
  // v2 = 0.9·(−0.2) − 0.1·g(φ) with g(φ) = 1: −0.28; θ2 = 0.52.
  std::vector<double> g2{1.0};
  opt.step(theta.data(), g2.data());
  EXPECT_NEAR(theta[0], 0.52, 1e-15);
}

TEST(PaperForms, NagOnAQuadraticMatchesSutskeversRecurrence) {
  // f = ½x²: ∇f(φ) = φ. Hand recurrence: v ← μv − lr(θ + μv), θ ← θ + v.
  engine::RunSession session;
  test::run_session(session, R"({"objective":{"name":"quadratic","params":{"kappa":1}},"start":[1,0],"steps":20,
    "optimizers":[{"name":"nag","lr":0.1,"momentum":0.9}]})");
  double theta = 1, v = 0;
  for (int t = 1; t <= 20; ++t) {
    v = 0.9 * v - 0.1 * (theta + 0.9 * v);
    theta = theta + v;
    EXPECT_NEAR(session.trace(0).xy[2 * t], theta, 1e-14) << t;
  }
}

TEST(PaperForms, AdamWithoutBiasCorrectionFirstStep) {
  // m1 = (1−β1)g, v1 = (1−β2)g²: θ1 = θ0 − α(1−β1)g/(√(1−β2)|g| + ε).
  const double alpha = 0.01, g = 3.0, eps = 1e-8;
  auto theta = steps_of(R"({"name":"adam","lr":0.01,"bias_correction":false})", {0.0}, {{g}});
  EXPECT_NEAR(theta[0], -alpha * 0.1 * g / (std::sqrt(0.001) * g + eps), 1e-15);
  // ≈ α(1−β1)/√(1−β2) = 0.0316α: the small first steps that bias correction fixes.
  EXPECT_NEAR(theta[0], -alpha * 0.1 / std::sqrt(0.001), 1e-8);
}

TEST(PaperForms, AdamaxWithoutEpsIsAlgorithm2) {
  // Algorithm 2: m1 = (1−β1)g, u1 = |g|, θ1 = θ0 − α/(1−β1)·m1/u1 = θ0 − α·sign(g).
  auto theta = steps_of(R"({"name":"adamax","lr":0.002,"eps":0})", {0.5, 0.5}, {{-4.0, 0.25}});
  EXPECT_DOUBLE_EQ(theta[0], 0.5 + 0.002);
  EXPECT_DOUBLE_EQ(theta[1], 0.5 - 0.002);
  // Second step by hand: m2 = 0.9m1 + 0.1g2, u2 = max(0.999u1, |g2|).
  auto theta2 = steps_of(R"({"name":"adamax","lr":0.002,"eps":0})", {0.0}, {{2.0}, {1.0}});
  double m2 = 0.9 * 0.2 + 0.1 * 1.0, u2 = std::max(0.999 * 2.0, 1.0);
  EXPECT_NEAR(theta2[0], -0.002 - 0.002 / (1 - 0.81) * m2 / u2, 1e-15);
}

TEST(PaperForms, AdamaxWithoutEpsDoesNotDivideZeroByZero) {
  auto theta = steps_of(R"({"name":"adamax","lr":0.002,"eps":0})", {1.0}, {{0.0}, {0.0}});
  EXPECT_EQ(theta[0], 1.0);
}

TEST(PaperForms, Beta1DecayFollowsTheorem41) {
  // β1,t = β1·λ^(t−1): with bias correction off and β2 = 0 (v = g²) the moment is visible in θ.
  const double lambda = 0.5;
  auto theta = steps_of(R"({"name":"adam","lr":1,"beta1":0.8,"beta2":0,"eps":0,"bias_correction":false,"beta1_decay":0.5})",
                        {0.0}, {{1.0}, {1.0}, {1.0}});
  double m = 0, expected = 0;
  for (int t = 1; t <= 3; ++t) {
    double b1 = 0.8 * std::pow(lambda, t - 1);
    m = b1 * m + (1 - b1) * 1.0;
    expected -= m / 1.0;
  }
  EXPECT_NEAR(theta[0], expected, 1e-15);
}

TEST(Schedules, ClosedFormsAtChosenSteps) {
  optim::ScheduleSpec s;
  s.kind = optim::ScheduleKind::InvSqrt;
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(0.5, s, 4), 0.25);
  s.kind = optim::ScheduleKind::Step;
  s.step_size = 10;
  s.gamma = 0.5;
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(1, s, 10), 1);
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(1, s, 11), 0.5);
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(1, s, 21), 0.25);
  s.kind = optim::ScheduleKind::Exponential;
  s.gamma = 0.9;
  EXPECT_NEAR(optim::scheduled_lr(1, s, 3), 0.81, 1e-16);
  s.kind = optim::ScheduleKind::Cosine;
  s.T_max = 100;
  s.eta_min = 0.1;
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(1, s, 1), 1);
  EXPECT_NEAR(optim::scheduled_lr(1, s, 51), 0.55, 1e-15);
  EXPECT_NEAR(optim::scheduled_lr(1, s, 101), 0.1, 1e-15);
  s.kind = optim::ScheduleKind::Warmup;
  s.warmup_steps = 4;
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(2, s, 1), 0.5);
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(2, s, 4), 2);
  EXPECT_DOUBLE_EQ(optim::scheduled_lr(2, s, 400), 2);
  EXPECT_DOUBLE_EQ(optim::ipow(0.999, 0), 1);
  EXPECT_NEAR(optim::ipow(0.999, 1000), std::pow(0.999, 1000), 1e-14);
}

}  // namespace
}  // namespace gs
