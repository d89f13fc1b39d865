// Adam: Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1:
//   m_t = β1·m + (1−β1)·g;  v_t = β2·v + (1−β2)·g²;  θ −= α·m̂/(√v̂ + ε), m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)
// computed as torch.optim.Adam 1.13 (_single_tensor_adam) does:
//   denom = √v/√(1−β2^t) + ε;  θ −= (α/(1−β1^t))·m/denom
// except that √v is multiplied by 1/√(1−β2^t) instead of divided and the step size is
// α·(1/(1−β1^t)) (each ≤ 1 ulp from torch, well inside the torch parity test's 1e-9; the
// reciprocal depends on t and β1 only, so a sweep computes it once per step for runs that differ
// in lr alone), with L2 weight decay folded into g when it is not 0 (as torch), AMSGrad (Reddi,
// Kale & Kumar, ICLR 2018: v_max = max(v_max, v)), and the paper form `bias_correction: false`
// (both corrections 1).
// State slots: exp_avg, exp_avg_sq, max_exp_avg_sq.
#pragma once

#include "optim/rules/adam_family.hpp"

namespace gs::optim::rules {

struct Adam : AdamFamily {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"adam", "Adam", "torch.optim.Adam (1.13); Kingma & Ba 2015, Algorithm 1",
            "Adaptive moment estimation: bias-corrected moving averages of the gradient and its square.",
            R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
            R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \hat v_t = v_t/(1-\beta_2^t)\\ \theta_t &= \theta_{t-1} - \alpha\,\hat m_t/(\sqrt{\hat v_t}+\epsilon)\end{aligned})",
            {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay(), amsgrad(),
             bias_correction()},
            true, "|m̂|", "√v̂", true, 0.05, true, true, 1};
  }
  static constexpr int kSlots = 3;

  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>&, RunningLanes<L>& r, const StepShared& shared) {
    const L one = broadcast<L>(1.0);
    const L bc1 = shared.bias_correction ? one - r.beta1_pow : one;
    const L bc2 = shared.bias_correction ? one - r.beta2_pow : one;
    s.step_size = s.lr * (one / bc1);
    s.bc2_sqrt = sqrt(bc2);
  }

  enum : size_t {
    kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kEps, kWeightDecay, kDecay, kNegStepSize, kInvBc2Sqrt,
    kWeightDecayOn, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1, one - s.beta1, s.beta2, one - s.beta2, s.eps, s.weight_decay, s.decay,
            lane_const<W>(-1.0) * s.step_size, one / s.bc2_sqrt, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  // Adam adds λθ to the gradient (coupled); AdamW decays θ instead (adamw.hpp).
  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.amsgrad, false, f.any_weight_decay);
  }

  template <bool kAmsgrad, bool kDecoupled, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    if constexpr (kDecoupled) p = p * c[kDecay];
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m, v;
    adam_moments(grad, c[kBeta1], c[kOneMinusBeta1], c[kBeta2], c[kOneMinusBeta2], slot, i, m, v);
    V second = v;
    if constexpr (kAmsgrad) {
      second = max(load<V>(slot[2] + i), v);
      store(slot[2] + i, second);
    }
    V denom = sqrt(second) * c[kInvBc2Sqrt] + c[kEps];
    return p + c[kNegStepSize] * m / denom;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
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
      if (s.flags.amsgrad) {
        max_exp_avg_sq[i] = max_exp_avg_sq[i] < exp_avg_sq[i] ? exp_avg_sq[i] : max_exp_avg_sq[i];
        second = max_exp_avg_sq[i];
      }
      T denom = std::sqrt(second) * inv_bc2_sqrt + eps;
      p[i] = p[i] + neg_step_size * exp_avg[i] / denom;
    }
  }

  // m̂ and v̂ as the step used them (AMSGrad: the running maximum).
  static Moments moments(const OptimizerSpec& spec, const RunningScalars& r, const double* slot) {
    const double bc1 = spec.bias_correction ? 1 - r.beta1_pow : 1;
    const double bc2 = spec.bias_correction ? 1 - r.beta2_pow : 1;
    return {slot[0] / bc1, (spec.amsgrad ? slot[2] : slot[1]) / bc2};
  }

  static std::string latex(const OptimizerSpec& spec) { return adam_latex(spec, false); }
};

}  // namespace gs::optim::rules
