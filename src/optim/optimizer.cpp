#include "optim/optimizer.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"
#include "optim/kernels/adam.hpp"
#include "optim/kernels/adamax.hpp"
#include "optim/kernels/adaptive.hpp"
#include "optim/kernels/nadam.hpp"
#include "optim/kernels/radam.hpp"
#include "optim/kernels/sgd.hpp"
#include "optim/schedule.hpp"

namespace gs::optim {

int slot_count(Kind kind) {
  switch (kind) {
    case Kind::Sgd: return sgd::kSlots;
    case Kind::Momentum: return momentum::kSlots;
    case Kind::Nag: return nag::kSlots;
    case Kind::Adagrad: return adagrad::kSlots;
    case Kind::Rmsprop: return rmsprop::kSlots;
    case Kind::Adadelta: return adadelta::kSlots;
    case Kind::Adam:
    case Kind::Adamw: return adam::kSlots;
    case Kind::Adamax: return adamax::kSlots;
    case Kind::Nadam: return nadam::kSlots;
    case Kind::Radam: return radam::kSlots;
  }
  return 0;
}

template <class T>
KernelPair<T> kernels_for(Kind kind) {
  switch (kind) {
    case Kind::Sgd: return {sgd::reference<T>, sgd::simd<T>};
    case Kind::Momentum: return {momentum::reference<T>, momentum::simd<T>};
    case Kind::Nag: return {nag::reference<T>, nag::simd<T>};
    case Kind::Adagrad: return {adagrad::reference<T>, adagrad::simd<T>};
    case Kind::Rmsprop: return {rmsprop::reference<T>, rmsprop::simd<T>};
    case Kind::Adadelta: return {adadelta::reference<T>, adadelta::simd<T>};
    case Kind::Adam:
    case Kind::Adamw: return {adam::reference<T>, adam::simd<T>};
    case Kind::Adamax: return {adamax::reference<T>, adamax::simd<T>};
    case Kind::Nadam: return {nadam::reference<T>, nadam::simd<T>};
    case Kind::Radam: return {radam::reference<T>, radam::simd<T>};
  }
  return {nullptr, nullptr};
}

template KernelPair<float> kernels_for<float>(Kind);
template KernelPair<double> kernels_for<double>(Kind);

HyperLanes<double> hyper_lanes(const OptimizerSpec& h) {
  HyperLanes<double> l{};
  l.lr = h.lr;
  l.eps = h.eps;
  l.weight_decay = h.weight_decay;
  l.dampening = h.dampening;
  l.lr_decay = h.lr_decay;
  l.beta1_decay = h.beta1_decay;
  l.mu_ratio = 1;
  switch (h.kind) {
    case Kind::Sgd:
    case Kind::Nag: l.beta1 = h.momentum; break;
    case Kind::Momentum: l.beta1 = h.beta; break;
    case Kind::Adagrad: break;
    case Kind::Rmsprop:
      l.beta1 = h.momentum;
      l.beta2 = h.alpha;
      break;
    case Kind::Adadelta: l.beta2 = h.rho; break;
    case Kind::Nadam:
      l.mu_ratio = dm::pow(0.96, h.momentum_decay);
      [[fallthrough]];
    case Kind::Adam:
    case Kind::Adamw:
    case Kind::Adamax:
    case Kind::Radam:
      l.beta1 = h.beta1;
      l.beta2 = h.beta2;
      break;
  }
  return l;
}

StepShared step_shared(const OptimizerSpec& spec, uint64_t t) {
  return {t, &spec.schedule, schedule_factor(spec.schedule, t), spec.bias_correction};
}

namespace {

template <Kind K>
StepScalars step_scalars_of(const OptimizerSpec& h, RunningScalars& running) {
  StepScalars s;
  const uint64_t t = ++running.t;
  const ScalarLanes<double> v = step_scalar_lanes<K>(hyper_lanes(h), running, step_shared(h, t));
  s.t = t;
  s.lr = v.lr;
  s.beta1 = v.beta1;
  s.beta2 = v.beta2;
  s.eps = v.eps;
  s.weight_decay = v.weight_decay;
  s.decay = v.decay;
  s.dampening = v.dampening;
  s.step_size = v.step_size;
  s.step_size2 = v.step_size2;
  s.bc2_sqrt = v.bc2_sqrt;
  if constexpr (K == Kind::Sgd) {
    s.has_momentum = h.momentum != 0;
    s.first = s.has_momentum && !running.momentum_started;
    if (s.has_momentum) running.momentum_started = true;
    s.flag = h.nesterov;
  } else if constexpr (K == Kind::Rmsprop) {
    s.has_momentum = h.momentum > 0;
    s.flag = h.centered;
  } else if constexpr (K == Kind::Adam || K == Kind::Adamw) {
    s.flag = h.amsgrad;
  } else if constexpr (K == Kind::Radam) {
    s.flag = v.rho_t > kRadamRectified;
    s.rect = s.flag ? v.rect : 1;
  }
  return s;
}

}  // namespace

StepScalars next_step_scalars(const OptimizerSpec& h, RunningScalars& running) {
  switch (h.kind) {
    case Kind::Sgd: return step_scalars_of<Kind::Sgd>(h, running);
    case Kind::Momentum: return step_scalars_of<Kind::Momentum>(h, running);
    case Kind::Nag: return step_scalars_of<Kind::Nag>(h, running);
    case Kind::Adagrad: return step_scalars_of<Kind::Adagrad>(h, running);
    case Kind::Rmsprop: return step_scalars_of<Kind::Rmsprop>(h, running);
    case Kind::Adadelta: return step_scalars_of<Kind::Adadelta>(h, running);
    case Kind::Adam: return step_scalars_of<Kind::Adam>(h, running);
    case Kind::Adamw: return step_scalars_of<Kind::Adamw>(h, running);
    case Kind::Adamax: return step_scalars_of<Kind::Adamax>(h, running);
    case Kind::Nadam: return step_scalars_of<Kind::Nadam>(h, running);
    case Kind::Radam: return step_scalars_of<Kind::Radam>(h, running);
  }
  return {};
}

template <class T>
Optimizer<T>::Optimizer(const OptimizerSpec& spec, size_t n) : spec_(spec), n_(n) {
  reset();
}

template <class T>
void Optimizer<T>::init_state() {
  state_.assign(static_cast<size_t>(slot_count(spec_.kind)) * n_, T(0));
  if (spec_.kind == Kind::Adagrad)
    std::fill(state_.begin(), state_.end(), T(spec_.initial_accumulator_value));
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
  state_.resize(static_cast<size_t>(slot_count(spec_.kind)) * n_, T(0));
}

template <class T>
void Optimizer<T>::gradient_point(const T* params, T* out) const {
  if (has_lookahead()) {
    nag::lookahead(decayed_coefficient(hyper_lanes(spec_), running_), params, slot(0), out, n_);
  } else {
    std::copy(params, params + n_, out);
  }
}

template <class T>
const StepScalars& Optimizer<T>::step(T* params, const T* grads, KernelImpl impl) {
  last_ = next_step_scalars(spec_, running_);
  T* slots[3] = {nullptr, nullptr, nullptr};
  for (int k = 0; k < slot_count(spec_.kind); ++k) slots[k] = slot(k);
  KernelPair<T> kernels = kernels_for<T>(spec_.kind);
  (impl == KernelImpl::Simd ? kernels.simd : kernels.reference)(last_, params, grads, slots, n_);
  return last_;
}

template <class T>
Moments Optimizer<T>::moments(size_t i) const {
  const double nan = std::nan("");
  const uint64_t t = running_.t;
  if (t == 0) return {nan, nan};
  const bool corrected = spec_.bias_correction;
  const double bc1 = corrected ? 1 - running_.beta1_pow : 1;
  const double bc2 = corrected ? 1 - running_.beta2_pow : 1;
  switch (spec_.kind) {
    case Kind::Sgd: return {running_.momentum_started ? double(slot(0)[i]) : nan, nan};
    case Kind::Momentum:
    case Kind::Nag: return {double(slot(0)[i]), nan};
    case Kind::Adagrad:
    case Kind::Adadelta: return {nan, double(slot(0)[i])};
    case Kind::Rmsprop: return {spec_.momentum > 0 ? double(slot(2)[i]) : nan, double(slot(0)[i])};
    case Kind::Adam:
    case Kind::Adamw: return {slot(0)[i] / bc1, (spec_.amsgrad ? slot(2)[i] : slot(1)[i]) / bc2};
    case Kind::Adamax: return {slot(0)[i] / bc1, double(slot(1)[i])};
    case Kind::Nadam:
    case Kind::Radam: return {slot(0)[i] / (1 - running_.beta1_pow), slot(1)[i] / (1 - running_.beta2_pow)};
  }
  return {nan, nan};
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace gs::optim
