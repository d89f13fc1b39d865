// What each coefficient of an optimizer rule depends on, read off the formulas themselves: the per-step
// scalars (optim::step_scalar_lanes) and the kernel's coefficients are evaluated on a lane type,
// Dep, whose values are the sets of inputs they were computed from: the HyperLanes fields and the
// step t (the running products, optim::step_constant). The batch uses the result to compute each
// coefficient no more often than it can change: once per batch (neither t nor a hyperparameter
// that differs between runs), once per step (t, but no such hyperparameter), or per run; and,
// from what the running products depend on, whether runs that differ in lr alone can share the
// first run's running products (BatchRuns::lr_only).
#pragma once

#include <array>
#include <cstdint>

#include "optim/optimizer.hpp"
#include "sweep/batch_runs.hpp"

namespace gs::sweep {

// A set of inputs: bit f < kHyperFields for HyperLanes field f, kStepBit for t.
struct Dep {
  static constexpr uint32_t kStepBit = 1u << 31;
  uint32_t bits = 0;

  static Dep splat(double) { return {}; }
  static Dep step_constant(double) { return {kStepBit}; }
  friend Dep operator+(Dep a, Dep b) { return {a.bits | b.bits}; }
  friend Dep operator-(Dep a, Dep b) { return {a.bits | b.bits}; }
  friend Dep operator*(Dep a, Dep b) { return {a.bits | b.bits}; }
  friend Dep operator/(Dep a, Dep b) { return {a.bits | b.bits}; }
  friend Dep sqrt(Dep a) { return a; }
};

inline Dep indicator_lt(Dep a, Dep b) { return a + b; }
inline Dep indicator_le(Dep a, Dep b) { return a + b; }
inline Dep indicator_ne(Dep a, Dep b) { return a + b; }
inline Dep det_exp(Dep a) { return a; }
inline Dep det_log(Dep a) { return a; }
inline Dep det_pow(Dep a, Dep b) { return a + b; }
inline Dep det_tanh(Dep a) { return a; }
inline Dep lane_min(Dep a, Dep b) { return a + b; }
inline Dep max(Dep a, Dep b) { return a + b; }
inline Dep select_eq(Dep a, Dep b, Dep x, Dep y) { return a + b + x + y; }

struct CoefficientPlan {
  bool per_step = false;  // depends on t
  uint32_t fields = 0;    // the HyperLanes fields it depends on
};

template <size_t N>
struct KernelPlan {
  std::array<CoefficientPlan, N> coefficients;
  uint32_t running_fields = 0;  // the HyperLanes fields some running product depends on
};

// The plan of every coefficient of Rule with the batch's schedule and bias-correction
// flag; `decays`: some run has beta1_decay ≠ 1 (otherwise λ^t stays exactly 1).
template <class Rule>
KernelPlan<Rule::kCount> trace_coefficients(const optim::OptimizerSpec& spec, bool decays) {
  optim::HyperLanes<Dep> hyper;
  for (size_t f = 0; f < kHyperFields; ++f) hyper.role(f).bits = 1u << f;
  optim::RunningLanes<Dep> running;
  running.mu_product = running.beta1_pow = running.beta2_pow = running.mu_pow = Dep{Dep::kStepBit};
  running.decay_pow = decays ? Dep{Dep::kStepBit} : Dep{};
  running.own = {Dep{Dep::kStepBit}, Dep{Dep::kStepBit}};
  // A running product depends on what multiplies into it at every step: trace steps until its
  // dependencies stop growing.
  const optim::StepShared shared = optim::step_shared(spec, 1);
  const auto running_bits = [&] {
    return std::array<uint32_t, kRunningFields>{running.mu_product.bits, running.beta1_pow.bits,
                                                running.beta2_pow.bits, running.decay_pow.bits, running.mu_pow.bits,
                                                running.own[0].bits, running.own[1].bits};
  };
  optim::ScalarLanes<Dep> scalars = optim::step_scalar_lanes<Rule>(hyper, running, shared);
  for (auto before = running_bits(); ; before = running_bits()) {
    scalars = optim::step_scalar_lanes<Rule>(hyper, running, shared);
    if (running_bits() == before) break;
  }
  const std::array<Dep, Rule::kCount> deps = Rule::coefficients(scalars, hyper);

  constexpr uint32_t kFieldBits = (1u << kHyperFields) - 1;
  KernelPlan<Rule::kCount> plan;
  for (size_t k = 0; k < Rule::kCount; ++k) {
    plan.coefficients[k].per_step = (deps[k].bits & Dep::kStepBit) != 0;
    plan.coefficients[k].fields = deps[k].bits & kFieldBits;
  }
  for (const uint32_t bits : running_bits()) plan.running_fields |= bits & kFieldBits;
  return plan;
}

}  // namespace gs::sweep
