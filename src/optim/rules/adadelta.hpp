// AdaDelta: Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701 (2012),
// Algorithm 1, with torch's learning rate; as torch.optim.Adadelta 1.13 computes it:
//   g = g + λθ;  a = ρ·a + (1−ρ)·g²;  δ = √(u + ε)/√(a + ε)·g;  u = ρ·u + (1−ρ)·δ²;  θ = θ − lr·δ
// State slots: square_avg, acc_delta.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Adadelta : RuleBase {
  struct Own {
    enum : int { rho };  // OptimizerSpec::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"adadelta", "AdaDelta", "torch.optim.Adadelta (1.13)",
            "Step sizes from the ratio of two moving averages, of squared updates and squared gradients (Zeiler 2012).",
            R"(\begin{aligned}a_t &= \rho a_{t-1} + (1-\rho)\,g_t^2\\ \delta_t &= \frac{\sqrt{u_{t-1}+\epsilon}}{\sqrt{a_t+\epsilon}}\,g_t\\ )"
            R"(u_t &= \rho u_{t-1} + (1-\rho)\,\delta_t^2\\ \theta_t &= \theta_{t-1} - \eta\,\delta_t\end{aligned})",
            {lr(1.0, "coefficient η that scales δ"),
             own("rho", Own::rho, ParamType::Real, 0.9, kUnitClosed, 0.5, 0.9999, "log1m",
                 "ρ: decay of the running averages"),
             eps(1e-6), weight_decay()},
            false, nullptr, "√a (avg g²)", true, 1, false, false, 9};
  }
  static constexpr int kSlots = 2;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) { h.beta2 = spec.own[Own::rho]; }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared&) {
    s.beta2 = h.beta2;
  }

  enum : size_t { kRho, kOneMinusRho, kEps, kWeightDecay, kNegLr, kWeightDecayOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    return {s.beta2,   lane_const<W>(1.0) - s.beta2, s.eps, s.weight_decay, lane_const<W>(-1.0) * s.lr,
            indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V square_avg = load<V>(slot[0] + i) * c[kRho] + c[kOneMinusRho] * grad * grad;
    store(slot[0] + i, square_avg);
    V std_dev = sqrt(square_avg + c[kEps]);
    V acc = load<V>(slot[1] + i);
    V delta = sqrt(acc + c[kEps]) / std_dev * grad;
    store(slot[1] + i, acc * c[kRho] + c[kOneMinusRho] * delta * delta);
    return p + c[kNegLr] * delta;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* square_avg = state[0];
    T* acc_delta = state[1];
    const T rho = T(s.beta2), one_minus_rho = T(1 - s.beta2), eps = T(s.eps);
    const T weight_decay = T(s.weight_decay), neg_lr = T(-s.lr);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      square_avg[i] = square_avg[i] * rho + one_minus_rho * grad * grad;
      T std_dev = std::sqrt(square_avg[i] + eps);
      T delta = std::sqrt(acc_delta[i] + eps) / std_dev * grad;
      acc_delta[i] = acc_delta[i] * rho + one_minus_rho * delta * delta;
      p[i] = p[i] + neg_lr * delta;
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {nan_moment(), slot[0]};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    return r.l2(spec.weight_decay)
        .line(R"(a_t &= \rho a_{t-1} + (1-\rho)\,g_t^2)")
        .line(R"(\delta_t &= \frac{\sqrt{u_{t-1}+\epsilon}}{\sqrt{a_t+\epsilon}}\,g_t)")
        .line(R"(u_t &= \rho u_{t-1} + (1-\rho)\,\delta_t^2)")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,\delta_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
