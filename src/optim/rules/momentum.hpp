// Momentum as an exponential moving average: the form of the seeds and of Adam's first moment
// (Kingma & Ba 2015, Algorithm 1 without the second moment):
//   m = β·m + (1−β)·g (m₀ = 0);  θ = θ − lr·m
// State slot: exp_avg.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Momentum : RuleBase {
  struct Own {
    enum : int { beta };  // OptimizerSpec::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"momentum", "Momentum (EMA)", "exponential-moving-average form (seeds; Adam's m_t)",
            "Momentum as an exponential moving average of the gradients, m₀ = 0: the form of the seeds and of "
            "Adam's first moment. Equivalent to heavy-ball SGD with learning rate η(1−β).",
            R"(\begin{aligned}m_t &= \beta m_{t-1} + (1-\beta)\,g_t\\ \theta_t &= \theta_{t-1} - \eta\, m_t\end{aligned})",
            {lr(0.01), own("beta", Own::beta, ParamType::Real, 0.9, kUnitOpen, 0, 0.999, "linear",
                            "β: decay of the moving average")},
            true, "|m|", nullptr, true, 0.01, false, false, 11};
  }
  static constexpr int kSlots = 1;
  static constexpr bool kFirstMoment = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) { h.beta1 = spec.own[Own::beta]; }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>&, RunningLanes<L>&, const StepShared&) {
    s.weight_decay = broadcast<L>(0.0);
  }

  enum : size_t { kBeta, kOneMinusBeta, kNegLr, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    return {s.beta1, lane_const<W>(1.0) - s.beta1, lane_const<W>(-1.0) * s.lr};
  }

  template <class F>
  static void dispatch(const RuleFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V m = load<V>(slot[0] + i) * c[kBeta] + c[kOneMinusBeta] * g;
    store(slot[0] + i, m);
    return p + c[kNegLr] * m;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* m = state[0];
    const T beta = T(s.beta1), one_minus_beta = T(1 - s.beta1), neg_lr = T(-s.lr);
    for (size_t i = 0; i < n; ++i) {
      m[i] = m[i] * beta + one_minus_beta * g[i];
      p[i] = p[i] + neg_lr * m[i];
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {slot[0], nan_moment()};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.decay_line(R"(\beta)");
    const std::string beta = r.decayed(R"(\beta)");
    return r.line("m_t &= " + beta + " m_{t-1} + (1-" + beta + R"()\,g_t)")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\, m_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
