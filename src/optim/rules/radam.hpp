// RAdam: Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020,
// Algorithm 2, as torch.optim.RAdam 1.13 computes it:
//   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  m̂ = m/(1−β1^t)
//   ρ∞ = 2/(1−β2) − 1;  ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
//   ρ_t > 5:  θ −= m̂·lr·(√(1−β2^t)/(√v + ε))·r_t,  r_t = √((ρ_t−4)(ρ_t−2)ρ∞/((ρ∞−4)(ρ∞−2)ρ_t))
//   else:     θ −= m̂·lr                     (step_size holds 1−β1^t)
// Each run rectifies from its own step on (a 1/0 coefficient in a batch).
// State slots: exp_avg, exp_avg_sq.
#pragma once

#include "optim/rules/adam_family.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Radam : AdamFamily {
  struct Scalar {
    enum : size_t { rho_t, rect };  // ScalarLanes::own: ρ_t and the rectification term r_t
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"radam", "RAdam", "torch.optim.RAdam (1.13); Liu et al. 2020",
            "Adam with the variance of the adaptive step rectified; plain momentum SGD while ρ_t ≤ 5.",
            R"(\begin{aligned}\rho_\infty &= \tfrac{2}{1-\beta_2} - 1,\quad \rho_t = \rho_\infty - \tfrac{2t\beta_2^t}{1-\beta_2^t}\\ )"
            R"(\theta_t &= \theta_{t-1} - \alpha\,\hat m_t\cdot\begin{cases} r_t\,\sqrt{1-\beta_2^t}/(\sqrt{v_t}+\epsilon) & \rho_t > 5\\ 1 & \text{otherwise}\end{cases}\end{aligned})",
            {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay()},
            true, "|m̂|", "√v̂", true, 0.05, true, false, 8};
  }
  static constexpr int kSlots = 2;
  static constexpr double kRectified = 5;  // rectifies where ρ_t > 5

  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    const L one = broadcast<L>(1.0), two = broadcast<L>(2.0), four = broadcast<L>(4.0);
    const L bc1 = one - r.beta1_pow;
    const L bc2 = one - r.beta2_pow;
    s.step_size = bc1;
    s.bc2_sqrt = sqrt(bc2);
    const L rho_inf = two / (one - h.beta2) - one;
    s.own[Scalar::rho_t] = rho_inf - step_constant<L>(2 * static_cast<double>(shared.t)) * r.beta2_pow / bc2;
    s.own[Scalar::rect] = sqrt((s.own[Scalar::rho_t] - four) * (s.own[Scalar::rho_t] - two) * rho_inf / ((rho_inf - four) * (rho_inf - two) * s.own[Scalar::rho_t]));
  }

  enum : size_t {
    kBeta1, kBeta2, kEps, kOneMinusBeta1, kOneMinusBeta2, kWeightDecay, kBiasCorrection1, kLr, kBc2Sqrt, kRect,
    kRectifiedOn, kWeightDecayOn, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    const W one = lane_const<W>(1.0);
    return {s.beta1, s.beta2,   s.eps,  one - s.beta1, one - s.beta2, s.weight_decay, s.step_size,
            s.lr,    s.bc2_sqrt, s.own[Scalar::rect], indicator_lt(lane_const<W>(kRectified), s.own[Scalar::rho_t]),
            indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m, v;
    adam_moments(grad, c[kBeta1], c[kOneMinusBeta1], c[kBeta2], c[kOneMinusBeta2], slot, i, m, v);
    V corrected = m / c[kBiasCorrection1];
    V adaptive_lr = c[kBc2Sqrt] / (sqrt(v) + c[kEps]);
    V rectified = p - corrected * c[kLr] * adaptive_lr * c[kRect];
    return select_eq(c[kRectifiedOn], broadcast<V>(1.0f), rectified, p - corrected * c[kLr]);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    T* exp_avg_sq = state[1];
    const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
    const T one_minus_beta1 = T(1 - s.beta1), one_minus_beta2 = T(1 - s.beta2);
    const T weight_decay = T(s.weight_decay), bias_correction1 = T(s.step_size);
    const T lr = T(s.lr), bc2_sqrt = T(s.bc2_sqrt), rect = T(s.own[Scalar::rect]);
    const bool rectified = s.own[Scalar::rho_t] > kRectified;
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
      exp_avg_sq[i] = exp_avg_sq[i] * beta2 + one_minus_beta2 * grad * grad;
      T corrected = exp_avg[i] / bias_correction1;
      if (rectified) {
        T adaptive_lr = bc2_sqrt / (std::sqrt(exp_avg_sq[i]) + eps);
        p[i] = p[i] - corrected * lr * adaptive_lr * rect;
      } else {
        p[i] = p[i] - corrected * lr;
      }
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {slot[0] / (1 - r.beta1_pow), slot[1] / (1 - r.beta2_pow)};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\alpha)");
    r.l2(spec.weight_decay).decay_line(R"(\beta_1)");
    const std::string b1 = r.beta1();
    return r.line("m_t &= " + b1 + " m_{t-1} + (1-" + b1 + R"()\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2)")
        .line(R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \rho_\infty = \tfrac{2}{1-\beta_2} - 1,\quad \rho_t = \rho_\infty - \tfrac{2t\beta_2^t}{1-\beta_2^t})")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() +
              R"(\,\hat m_t\cdot\begin{cases} r_t\,\sqrt{1-\beta_2^t}/(\sqrt{v_t}+\epsilon) & \rho_t > 5\\ 1 & \text{otherwise}\end{cases})")
        .str();
  }
};

}  // namespace gs::optim::rules
