// ASGD: averaged stochastic gradient descent, Polyak & Juditsky, "Acceleration of Stochastic
// Approximation by Averaging", SIAM J. Control Optim. 30(4), 1992, with the decaying step size of
// Bottou, "Stochastic Gradient Descent Tricks" (Neural Networks: Tricks of the Trade, 2012), in the
// form torch.optim.ASGD 1.13 (_single_tensor_asgd) computes:
//   g ← g + wd·θ;  θ ← θ·(1 − λ·η_t);  θ ← θ − η_t·g
//   ā ← θ where μ_t = 1, else ā ← ā + (θ − ā)·μ_t
// with the step size and averaging rate torch sets at the end of each step for the next:
//   η_1 = lr,  η_t = lr_{t−1} / (1 + λ·lr_{t−1}·(t−1))^α;   μ_1 = 1,  μ_t = 1 / max(1, t − 1 − t0)
// (lr_{t−1}: the scheduled learning rate of the previous step, which torch reads before the
// scheduler moves it). The trajectory is the iterate θ; the average ā, which the theory is about,
// starts to differ from θ only after t0 steps (torch's default t0 = 10⁶ never averages in a
// playground run, so the playground sets it lower). In the optimizer pack (all.hpp PackRules).
// State slot: ax (the average ā).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Asgd : RuleBase {
  struct Own {
    enum : int { lambd, alpha, t0 };  // OptimizerSpec::own, HyperLanes::own
  };
  struct Scalar {
    enum : size_t { eta, mu };  // ScalarLanes::own
  };
  static constexpr int kRunning = 1;  // RunningLanes::own[0]: the previous step's learning rate

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    OptimizerInfo o{"asgd", "ASGD", "torch.optim.ASGD (1.13); Polyak & Juditsky 1992",
            "Averaged SGD: plain SGD steps with a slowly decaying step size, and a running average of the "
            "iterates (dashed) that starts after t0 steps and is what the theory says converges.",
            R"(\begin{aligned}\eta_t &= \frac{\alpha}{(1+\lambda\,\alpha\,(t-1))^{a}}\\ )"
            R"(\theta_t &= \theta_{t-1}(1-\lambda\eta_t) - \eta_t\,g_t\\ )"
            R"(\bar\theta_t &= \bar\theta_{t-1} + \mu_t(\theta_t-\bar\theta_{t-1}),\quad \mu_t = \frac{1}{\max(1,\,t-1-t_0)}\end{aligned})",
            {lr(0.01, "learning rate α₀ (before the schedule)"),
             own("lambd", Own::lambd, ParamType::Real, 1e-4, Range{0, 1e3}, 0, 1, "linear",
                 "λ: decay term; the step size falls as 1/(1 + λα₀t)^a and θ shrinks by 1 − λη"),
             own("alpha", Own::alpha, ParamType::Real, 0.75, Range{0, 10}, 0, 2, "linear",
                 "a: power of the step-size decay"),
             own("t0", Own::t0, ParamType::Real, 1e6, Range{0, 1e12}, 0, 1000, "linear",
                 "t0: the step after which the average starts (torch's 10⁶ never averages in a short run)"),
             weight_decay()},
            false, "θ̄ (average)", nullptr, true, 0.001, false, false, 20};
    o.companion_labels = {"θ̄ (average)", nullptr};
    return o;
  }
  static constexpr int kSlots = 1;

  // Branch-free in t (the sweep traces these formulas at one step): at t = 1 the elapsed count is 0,
  // so η_1 = lr_1 / 1^a = lr_1 and μ_1 = 1 / max(1, −t0) = 1 exactly.
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    const L one = broadcast<L>(1.0);
    const L first = step_constant<L>(shared.t == 1 ? 1.0 : 0.0);
    const L previous_lr = s.lr * first + r.own[0] * (one - first);  // lr_{t−1}, or lr_1 at t = 1
    const L elapsed = step_constant<L>(static_cast<double>(shared.t - 1));
    s.own[Scalar::eta] = previous_lr / det_pow(one + h.own[Own::lambd] * previous_lr * elapsed, h.own[Own::alpha]);
    s.own[Scalar::mu] = one / max(one, elapsed - h.own[Own::t0]);
    r.own[0] = s.lr;
  }

  enum : size_t { kNegEta, kDecay, kMu, kMuIsOne, kWeightDecay, kWeightDecayOn, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0), eta = s.own[Scalar::eta], mu = s.own[Scalar::mu];
    return {lane_const<W>(-1.0) * eta, one - h.own[Own::lambd] * eta, mu, one - indicator_ne(mu, one),
            s.weight_decay, indicator_ne(s.weight_decay, lane_const<W>(0.0))};
  }

  template <bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V one = broadcast<V>(1.0f);
    V grad = g;
    if constexpr (kAnyWeightDecay) grad = with_weight_decay(grad, p, c[kWeightDecay], c[kWeightDecayOn]);
    p = p * c[kDecay];
    p = p + c[kNegEta] * grad;
    const V ax = load<V>(slot[0] + i);
    store(slot[0] + i, select_eq(c[kMuIsOne], one, p, ax + (p - ax) * c[kMu]));
    return p;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* ax = state[0];
    const double eta = s.own[Scalar::eta], mu = s.own[Scalar::mu];
    const T decay = T(1 - s.hyper.own[Own::lambd] * eta), neg_eta = T(-eta), weight_decay = T(s.weight_decay);
    for (size_t i = 0; i < n; ++i) {
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      p[i] = p[i] * decay;
      p[i] = p[i] + neg_eta * grad;
      if (mu != 1) {
        ax[i] = ax[i] + (p[i] - ax[i]) * T(mu);
      } else {
        ax[i] = p[i];
      }
    }
  }

  static constexpr int kCompanions = 1;  // the average θ̄ (torch's ax)
  static void companions(const RunningScalars&, const double* slot, double* out) { out[0] = slot[0]; }

  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {slot[0], nan_moment()};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\alpha)");
    r.line(R"(\eta_t &= \frac{)" + r.lr() + R"(}{(1+\lambda\,)" + r.lr() + R"(\,(t-1))^{a}})");
    if (spec.weight_decay != 0) r.line(R"(g_t &\leftarrow g_t + \lambda_{wd}\,\theta_{t-1})");
    return r.line(R"(\theta_t &= \theta_{t-1}(1-\lambda\eta_t) - \eta_t\,g_t)")
        .line(R"(\bar\theta_t &= \bar\theta_{t-1} + \mu_t(\theta_t-\bar\theta_{t-1}),\quad \mu_t = \frac{1}{\max(1,\,t-1-t_0)})")
        .str();
  }
};

}  // namespace gs::optim::rules
