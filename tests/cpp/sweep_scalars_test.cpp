// The per-step scalars that the single-run engine and the sweep share (optim::step_scalar_lanes):
// running products agree with the closed forms they replace, set_spec restarts a product whose
// base changed and leaves the others alone, and F64x2 lanes give each run its own run's bits.
#include <cmath>
#include <cstring>

#include "core/detmath.hpp"
#include "optim/optimizer.hpp"
#include "optim/rules/radam.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

TEST(SweepScalars, RunningProductsAgreeWithTheClosedForms) {
  optim::OptimizerSpec adam = test::parse_spec(std::string(R"({"name":"adam","lr":0.01,"beta1_decay":0.999})"));
  optim::OptimizerSpec nadam = test::parse_spec(std::string(R"({"name":"nadam","lr":0.01})"));
  optim::RunningScalars ra, rn;
  for (uint64_t t = 1; t <= 5000; ++t) {
    const optim::StepScalars a = optim::next_step_scalars(adam, ra);
    const optim::StepScalars n = optim::next_step_scalars(nadam, rn);
    EXPECT_NEAR(a.step_size, 0.01 / (1 - optim::ipow(0.9, t)), 1e-13 * a.step_size) << t;
    EXPECT_NEAR(a.bc2_sqrt, std::sqrt(1 - optim::ipow(0.999, t)), 1e-13 * a.bc2_sqrt) << t;
    EXPECT_NEAR(a.beta1, optim::decayed_beta1(0.9, 0.999, t), 1e-13) << t;
    EXPECT_NEAR(rn.mu_pow, dm::pow(0.96, static_cast<double>(t) * 4e-3), 1e-13) << t;
    EXPECT_NEAR(n.bc2_sqrt, std::sqrt(1 - optim::ipow(0.999, t)), 1e-13 * n.bc2_sqrt) << t;
  }
}

TEST(SweepScalars, SetSpecRestartsOnlyTheProductsWhoseBaseChanged) {
  optim::OptimizerSpec spec = test::parse_spec(std::string(R"({"name":"adam","lr":0.01})"));
  optim::Optimizer<double> a(spec, 1), b(spec, 1);
  double pa = 1, pb = 1;
  for (int s = 0; s < 37; ++s) {
    const double g = std::sin(0.3 * s);
    a.step(&pa, &g);
    b.step(&pb, &g);
  }
  spec.lr = 0.02;
  b.set_spec(spec);
  EXPECT_EQ(b.running().beta1_pow, a.running().beta1_pow);
  EXPECT_EQ(b.running().beta2_pow, a.running().beta2_pow);
  spec.beta2 = 0.99;
  b.set_spec(spec);
  EXPECT_EQ(b.running().beta1_pow, a.running().beta1_pow);
  EXPECT_EQ(b.running().beta2_pow, optim::ipow(0.99, 37));
}

TEST(SweepScalars, LanesOfAVectorAreTheirOwnRuns) {
  using optim::rules::Radam;
  const optim::OptimizerSpec specs[2] = {
      test::parse_spec(std::string(R"({"name":"radam","lr":0.01,"beta2":0.9,"beta1_decay":0.99})")),
      test::parse_spec(std::string(R"({"name":"radam","lr":0.3,"beta1":0.5,"beta2":0.999})"))};
  optim::RunningScalars single[2];
  optim::RunningLanes<simd::F64x2> lanes;
  const optim::HyperLanes<double> h0 = optim::hyper_lanes(specs[0]), h1 = optim::hyper_lanes(specs[1]);
  const auto pair = [](double a, double b) {
    const double v[2] = {a, b};
    return simd::F64x2::load(v);
  };
  optim::HyperLanes<simd::F64x2> h;
  for (size_t f = 0; f < optim::kHyperRoleCount; ++f) h.role(f) = pair(h0.role(f), h1.role(f));
  for (uint64_t t = 1; t <= 300; ++t) {
    const optim::ScalarLanes<simd::F64x2> s =
        optim::step_scalar_lanes<optim::rules::Radam>(h, lanes, optim::step_shared(specs[0], t));
    double step_size[2], rect[2], rho[2], beta1[2];
    s.step_size.store(step_size);
    s.own[Radam::Scalar::rect].store(rect);
    s.own[Radam::Scalar::rho_t].store(rho);
    s.beta1.store(beta1);
    for (int l = 0; l < 2; ++l) {
      const optim::StepScalars one = optim::next_step_scalars(specs[l], single[l]);
      EXPECT_EQ(std::memcmp(&step_size[l], &one.step_size, sizeof(double)), 0) << t << " lane " << l;
      EXPECT_EQ(std::memcmp(&beta1[l], &one.beta1, sizeof(double)), 0) << t << " lane " << l;
      EXPECT_EQ(std::memcmp(&rho[l], &one.own[Radam::Scalar::rho_t], sizeof(double)), 0) << t << " lane " << l;
      if (one.own[Radam::Scalar::rho_t] > Radam::kRectified) {
        EXPECT_EQ(std::memcmp(&rect[l], &one.own[Radam::Scalar::rect], sizeof(double)), 0) << t << " lane " << l;
      }
    }
  }
}

}  // namespace
}  // namespace gs
