// Schedule-Free SGD: Defazio, Yang, Mehta, Mishchenko, Khaled & Cutkosky, "The Road Less Scheduled",
// NeurIPS 2024, its Schedule-Free SGD (y = (1−β)z + βx, z ← z − γ∇f(y), x ← (1−c)x + cz), as the official
// facebookresearch/schedule_free schedulefree/sgd_schedulefree.py (SGDScheduleFree.step, commit
// 70785b5, package 1.4.1) computes it; the NumPy port tests/fixtures/ports/schedulefree_sgd.py follows
// that file line for line. Per step (schedulefree.hpp has the scalars γ_t and c_t and the three points):
//   d = g + λ·y                          L2 weight decay at y (the gradient's point), when λ ≠ 0
//   y ← lerp(y, z, c_t) + γ_t·(β·(1 − c_t) − 1)·d;  z ← z − γ_t·d;  x = lerp(y, z, 1 − 1/β)
// Differs from the paper in what the code adds: the linear warmup, the weights t^r·γ_max^p of the
// average (the paper's c_{t+1} = 1/(t+1) is r = p = 0), and weight decay. β is the code's `momentum`.
// θ is y; the UI draws x and z from the slots. In the optimizer pack (all.hpp PackRules).
// State slots: z, x.
#pragma once

#include "optim/rules/schedulefree.hpp"

namespace gs::optim::rules {

struct SchedulefreeSgd : ScheduleFreeBase {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    std::vector<HyperInfo> hypers = {
        lr(1.0, "γ: step size of the SGD iterate z (before the warmup; the code's default 1)"),
        interpolation("momentum", &OptimizerSpec::momentum),
        weight_decay(0, "L2 penalty λ added to the gradient at y: g + λy")};
    for (const HyperInfo& h : schedule_hypers()) hypers.push_back(h);
    OptimizerInfo o{"schedulefree_sgd", "Schedule-Free SGD",
            "facebookresearch/schedule_free sgd_schedulefree.py (1.4.1); Defazio et al. 2024",
            "SGD without a learning-rate schedule: the gradient is taken at y, between the SGD iterate z and x, a "
            "running average of z (weighted by t^r·γ_max^p), which is the point to evaluate. θ is y.",
            R"(\begin{aligned}g_t &= \nabla f(y_{t-1})\\ z_t &= z_{t-1} - \gamma_t\,g_t\\ )"
            R"(c_t &= \frac{t^r\,\gamma_{\max,t}^{\,p}}{\sum_{i\le t} i^r\,\gamma_{\max,i}^{\,p}},\quad x_t = (1-c_t)\,x_{t-1} + c_t\,z_t\\ )"
            R"(y_t &= (1-\beta)\,z_t + \beta\,x_t\end{aligned})",
            hypers, false, "|z − x|", nullptr, true, 0.002, false, false, 18};
    o.companion_labels = kCompanionLabels;
    return o;
  }
  static constexpr int kSlots = 2;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) { h.beta1 = spec.momentum; }

  enum : size_t { kCount = kShared };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    return shared_coefficients<kCount>(s, h);
  }

  // kFirst: the step that sets z = y. β > 0, so RuleFlags::first (momentum on, not yet started) marks
  // the first step in a run as in a batch.
  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.first, f.any_weight_decay);
  }

  template <bool kFirst, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V d = g;
    if constexpr (kAnyWeightDecay) d = with_weight_decay(d, p, c[kWeightDecay], c[kWeightDecayOn]);
    return step<kFirst>(c, p, d, slot, i);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* z = state[kSlotZ];
    T* x = state[kSlotX];
    const T weight_decay = T(s.weight_decay);
    for (size_t i = 0; i < n; ++i) {
      T d = g[i];
      if (s.weight_decay != 0) d = d + weight_decay * p[i];
      p[i] = reference_step(s, p[i], d, z + i, x + i);
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {z_minus_x(r, slot), nan_moment()};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\gamma)");
    r.line(R"(g_t &= \nabla f(y_{t-1}))");
    if (spec.weight_decay != 0) r.line(R"(g_t &\leftarrow g_t + \lambda\,y_{t-1})");
    return latex_tail(spec, r, R"(\beta)", "g_t");
  }
};

}  // namespace gs::optim::rules
