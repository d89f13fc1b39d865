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

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "core/simd.hpp"
#include "optim/schedule.hpp"
#include "optim/spec.hpp"

namespace gs::optim {

// The real hyperparameters that enter the per-step scalars, named by role for every optimizer
// (each rule's hyper() maps its hyperparameters onto these roles), and four roles a rule gives its
// own hyperparameters (by default OptimizerSpec::own[0..3]: SGD's dampening, AdaGrad's lr_decay,
// Rprop's etaminus, etaplus, step_size_min and step_size_max).
// The index of each role (HyperLanes::role); the rule's own roles follow kRoleOwn.
enum HyperRole : size_t { kRoleLr, kRoleBeta1, kRoleBeta2, kRoleEps, kRoleWeightDecay, kRoleBeta1Decay, kRoleMuRatio, kRoleOwn };

template <class L>
struct HyperLanes {
  static constexpr size_t kOwnRoles = 4;
  L lr;            // before the schedule
  L beta1;         // the coefficient λ decays: momentum (sgd, nag, rmsprop), beta (momentum), beta1
                   // (adam family, also the base of the bias correction 1 − β1^t)
  L beta2;         // β2 (adam family), alpha (rmsprop), rho (adadelta)
  L eps;
  L weight_decay;
  L beta1_decay;   // λ of β1,t = β1·λ^(t−1)
  L mu_ratio;      // nadam: 0.96^ψ, the step ratio of the momentum schedule's power 0.96^(ψt)
  std::array<L, kOwnRoles> own;

  // Every role by its index 0 … kHyperRoleCount − 1 (lr first): the one list that the sweep's
  // per-run columns, its dependency trace and its loads and broadcasts iterate over.
  constexpr L& role(size_t f) {
    switch (f) {
      case kRoleLr: return lr;
      case kRoleBeta1: return beta1;
      case kRoleBeta2: return beta2;
      case kRoleEps: return eps;
      case kRoleWeightDecay: return weight_decay;
      case kRoleBeta1Decay: return beta1_decay;
      case kRoleMuRatio: return mu_ratio;
      default: return own[f - kRoleOwn];
    }
  }
  constexpr const L& role(size_t f) const { return const_cast<HyperLanes*>(this)->role(f); }
};
inline constexpr size_t kHyperRoleCount = kRoleOwn + HyperLanes<double>::kOwnRoles;

// Running products carried from step to step (after t steps).
template <class L>
struct RunningLanes {
  L mu_product = simd::broadcast<L>(1.0);  // nadam: Π μ_1..t
  L beta1_pow = simd::broadcast<L>(1.0);   // β1^t (adam family)
  L beta2_pow = simd::broadcast<L>(1.0);   // β2^t (adam family)
  L decay_pow = simd::broadcast<L>(1.0);   // λ^t (every optimizer with a first moment)
  L mu_pow = simd::broadcast<L>(1.0);      // nadam: 0.96^(ψt)
  // Values a rule carries from step to step for itself (its kRunning of them), starting at 0:
  // Schedule-Free's largest learning rate so far and its sum of weights.
  std::array<L, 2> own = {simd::broadcast<L>(0.0), simd::broadcast<L>(0.0)};
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
  L step_size = simd::broadcast<L>(0.0);     // the scalar that multiplies the update direction
  L bc2_sqrt = simd::broadcast<L>(1.0);      // √(1 − β2^t), or 1 without bias correction
  // Scalars a rule computes for itself in scalars(), named by its `Scalar` enum (SGD's dampening,
  // NAdam's second step size, RAdam's ρ_t and rectification term).
  std::array<L, 4> own = {simd::broadcast<L>(0.0), simd::broadcast<L>(0.0), simd::broadcast<L>(0.0),
                          simd::broadcast<L>(0.0)};
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
  bool amsgrad = false;           // adam, adamw
  bool any_weight_decay = false;  // weight_decay ≠ 0 (in a batch: for some run)
  bool any_momentum = false;      // momentum > 0 (in a batch: for some run); sgd, rmsprop
  // OptimizerSpec::own[k] ≠ 0: a rule reads its own switches here (SGD's nesterov, RMSprop's
  // centered); switches are the same for every run of a batch.
  std::array<bool, kOwnHypers> own{};
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
