// Lane kernels of the per-coordinate adaptive methods before Adam (optim/kernels/adaptive.hpp,
// as torch.optim 1.13 computes them, one run per lane):
// adagrad (Duchi, Hazan & Singer 2011): g = g + λθ;  s = s + g²;  θ = θ − clr·g/(√s + ε)
// rmsprop (Tieleman & Hinton 2012; centered: Graves 2013): a = α·a + (1−α)·g²;
//   d = √(a − ḡ²) + ε (centered, ḡ = α·ḡ + (1−α)·g) or √a + ε;  momentum μ > 0: b = μ·b + g/d, θ = θ − lr·b;
//   else θ = θ − lr·g/d (per lane: a lane with μ = 0 takes the second form)
// adadelta (Zeiler 2012): a = ρ·a + (1−ρ)·g²;  δ = √(u + ε)/√(a + ε)·g;  u = ρ·u + (1−ρ)·δ²;  θ = θ − lr·δ
#pragma once

#include "sweep/lane_kernel.hpp"

namespace gs::sweep {

struct AdagradLanes {
  static constexpr int kSlots = 1;
  enum : size_t { kWeightDecay, kNegClr, kEps, kWeightDecayOn, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    return {s.weight_decay, lane_const<W>(-1.0) * s.step_size, s.eps, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    optim::with_flags(fn, f.any_weight_decay);
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store, simd::sqrt;
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V si = load<V>(slot[0] + i) + grad * grad;
    store(slot[0] + i, si);
    return p + c[kNegClr] * grad / (sqrt(si) + c[kEps]);
  }
};

struct RmspropLanes {
  static constexpr int kSlots = 3;
  enum : size_t { kAlpha, kOneMinusAlpha, kEps, kWeightDecay, kMomentum, kNegLr, kWeightDecayOn, kMomentumOn, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>& h) {
    const W zero = lane_const<W>(0.0), one = lane_const<W>(1.0);
    return {s.beta2,  one - s.beta2, s.eps, s.weight_decay, s.beta1, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, zero), indicator_lt(zero, h.beta1)};
  }

  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    optim::with_flags(fn, f.centered, f.any_momentum, f.any_weight_decay);
  }

  template <bool kCentered, bool kAnyMomentum, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store, simd::sqrt;
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V sa = load<V>(slot[0] + i) * c[kAlpha] + c[kOneMinusAlpha] * grad * grad;
    store(slot[0] + i, sa);
    V avg;
    if constexpr (kCentered) {
      V ga = load<V>(slot[1] + i) * c[kAlpha] + c[kOneMinusAlpha] * grad;
      store(slot[1] + i, ga);
      avg = sqrt(sa + simd::broadcast<V>(-1.0f) * ga * ga) + c[kEps];
    } else {
      avg = sqrt(sa) + c[kEps];
    }
    V plain = p + c[kNegLr] * grad / avg;
    if constexpr (kAnyMomentum) {
      V b = load<V>(slot[2] + i) * c[kMomentum] + grad / avg;
      store(slot[2] + i, b);
      return select_eq(c[kMomentumOn], simd::broadcast<V>(1.0f), p + c[kNegLr] * b, plain);
    } else {
      return plain;
    }
  }
};

struct AdadeltaLanes {
  static constexpr int kSlots = 2;
  enum : size_t { kRho, kOneMinusRho, kEps, kWeightDecay, kNegLr, kWeightDecayOn, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    return {s.beta2,   lane_const<W>(1.0) - s.beta2, s.eps, s.weight_decay, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    optim::with_flags(fn, f.any_weight_decay);
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store, simd::sqrt;
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V sa = load<V>(slot[0] + i) * c[kRho] + c[kOneMinusRho] * grad * grad;
    store(slot[0] + i, sa);
    V std_dev = sqrt(sa + c[kEps]);
    V acc = load<V>(slot[1] + i);
    V delta = sqrt(acc + c[kEps]) / std_dev * grad;
    store(slot[1] + i, acc * c[kRho] + c[kOneMinusRho] * delta * delta);
    return p + c[kNegLr] * delta;
  }
};

}  // namespace gs::sweep
