// Lion: Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023, Algorithm 2,
// as the official google/automl lion/lion_pytorch.py computes it (the NumPy port
// tests/fixtures/ports/lion.py follows that file line for line):
//   θ ← θ·(1 − η·λ)                       decoupled weight decay, before the update
//   c = β1·m + (1−β1)·g;  θ ← θ − η·sign(c)  (sign(0) = 0)
//   m ← β2·m + (1−β2)·g
// Every coordinate moves by exactly η (or 0) per step: the interpolation c decides the direction,
// the slower average m remembers. In the optimizer pack (all.hpp PackRules).
// State slot: exp_avg.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Lion : RuleBase {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    HyperInfo b2 = beta2(0.99);
    b2.description = "β2: decay rate of the momentum m that the next steps interpolate with";
    HyperInfo b1 = beta1(0.9);
    b1.description = "β1: weight of the momentum in the interpolation whose sign is the step";
    return {"lion", "Lion", "google/automl lion_pytorch.py; Chen et al. 2023, Algorithm 2",
            "Evolved sign momentum: each coordinate steps by exactly η in the direction of the sign of an "
            "interpolation between the momentum and the gradient. Found by program search.",
            R"(\begin{aligned}\theta &\leftarrow \theta\,(1-\eta\lambda)\\ c_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ )"
            R"(\theta_t &= \theta - \eta\,\operatorname{sign}(c_t)\\ m_t &= \beta_2 m_{t-1} + (1-\beta_2)\,g_t\end{aligned})",
            {lr(1e-4, "step size η of every coordinate (before the schedule)"), b1, b2,
             weight_decay(0, "decoupled weight decay λ: θ ← θ(1 − ηλ)")},
            false, "|m|", nullptr, true, 0.01, false, false, 13};
  }
  static constexpr int kSlots = 1;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared&) {
    s.decay = broadcast<L>(1.0) - s.lr * h.weight_decay;
    s.weight_decay = broadcast<L>(0.0);
  }

  enum : size_t { kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kNegLr, kDecay, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0);
    return {h.beta1, one - h.beta1, h.beta2, one - h.beta2, lane_const<W>(-1.0) * s.lr, s.decay};
  }

  template <class F>
  static void dispatch(const RuleFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V zero = broadcast<V>(0.0f);
    const V m = load<V>(slot[0] + i);
    p = p * c[kDecay];
    const V interpolation = m * c[kBeta1] + g * c[kOneMinusBeta1];
    const V sign = indicator_lt(zero, interpolation) - indicator_lt(interpolation, zero);
    store(slot[0] + i, m * c[kBeta2] + c[kOneMinusBeta2] * g);
    return p + c[kNegLr] * sign;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    const T beta1 = T(s.hyper.beta1), beta2 = T(s.hyper.beta2);
    const T one_minus_beta1 = T(1 - s.hyper.beta1), one_minus_beta2 = T(1 - s.hyper.beta2);
    const T neg_lr = T(-s.lr), decay = T(s.decay);
    for (size_t i = 0; i < n; ++i) {
      p[i] = p[i] * decay;
      const T update = exp_avg[i] * beta1 + g[i] * one_minus_beta1;
      const T sign = update > 0 ? T(1) : update < 0 ? T(-1) : T(0);
      p[i] = p[i] + neg_lr * sign;
      exp_avg[i] = exp_avg[i] * beta2 + one_minus_beta2 * g[i];
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {slot[0], nan_moment()};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    if (spec.weight_decay != 0) r.line(R"(\theta &\leftarrow \theta\,(1-)" + r.lr() + R"(\lambda))");
    return r.line(R"(c_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t)")
        .line(R"(\theta_t &= \theta - )" + r.lr() + R"(\,\operatorname{sign}(c_t))")
        .line(R"(m_t &= \beta_2 m_{t-1} + (1-\beta_2)\,g_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
