// One optimizer over n parameters: its hyperparameters (OptimizerSpec), its explicit state
// (the step count, running scalars and `slots × n` state values in one arena) and the dispatch
// to its fused kernel. State is separate from hyperparameters (optax's ScaleByAdamState):
// set_spec() changes hyperparameters mid-run, reset() restarts, and the state can be read
// and written as a whole (snapshot/restore).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/simd.hpp"
#include "optim/schedule.hpp"
#include "optim/spec.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim {

// ---- Per-step scalars, one formula for one run and for a lane per run ----
// The scalars of a step (StepScalars) are written once, below, generic over the lane type L:
// L = double for one run (next_step_scalars) and L = simd::Vec<double> for the sweep engine
// (src/sweep), where each SIMD lane is a run with its own hyperparameters. Every lane goes through
// the same IEEE double operations in the same order as a single run, so its scalars have the same
// bits. Powers of per-run constants (β1^t, β2^t, λ^t, NAdam's 0.96^(ψt)) are running products,
// advanced by one multiplication per step (and recomputed with ipow when set_spec changes the base).
// Adam, AdamW and AdaMax take their step size as lr·(1/(1 − β1^t)), not torch's lr/bias_correction1:
// the two differ by at most 1 ulp (as √v·(1/√(1 − β2^t)) does from torch's √v/√(1 − β2^t)), and the
// reciprocal depends on t and β1 only, so the sweep computes it once per step for a batch of lanes
// that differ only in lr, leaving one multiplication per lane.

// The real hyperparameters that enter the per-step scalars, named by role for every kind.
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
};

HyperLanes<double> hyper_lanes(const OptimizerSpec& spec);

// Running products carried from step to step (after t steps).
template <class L>
struct RunningLanes {
  L mu_product = simd::broadcast<L>(1.0);  // nadam: Π μ_1..t
  L beta1_pow = simd::broadcast<L>(1.0);   // β1^t (adam family)
  L beta2_pow = simd::broadcast<L>(1.0);   // β2^t (adam family)
  L decay_pow = simd::broadcast<L>(1.0);   // λ^t (every kind with a first moment)
  L mu_pow = simd::broadcast<L>(1.0);      // nadam: 0.96^(ψt)
};

// The real fields of StepScalars, per lane, plus RAdam's ρ_t (its rectified branch is ρ_t > 5).
template <class L>
struct ScalarLanes {
  L lr = simd::broadcast<L>(0.0);
  L beta1 = simd::broadcast<L>(0.0);
  L beta2 = simd::broadcast<L>(0.0);
  L eps = simd::broadcast<L>(0.0);
  L weight_decay = simd::broadcast<L>(0.0);
  L decay = simd::broadcast<L>(1.0);
  L dampening = simd::broadcast<L>(0.0);
  L step_size = simd::broadcast<L>(0.0);
  L step_size2 = simd::broadcast<L>(0.0);
  L bc2_sqrt = simd::broadcast<L>(1.0);
  L rect = simd::broadcast<L>(1.0);  // computed on every step; used where ρ_t > kRadamRectified
  L rho_t = simd::broadcast<L>(0.0);
};

inline constexpr double kRadamRectified = 5;  // RAdam rectifies where ρ_t > 5

// What every lane of a step shares: t, the schedule and its factor, the bias-correction flag.
struct StepShared {
  uint64_t t;
  const ScheduleSpec* schedule;
  double schedule_factor;
  bool bias_correction;
};
StepShared step_shared(const OptimizerSpec& spec, uint64_t t);

constexpr bool has_first_moment(Kind k) { return k != Kind::Adagrad && k != Kind::Adadelta; }
constexpr bool has_bias_powers(Kind k) {
  return k == Kind::Adam || k == Kind::Adamw || k == Kind::Adamax || k == Kind::Nadam || k == Kind::Radam;
}

// β1,t = β1·λ^(t−1) of the next step, without advancing: also nag's look-ahead coefficient.
template <class L>
L decayed_coefficient(const HyperLanes<L>& h, const RunningLanes<L>& r) {
  return h.beta1 * r.decay_pow;
}

