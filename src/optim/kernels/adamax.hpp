// AdaMax: Kingma & Ba, ICLR 2015, Algorithm 2 (Section 7.1), as torch.optim.Adamax 1.13 computes it:
//   m_t = β1·m + (1−β1)·g;  u_t = max(β2·u, |g| + ε);  θ −= (α/(1−β1^t))·m_t/u_t
// torch adds ε inside the max; `eps: 0` is the paper's Algorithm 2 exactly. Where u = 0 (every
// gradient so far was exactly 0, so m = 0 too) the step is 0 instead of 0/0.
// `bias_correction: false` drops the 1/(1−β1^t). State slots: exp_avg, exp_inf.
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::adamax {

inline constexpr int kSlots = 2;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_inf = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), weight_decay = T(s.weight_decay);
  const T neg_clr = T(-s.step_size);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
    T decayed = exp_inf[i] * beta2;
    T current = std::fabs(grad) + eps;
    exp_inf[i] = decayed < current ? current : decayed;
    if (exp_inf[i] != T(0)) p[i] = p[i] + neg_clr * exp_avg[i] / exp_inf[i];
  }
}

template <class T, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* exp_avg = state[0];
  T* exp_inf = state[1];
  const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
  const T one_minus_beta1 = T(1 - s.beta1), weight_decay = T(s.weight_decay);
  const T neg_clr = T(-s.step_size);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::abs, simd::max, simd::select_eq;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V m = load<V>(exp_avg + i) * broadcast<V>(beta1) + broadcast<V>(one_minus_beta1) * grad;
    V u = max(load<V>(exp_inf + i) * broadcast<V>(beta2), abs(grad) + broadcast<V>(eps));
    store(exp_avg + i, m);
    store(exp_inf + i, u);
    V updated = pi + broadcast<V>(neg_clr) * m / u;
    store(p + i, select_eq(u, broadcast<V>(T(0)), pi, updated));
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto weight_decay) { simd_loop<T, decltype(weight_decay)::value>(s, p, g, state, n); }, s.weight_decay != 0);
}

}  // namespace gs::optim::adamax
