// NAdam: Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop, with the
// momentum schedule μ_t = β1·(1 − ½·0.96^(t·ψ)) and the corrected μ-product rule of
// torch.optim.NAdam ≥ 2.0 (1.13's foreach path; its default path counts μ_t twice):
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  denom = √v/√(1−β2^t) + ε
//   θ −= lr·(1−μ_t)/(1−Πμ_{1..t}) · g/denom + lr·μ_{t+1}/(1−Πμ_{1..t+1}) · m/denom
// step_size = −lr(1−μ_t)/(1−Π_t) and step_size2 = −lr·μ_{t+1}/(1−Π_t·μ_{t+1}) (already negated).
// As in adam.hpp, √v is multiplied by 1/√(1−β2^t) (≤ 1 ulp from torch's division).
// State slots: exp_avg, exp_avg_sq; the running product Π μ lives in the running scalars.
#pragma once

#include "core/detmath.hpp"
#include "optim/rules/adam_family.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Nadam : AdamFamily {
  struct Own {
    enum : int { momentum_decay };  // OptimizerSpec::own
  };
  struct Scalar {
    enum : size_t { avg_step };  // ScalarLanes::own: the step size of the momentum term
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"nadam", "NAdam", "torch.optim.NAdam (≥ 2.0 rule; 1.13 foreach path); Dozat 2016",
            "Adam with Nesterov momentum and the momentum schedule μₜ = β₁(1 − ½·dᵗ), where d is 0.96 to the power ψ "
            "(momentum_decay).",
            R"(\begin{aligned}\mu_t &= \beta_1\big(1 - \tfrac12\, 0.96^{t\psi}\big)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
            R"(\theta_t &= \theta_{t-1} - \alpha\Big[\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\,g_t + \frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\,m_t\Big]\Big/\big(\sqrt{\hat v_t}+\epsilon\big)\end{aligned})",
            {lr(2e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay(),
             own("momentum_decay", Own::momentum_decay, ParamType::Real, 4e-3, kUnitClosed, 0, 0.1, "linear",
                 "ψ in the momentum schedule")},
            true, "|m̂|", "√v̂", true, 0.05, true, false, 5};
  }
  static constexpr int kSlots = 2;
  static constexpr bool kMomentumSchedule = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    AdamFamily::hyper(spec, h);
    h.mu_ratio = dm::pow(0.96, spec.own[Own::momentum_decay]);
  }
  // μ_t = β1,t·(1 − ½·0.96^(tψ)), μ_{t+1} with 0.96^((t+1)ψ) and the same β1,t (torch).
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared&) {
    const L one = broadcast<L>(1.0), half = broadcast<L>(0.5), minus_one = broadcast<L>(-1.0);
    s.bc2_sqrt = sqrt(one - r.beta2_pow);
    r.mu_pow = r.mu_pow * h.mu_ratio;
    const L mu = s.beta1 * (one - half * r.mu_pow);
    const L mu_next = s.beta1 * (one - half * (r.mu_pow * h.mu_ratio));
    r.mu_product = r.mu_product * mu;
    s.step_size = (s.lr * (one - mu) / (one - r.mu_product)) * minus_one;
    s.own[Scalar::avg_step] = (s.lr * mu_next / (one - r.mu_product * mu_next)) * minus_one;
  }

  enum : size_t {
    kBeta1, kBeta2, kEps, kOneMinusBeta1, kOneMinusBeta2, kWeightDecay, kInvBc2Sqrt, kGradStep, kAvgStep,
    kWeightDecayOn, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1,      s.beta2,          s.eps,        one - s.beta1, one - s.beta2, s.weight_decay,
            one / s.bc2_sqrt, s.step_size, s.own[Scalar::avg_step], indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m, v;
    adam_moments(grad, c[kBeta1], c[kOneMinusBeta1], c[kBeta2], c[kOneMinusBeta2], slot, i, m, v);
    V denom = sqrt(v) * c[kInvBc2Sqrt] + c[kEps];
    p = p + c[kGradStep] * grad / denom;
    return p + c[kAvgStep] * m / denom;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    T* exp_avg_sq = state[1];
    const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
    const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
    const T weight_decay = T(s.weight_decay), inv_bc2_sqrt = T(1 / s.bc2_sqrt);
    const T grad_step = T(s.step_size), avg_step = T(s.own[Scalar::avg_step]);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
      exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * grad * grad;
      T denom = std::sqrt(exp_avg_sq[i]) * inv_bc2_sqrt + eps;
      p[i] = p[i] + grad_step * grad / denom;
      p[i] = p[i] + avg_step * exp_avg[i] / denom;
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {slot[0] / (1 - r.beta1_pow), slot[1] / (1 - r.beta2_pow)};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\alpha)");
    r.l2(spec.weight_decay).decay_line(R"(\beta_1)");
    const std::string b1 = r.beta1();
    return r.line(R"(\mu_t &= )" + b1 + R"(\big(1 - \tfrac12\, 0.96^{t\psi}\big))")
        .line("m_t &= " + b1 + " m_{t-1} + (1-" + b1 + R"()\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2)")
        .line(R"(\hat v_t &= v_t/(1-\beta_2^t))")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() +
              R"(\Big[\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\,g_t + \frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\,m_t\Big]\Big/\big(\sqrt{\hat v_t}+\epsilon\big))")
        .str();
  }
};

}  // namespace gs::optim::rules