// The scalars of step shared.t (1-based); advances the running products to t.
template <Kind K, class L>
ScalarLanes<L> step_scalar_lanes(const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
  using simd::broadcast;
  using simd::sqrt;
  const L one = broadcast<L>(1.0);
  ScalarLanes<L> s;
  s.lr = apply_schedule(h.lr, *shared.schedule, shared.schedule_factor);
  s.eps = h.eps;
  s.weight_decay = h.weight_decay;
  if constexpr (has_first_moment(K)) {
    s.beta1 = decayed_coefficient(h, r);
    r.decay_pow = r.decay_pow * h.beta1_decay;
  }
  if constexpr (has_bias_powers(K)) {
    s.beta2 = h.beta2;
    r.beta1_pow = r.beta1_pow * h.beta1;
    r.beta2_pow = r.beta2_pow * h.beta2;
  }
  if constexpr (K == Kind::Sgd) {
    s.dampening = h.dampening;
  } else if constexpr (K == Kind::Momentum || K == Kind::Nag) {
    s.weight_decay = broadcast<L>(0.0);
  } else if constexpr (K == Kind::Adagrad) {
    s.step_size = s.lr / (one + step_constant<L>(static_cast<double>(shared.t - 1)) * h.lr_decay);
  } else if constexpr (K == Kind::Rmsprop || K == Kind::Adadelta) {
    s.beta2 = h.beta2;
  } else if constexpr (K == Kind::Adam || K == Kind::Adamw) {
    const L bc1 = shared.bias_correction ? one - r.beta1_pow : one;
    const L bc2 = shared.bias_correction ? one - r.beta2_pow : one;
    s.step_size = s.lr * (one / bc1);
    s.bc2_sqrt = sqrt(bc2);
    if constexpr (K == Kind::Adamw) {
      s.decay = one - s.lr * h.weight_decay;
      s.weight_decay = broadcast<L>(0.0);
    }
  } else if constexpr (K == Kind::Adamax) {
    const L bc1 = shared.bias_correction ? one - r.beta1_pow : one;
    s.step_size = s.lr * (one / bc1);
  } else if constexpr (K == Kind::Nadam) {
    // μ_t = β1,t·(1 − ½·0.96^(tψ)), μ_{t+1} with 0.96^((t+1)ψ) and the same β1,t (torch).
    const L half = broadcast<L>(0.5), minus_one = broadcast<L>(-1.0);
    s.bc2_sqrt = sqrt(one - r.beta2_pow);
    r.mu_pow = r.mu_pow * h.mu_ratio;
    const L mu = s.beta1 * (one - half * r.mu_pow);
    const L mu_next = s.beta1 * (one - half * (r.mu_pow * h.mu_ratio));
    r.mu_product = r.mu_product * mu;
    s.step_size = (s.lr * (one - mu) / (one - r.mu_product)) * minus_one;
    s.step_size2 = (s.lr * mu_next / (one - r.mu_product * mu_next)) * minus_one;
  } else if constexpr (K == Kind::Radam) {
    const L two = broadcast<L>(2.0), four = broadcast<L>(4.0);
    const L bc1 = one - r.beta1_pow;
    const L bc2 = one - r.beta2_pow;
    s.step_size = bc1;
    s.bc2_sqrt = sqrt(bc2);
    const L rho_inf = two / (one - h.beta2) - one;
    s.rho_t = rho_inf - step_constant<L>(2 * static_cast<double>(shared.t)) * r.beta2_pow / bc2;
    s.rect = sqrt((s.rho_t - four) * (s.rho_t - two) * rho_inf / ((rho_inf - four) * (rho_inf - two) * s.rho_t));
  }
  return s;
}

// Scalars that an optimizer carries from step to step besides the element-wise slots.
struct RunningScalars : RunningLanes<double> {
  uint64_t t = 0;                 // steps taken
  bool momentum_started = false;  // SGD: the momentum buffer holds a value
};

template <class T>
struct KernelPair {
  KernelFn<T> reference;
  KernelFn<T> simd;
};

int slot_count(Kind kind);
template <class T>
KernelPair<T> kernels_for(Kind kind);

// The per-step scalars of step running.t + 1; advances the running scalars (t, NAdam's product).
StepScalars next_step_scalars(const OptimizerSpec& spec, RunningScalars& running);

enum class KernelImpl { Simd, Reference };

// What an optimizer knows about one coordinate after its last step, for the curves of the UI.
// first: the direction it moves along (Adam family: m̂ = m/(1−β1^t) as the step used it; the
// momentum buffers of sgd, momentum and nag). second: what it divides by, squared (Adam family:
// v̂ = v/(1−β2^t), AMSGrad's running max; AdaMax's u; RMSProp's and AdaDelta's average of g²;
// AdaGrad's sum). NaN where the optimizer has no such quantity.
struct Moments {
  double first;
  double second;
};

template <class T>
class Optimizer {
 public:
  Optimizer(const OptimizerSpec& spec, size_t n);

  const OptimizerSpec& spec() const { return spec_; }
  void set_spec(const OptimizerSpec& spec);  // keeps the state; a different kind resets it
  void reset();

  size_t size() const { return n_; }
  uint64_t steps_taken() const { return running_.t; }
  int slots() const { return slot_count(spec_.kind); }
  T* slot(int k) { return state_.data() + static_cast<size_t>(k) * n_; }
  const T* slot(int k) const { return state_.data() + static_cast<size_t>(k) * n_; }
  const RunningScalars& running() const { return running_; }
  void restore(const RunningScalars& running, const std::vector<T>& state);
  const std::vector<T>& state() const { return state_; }

  // nag evaluates its gradient at a look-ahead point; every other optimizer at θ itself.
  bool has_lookahead() const { return spec_.kind == Kind::Nag; }
  // Writes the point where the next gradient must be evaluated (θ itself without look-ahead).
  void gradient_point(const T* params, T* out) const;

  // One step on all n parameters with gradients `grads` (evaluated at gradient_point()).
  const StepScalars& step(T* params, const T* grads, KernelImpl impl = KernelImpl::Simd);
  const StepScalars& last_scalars() const { return last_; }
  Moments moments(size_t i) const;

 private:
  void init_state();

  OptimizerSpec spec_;
  size_t n_;
  RunningScalars running_;
  std::vector<T> state_;
  StepScalars last_;
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace gs::optim
