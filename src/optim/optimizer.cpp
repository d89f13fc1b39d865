#include "optim/optimizer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/check.hpp"

#include "optim/rule_table.hpp"
#include "optim/rules/all.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim {

namespace {

// The meta entries by Kind: the core rules' from the start, the pack's once registered.
struct MetaTable {
  std::array<RuleMeta, rules::AllRules::size> entries{};
  std::array<bool, rules::AllRules::size> registered{};
};

MetaTable& meta_table() {
  static MetaTable table = [] {
    MetaTable t;
    rules::CoreRules::for_each([&](auto rule) {
      using Rule = decltype(rule);
      const size_t k = rules::kind_of<Rule>().index;
      t.entries[k] = meta_of<Rule>();
      t.registered[k] = true;
    });
    return t;
  }();
  return table;
}

}  // namespace

const RuleMeta& rule_meta(Kind kind) {
  if (!rule_registered(kind)) {
    std::fprintf(stderr, "gradscape: optimizer kind %d is not registered in this module\n", kind.index);
    std::abort();
  }
  return meta_table().entries[kind.index];
}

bool rule_registered(Kind kind) { return kind.index < rules::AllRules::size && meta_table().registered[kind.index]; }

void set_rule_meta(Kind kind, const RuleMeta& meta) {
  MetaTable& t = meta_table();
  t.entries[kind.index] = meta;
  t.registered[kind.index] = true;
}

int slot_count(Kind kind) { return whole::whole_entry(kind) ? 0 : rule_meta(kind).slots; }

HyperLanes<double> hyper_lanes(const OptimizerSpec& spec) { return rule_meta(spec.kind).hyper(spec); }

StepScalars next_step_scalars(const OptimizerSpec& spec, RunningScalars& running) {
  return rule_meta(spec.kind).next_scalars(spec, running);
}

double initial_state(const OptimizerSpec& spec, int slot) { return rule_meta(spec.kind).initial_state(spec, slot); }

Moments moments_of(const OptimizerSpec& spec, const RunningScalars& running, const double* slot) {
  const double nan = std::nan("");
  if (running.t == 0) return {nan, nan};
  return rule_meta(spec.kind).moments(spec, running, slot);
}

int companions_of(const OptimizerSpec& spec, const RunningScalars& running, const double* slot, double* out) {
  const RuleMeta& meta = rule_meta(spec.kind);
  meta.companions(running, slot, out);
  return meta.companion_count;
}

std::string formula_latex(const OptimizerSpec& spec) {
  if (const whole::WholeEntry* w = whole::whole_entry(spec.kind)) return w->latex(spec);
  return rule_meta(spec.kind).latex(spec);
}

std::string constraint_error(const OptimizerSpec& spec, const std::string& path) {
  if (const whole::WholeEntry* w = whole::whole_entry(spec.kind)) return w->constraint(spec, path);
  const rules::HyperConstraint c = rule_meta(spec.kind).constraint(spec);
  return c.field ? check::field(path, c.field) + ": " + c.message : std::string();
}

StepShared step_shared(const OptimizerSpec& spec, uint64_t t) {
  return {t, &spec.schedule, schedule_factor(spec.schedule, t), spec.bias_correction};
}

RuleFlags rule_flags(const OptimizerSpec& spec, const HyperLanes<double>& hyper) {
  RuleFlags f;
  f.amsgrad = spec.amsgrad;
  for (size_t k = 0; k < kOwnHypers; ++k) f.own[k] = spec.own[k] != 0;
  f.any_weight_decay = hyper.weight_decay != 0;
  f.any_momentum = hyper.beta1 > 0;
  return f;
}

template <class T>
Optimizer<T>::Optimizer(const OptimizerSpec& spec, size_t n) : spec_(spec), ops_(&rule_ops<T>(spec.kind)), n_(n) {
  reset();
}

template <class T>
void Optimizer<T>::init_state() {
  state_.resize(static_cast<size_t>(ops_->slots) * n_);
  for (int k = 0; k < ops_->slots; ++k) std::fill(slot(k), slot(k) + n_, T(initial_state(spec_, k)));
}

template <class T>
void Optimizer<T>::reset() {
  running_ = RunningScalars{};
  last_ = StepScalars{};
  init_state();
}

template <class T>
void Optimizer<T>::set_spec(const OptimizerSpec& spec) {
  if (spec.kind != spec_.kind) {
    spec_ = spec;
    ops_ = &rule_ops<T>(spec.kind);
    reset();
    return;
  }
  // The running powers continue by multiplication; a changed base restarts its power at base^t.
  const HyperLanes<double> before = hyper_lanes(spec_), after = hyper_lanes(spec);
  const uint64_t t = running_.t;
  if (after.beta1 != before.beta1) running_.beta1_pow = ipow(after.beta1, t);
  if (after.beta2 != before.beta2) running_.beta2_pow = ipow(after.beta2, t);
  if (after.beta1_decay != before.beta1_decay) running_.decay_pow = ipow(after.beta1_decay, t);
  if (after.mu_ratio != before.mu_ratio) running_.mu_pow = ipow(after.mu_ratio, t);
  spec_ = spec;
}

template <class T>
void Optimizer<T>::restore(const RunningScalars& running, const std::vector<T>& state) {
  running_ = running;
  state_ = state;
  state_.resize(static_cast<size_t>(ops_->slots) * n_, T(0));
}

template <class T>
void Optimizer<T>::gradient_point(const T* params, T* out) const {
  if (ops_->lookahead) {
    const T* slots[kMaxSlots] = {slot(0)};
    ops_->lookahead_point(decayed_coefficient(hyper_lanes(spec_), running_), params, slots, out, n_);
  } else {
    std::copy(params, params + n_, out);
  }
}

template <class T>
const StepScalars& Optimizer<T>::step(T* params, const T* grads, KernelImpl impl) {
  last_ = next_step_scalars(spec_, running_);
  T* slots[kMaxSlots] = {};
  for (int k = 0; k < ops_->slots; ++k) slots[k] = slot(k);
  (impl == KernelImpl::Simd ? ops_->simd : ops_->reference)(last_, params, grads, slots, n_);
  return last_;
}

template <class T>
Moments Optimizer<T>::moments(size_t i) const {
  double values[kMaxSlots] = {};
  for (int k = 0; k < ops_->slots; ++k) values[k] = double(slot(k)[i]);
  return moments_of(spec_, running_, values);
}

template <class T>
int Optimizer<T>::companions(size_t i, double* out) const {
  double values[kMaxSlots] = {};
  for (int k = 0; k < ops_->slots; ++k) values[k] = double(slot(k)[i]);
  return companions_of(spec_, running_, values, out);
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace gs::optim
