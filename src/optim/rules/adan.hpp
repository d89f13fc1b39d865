// Adan: Xie, Zhou, Li, Lin & Yan, "Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing
// Deep Models", arXiv:2208.06677 (2022), IEEE TPAMI 2024, Algorithm 1, as the official sail-sg/Adan
// adan.py (_single_tensor_adan; the default _multi_tensor_adan does the same operations) computes it
// (the NumPy port tests/fixtures/ports/adan.py follows that file line for line):
//   Δ = g − g_prev (0 on the first step: the reference sets the previous gradient to g)
//   m = β1·m + (1−β1)·g;  d = β2·d + (1−β2)·Δ;  n = β3·n + ((1−β3)·(Δ·β2 + g))·(Δ·β2 + g)
//   denom = √n/√(1−β3^t) + ε
//   θ = θ + (−η/(1−β1^t)·m)/denom;  θ = θ + (−η·β2/(1−β2^t)·d)/denom;  θ = θ/(1 + ηλ)
//   no_prox: θ·(1 − ηλ) before the two steps instead of the proximal division after them.
// The betas are the CODE's: the paper's β1, β2, β3 are the code's 1 − β1, 1 − β2, 1 − β3 (the code's
// defaults 0.98, 0.92, 0.99 are the paper's 0.02, 0.08, 0.01). The code also differs from Algorithm 1 in
// starting m, d, n at 0 with bias corrections (the paper starts them from g_0 and corrects nothing)
// and leaves out the optional restart. Its max_grad_norm (gradient clipping by the global norm, off by
// default) is left out: the clip factor needs the whole gradient vector, which an element-wise rule
// does not see. β1^t, β2^t and β3^t are det_pow(β, t) each step, as the reference's `**` (a running
// product drifts by up to t/2 ulp, which the sensitive quadratic cases of the port amplify to 7e-13).
// State slots: exp_avg (m), exp_avg_sq (n), exp_avg_diff (d), pre_grad (the previous gradient).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Adan : RuleBase {
  struct Own {
    enum : int { beta3, no_prox };  // OptimizerSpec::own (beta3 also HyperLanes::own)
  };
  struct Scalar {
    // ScalarLanes::own: √(1 − β3^t); the step size of d, η·β2/(1 − β2^t); 1 on the first step, else 0
    enum : size_t { bc3_sqrt, step_size_diff, first_step };
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    HyperInfo b1 = beta1(0.98);
    b1.slider_min = 0.5;
    b1.scale = "log1m";
    b1.description = "β1 (the code's; the paper's 1 − β1): decay rate of the gradient average m";
    HyperInfo b2 = beta2(0.92);
    b2.slider_max = 0.999;
    b2.description = "β2 (the code's; the paper's 1 − β2): decay rate of the average d of gradient differences, "
                     "and the weight of the difference in n's Nesterov gradient g + β2(g − g_prev)";
    return {"adan", "Adan", "sail-sg/Adan adan.py; Xie et al. 2022 (TPAMI 2024), Algorithm 1",
            "Adaptive Nesterov momentum: averages of the gradient and of its change, and a second moment of the "
            "Nesterov-extrapolated gradient g + β₂(g − g_prev). The betas follow the code (the paper's β is 1 − β). "
            "Weight decay is proximal, θ/(1 + ηλ) after the step, unless no_prox. The reference's gradient "
            "clipping (max_grad_norm, off by default) needs the whole gradient and is not offered.",
            R"(\begin{aligned}\Delta_t &= g_t - g_{t-1}\quad (\Delta_1 = 0)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ )"
            R"(d_t &= \beta_2 d_{t-1} + (1-\beta_2)\,\Delta_t\\ n_t &= \beta_3 n_{t-1} + (1-\beta_3)\,(g_t + \beta_2\Delta_t)^2\\ )"
            R"(\theta_t &= \Big(\theta_{t-1} - \eta\,\frac{m_t/(1-\beta_1^t) + \beta_2\, d_t/(1-\beta_2^t)}{\sqrt{n_t/(1-\beta_3^t)}+\epsilon}\Big)\Big/(1+\eta\lambda)\end{aligned})",
            {lr(1e-3, "step size η (before the schedule)"), b1, b2,
             own("beta3", Own::beta3, ParamType::Real, 0.99, kUnitOpen, 0.5, 0.9999, "log1m",
                 "β3 (the code's; the paper's 1 − β3): decay rate of the second moment n"),
             eps(1e-8, "ε added to √(n/(1 − β3ᵗ))"),
             weight_decay(0, "weight decay λ: θ/(1 + ηλ) after the step (proximal), or θ(1 − ηλ) before it with no_prox"),
             own_flag("no_prox", Own::no_prox, false,
                      "decay θ by (1 − ηλ) before the step instead of dividing by (1 + ηλ) after it")},
            false, "|m̂ + β₂d̂|", "√n̂", true, 0.02, false, false, 16};
  }
  static constexpr int kSlots = 4;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared& shared) {
    const L one = broadcast<L>(1.0);
    const L t = step_constant<L>(static_cast<double>(shared.t));
    s.step_size = s.lr / (one - det_pow(h.beta1, t));
    s.own[Scalar::step_size_diff] = s.lr * h.beta2 / (one - det_pow(h.beta2, t));
    s.own[Scalar::bc3_sqrt] = sqrt(one - det_pow(h.own[Own::beta3], t));
    s.own[Scalar::first_step] = step_constant<L>(shared.t == 1 ? 1.0 : 0.0);
    // The weight-decay factor of the run's form: no_prox is 1 or 0 (the same for every run), so one
    // term is 0·(a finite value) and the other is the factor exactly.
    const L shrink = one - s.lr * h.weight_decay;  // no_prox: θ·(1 − ηλ)
    const L prox = one + s.lr * h.weight_decay;    // proximal: θ/(1 + ηλ)
    const L no_prox = h.own[Own::no_prox];
    s.decay = no_prox * shrink + (one - no_prox) * prox;
    s.weight_decay = broadcast<L>(0.0);
  }

  enum : size_t {
    kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kBeta3, kOneMinusBeta3, kBc3Sqrt, kEps, kNegStepSize,
    kNegStepSizeDiff, kDecay, kFirstStep, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0), minus_one = lane_const<W>(-1.0);
    return {h.beta1,
            one - h.beta1,
            h.beta2,
            one - h.beta2,
            h.own[Own::beta3],
            one - h.own[Own::beta3],
            s.own[Scalar::bc3_sqrt],
            s.eps,
            minus_one * s.step_size,
            minus_one * s.own[Scalar::step_size_diff],
            s.decay,
            s.own[Scalar::first_step]};
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.own[Own::no_prox], f.any_weight_decay);
  }

  // Step 1 takes g itself as the previous gradient (the reference's first pre_grad) through the
  // first_step coefficient, not RuleFlags::first, which the single-run engine ties to β1 > 0.
  template <bool kNoProx, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V pre_grad = select_eq(c[kFirstStep], broadcast<V>(1.0f), g, load<V>(slot[3] + i));
    const V diff_grad = g - pre_grad;
    const V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * g;
    const V d = load<V>(slot[2] + i) * c[kBeta2] + c[kOneMinusBeta2] * diff_grad;
    const V nesterov = diff_grad * c[kBeta2] + g;
    const V n = load<V>(slot[1] + i) * c[kBeta3] + (c[kOneMinusBeta3] * nesterov) * nesterov;
    store(slot[0] + i, m);
    store(slot[1] + i, n);
    store(slot[2] + i, d);
    store(slot[3] + i, g);
    const V denom = sqrt(n) / c[kBc3Sqrt] + c[kEps];
    if constexpr (kNoProx && kAnyWeightDecay) p = p * c[kDecay];
    p = p + (c[kNegStepSize] * m) / denom;
    p = p + (c[kNegStepSizeDiff] * d) / denom;
    if constexpr (!kNoProx && kAnyWeightDecay) p = p / c[kDecay];
    return p;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    T* exp_avg_sq = state[1];
    T* exp_avg_diff = state[2];
    T* pre_grad = state[3];
    const T beta1 = T(s.hyper.beta1), beta2 = T(s.hyper.beta2), beta3 = T(s.hyper.own[Own::beta3]);
    const T one_minus_beta1 = T(1 - s.hyper.beta1), one_minus_beta2 = T(1 - s.hyper.beta2);
    const T one_minus_beta3 = T(1 - s.hyper.own[Own::beta3]), bc3_sqrt = T(s.own[Scalar::bc3_sqrt]), eps = T(s.eps);
    const T neg_step_size = T(-s.step_size), neg_step_size_diff = T(-s.own[Scalar::step_size_diff]);
    const T decay = T(s.decay);
    const bool decays = s.flags.any_weight_decay, no_prox = s.flags.own[Own::no_prox];
    for (size_t i = 0; i < n; ++i) {
      if (s.t == 1) pre_grad[i] = g[i];
      const T diff_grad = g[i] - pre_grad[i];
      exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * g[i];
      exp_avg_diff[i] = exp_avg_diff[i] * beta2 + one_minus_beta2 * diff_grad;
      const T nesterov = diff_grad * beta2 + g[i];
      exp_avg_sq[i] = exp_avg_sq[i] * beta3 + (one_minus_beta3 * nesterov) * nesterov;
      pre_grad[i] = g[i];
      const T denom = std::sqrt(exp_avg_sq[i]) / bc3_sqrt + eps;
      if (decays && no_prox) p[i] = p[i] * decay;
      p[i] = p[i] + (neg_step_size * exp_avg[i]) / denom;
      p[i] = p[i] + (neg_step_size_diff * exp_avg_diff[i]) / denom;
      if (decays && !no_prox) p[i] = p[i] / decay;
    }
  }

  // The bias-corrected direction m̂ + β2·d̂ the step divides, and n̂ = n/(1 − β3^t) (its square root
  // is the divisor, ε aside).
  static Moments moments(const OptimizerSpec& spec, const RunningScalars& r, const double* slot) {
    const double t = static_cast<double>(r.t);
    const double bc1 = 1 - det_pow(spec.beta1, t), bc2 = 1 - det_pow(spec.beta2, t);
    return {slot[0] / bc1 + spec.beta2 * slot[2] / bc2, slot[1] / (1 - det_pow(spec.own[Own::beta3], t))};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    const bool decays = spec.weight_decay != 0, no_prox = spec.own[Own::no_prox] != 0;
    if (decays && no_prox) r.line(R"(\theta_{t-1} &\leftarrow \theta_{t-1}\,(1-)" + r.lr() + R"(\lambda))");
    r.line(R"(\Delta_t &= g_t - g_{t-1}\quad (\Delta_1 = 0))")
        .line(R"(m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t)")
        .line(R"(d_t &= \beta_2 d_{t-1} + (1-\beta_2)\,\Delta_t)")
        .line(R"(n_t &= \beta_3 n_{t-1} + (1-\beta_3)\,(g_t + \beta_2\Delta_t)^2)");
    const std::string step = R"(\theta_{t-1} - )" + r.lr() +
                             R"(\,\frac{m_t/(1-\beta_1^t) + \beta_2\, d_t/(1-\beta_2^t)}{\sqrt{n_t/(1-\beta_3^t)}+\epsilon})";
    if (decays && !no_prox) return r.line(R"(\theta_t &= \Big()" + step + R"(\Big)\Big/(1+)" + r.lr() + R"(\lambda))").str();
    return r.line(R"(\theta_t &= )" + step).str();
  }
};

}  // namespace gs::optim::rules
