// Schedule-Free AdamW: Defazio, Yang, Mehta, Mishchenko, Khaled & Cutkosky, "The Road Less Scheduled",
// NeurIPS 2024, Algorithm 1, as the official facebookresearch/schedule_free
// schedulefree/adamw_schedulefree.py (AdamWScheduleFree.step, commit 70785b5, package 1.4.1) computes
// it; the NumPy port tests/fixtures/ports/schedulefree_adamw.py follows that file line for line. Per step
// (schedulefree.hpp has the scalars γ_t and c_t and the three points):
//   v = β2·v + (1−β2)·g²;  d = g/(√(v/(1−β2^t)) + ε)
//   d = d + λ·y                          weight decay at y, on the normalised step, when λ ≠ 0
//   y ← lerp(y, z, c_t) + γ_t·(β1·(1 − c_t) − 1)·d;  z ← z − γ_t·d;  x = lerp(y, z, 1 − 1/β1)
// The code divides v by 1 − β2^t inside the root and leaves γ unscaled (before its commit 59ed9b6, Nov
// 2024, γ and γ_max carried √(1 − β2^t) instead). β2^t is a running product (RunningLanes::beta2_pow)
// where the code takes beta2 ** (k+1); they differ by rounding only. Differs from the paper's Algorithm 1
// in what the code adds: the weights t^r·γ_max^p of the average (Algorithm 1 is r = 0, p = 2) and the
// linear warmup as a hyperparameter.
// Left out: the code's inner_momentum (an EMA of g inside the step, commit 43e5c2d), which the port
// carries with default 0 = off and no case uses. It needs a fourth slot and its own power of
// inner_momentum, and with 0 the step is the one here; so the config has no such key (the port JSON's
// defaults list it, its cases never set it).
// θ is y; the UI draws x and z from the slots. In the optimizer pack (all.hpp PackRules).
// State slots: z, x, exp_avg_sq.
#pragma once

#include "optim/rules/schedulefree.hpp"

namespace gs::optim::rules {

struct SchedulefreeAdamw : ScheduleFreeBase {
  struct Scalar {
    enum : size_t { ckp1, bias_correction2 };  // ScalarLanes::own: the base's c_t, then 1 − β2^t
  };
  enum : int { kSlotExpAvgSq = kSlotX + 1 };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    std::vector<HyperInfo> hypers = {
        lr(0.0025, "γ: step size of the iterate z (before the warmup)"), interpolation("beta1", &OptimizerSpec::beta1),
        beta2(0.999), eps(1e-8),
        weight_decay(0, "weight decay λ at y, added to the normalised step: d + λy")};
    for (const HyperInfo& h : schedule_hypers()) hypers.push_back(h);
    OptimizerInfo o{"schedulefree_adamw", "Schedule-Free AdamW",
            "facebookresearch/schedule_free adamw_schedulefree.py (1.4.1); Defazio et al. 2024, Algorithm 1",
            "AdamW without a learning-rate schedule: Adam's normalised step moves z, the gradient is taken at y, "
            "between z and x, a running average of z (weighted by t^r·γ_max^p), which is the point to evaluate. "
            "θ is y.",
            R"(\begin{aligned}g_t &= \nabla f(y_{t-1}),\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
            R"(z_t &= z_{t-1} - \gamma_t\big(g_t/(\sqrt{v_t/(1-\beta_2^t)}+\epsilon) + \lambda\,y_{t-1}\big)\\ )"
            R"(c_t &= \frac{t^r\,\gamma_{\max,t}^{\,p}}{\sum_{i\le t} i^r\,\gamma_{\max,i}^{\,p}},\quad x_t = (1-c_t)\,x_{t-1} + c_t\,z_t\\ )"
            R"(y_t &= (1-\beta_1)\,z_t + \beta_1\,x_t\end{aligned})",
            hypers, false, "|z − x|", "√v̂", true, 0.05, false, false, 19};
    o.companion_labels = kCompanionLabels;
    return o;
  }
  static constexpr int kSlots = 3;
  static constexpr bool kBiasPowers = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    ScheduleFreeBase::scalars(s, h, r, shared);
    s.own[Scalar::bias_correction2] = broadcast<L>(1.0) - r.beta2_pow;
  }

  enum : size_t { kBeta2 = kShared, kOneMinusBeta2, kBiasCorrection2, kEps, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    std::array<W, kCount> c = shared_coefficients<kCount>(s, h);
    c[kBeta2] = h.beta2;
    c[kOneMinusBeta2] = lane_const<W>(1.0) - h.beta2;
    c[kBiasCorrection2] = s.own[Scalar::bias_correction2];
    c[kEps] = s.eps;
    return c;
  }

  // kFirst: the step that sets z = y. β1 > 0, so RuleFlags::first (momentum on, not yet started) marks
  // the first step in a run as in a batch.
  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.first, f.any_weight_decay);
  }

  template <bool kFirst, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V v = load<V>(slot[kSlotExpAvgSq] + i) * c[kBeta2] + c[kOneMinusBeta2] * g * g;
    store(slot[kSlotExpAvgSq] + i, v);
    V d = g / (sqrt(v / c[kBiasCorrection2]) + c[kEps]);
    if constexpr (kAnyWeightDecay) d = with_weight_decay(d, p, c[kWeightDecay], c[kWeightDecayOn]);
    return step<kFirst>(c, p, d, slot, i);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* z = state[kSlotZ];
    T* x = state[kSlotX];
    T* exp_avg_sq = state[kSlotExpAvgSq];
    const T beta2 = T(s.hyper.beta2), one_minus_beta2 = T(1 - s.hyper.beta2), eps = T(s.eps);
    const T bias_correction2 = T(s.own[Scalar::bias_correction2]), weight_decay = T(s.weight_decay);
    for (size_t i = 0; i < n; ++i) {
      exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * g[i] * g[i];
      T d = g[i] / (std::sqrt(exp_avg_sq[i] / bias_correction2) + eps);
      if (s.weight_decay != 0) d = d + weight_decay * p[i];
      p[i] = reference_step(s, p[i], d, z + i, x + i);
    }
  }

  // z − x, and v̂ = v/(1 − β2^t), of which the UI plots the root.
  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {z_minus_x(r, slot), slot[kSlotExpAvgSq] / (1 - r.beta2_pow)};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\gamma)");
    r.line(R"(g_t &= \nabla f(y_{t-1}),\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2)");
    const std::string decay = spec.weight_decay != 0 ? R"( + \lambda\,y_{t-1})" : "";
    r.line(R"(d_t &= g_t\big/\big(\sqrt{v_t/(1-\beta_2^t)}+\epsilon\big))" + decay);
    return latex_tail(spec, r, R"(\beta_1)", "d_t");
  }
};

}  // namespace gs::optim::rules
