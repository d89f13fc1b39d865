// Adam and AdamW.
// Adam: Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1:
//   m_t = β1·m + (1−β1)·g;  v_t = β2·v + (1−β2)·g²;  θ −= α·m̂/(√v̂ + ε), m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)
// computed as torch.optim.Adam 1.13 (_single_tensor_adam) does:
//   denom = √v/√(1−β2^t) + ε;  θ −= (α/(1−β1^t))·m/denom
// except that √v is multiplied by 1/√(1−β2^t) instead of divided (one division less per element;
// ≤ 1 ulp in denom, well inside the torch parity test's 1e-9), with L2 weight decay folded into g
// when it is not 0 (as torch), AMSGrad (Reddi et al., ICLR 2018: v_max = max(v_max, v)), and the
// paper form `bias_correction: false` (both corrections 1).
// AdamW (Loshchilov & Hutter, ICLR 2019; torch.optim.AdamW): θ ← θ·(1 − α·λ) before the Adam step.
// State slots: exp_avg, exp_avg_sq, max_exp_avg_sq.
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::adam {

inline constexpr int kSlots = 3;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  T* max_exp_avg_sq = state[2];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), decay = T(s.decay);
  const T neg_step_size = T(-s.step_size), inv_bc2_sqrt = T(1 / s.bc2_sqrt);
  for (size_t i = 0; i < n; ++i) {
    if (s.decay != 1) p[i] = p[i] * decay;
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
    exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * grad * grad;
    T second = exp_avg_sq[i];
    if (s.flag) {
      max_exp_avg_sq[i] = max_exp_avg_sq[i] < exp_avg_sq[i] ? exp_avg_sq[i] : max_exp_avg_sq[i];
      second = max_exp_avg_sq[i];
    }
    T denom = std::sqrt(second) * inv_bc2_sqrt + eps;
    p[i] = p[i] + neg_step_size * exp_avg[i] / denom;
  }
}

template <class T, bool kAmsgrad, bool kDecoupled, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  T* max_exp_avg_sq = state[2];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), decay = T(s.decay);
  const T neg_step_size = T(-s.step_size), inv_bc2_sqrt = T(1 / s.bc2_sqrt);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt, simd::max;
    V pi = load<V>(p + i);
    if constexpr (kDecoupled) pi = pi * broadcast<V>(decay);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V m = load<V>(exp_avg + i) * broadcast<V>(beta1) + broadcast<V>(one_minus_beta1) * grad;
    V v = load<V>(exp_avg_sq + i) * broadcast<V>(beta2) + broadcast<V>(one_minus_beta2) * grad * grad;
    store(exp_avg + i, m);
    store(exp_avg_sq + i, v);
    V second = v;
    if constexpr (kAmsgrad) {
      second = max(load<V>(max_exp_avg_sq + i), v);
      store(max_exp_avg_sq + i, second);
    }
    V denom = sqrt(second) * broadcast<V>(inv_bc2_sqrt) + broadcast<V>(eps);
    store(p + i, pi + broadcast<V>(neg_step_size) * m / denom);
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto amsgrad, auto decoupled, auto weight_decay) {
    simd_loop<T, decltype(amsgrad)::value, decltype(decoupled)::value, decltype(weight_decay)::value>(s, p, g, state, n);
  }, s.flag, s.decay != 1, s.weight_decay != 0);
}

}  // namespace gs::optim::adam
