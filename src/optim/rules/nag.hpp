// Nesterov's accelerated gradient in the look-ahead form of Sutskever, Martens, Dahl & Hinton,
// "On the importance of initialization and momentum in deep learning", ICML 2013, Eq. 3–4:
//   the gradient is evaluated at the look-ahead point φ = θ + μ·v (lookahead()), then
//   v = μ·v − lr·∇f(φ);  θ = θ + v
// State slot: velocity.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Nag : RuleBase {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"nag", "Nesterov (look-ahead)", "Sutskever et al. 2013, look-ahead form",
            "Nesterov's accelerated gradient in its look-ahead form: the gradient is taken at θ + μv, "
            "where the momentum is about to carry the parameters.",
            R"(\begin{aligned}v_t &= \mu v_{t-1} - \eta\,\nabla f(\theta_{t-1} + \mu v_{t-1})\\ \theta_t &= \theta_{t-1} + v_t\end{aligned})",
            {lr(0.01), momentum(0.9, "momentum μ")},
            true, "|v| (velocity)", nullptr, true, 0.001, false, false, 10};
  }
  static constexpr int kSlots = 1;
  static constexpr bool kFirstMoment = true;
  static constexpr bool kLookahead = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) { h.beta1 = spec.momentum; }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>&, RunningLanes<L>&, const StepShared&) {
    s.weight_decay = broadcast<L>(0.0);
  }

  enum : size_t { kMu, kLr, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    return {s.beta1, s.lr};
  }

  template <class F>
  static void dispatch(const RuleFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V v = c[kMu] * load<V>(slot[0] + i) - c[kLr] * g;
    store(slot[0] + i, v);
    return p + v;
  }

  // φ = θ + μ·v, where the next gradient is evaluated, with mu = T(β1,t) of the coming step.
  template <class V, class T>
  static V lookahead(V mu, V p, const T* const* slot, size_t i) {
    return p + mu * load<V>(slot[0] + i);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* v = state[0];
    const T mu = T(s.beta1), lr = T(s.lr);
    for (size_t i = 0; i < n; ++i) {
      v[i] = mu * v[i] - lr * g[i];
      p[i] = p[i] + v[i];
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {slot[0], nan_moment()};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.decay_line(R"(\mu)");
    const std::string mu = r.decayed(R"(\mu)");
    return r.line("v_t &= " + mu + " v_{t-1} - " + r.lr() + R"(\,\nabla f(\theta_{t-1} + )" + mu + " v_{t-1})")
        .line(R"(\theta_t &= \theta_{t-1} + v_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
