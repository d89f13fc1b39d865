// The per-step scalars of an optimizer (Kingma & Ba 2015, Algorithm 1 computes them once per step:
// t, the scheduled learning rate, the bias corrections), written once, generic over the lane type L:
// L = double for one run and L = simd::Vec<double> for the sweep engine (src/sweep), where each
// SIMD lane carries one run of the batch with its own hyperparameters. Every lane goes through the
// same IEEE double operations in the same order as a single run, so its scalars have the same bits.
// The part every optimizer shares is step_scalar_lanes() below; the part an optimizer adds is its
// rule's scalars() (src/optim/rules/).
//
// Powers of per-run constants (β1^t, β2^t, λ^t, NAdam's 0.96^(ψt)) are running products, advanced
// by one multiplication per step (and recomputed with ipow when set_spec changes the base).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

#include "core/simd.hpp"
#include "optim/schedule.hpp"
#include "optim/spec.hpp"

namespace gs::optim {

// The real hyperparameters that enter the per-step scalars, named by role for every optimizer
// (each rule's hyper() maps its own hyperparameters onto these roles).
template <class L>
struct HyperLanes {
  L lr;            // before the schedule
  L beta1;         // the coefficient λ decays: momentum (sgd, nag, rmsprop), beta (momentum), beta1
                   // (adam family, also the base of the bias correction 1 − β1^t)
  L beta2;         // β2 (adam family), alpha (rmsprop), rho (adadelta)
  L eps;
  L weight_decay;
  L dampening;     // sgd
  L lr_decay;      // adagrad
  L beta1_decay;   // λ of β1,t = β1·λ^(t−1)
  L mu_ratio;      // nadam: 0.96^ψ, the step ratio of the momentum schedule's power 0.96^(ψt)
  L eta_minus;     // rprop: the step-size factor after a sign change
  L eta_plus;      // rprop: the step-size factor while the sign holds
  L step_size_min; // rprop: the step-size bounds
  L step_size_max;
};

// Every role of HyperLanes, in declaration order: the one list that the sweep's per-run columns,
// its dependency trace and its loads and broadcasts iterate over. lr comes first.
template <class L>
inline constexpr L HyperLanes<L>::*kHyperRoles[] = {
    &HyperLanes<L>::lr,          &HyperLanes<L>::beta1,     &HyperLanes<L>::beta2,         &HyperLanes<L>::eps,
    &HyperLanes<L>::weight_decay, &HyperLanes<L>::dampening, &HyperLanes<L>::lr_decay,      &HyperLanes<L>::beta1_decay,
    &HyperLanes<L>::mu_ratio,    &HyperLanes<L>::eta_minus, &HyperLanes<L>::eta_plus,      &HyperLanes<L>::step_size_min,
    &HyperLanes<L>::step_size_max,
};
inline constexpr size_t kHyperRoleCount = std::size(kHyperRoles<double>);
// The index of a role in kHyperRoles.
template <class L>
constexpr size_t hyper_role_index(L HyperLanes<L>::*role) {
  for (size_t f = 0; f < kHyperRoleCount; ++f)
    if (kHyperRoles<L>[f] == role) return f;
  return kHyperRoleCount;
}

// Running products carried from step to step (after t steps).
template <class L>
struct RunningLanes {
  L mu_product = simd::broadcast<L>(1.0);  // nadam: Π μ_1..t
  L beta1_pow = simd::broadcast<L>(1.0);   // β1^t (adam family)
  L beta2_pow = simd::broadcast<L>(1.0);   // β2^t (adam family)
  L decay_pow = simd::broadcast<L>(1.0);   // λ^t (every optimizer with a first moment)
  L mu_pow = simd::broadcast<L>(1.0);      // nadam: 0.96^(ψt)
};

// The real per-step scalars, per lane. A rule derives its kernel coefficients from them.
template <class L>
struct ScalarLanes {
  L lr = simd::broadcast<L>(0.0);            // learning rate after the schedule
  L beta1 = simd::broadcast<L>(0.0);         // β1,t = β1·λ^(t−1) (also the momentum coefficient)
  L beta2 = simd::broadcast<L>(0.0);         // β2, rmsprop's alpha or adadelta's rho
  L eps = simd::broadcast<L>(0.0);
  L weight_decay = simd::broadcast<L>(0.0);  // L2 penalty folded into the gradient (0 for AdamW)
  L decay = simd::broadcast<L>(1.0);         // AdamW's decoupled factor 1 − lr·λ (1 elsewhere)
  L dampening = simd::broadcast<L>(0.0);
  L step_size = simd::broadcast<L>(0.0);     // the scalar that multiplies the update direction
  L step_size2 = simd::broadcast<L>(0.0);    // a second one (NAdam's momentum term)
  L bc2_sqrt = simd::broadcast<L>(1.0);      // √(1 − β2^t), or 1 without bias correction
  L rect = simd::broadcast<L>(1.0);          // RAdam's variance rectification term
  L rho_t = simd::broadcast<L>(0.0);         // RAdam's ρ_t (its rectified branch is ρ_t > 5)
};

// What every lane of a step shares: t, the schedule and its factor, the bias-correction flag.
struct StepShared {
  uint64_t t;
  const ScheduleSpec* schedule;
  double schedule_factor;
  bool bias_correction;
};
StepShared step_shared(const OptimizerSpec& spec, uint64_t t);

// The flags a step's update is specialised for (template parameters of a rule's update): one
// run's own, or for a batch of runs the same for every run or a summary over them.
struct RuleFlags {
  bool first = false;             // the momentum buffers start on this step (sgd)
  bool nesterov = false;          // sgd
  bool amsgrad = false;           // adam, adamw
  bool centered = false;          // rmsprop
  bool any_weight_decay = false;  // weight_decay ≠ 0 (in a batch: for some run)
  bool any_momentum = false;      // momentum > 0 (in a batch: for some run); sgd, rmsprop
};

// A run's own flags (`first` aside, which depends on the run's history).
RuleFlags rule_flags(const OptimizerSpec& spec, const HyperLanes<double>& hyper);
// The flags of a batch: every run shares the switches; the summaries hold for some run.
inline RuleFlags merge(RuleFlags a, const RuleFlags& b) {
  a.any_weight_decay = a.any_weight_decay || b.any_weight_decay;
  a.any_momentum = a.any_momentum || b.any_momentum;
  return a;
}

// β1,t = β1·λ^(t−1) of the next step, without advancing: also nag's look-ahead coefficient.
template <class L>
L decayed_coefficient(const HyperLanes<L>& h, const RunningLanes<L>& r) {
  return h.beta1 * r.decay_pow;
}

// The scalars of step shared.t (1-based) of Rule; advances the running products to t.
template <class Rule, class L>
ScalarLanes<L> step_scalar_lanes(const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
  ScalarLanes<L> s;
  s.lr = apply_schedule(h.lr, *shared.schedule, shared.schedule_factor);
  s.eps = h.eps;
  s.weight_decay = h.weight_decay;
  if constexpr (Rule::kFirstMoment) {
    s.beta1 = decayed_coefficient(h, r);
    r.decay_pow = r.decay_pow * h.beta1_decay;
  }
  if constexpr (Rule::kBiasPowers) {
    s.beta2 = h.beta2;
    r.beta1_pow = r.beta1_pow * h.beta1;
    r.beta2_pow = r.beta2_pow * h.beta2;
  }
  Rule::scalars(s, h, r, shared);
  return s;
}

// Scalars that an optimizer carries from step to step besides the element-wise slots.
struct RunningScalars : RunningLanes<double> {
  uint64_t t = 0;                 // steps taken
  bool momentum_started = false;  // the momentum buffer holds a value (sgd)
};

// One run's step: its scalars, the hyperparameters by role and its flags. The reference kernels
// read it; the SIMD path derives the rule's coefficients from it.
struct StepScalars : ScalarLanes<double> {
  uint64_t t = 1;  // 1-based step number
  HyperLanes<double> hyper{};
  RuleFlags flags;
};

// What an optimizer knows about one coordinate after its last step, for the curves of the UI.
// first: the direction it moves along (Adam family: m̂ = m/(1−β1^t) as the step used it; the
// momentum buffers of sgd, momentum and nag). second: what it divides by, squared (Adam family:
// v̂ = v/(1−β2^t), AMSGrad's running max; AdaMax's u; RMSProp's and AdaDelta's average of g²;
// AdaGrad's sum). NaN where the optimizer has no such quantity.
struct Moments {
  double first;
  double second;
};

// The signature of every optimizer kernel, in its reference and its SIMD form: params and grads
// of length n, and the optimizer's state slots (each of length n).
template <class T>
using KernelFn = void (*)(const StepScalars&, T* params, const T* grads, T* const* state, size_t n);

}  // namespace gs::optim
