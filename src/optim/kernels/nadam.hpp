// NAdam: Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop, with the
// momentum schedule μ_t = β1·(1 − ½·0.96^(t·ψ)) and the corrected μ-product rule of
// torch.optim.NAdam ≥ 2.0 (1.13's foreach path; its default path counts μ_t twice):
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  denom = √v/√(1−β2^t) + ε
//   θ −= lr·(1−μ_t)/(1−Πμ_{1..t}) · g/denom + lr·μ_{t+1}/(1−Πμ_{1..t+1}) · m/denom
// step_size = −lr(1−μ_t)/(1−Π_t) and step_size2 = −lr·μ_{t+1}/(1−Π_t·μ_{t+1}) (already negated).
// As in adam.hpp, √v is multiplied by 1/√(1−β2^t) (≤ 1 ulp from torch's division).
// State slots: exp_avg, exp_avg_sq; the running product Π μ lives in RunningScalars.
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::nadam {

inline constexpr int kSlots = 2;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), inv_bc2_sqrt = T(1 / s.bc2_sqrt);
  const T grad_step = T(s.step_size), avg_step = T(s.step_size2);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
    exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * grad * grad;
    T denom = std::sqrt(exp_avg_sq[i]) * inv_bc2_sqrt + eps;
    p[i] = p[i] + grad_step * grad / denom;
    p[i] = p[i] + avg_step * exp_avg[i] / denom;
  }
}

template <class T, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_avg_sq = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
  const T weight_decay = T(s.weight_decay), inv_bc2_sqrt = T(1 / s.bc2_sqrt);
  const T grad_step = T(s.step_size), avg_step = T(s.step_size2);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V m = load<V>(exp_avg + i) * broadcast<V>(beta1) + broadcast<V>(one_minus_beta1) * grad;
    V v = load<V>(exp_avg_sq + i) * broadcast<V>(beta2) + broadcast<V>(one_minus_beta2) * grad * grad;
    store(exp_avg + i, m);
    store(exp_avg_sq + i, v);
    V denom = sqrt(v) * broadcast<V>(inv_bc2_sqrt) + broadcast<V>(eps);
    pi = pi + broadcast<V>(grad_step) * grad / denom;
    store(p + i, pi + broadcast<V>(avg_step) * m / denom);
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto weight_decay) { simd_loop<T, decltype(weight_decay)::value>(s, p, g, state, n); }, s.weight_decay != 0);
}

}  // namespace gs::optim::nadam
