// RMSProp: Tieleman & Hinton, COURSERA Neural Networks for Machine Learning, Lecture 6.5 (2012);
// centered form: Graves, "Generating Sequences With Recurrent Neural Networks", 2013, Eq. (38–41).
// As torch.optim.RMSprop 1.13 (_single_tensor_rmsprop) computes it:
//   g = g + λθ;  a = α·a + (1−α)·g²
//   centered: ḡ = α·ḡ + (1−α)·g, d = √(a − ḡ²) + ε;  else d = √a + ε
//   momentum μ > 0: b = μ·b + g/d, θ = θ − lr·b;  else θ = θ − lr·g/d
// State slots: square_avg, grad_avg, momentum_buffer.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Rmsprop : RuleBase {
  struct Own {
    enum : int { alpha, centered };  // OptimizerSpec::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"rmsprop", "RMSProp", "torch.optim.RMSprop (1.13)",
            "Divides by a moving average of squared gradients (Tieleman & Hinton 2012); centered subtracts the "
            "squared mean gradient (Graves 2013).",
            R"(\begin{aligned}a_t &= \alpha a_{t-1} + (1-\alpha)\,g_t^2\\ d_t &= \sqrt{a_t - \bar g_t^2} + \epsilon\ \ (\text{centered})\ \text{or}\ \sqrt{a_t} + \epsilon\\ )"
            R"(b_t &= \mu b_{t-1} + g_t/d_t\\ \theta_t &= \theta_{t-1} - \eta\, b_t\end{aligned})",
            {lr(0.01),
             own("alpha", Own::alpha, ParamType::Real, 0.99, kUnitOpen, 0.5, 0.9999, "log1m",
                 "α: smoothing constant of the squared average"),
             eps(1e-8), weight_decay(), momentum(0, "momentum μ (0 turns it off)"),
             own_flag("centered", Own::centered, false, "normalise by the estimated variance instead of the second moment")},
            true, "|b| (buffer)", "√a (avg g²)", true, 0.01, false, false, 3};
  }
  static constexpr int kSlots = 3;
  static constexpr bool kFirstMoment = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.momentum;
    h.beta2 = spec.own[Own::alpha];
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared&) {
    s.beta2 = h.beta2;
  }

  enum : size_t { kAlpha, kOneMinusAlpha, kEps, kWeightDecay, kMomentum, kNegLr, kWeightDecayOn, kMomentumOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W zero = lane_const<W>(0.0), one = lane_const<W>(1.0);
    return {s.beta2,  one - s.beta2, s.eps, s.weight_decay, s.beta1, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, zero), indicator_lt(zero, h.beta1)};
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.own[Own::centered], f.any_momentum, f.any_weight_decay);
  }

  template <bool kCentered, bool kAnyMomentum, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V square_avg = load<V>(slot[0] + i) * c[kAlpha] + c[kOneMinusAlpha] * grad * grad;
    store(slot[0] + i, square_avg);
    V avg;
    if constexpr (kCentered) {
      V grad_avg = load<V>(slot[1] + i) * c[kAlpha] + c[kOneMinusAlpha] * grad;
      store(slot[1] + i, grad_avg);
      avg = sqrt(square_avg + broadcast<V>(-1.0f) * grad_avg * grad_avg) + c[kEps];
    } else {
      avg = sqrt(square_avg) + c[kEps];
    }
    V plain = p + c[kNegLr] * grad / avg;
    if constexpr (kAnyMomentum) {
      V b = load<V>(slot[2] + i) * c[kMomentum] + grad / avg;
      store(slot[2] + i, b);
      return select_eq(c[kMomentumOn], broadcast<V>(1.0f), p + c[kNegLr] * b, plain);
    } else {
      return plain;
    }
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* square_avg = state[0];
    T* grad_avg = state[1];
    T* buf = state[2];
    const T alpha = T(s.beta2), one_minus_alpha = T(1 - s.beta2), eps = T(s.eps);
    const T weight_decay = T(s.weight_decay), momentum = T(s.beta1), neg_lr = T(-s.lr);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      square_avg[i] = square_avg[i] * alpha + one_minus_alpha * grad * grad;
      T avg;
      if (s.flags.own[Own::centered]) {
        grad_avg[i] = grad_avg[i] * alpha + one_minus_alpha * grad;
        avg = std::sqrt(square_avg[i] + T(-1) * grad_avg[i] * grad_avg[i]) + eps;
      } else {
        avg = std::sqrt(square_avg[i]) + eps;
      }
      if (s.flags.any_momentum) {
        buf[i] = buf[i] * momentum + grad / avg;
        p[i] = p[i] + neg_lr * buf[i];
      } else {
        p[i] = p[i] + neg_lr * grad / avg;
      }
    }
  }

  static Moments moments(const OptimizerSpec& spec, const RunningScalars&, const double* slot) {
    return {spec.momentum > 0 ? slot[2] : nan_moment(), slot[0]};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.l2(spec.weight_decay);
    r.line(R"(a_t &= \alpha a_{t-1} + (1-\alpha)\,g_t^2)");
    if (spec.own[Own::centered] != 0) {
      r.line(R"(\bar g_t &= \alpha \bar g_{t-1} + (1-\alpha)\,g_t)");
      r.line(R"(d_t &= \sqrt{a_t - \bar g_t^2} + \epsilon)");
    } else {
      r.line(R"(d_t &= \sqrt{a_t} + \epsilon)");
    }
    if (spec.momentum == 0) return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\, g_t/d_t)").str();
    r.decay_line(R"(\mu)");
    return r.line("b_t &= " + r.decayed(R"(\mu)") + R"( b_{t-1} + g_t/d_t)")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\, b_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
