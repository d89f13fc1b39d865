// One optimizer over n parameters: its hyperparameters (OptimizerSpec), its explicit state
// (the step count, running scalars and `slots × n` state values in one arena) and the dispatch
// to its fused kernel. State is separate from hyperparameters (optax's ScaleByAdamState):
// set_spec() changes hyperparameters mid-run, reset() restarts, and the state can be read
// and written as a whole (snapshot/restore).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "optim/spec.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim {

// Scalars that an optimizer carries from step to step besides the element-wise slots.
struct RunningScalars {
  uint64_t t = 0;               // steps taken
  double mu_product = 1;        // NAdam: Π μ_1..t
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
