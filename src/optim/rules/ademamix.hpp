// AdEMAMix: Pagliardini, Ablin & Grangier, "The AdEMAMix Optimizer: Better, Faster, Older",
// arXiv:2409.03137 (2024), Algorithm 1, as the official apple/ml-ademamix pytorch/ademamix.py
// (AdEMAMix.step with its schedulers linear_warmup_scheduler and linear_hl_warmup_scheduler) computes
// it (the NumPy port tests/fixtures/ports/ademamix.py follows that file line for line):
//   m1 = β1·m1 + (1−β1)·g   (β1 = 0: no fast EMA, m1 = g);  m2 = β3,t·m2 + (1−β3,t)·g
//   v = β2·v + ((1−β2)·g)·g;  denom = √v/√(1−β2^t) + ε
//   u = (m1/(1−β1^t) + α_t·m2)/denom + λ·θ;  θ = θ + (−η)·u
// Only m1 and v are bias-corrected; λ joins the normalised update (so it is scaled by η alone).
// While t < alpha_warmup, α_t = (1 − a)·0 + a·α with a = t/alpha_warmup; while t < beta3_warmup,
// β3,t = f⁻¹((1 − a)·f(β1) + a·f(β3)) with a = t/beta3_warmup, the half-life f(β) = ln 0.5/ln(β + 1e-8) − 1
// (the reference's own 1e-8) and f⁻¹(h) = 0.5^(1/(h + 1)); from t = warmup on, α and β3 themselves.
// A warmup of 0 is the reference's None (no scheduler): t ≥ 1 is never below it. The paper's
// Algorithm 1 is this update, its weight decay η·λ·θ; the repository's Optax version (0-based count,
// no 1e-8 in f, default α 5) is not followed. β1^t and β2^t are det_pow(β, t) each step, as the
// reference's `**` (a running product drifts by up to t/2 ulp, which the port's sensitive quadratic
// cases amplify to 7e-13).
// State slots: exp_avg_fast (m1), exp_avg_slow (m2), exp_avg_sq (v).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Ademamix : RuleBase {
  struct Own {
    enum : int { beta3, alpha, alpha_warmup, beta3_warmup };  // OptimizerSpec::own, HyperLanes::own
  };
  struct Scalar {
    enum : size_t { bc1, alpha, beta3 };  // ScalarLanes::own: 1 − β1^t, α_t, β3,t
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    HyperInfo b1 = beta1(0.9);
    b1.description = "β1: decay rate of the fast EMA m₁ (0: no fast EMA, m₁ = g)";
    return {"ademamix", "AdEMAMix", "apple/ml-ademamix pytorch/ademamix.py; Pagliardini et al. 2024, Algorithm 1",
            "Adam with a second, much slower EMA of the gradient added to the numerator: α·m₂ remembers gradients "
            "from tens of thousands of steps ago (β₃ = 0.9999) while the fast bias-corrected EMA reacts. Optional "
            "warmups ramp α up linearly and β₃ up from β₁ in half-life.",
            R"(\begin{aligned}m_{1,t} &= \beta_1 m_{1,t-1} + (1-\beta_1)\,g_t,\quad m_{2,t} = \beta_3 m_{2,t-1} + (1-\beta_3)\,g_t\\ )"
            R"(v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
            R"(\theta_t &= \theta_{t-1} - \eta\Big(\frac{m_{1,t}/(1-\beta_1^t) + \alpha\, m_{2,t}}{\sqrt{v_t/(1-\beta_2^t)}+\epsilon} + \lambda\theta_{t-1}\Big)\end{aligned})",
            {lr(1e-3, "step size η (before the schedule)"), b1, beta2(0.999),
             own("beta3", Own::beta3, ParamType::Real, 0.9999, kUnitOpen, 0.9, 0.99999, "log1m",
                 "β3: decay rate of the slow EMA m₂ (never bias-corrected)"),
             own("alpha", Own::alpha, ParamType::Real, 2.0, Range{0, 1e3}, 0, 10, "linear",
                 "α: weight of the slow EMA m₂ in the update"),
             eps(1e-8, "ε added to √(v/(1 − β2ᵗ))"),
             weight_decay(0, "weight decay λ added to the normalised update: θ − η(u + λθ)"),
             own("alpha_warmup", Own::alpha_warmup, ParamType::Integer, 0, Range{0, 1e7}, 0, 1000, "linear",
                 "steps over which α ramps up linearly from 0 (0: no warmup, the reference's None)"),
             own("beta3_warmup", Own::beta3_warmup, ParamType::Integer, 0, Range{0, 1e7}, 0, 1000, "linear",
                 "steps over which β3 ramps up from β1, linearly in half-life (0: no warmup, the reference's None)")},
            false, "|m̂₁ + αm₂|", "√v̂", true, 0.05, false, false, 17};
  }
  static constexpr int kSlots = 3;

  // The reference's linear_warmup_scheduler(t, alpha, 0, warmup): (1 − a)·0 + a·α with a = t/warmup
  // while t < warmup. a = t/max(warmup, t) is exactly 1 from t = warmup on (warmup 0 included),
  // where the same expression is α exactly, so no run needs a branch.
  template <class L>
  static L warmed_alpha(L alpha, L warmup, L t) {
    const L a = t / max(warmup, t);
    return (broadcast<L>(1.0) - a) * broadcast<L>(0.0) + a * alpha;
  }
  // The reference's half-life f(β) = ln 0.5/ln(β + 1e-8) − 1 and its inverse 0.5^(1/(h + 1)).
  template <class L>
  static L half_life(L beta) {
    return det_log(broadcast<L>(0.5)) / det_log(beta + broadcast<L>(1e-8)) - broadcast<L>(1.0);
  }
  template <class L>
  static L from_half_life(L h) {
    return det_pow(broadcast<L>(0.5), broadcast<L>(1.0) / (h + broadcast<L>(1.0)));
  }
  // The reference's linear_hl_warmup_scheduler(t, beta3, beta1, warmup) while t < warmup, else β3.
  // warming is 1 or 0, so warming·x + (1 − warming)·y is x or y exactly when both are finite (the
  // sweep's dependency tracer has no select). When not warming, both betas are replaced by 0.5, which
  // keeps the unused interpolation finite whatever β1 and β3 are.
  template <class L>
  static L warmed_beta3(L beta1, L beta3, L warmup, L t) {
    const L one = broadcast<L>(1.0), half = broadcast<L>(0.5);
    const L warming = indicator_lt(t, warmup);
    const L steady = one - warming;
    const L a = t / max(warmup, t);
    const L start = warming * beta1 + steady * half, end = warming * beta3 + steady * half;
    const L interpolated = from_half_life((one - a) * half_life(start) + a * half_life(end));
    return warming * interpolated + steady * beta3;
  }

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared& shared) {
    const L one = broadcast<L>(1.0);
    const L t = step_constant<L>(static_cast<double>(shared.t));
    s.own[Scalar::bc1] = one - det_pow(h.beta1, t);
    s.bc2_sqrt = sqrt(one - det_pow(h.beta2, t));
    s.own[Scalar::alpha] = warmed_alpha(h.own[Own::alpha], h.own[Own::alpha_warmup], t);
    s.own[Scalar::beta3] = warmed_beta3(h.beta1, h.own[Own::beta3], h.own[Own::beta3_warmup], t);
  }

  enum : size_t {
    kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kBeta3, kOneMinusBeta3, kBc1, kBc2Sqrt, kAlpha, kEps,
    kWeightDecay, kNegLr, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0);
    return {h.beta1,
            one - h.beta1,
            h.beta2,
            one - h.beta2,
            s.own[Scalar::beta3],
            one - s.own[Scalar::beta3],
            s.own[Scalar::bc1],
            s.bc2_sqrt,
            s.own[Scalar::alpha],
            s.eps,
            s.weight_decay,
            lane_const<W>(-1.0) * s.lr};
  }

  // β1 = 0 takes the gradient for the fast EMA (the reference keeps none) and weight decay 0 adds
  // nothing, each resolved per run against its coefficient's 0.
  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V zero = broadcast<V>(0.0f);
    const V ema = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * g;
    const V slow = load<V>(slot[1] + i) * c[kBeta3] + c[kOneMinusBeta3] * g;
    const V v = load<V>(slot[2] + i) * c[kBeta2] + (c[kOneMinusBeta2] * g) * g;
    store(slot[0] + i, ema);
    store(slot[1] + i, slow);
    store(slot[2] + i, v);
    const V fast = select_eq(c[kBeta1], zero, g, ema);
    const V denom = sqrt(v) / c[kBc2Sqrt] + c[kEps];
    V u = (fast / c[kBc1] + c[kAlpha] * slow) / denom;
    if constexpr (kAnyWeightDecay) u = select_eq(c[kWeightDecay], zero, u, u + c[kWeightDecay] * p);
    return p + c[kNegLr] * u;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg_fast = state[0];
    T* exp_avg_slow = state[1];
    T* exp_avg_sq = state[2];
    const T beta1 = T(s.hyper.beta1), beta2 = T(s.hyper.beta2), beta3 = T(s.own[Scalar::beta3]);
    const T one_minus_beta1 = T(1 - s.hyper.beta1), one_minus_beta2 = T(1 - s.hyper.beta2);
    const T one_minus_beta3 = T(1 - s.own[Scalar::beta3]);
    const T bc1 = T(s.own[Scalar::bc1]), bc2_sqrt = T(s.bc2_sqrt), alpha = T(s.own[Scalar::alpha]);
    const T eps = T(s.eps), weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
    for (size_t i = 0; i < n; ++i) {
      exp_avg_fast[i] = exp_avg_fast[i] * beta1 + one_minus_beta1 * g[i];
      exp_avg_slow[i] = exp_avg_slow[i] * beta3 + one_minus_beta3 * g[i];
      exp_avg_sq[i] = exp_avg_sq[i] * beta2 + (one_minus_beta2 * g[i]) * g[i];
      const T fast = beta1 == 0 ? g[i] : exp_avg_fast[i];
      const T denom = std::sqrt(exp_avg_sq[i]) / bc2_sqrt + eps;
      T update = (fast / bc1 + alpha * exp_avg_slow[i]) / denom;
      if (weight_decay != 0) update = update + weight_decay * p[i];
      p[i] = p[i] + neg_lr * update;
    }
  }

  // The numerator m̂1 + α_t·m2 the step divides, and v̂ = v/(1 − β2^t). With β1 = 0 slot 0 holds g
  // and 1 − β1^t is 1.
  static Moments moments(const OptimizerSpec& spec, const RunningScalars& r, const double* slot) {
    const double t = static_cast<double>(r.t);
    const double alpha = warmed_alpha<double>(spec.own[Own::alpha], spec.own[Own::alpha_warmup], t);
    return {slot[0] / (1 - det_pow(spec.beta1, t)) + alpha * slot[1], slot[2] / (1 - det_pow(spec.beta2, t))};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    const bool alpha_warmup = spec.own[Own::alpha_warmup] > 0, beta3_warmup = spec.own[Own::beta3_warmup] > 0;
    std::string alpha = R"(\alpha)", beta3 = R"(\beta_3)";
    if (alpha_warmup) {
      r.line(R"(\alpha_t &= \begin{cases} \alpha\, t/T_\alpha & t < T_\alpha\\ \alpha & \text{otherwise}\end{cases})");
      alpha = R"(\alpha_t)";
    }
    if (beta3_warmup) {
      r.line(R"(\beta_{3,t} &= \begin{cases} f^{-1}\big((1-a)\,f(\beta_1) + a\, f(\beta_3)\big),\ a = t/T_{\beta_3} & t < T_{\beta_3}\\ \beta_3 & \text{otherwise}\end{cases})");
      r.line(R"(f(\beta) &= \frac{\ln 0.5}{\ln(\beta + 10^{-8})} - 1,\quad f^{-1}(h) = 0.5^{1/(h+1)})");
      beta3 = R"(\beta_{3,t})";
    }
    std::string fast = R"(m_{1,t}/(1-\beta_1^t))";
    if (spec.beta1 == 0) {
      fast = "g_t";
    } else {
      r.line(R"(m_{1,t} &= \beta_1 m_{1,t-1} + (1-\beta_1)\,g_t)");
    }
    r.line(R"(m_{2,t} &= )" + beta3 + R"( m_{2,t-1} + (1-)" + beta3 + R"()\,g_t)")
        .line(R"(v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2)");
    const std::string step = R"(\frac{)" + fast + " + " + alpha + R"(\, m_{2,t}}{\sqrt{v_t/(1-\beta_2^t)}+\epsilon})";
    const std::string lhs = R"(\theta_t &= \theta_{t-1} - )" + r.lr();
    if (spec.weight_decay == 0) return r.line(lhs + R"(\,)" + step).str();
    return r.line(lhs + R"(\Big()" + step + R"( + \lambda\theta_{t-1}\Big))").str();
  }
};

}  // namespace gs::optim::rules
