// Lane kernels of the gradient-descent family (optim/kernels/sgd.hpp, one run per lane):
// sgd: torch.optim.SGD 1.13, heavy-ball momentum (Polyak 1964) and torch's Nesterov form:
//     d = g + λθ;  b = d on the first step, else b = μ·b + (1−τ)·d;  d = d + μ·b (nesterov) or b;  θ = θ − lr·d
//   A lane with momentum 0 takes θ − lr·d (its buffer is written but never read).
// momentum: the EMA form m = β·m + (1−β)·g (m₀ = 0);  θ = θ − lr·m
// nag: Sutskever et al. (ICML 2013) look-ahead Nesterov: v = μ·v − lr·∇f(θ + μ·v);  θ = θ + v
//   (the engine evaluates the gradient at lookahead(), before the step).
#pragma once

#include "sweep/lane_kernel.hpp"

namespace gs::sweep {

struct SgdLanes {
  static constexpr int kSlots = 1;
  enum : size_t { kMomentum, kOneMinusDampening, kWeightDecay, kNegLr, kWeightDecayOn, kMomentumOn, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>& h) {
    const W zero = lane_const<W>(0.0), one = lane_const<W>(1.0);
    return {s.beta1,       one - s.dampening, s.weight_decay, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, zero), indicator_ne(h.beta1, zero)};
  }

  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    optim::with_flags(fn, f.any_momentum, f.first, f.nesterov, f.any_weight_decay);
  }

  template <bool kAnyMomentum, bool kFirst, bool kNesterov, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store;
    V d = g;
    if constexpr (kAnyWeightDecay) d = with_weight_decay(d, p, c[kWeightDecay], c[kWeightDecayOn]);
    if constexpr (kAnyMomentum) {
      V b = d;
      if constexpr (!kFirst) b = load<V>(slot[0] + i) * c[kMomentum] + c[kOneMinusDampening] * d;
      store(slot[0] + i, b);
      V with_momentum = b;
      if constexpr (kNesterov) with_momentum = d + c[kMomentum] * b;
      d = select_eq(c[kMomentumOn], simd::broadcast<V>(1.0f), with_momentum, d);
    }
    return p + c[kNegLr] * d;
  }
};

struct MomentumLanes {
  static constexpr int kSlots = 1;
  enum : size_t { kBeta, kOneMinusBeta, kNegLr, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    return {s.beta1, lane_const<W>(1.0) - s.beta1, lane_const<W>(-1.0) * s.lr};
  }

  template <class F>
  static void dispatch(const LaneFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store;
    V m = load<V>(slot[0] + i) * c[kBeta] + c[kOneMinusBeta] * g;
    store(slot[0] + i, m);
    return p + c[kNegLr] * m;
  }
};

struct NagLanes {
  static constexpr int kSlots = 1;
  enum : size_t { kMu, kLr, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    return {s.beta1, s.lr};
  }

  template <class F>
  static void dispatch(const LaneFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store;
    V v = c[kMu] * load<V>(slot[0] + i) - c[kLr] * g;
    store(slot[0] + i, v);
    return p + v;
  }

  // φ = θ + μ·v, where the next gradient is evaluated (nag::lookahead), with mu = T(μ_{t+1}).
  template <class V, class T>
  static V lookahead(V mu, V p, T* const* slot, size_t i) {
    return p + mu * simd::load<V>(slot[0] + i);
  }
};

}  // namespace gs::sweep
