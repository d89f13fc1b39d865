// Lane kernels of the Adam family (optim/kernels/adam.hpp, adamax.hpp, nadam.hpp, radam.hpp, one
// run per lane):
// adam (Kingma & Ba 2015, Algorithm 1, as torch.optim.Adam 1.13) and adamw (Loshchilov & Hutter 2019):
//   θ = θ·(1 − α·λ) (adamw);  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  v̂max = max(v̂max, v) (amsgrad)
//   θ = θ − (α/(1−β1^t))·m/(√v·(1/√(1−β2^t)) + ε)
// adamax (Algorithm 2, torch's ε inside the max): u = max(β2·u, |g| + ε);  θ = θ − (α/(1−β1^t))·m/u (0 where u = 0)
// nadam (Dozat 2016, corrected μ-product rule): θ = θ + s1·g/denom + s2·m/denom, denom = √v/√(1−β2^t) + ε
// radam (Liu et al. 2020): m̂ = m/(1−β1^t);  θ = θ − m̂·lr·(√(1−β2^t)/(√v + ε))·r_t where ρ_t > 5,
//   else θ = θ − m̂·lr (per lane: each lane rectifies from its own step on)
#pragma once

#include "sweep/lane_kernel.hpp"

namespace gs::sweep {

struct AdamLanes {
  static constexpr int kSlots = 3;
  enum : size_t {
    kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kEps, kWeightDecay, kDecay, kNegStepSize, kInvBc2Sqrt,
    kWeightDecayOn, kCount
  };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1, one - s.beta1, s.beta2, one - s.beta2, s.eps, s.weight_decay, s.decay,
            lane_const<W>(-1.0) * s.step_size, one / s.bc2_sqrt, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  // adamw decays θ (decoupled) instead of adding λθ to the gradient: a lane with λ = 0 multiplies by 1.
  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    const bool decoupled = f.kind == optim::Kind::Adamw && f.any_weight_decay;
    const bool coupled = f.kind == optim::Kind::Adam && f.any_weight_decay;
    optim::with_flags(fn, f.amsgrad, decoupled, coupled);
  }

  template <bool kAmsgrad, bool kDecoupled, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store, simd::sqrt, simd::max;
    if constexpr (kDecoupled) p = p * c[kDecay];
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    V v = load<V>(slot[1] + i) * c[kBeta2] + c[kOneMinusBeta2] * grad * grad;
    store(slot[0] + i, m);
    store(slot[1] + i, v);
    V second = v;
    if constexpr (kAmsgrad) {
      second = max(load<V>(slot[2] + i), v);
      store(slot[2] + i, second);
    }
    V denom = sqrt(second) * c[kInvBc2Sqrt] + c[kEps];
    return p + c[kNegStepSize] * m / denom;
  }
};

struct AdamaxLanes {
  static constexpr int kSlots = 2;
  enum : size_t { kBeta1, kBeta2, kEps, kOneMinusBeta1, kWeightDecay, kNegClr, kWeightDecayOn, kCount };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    return {s.beta1,        s.beta2, s.eps, lane_const<W>(1.0) - s.beta1, s.weight_decay,
            lane_const<W>(-1.0) * s.step_size, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <class F>
  static void dispatch(const LaneFlags& f, F&& fn) {
    optim::with_flags(fn, f.any_weight_decay);
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    using simd::load, simd::store, simd::max;
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    V u = max(load<V>(slot[1] + i) * c[kBeta2], abs(grad) + c[kEps]);
    store(slot[0] + i, m);
    store(slot[1] + i, u);
    V updated = p + c[kNegClr] * m / u;
    return select_eq(u, simd::broadcast<V>(0.0f), p, updated);
  }
};

struct NadamLanes {
  static constexpr int kSlots = 2;
  enum : size_t {
    kBeta1, kBeta2, kEps, kOneMinusBeta1, kOneMinusBeta2, kWeightDecay, kInvBc2Sqrt, kGradStep, kAvgStep,
    kWeightDecayOn, kCount
  };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1,      s.beta2,          s.eps,        one - s.beta1, one - s.beta2, s.weight_decay,
            one / s.bc2_sqrt, s.step_size, s.step_size2, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
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
    V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    V v = load<V>(slot[1] + i) * c[kBeta2] + c[kOneMinusBeta2] * grad * grad;
    store(slot[0] + i, m);
    store(slot[1] + i, v);
    V denom = sqrt(v) * c[kInvBc2Sqrt] + c[kEps];
    p = p + c[kGradStep] * grad / denom;
    return p + c[kAvgStep] * m / denom;
  }
};

struct RadamLanes {
  static constexpr int kSlots = 2;
  enum : size_t {
    kBeta1, kBeta2, kEps, kOneMinusBeta1, kOneMinusBeta2, kWeightDecay, kBiasCorrection1, kLr, kBc2Sqrt, kRect,
    kRectified, kWeightDecayOn, kCount
  };

  template <class W>
  static std::array<W, kCount> coefficients(const optim::ScalarLanes<W>& s, const optim::HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1, s.beta2,   s.eps,  one - s.beta1, one - s.beta2, s.weight_decay, s.step_size,
            s.lr,    s.bc2_sqrt, s.rect, indicator_lt(lane_const<W>(optim::kRadamRectified), s.rho_t),
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
    V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    V v = load<V>(slot[1] + i) * c[kBeta2] + c[kOneMinusBeta2] * grad * grad;
    store(slot[0] + i, m);
    store(slot[1] + i, v);
    V corrected = m / c[kBiasCorrection1];
    V adaptive_lr = c[kBc2Sqrt] / (sqrt(v) + c[kEps]);
    V rectified = p - corrected * c[kLr] * adaptive_lr * c[kRect];
    return select_eq(c[kRectified], simd::broadcast<V>(1.0f), rectified, p - corrected * c[kLr]);
  }
};

}  // namespace gs::sweep
