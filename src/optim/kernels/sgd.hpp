// Gradient descent with momentum, in three forms.
// sgd: torch.optim.SGD 1.13 (_single_tensor_sgd), heavy-ball momentum (Polyak 1964) and
//   Nesterov (Sutskever et al. 2013, torch's form):
//     d = g + λθ;  b = d on the first step, else b = μ·b + (1−τ)·d;  d = d + μ·b (nesterov) or b
//     θ = θ − lr·d
// momentum: the exponential-moving-average form of the seeds and of Adam's first moment:
//     m = β·m + (1−β)·g (m₀ = 0);  θ = θ − lr·m
// nag: Sutskever et al. (ICML 2013) look-ahead Nesterov; the gradient is evaluated at the
//     look-ahead point φ = θ + μ·v (lookahead() below), then
//     v = μ·v − lr·∇f(φ);  θ = θ + v
// State: one slot each (momentum_buffer, exp_avg, velocity).
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::sgd {

inline constexpr int kSlots = 1;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* buf = state[0];
  const T momentum = T(s.beta1), one_minus_dampening = T(1 - s.dampening);
  const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
  for (size_t i = 0; i < n; ++i) {
    T d = g[i];
    if (s.weight_decay != 0) d = d + weight_decay * p[i];
    if (s.has_momentum) {
      buf[i] = s.first ? d : buf[i] * momentum + one_minus_dampening * d;
      d = s.flag ? d + momentum * buf[i] : buf[i];
    }
    p[i] = p[i] + neg_lr * d;
  }
}

template <class T, bool kMomentum, bool kFirst, bool kNesterov, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* buf = state[0];
  const T momentum = T(s.beta1), one_minus_dampening = T(1 - s.dampening);
  const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store;
    V pi = load<V>(p + i);
    V d = load<V>(g + i);
    if constexpr (kWeightDecay) d = d + broadcast<V>(weight_decay) * pi;
    if constexpr (kMomentum) {
      V b = d;
      if constexpr (!kFirst) b = load<V>(buf + i) * broadcast<V>(momentum) + broadcast<V>(one_minus_dampening) * d;
      store(buf + i, b);
      if constexpr (kNesterov) d = d + broadcast<V>(momentum) * b;
      else d = b;
    }
    store(p + i, pi + broadcast<V>(neg_lr) * d);
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto momentum, auto first, auto nesterov, auto weight_decay) {
    simd_loop<T, decltype(momentum)::value, decltype(first)::value, decltype(nesterov)::value,
              decltype(weight_decay)::value>(s, p, g, state, n);
  }, s.has_momentum, s.first, s.flag, s.weight_decay != 0);
}

}  // namespace gs::optim::sgd

namespace gs::optim::momentum {

inline constexpr int kSlots = 1;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* m = state[0];
  const T beta = T(s.beta1), one_minus_beta = T(1 - s.beta1), neg_lr = T(-s.lr);
  for (size_t i = 0; i < n; ++i) {
    m[i] = m[i] * beta + one_minus_beta * g[i];
    p[i] = p[i] + neg_lr * m[i];
  }
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* m = state[0];
  const T beta = T(s.beta1), one_minus_beta = T(1 - s.beta1), neg_lr = T(-s.lr);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store;
    V mi = load<V>(m + i) * broadcast<V>(beta) + broadcast<V>(one_minus_beta) * load<V>(g + i);
    store(m + i, mi);
    store(p + i, load<V>(p + i) + broadcast<V>(neg_lr) * mi);
  });
}

}  // namespace gs::optim::momentum

namespace gs::optim::nag {

inline constexpr int kSlots = 1;

// φ = θ + μ·v, where the next gradient must be evaluated.
template <class T>
void lookahead(double momentum, const T* p, const T* velocity, T* out, size_t n) {
  const T mu = T(momentum);
  for (size_t i = 0; i < n; ++i) out[i] = p[i] + mu * velocity[i];
}

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* v = state[0];
  const T mu = T(s.beta1), lr = T(s.lr);
  for (size_t i = 0; i < n; ++i) {
    v[i] = mu * v[i] - lr * g[i];
    p[i] = p[i] + v[i];
  }
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* v = state[0];
  const T mu = T(s.beta1), lr = T(s.lr);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store;
    V vi = broadcast<V>(mu) * load<V>(v + i) - broadcast<V>(lr) * load<V>(g + i);
    store(v + i, vi);
    store(p + i, load<V>(p + i) + vi);
  });
}

}  // namespace gs::optim::nag
