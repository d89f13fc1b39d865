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

namespace {

// NAdam's momentum schedule μ_t = β1·(1 − ½·0.96^(t·ψ)).
double nadam_mu(double beta1, double momentum_decay, uint64_t t) {
  return beta1 * (1. - 0.5 * dm::pow(0.96, static_cast<double>(t) * momentum_decay));
}

}  // namespace

StepScalars next_step_scalars(const OptimizerSpec& h, RunningScalars& running) {
  StepScalars s;
  const uint64_t t = ++running.t;
  s.t = t;
  s.lr = scheduled_lr(h.lr, h.schedule, t);
  s.eps = h.eps;
  s.weight_decay = h.weight_decay;
  switch (h.kind) {
    case Kind::Sgd:
      s.beta1 = decayed_beta1(h.momentum, h.beta1_decay, t);
      s.dampening = h.dampening;
      s.has_momentum = h.momentum != 0;
      s.first = s.has_momentum && !running.momentum_started;
      if (s.has_momentum) running.momentum_started = true;
      s.flag = h.nesterov;
      break;
    case Kind::Momentum:
      s.beta1 = decayed_beta1(h.beta, h.beta1_decay, t);
      s.weight_decay = 0;
      break;
    case Kind::Nag:
      s.beta1 = decayed_beta1(h.momentum, h.beta1_decay, t);
      s.weight_decay = 0;
      break;
    case Kind::Adagrad:
      s.step_size = s.lr / (1 + static_cast<double>(t - 1) * h.lr_decay);
      break;
    case Kind::Rmsprop:
      s.beta2 = h.alpha;
      s.beta1 = decayed_beta1(h.momentum, h.beta1_decay, t);
      s.has_momentum = h.momentum > 0;
      s.flag = h.centered;
      break;
    case Kind::Adadelta:
      s.beta2 = h.rho;
      break;
    case Kind::Adam:
    case Kind::Adamw: {
      s.beta1 = decayed_beta1(h.beta1, h.beta1_decay, t);
      s.beta2 = h.beta2;
      s.flag = h.amsgrad;
      double bc1 = h.bias_correction ? 1 - ipow(h.beta1, t) : 1;
      double bc2 = h.bias_correction ? 1 - ipow(h.beta2, t) : 1;
      s.step_size = s.lr / bc1;
      s.bc2_sqrt = std::sqrt(bc2);
      if (h.kind == Kind::Adamw) {
        s.decay = 1 - s.lr * h.weight_decay;
        s.weight_decay = 0;
      }
      break;
    }
    case Kind::Adamax: {
      s.beta1 = decayed_beta1(h.beta1, h.beta1_decay, t);
      s.beta2 = h.beta2;
      double bc1 = h.bias_correction ? 1 - ipow(h.beta1, t) : 1;
      s.step_size = s.lr / bc1;
      break;
    }
    case Kind::Nadam: {
      s.beta1 = decayed_beta1(h.beta1, h.beta1_decay, t);
      s.beta2 = h.beta2;
      s.bc2_sqrt = std::sqrt(1 - ipow(h.beta2, t));
      double mu = nadam_mu(s.beta1, h.momentum_decay, t);
      double mu_next = nadam_mu(s.beta1, h.momentum_decay, t + 1);
      running.mu_product *= mu;
      s.step_size = (s.lr * (1. - mu) / (1. - running.mu_product)) * -1;
      s.step_size2 = (s.lr * mu_next / (1. - running.mu_product * mu_next)) * -1;
      break;
    }
    case Kind::Radam: {
      s.beta1 = decayed_beta1(h.beta1, h.beta1_decay, t);
      s.beta2 = h.beta2;
      double bc1 = 1 - ipow(h.beta1, t);
      double beta2_t = ipow(h.beta2, t);
      double bc2 = 1 - beta2_t;
      s.step_size = bc1;
      s.bc2_sqrt = std::sqrt(bc2);
      double rho_inf = 2 / (1 - h.beta2) - 1;
      double rho_t = rho_inf - 2 * static_cast<double>(t) * beta2_t / bc2;
      s.flag = rho_t > 5.;
      if (s.flag)
        s.rect = std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
      break;
    }
  }
  return s;
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
  bool same_kind = spec.kind == spec_.kind;
  spec_ = spec;
  if (!same_kind) reset();
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
    double mu = decayed_beta1(spec_.momentum, spec_.beta1_decay, running_.t + 1);
    nag::lookahead(mu, params, slot(0), out, n_);
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
  const double bc1 = corrected ? 1 - ipow(spec_.beta1, t) : 1;
  const double bc2 = corrected ? 1 - ipow(spec_.beta2, t) : 1;
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
    case Kind::Radam: return {slot(0)[i] / (1 - ipow(spec_.beta1, t)), slot(1)[i] / (1 - ipow(spec_.beta2, t))};
  }
  return {nan, nan};
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace gs::optim
