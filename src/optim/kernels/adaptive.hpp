// The per-coordinate adaptive methods before Adam, as torch.optim 1.13 computes them.
// adagrad: Duchi, Hazan & Singer, JMLR 2011. torch.optim.Adagrad (_single_tensor_adagrad):
//     g = g + λθ;  clr = lr/(1 + (t−1)·lr_decay);  s = s + g²;  θ = θ − clr·g/(√s + ε)
//   slot: sum (starts at initial_accumulator_value)
// rmsprop: Tieleman & Hinton 2012, Graves 2013 (centered). torch.optim.RMSprop:
//     g = g + λθ;  a = α·a + (1−α)·g²;  centered: ḡ = α·ḡ + (1−α)·g, d = √(a − ḡ²) + ε, else d = √a + ε
//     momentum μ > 0: b = μ·b + g/d, θ = θ − lr·b;  else θ = θ − lr·g/d
//   slots: square_avg, grad_avg, momentum_buffer
// adadelta: Zeiler 2012. torch.optim.Adadelta:
//     g = g + λθ;  a = ρ·a + (1−ρ)·g²;  δ = √(u + ε)/√(a + ε)·g;  u = ρ·u + (1−ρ)·δ²;  θ = θ − lr·δ
//   slots: square_avg, acc_delta
// Scalars: beta2 carries α (rmsprop) or ρ (adadelta); beta1 carries rmsprop's momentum;
// step_size carries adagrad's clr.
#pragma once

#include "optim/kernels/lanes.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim::adagrad {

inline constexpr int kSlots = 1;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* sum = state[0];
  const T weight_decay = T(s.weight_decay), neg_clr = T(-s.step_size), eps = T(s.eps);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    sum[i] = sum[i] + grad * grad;
    T std_dev = std::sqrt(sum[i]) + eps;
    p[i] = p[i] + neg_clr * grad / std_dev;
  }
}

template <class T, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* sum = state[0];
  const T weight_decay = T(s.weight_decay), neg_clr = T(-s.step_size), eps = T(s.eps);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V si = load<V>(sum + i) + grad * grad;
    store(sum + i, si);
    store(p + i, pi + broadcast<V>(neg_clr) * grad / (sqrt(si) + broadcast<V>(eps)));
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto weight_decay) { simd_loop<T, decltype(weight_decay)::value>(s, p, g, state, n); },
             s.weight_decay != 0);
}

}  // namespace gs::optim::adagrad

namespace gs::optim::rmsprop {

inline constexpr int kSlots = 3;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* square_avg = state[0];
  T* grad_avg = state[1];
  T* buf = state[2];
  const T alpha = T(s.beta2), one_minus_alpha = T(1 - s.beta2), eps = T(s.eps);
  const T weight_decay = T(s.weight_decay), momentum = T(s.beta1), neg_lr = T(-s.lr);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    square_avg[i] = square_avg[i] * alpha + one_minus_alpha * grad * grad;
    T avg;
    if (s.flag) {
      grad_avg[i] = grad_avg[i] * alpha + one_minus_alpha * grad;
      avg = std::sqrt(square_avg[i] + T(-1) * grad_avg[i] * grad_avg[i]) + eps;
    } else {
      avg = std::sqrt(square_avg[i]) + eps;
    }
    if (s.has_momentum) {
      buf[i] = buf[i] * momentum + grad / avg;
      p[i] = p[i] + neg_lr * buf[i];
    } else {
      p[i] = p[i] + neg_lr * grad / avg;
    }
  }
}

template <class T, bool kCentered, bool kMomentum, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* square_avg = state[0];
  T* grad_avg = state[1];
  T* buf = state[2];
  const T alpha = T(s.beta2), one_minus_alpha = T(1 - s.beta2), eps = T(s.eps);
  const T weight_decay = T(s.weight_decay), momentum = T(s.beta1), neg_lr = T(-s.lr);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V sa = load<V>(square_avg + i) * broadcast<V>(alpha) + broadcast<V>(one_minus_alpha) * grad * grad;
    store(square_avg + i, sa);
    V avg;
    if constexpr (kCentered) {
      V ga = load<V>(grad_avg + i) * broadcast<V>(alpha) + broadcast<V>(one_minus_alpha) * grad;
      store(grad_avg + i, ga);
      avg = sqrt(sa + broadcast<V>(T(-1)) * ga * ga) + broadcast<V>(eps);
    } else {
      avg = sqrt(sa) + broadcast<V>(eps);
    }
    if constexpr (kMomentum) {
      V b = load<V>(buf + i) * broadcast<V>(momentum) + grad / avg;
      store(buf + i, b);
      store(p + i, pi + broadcast<V>(neg_lr) * b);
    } else {
      store(p + i, pi + broadcast<V>(neg_lr) * grad / avg);
    }
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto centered, auto momentum, auto weight_decay) {
    simd_loop<T, decltype(centered)::value, decltype(momentum)::value, decltype(weight_decay)::value>(
        s, p, g, state, n);
  }, s.flag, s.has_momentum, s.weight_decay != 0);
}

}  // namespace gs::optim::rmsprop

namespace gs::optim::adadelta {

inline constexpr int kSlots = 2;

template <class T>
void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* square_avg = state[0];
  T* acc_delta = state[1];
  const T rho = T(s.beta2), one_minus_rho = T(1 - s.beta2), eps = T(s.eps);
  const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
  for (size_t i = 0; i < n; ++i) {
    T grad = g[i];
    if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
    square_avg[i] = square_avg[i] * rho + one_minus_rho * grad * grad;
    T std_dev = std::sqrt(square_avg[i] + eps);
    T delta = std::sqrt(acc_delta[i] + eps) / std_dev * grad;
    acc_delta[i] = acc_delta[i] * rho + one_minus_rho * delta * delta;
    p[i] = p[i] + neg_lr * delta;
  }
}

template <class T, bool kWeightDecay>
void simd_loop(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  T* square_avg = state[0];
  T* acc_delta = state[1];
  const T rho = T(s.beta2), one_minus_rho = T(1 - s.beta2), eps = T(s.eps);
  const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    using simd::broadcast, simd::load, simd::store, simd::sqrt;
    V pi = load<V>(p + i);
    V grad = load<V>(g + i);
    if constexpr (kWeightDecay) grad = grad + broadcast<V>(weight_decay) * pi;
    V sa = load<V>(square_avg + i) * broadcast<V>(rho) + broadcast<V>(one_minus_rho) * grad * grad;
    store(square_avg + i, sa);
    V std_dev = sqrt(sa + broadcast<V>(eps));
    V acc = load<V>(acc_delta + i);
    V delta = sqrt(acc + broadcast<V>(eps)) / std_dev * grad;
    store(acc_delta + i, acc * broadcast<V>(rho) + broadcast<V>(one_minus_rho) * delta * delta);
    store(p + i, pi + broadcast<V>(neg_lr) * delta);
  });
}

template <class T>
void simd(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  with_flags([&](auto weight_decay) { simd_loop<T, decltype(weight_decay)::value>(s, p, g, state, n); },
             s.weight_decay != 0);
}

}  // namespace gs::optim::adadelta
