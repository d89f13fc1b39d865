// AdaMax: Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 2
// (Section 7.1), as torch.optim.Adamax 1.13 computes it:
//   m_t = β1·m + (1−β1)·g;  u_t = max(β2·u, |g| + ε);  θ −= (α/(1−β1^t))·m_t/u_t
// torch adds ε inside the max; `eps: 0` is the paper's Algorithm 2 exactly. Where u = 0 (every
// gradient so far was exactly 0, so m = 0 too) the step is 0 instead of 0/0.
// `bias_correction: false` drops the 1/(1−β1^t). State slots: exp_avg, exp_inf.
#pragma once

#include "optim/rules/adam_family.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Adamax : AdamFamily {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"adamax", "AdaMax", "torch.optim.Adamax (1.13); Kingma & Ba 2015, Algorithm 2",
            "Adam with the infinity norm: u_t = max(β2·u, |g|). torch adds ε inside the max; eps = 0 is the "
            "paper's Algorithm 2.",
            R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ u_t &= \max(\beta_2 u_{t-1},\ |g_t| + \epsilon)\\ )"
            R"(\theta_t &= \theta_{t-1} - \frac{\alpha}{1-\beta_1^t}\, m_t/u_t\end{aligned})",
            {lr(2e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8, "ε added to |g| inside the max (0: the paper's form)"),
             weight_decay(), bias_correction()},
            true, "|m̂|", "u", false, 0.05, false, false, 7};
  }
  static constexpr int kSlots = 2;

  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>&, RunningLanes<L>& r, const StepShared& shared) {
    const L one = broadcast<L>(1.0);
    const L bc1 = shared.bias_correction ? one - r.beta1_pow : one;
    s.step_size = s.lr * (one / bc1);
  }

  enum : size_t { kBeta1, kBeta2, kEps, kOneMinusBeta1, kWeightDecay, kNegClr, kWeightDecayOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    return {s.beta1,        s.beta2, s.eps, lane_const<W>(1.0) - s.beta1, s.weight_decay,
            lane_const<W>(-1.0) * s.step_size, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    V u = max(load<V>(slot[1] + i) * c[kBeta2], abs(grad) + c[kEps]);
    store(slot[0] + i, m);
    store(slot[1] + i, u);
    V updated = p + c[kNegClr] * m / u;
    return select_eq(u, broadcast<V>(0.0f), p, updated);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    T* exp_inf = state[1];
    const T beta1 = T(s.beta1), beta2 = T(s.beta2), eps = T(s.eps);
    const T one_minus_beta1 = T(1 - s.beta1), weight_decay = T(s.weight_decay);
    const T neg_clr = T(-s.step_size);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
      T decayed = exp_inf[i] * beta2;
      T current = std::fabs(grad) + eps;
      exp_inf[i] = decayed < current ? current : decayed;
      if (exp_inf[i] != T(0)) p[i] = p[i] + neg_clr * exp_avg[i] / exp_inf[i];
    }
  }

  static Moments moments(const OptimizerSpec& spec, const RunningScalars& r, const double* slot) {
    const double bc1 = spec.bias_correction ? 1 - r.beta1_pow : 1;
    return {slot[0] / bc1, slot[1]};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\alpha)");
    r.l2(spec.weight_decay).decay_line(R"(\beta_1)");
    const std::string b1 = r.beta1();
    r.line("m_t &= " + b1 + " m_{t-1} + (1-" + b1 + R"()\,g_t)");
    r.line(R"(u_t &= \max(\beta_2 u_{t-1},\ |g_t| + \epsilon))");
    if (!spec.bias_correction) return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\, m_t/u_t)").str();
    return r.line(R"(\theta_t &= \theta_{t-1} - \frac{)" + r.lr() + R"(}{1-\beta_1^t}\, m_t/u_t)").str();
  }
};

}  // namespace gs::optim::rules
