// One optimizer over n parameters: its hyperparameters (OptimizerSpec), its explicit state (the
// step count, running scalars and `slots × n` state values in one arena) and its rule
// (src/optim/rules/), resolved once per spec. State is separate from hyperparameters (optax's
// ScaleByAdamState): set_spec() changes hyperparameters mid-run, reset() restarts, and the state
// can be read and written as a whole (snapshot/restore).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "optim/spec.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim {

// What the single-run engine needs of a rule, as functions of the parameter type T.
template <class T>
struct RuleOps {
  int slots;
  bool lookahead;
  KernelFn<T> reference;
  KernelFn<T> simd;
  // φ = θ + μ·v into out (rules with a look-ahead point only)
  void (*lookahead_point)(double mu, const T* params, const T* const* state, T* out, size_t n);
};
// The kernels of kind's rule (rule_ops.cpp). The core rules' enter the table on its first read, so
// a module that never reads it (a lab's) does not contain them. The optimizer pack (optim/pack/)
// enters its own with set_rule_ops (all but the reference) and set_reference_kernel.
template <class T>
const RuleOps<T>& rule_ops(Kind kind);
template <class T>
void set_rule_ops(Kind kind, const RuleOps<T>& ops);
template <class T>
void set_reference_kernel(Kind kind, KernelFn<T> kernel);
// The reference twin of kind's rule: rule_ops(kind).reference.
template <class T>
KernelFn<T> reference_kernel(Kind kind);
// The core rules' reference twins into `ops` (rule_references.cpp, compiled for size).
template <class T>
void enter_core_references(RuleOps<T>* ops);

int slot_count(Kind kind);
// Slot `slot`'s starting value for every parameter.
double initial_state(const OptimizerSpec& spec, int slot);
// The spec's real hyperparameters by role.
HyperLanes<double> hyper_lanes(const OptimizerSpec& spec);
// The per-step scalars of step running.t + 1; advances the running scalars.
StepScalars next_step_scalars(const OptimizerSpec& spec, RunningScalars& running);
// The moments of one coordinate from its slot values (NaN before the first step).
Moments moments_of(const OptimizerSpec& spec, const RunningScalars& running, const double* slot);
// The rule's companion points (rules/rule_base.hpp: kCompanions), one coordinate each, from that
// coordinate's slot values into out; returns how many.
int companions_of(const OptimizerSpec& spec, const RunningScalars& running, const double* slot, double* out);

// "path.field: message" where the spec breaks its rule's constraint between hyperparameters, else "".
std::string constraint_error(const OptimizerSpec& spec, const std::string& path);
// The update rule `spec` runs, in LaTeX (its rule's latex(spec): the variant of its flags, the
// schedule's α_t, β1,t when beta1_decay decays it); the registry's `latex` is the general form.
std::string formula_latex(const OptimizerSpec& spec);

enum class KernelImpl { Simd, Reference };

template <class T>
class Optimizer {
 public:
  Optimizer(const OptimizerSpec& spec, size_t n);

  const OptimizerSpec& spec() const { return spec_; }
  void set_spec(const OptimizerSpec& spec);  // keeps the state; a different kind resets it
  void reset();

  size_t size() const { return n_; }
  uint64_t steps_taken() const { return running_.t; }
  int slots() const { return ops_->slots; }
  T* slot(int k) { return state_.data() + static_cast<size_t>(k) * n_; }
  const T* slot(int k) const { return state_.data() + static_cast<size_t>(k) * n_; }
  const RunningScalars& running() const { return running_; }
  void restore(const RunningScalars& running, const std::vector<T>& state);
  const std::vector<T>& state() const { return state_; }

  // nag evaluates its gradient at a look-ahead point; every other optimizer at θ itself.
  bool has_lookahead() const { return ops_->lookahead; }
  // Writes the point where the next gradient must be evaluated (θ itself without look-ahead).
  void gradient_point(const T* params, T* out) const;

  // One step on all n parameters with gradients `grads` (evaluated at gradient_point()).
  const StepScalars& step(T* params, const T* grads, KernelImpl impl = KernelImpl::Simd);
  const StepScalars& last_scalars() const { return last_; }
  Moments moments(size_t i) const;
  // Coordinate i of the rule's companion points (companions_of) into out; returns how many.
  int companions(size_t i, double* out) const;

 private:
  void init_state();

  OptimizerSpec spec_;
  const RuleOps<T>* ops_;
  size_t n_;
  RunningScalars running_;
  std::vector<T> state_;
  StepScalars last_;
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace gs::optim
