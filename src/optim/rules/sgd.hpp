// SGD: torch.optim.SGD 1.13 (_single_tensor_sgd), heavy-ball momentum (Polyak 1964) and torch's
// Nesterov form (Sutskever et al. 2013):
//   d = g + λθ;  b = d on the first step, else b = μ·b + (1−τ)·d;  d = d + μ·b (nesterov) or b
//   θ = θ − lr·d
// A run with momentum 0 takes θ − lr·d (in a batch its buffer is written but never read).
// State slot: momentum_buffer.
#pragma once

#include "core/check.hpp"
#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Sgd : RuleBase {
  struct Own {
    enum : int { dampening, nesterov };  // OptimizerSpec::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"sgd", "SGD", "torch.optim.SGD (1.13)",
            "Stochastic gradient descent with optional heavy-ball or Nesterov momentum, as torch computes it "
            "(the buffer starts at the first gradient). lr has no torch default; Gradscape uses 0.01.",
            R"(\begin{aligned}d_t &= g_t + \lambda\theta_{t-1}\\ b_t &= \mu b_{t-1} + (1-\tau)\,d_t \quad (b_1 = d_1)\\ )"
            R"(\theta_t &= \theta_{t-1} - \eta\,(\text{nesterov}\ ?\ d_t + \mu b_t : b_t)\end{aligned})",
            {lr(0.01), momentum(0, "momentum μ (0 turns it off)"),
             own("dampening", Own::dampening, ParamType::Real, 0, kUnitClosed, 0, 1, "linear",
                 "dampening τ of the momentum buffer"),
             own_flag("nesterov", Own::nesterov, false, "Nesterov momentum (needs momentum > 0 and dampening = 0)"),
             weight_decay()},
            true, "|b| (buffer)", nullptr, true, 0.001, false, false, 2};
  }
  static constexpr int kSlots = 1;
  static constexpr bool kFirstMoment = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) { h.beta1 = spec.momentum; }

  // torch.optim.SGD's rule.
  static HyperConstraint constraint(const OptimizerSpec& spec) {
    const double dampening = spec.own[Own::dampening];
    if (spec.own[Own::nesterov] == 0 || (spec.momentum > 0 && dampening == 0)) return {};
    return {"nesterov", "Nesterov momentum needs momentum > 0 and dampening = 0 (torch.optim.SGD's rule), got momentum " +
                            check::format_number(spec.momentum) + " and dampening " + check::format_number(dampening)};
  }

  enum : size_t { kMomentum, kOneMinusDampening, kWeightDecay, kNegLr, kWeightDecayOn, kMomentumOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W zero = lane_const<W>(0.0), one = lane_const<W>(1.0);
    return {s.beta1,       one - h.own[Own::dampening], s.weight_decay, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, zero), indicator_ne(h.beta1, zero)};
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.any_momentum, f.first, f.own[Own::nesterov], f.any_weight_decay);
  }

  template <bool kAnyMomentum, bool kFirst, bool kNesterov, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V d = g;
    if constexpr (kAnyWeightDecay) d = with_weight_decay(d, p, c[kWeightDecay], c[kWeightDecayOn]);
    if constexpr (kAnyMomentum) {
      V b = d;
      if constexpr (!kFirst) b = load<V>(slot[0] + i) * c[kMomentum] + c[kOneMinusDampening] * d;
      store(slot[0] + i, b);
      V with_momentum = b;
      if constexpr (kNesterov) with_momentum = d + c[kMomentum] * b;
      d = select_eq(c[kMomentumOn], broadcast<V>(1.0f), with_momentum, d);
    }
    return p + c[kNegLr] * d;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* buf = state[0];
    const T momentum = T(s.beta1), one_minus_dampening = T(1 - s.hyper.own[Own::dampening]);
    const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
    for (size_t i = 0; i < n; ++i) {
      T d = g[i];
      if (s.weight_decay != 0) d = d + weight_decay * p[i];
      if (s.flags.any_momentum) {
        buf[i] = s.flags.first ? d : buf[i] * momentum + one_minus_dampening * d;
        d = s.flags.own[Own::nesterov] ? d + momentum * buf[i] : buf[i];
      }
      p[i] = p[i] + neg_lr * d;
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {r.momentum_started ? slot[0] : nan_moment(), nan_moment()};
  }

  // The rule this spec runs: plain SGD without momentum, the buffer's dampening only when τ ≠ 0.
  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.l2(spec.weight_decay);
    if (spec.momentum == 0) return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,g_t)").str();
    const std::string mu = r.decayed(R"(\mu)");
    r.decay_line(R"(\mu)");
    const bool dampened = spec.own[Own::dampening] != 0;
    r.line("b_t &= " + mu + " b_{t-1} + " + (dampened ? R"((1-\tau)\,)" : "") + R"(g_t \quad (b_1 = g_1))");
    if (spec.own[Own::nesterov] != 0)
      return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,(g_t + )" + mu + " b_t)").str();
    return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,b_t)").str();
  }
};

}  // namespace gs::optim::rules
