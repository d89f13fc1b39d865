// RAdam: Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020, as
// torch.optim.RAdam 1.13 computes it:
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  m̂ = m/(1−β1^t)
//   ρ∞ = 2/(1−β2) − 1;  ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
//   ρ_t > 5:  θ −= m̂·lr·(√(1−β2^t)/(√v + ε))·r_t,  r_t = √((ρ_t−4)(ρ_t−2)ρ∞/((ρ∞−4)(ρ∞−2)ρ_t))
//   else:     θ −= m̂·lr                     (flag = rectified branch; 1−β1^t in step_size)
// State slots: exp_avg, exp_avg_sq.
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::radam {

inline constexpr int kSlots = 2;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), bias_correction1 = T(s.step_size);
  const T lr = T(s.lr), bc2_sqrt = T(s.bc2_sqrt), rect = T(s.rect);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
    exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * grad * grad;
    T corrected = exp_avg[i] / bias_correction1;
    if (s.flag) {
      T adaptive_lr = bc2_sqrt / (std::sqrt(exp_avg_sq[i]) + eps);
      p[i] = p[i] - corrected * lr * adaptive_lr * rect;
    } else {
      p[i] = p[i] - corrected * lr;
    }
  }
}

template <class T, bool kRectified, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), bias_correction1 = T(s.step_size);
  const T lr = T(s.lr), bc2_sqrt = T(s.bc2_sqrt), rect = T(s.rect);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V m = load<V>(exp_avg + i) * broadcast<V>(beta1) + broadcast<V>(one_minus_beta1) * grad;
    V v = load<V>(exp_avg_sq + i) * broadcast<V>(beta2) + broadcast<V>(one_minus_beta2) * grad * grad;
    store(exp_avg + i, m);
    store(exp_avg_sq + i, v);
    V corrected = m / broadcast<V>(bias_correction1);
    if constexpr (kRectified) {
      V adaptive_lr = broadcast<V>(bc2_sqrt) / (sqrt(v) + broadcast<V>(eps));
      store(p + i, pi - corrected * broadcast<V>(lr) * adaptive_lr * broadcast<V>(rect));
    } else {
      store(p + i, pi - corrected * broadcast<V>(lr));
    }
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto rectified, auto weight_decay) {
    simd_loop<T, decltype(rectified)::value, decltype(weight_decay)::value>(s, p, g, state, n);
  }, s.flag, s.weight_decay != 0);
}

}  // namespace gs::optim::radam
