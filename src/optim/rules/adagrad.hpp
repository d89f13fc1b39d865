// AdaGrad: Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
// Optimization", JMLR 12 (2011), Eq. (1) with a diagonal matrix, as torch.optim.Adagrad 1.13
// (_single_tensor_adagrad) computes it:
//   g = g + λθ;  clr = lr/(1 + (t−1)·lr_decay);  s = s + g²;  θ = θ − clr·g/(√s + ε)
// State slot: sum (starts at initial_accumulator_value).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Adagrad : RuleBase {
  struct Own {
    enum : int { lr_decay, initial_accumulator_value };  // OptimizerSpec::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"adagrad", "AdaGrad", "torch.optim.Adagrad (1.13)",
            "Per-coordinate step sizes from the sum of all squared gradients (Duchi et al. 2011).",
            R"(\begin{aligned}\tilde\eta_t &= \eta / (1 + (t-1)\,\text{lr\_decay})\\ s_t &= s_{t-1} + g_t^2\\ )"
            R"(\theta_t &= \theta_{t-1} - \tilde\eta_t\, g_t / (\sqrt{s_t} + \epsilon)\end{aligned})",
            {lr(0.01),
             own("lr_decay", Own::lr_decay, ParamType::Real, 0, Range{0, 1e3}, 0, 1, "linear",
                 "learning-rate decay: η/(1 + (t−1)·lr_decay)"),
             weight_decay(),
             own("initial_accumulator_value", Own::initial_accumulator_value, ParamType::Real, 0, Range{0, 1e6}, 0, 10,
                 "linear", "starting value of the sum of squared gradients"),
             eps(1e-10)},
            false, nullptr, "√s (Σg²)", true, 0.5, false, false, 4};
  }
  static constexpr int kSlots = 1;

  static double initial_state(const OptimizerSpec& spec, int) { return spec.own[Own::initial_accumulator_value]; }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>&, const StepShared& shared) {
    s.step_size = s.lr / (broadcast<L>(1.0) + step_constant<L>(static_cast<double>(shared.t - 1)) * h.own[Own::lr_decay]);
  }

  enum : size_t { kWeightDecay, kNegClr, kEps, kWeightDecayOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>&) {
    return {s.weight_decay, lane_const<W>(-1.0) * s.step_size, s.eps, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    V sum = load<V>(slot[0] + i) + grad * grad;
    store(slot[0] + i, sum);
    return p + c[kNegClr] * grad / (sqrt(sum) + c[kEps]);
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* sum = state[0];
    const T weight_decay = T(s.weight_decay), neg_clr = T(-s.step_size), eps = T(s.eps);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      sum[i] = sum[i] + grad * grad;
      T std_dev = std::sqrt(sum[i]) + eps;
      p[i] = p[i] + neg_clr * grad / std_dev;
    }
  }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {nan_moment(), slot[0]};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.l2(spec.weight_decay);
    std::string step = r.lr();
    if (spec.own[Own::lr_decay] != 0) {
      r.line(R"(\tilde\eta_t &= )" + r.lr() + R"( / (1 + (t-1)\,\text{lr\_decay}))");
      step = R"(\tilde\eta_t)";
    }
    r.line(std::string("s_t &= s_{t-1} + g_t^2") + (spec.own[Own::initial_accumulator_value] != 0 ? R"(\quad (s_0 = s_0))" : ""));
    return r.line(R"(\theta_t &= \theta_{t-1} - )" + step + R"(\, g_t / (\sqrt{s_t} + \epsilon))").str();
  }
};

}  // namespace gs::optim::rules
