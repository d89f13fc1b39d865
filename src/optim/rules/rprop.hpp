// Rprop: Riedmiller & Braun, "A Direct Adaptive Method for Faster Backpropagation Learning: The
// RPROP Algorithm", IEEE ICNN 1993, in the form torch.optim.Rprop 1.13 (_single_tensor_rprop)
// computes (the iRprop⁻ variant: a sign change skips the step and forgets the gradient):
//   s = g·g_prev;  η = η₊ where s > 0, η₋ where s < 0, 1 where s = 0
//   Δ = clamp(Δ·η, Δ_min, Δ_max);  g = 0 where s < 0
//   θ = θ − sign(g)·Δ;  g_prev = g
// Δ starts at lr for every coordinate; lr has no other role (a schedule does not change it).
// State slots: prev, step_size.
#pragma once

#include "core/check.hpp"
#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Rprop : RuleBase {
  struct Own {
    enum : int { etaminus, etaplus, step_size_min, step_size_max };  // OptimizerSpec::own, HyperLanes::own
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"rprop", "Rprop", "torch.optim.Rprop (1.13); Riedmiller & Braun 1993",
            "Resilient backpropagation: only the sign of the gradient counts. Each coordinate keeps its own step "
            "size, which grows by η₊ while the sign holds and shrinks by η₋ when it flips (that step is skipped).",
            R"(\begin{aligned}s_t &= g_t\,g_{t-1}\\ \Delta_t &= \operatorname{clip}\big(\Delta_{t-1}\cdot\{\eta_+\ (s_t>0),\ \eta_-\ (s_t<0),\ 1\},\ \Delta_{\min},\ \Delta_{\max}\big)\\ )"
            R"(g_t &\leftarrow 0\ \ (s_t<0)\\ \theta_t &= \theta_{t-1} - \operatorname{sign}(g_t)\,\Delta_t\end{aligned})",
            {lr(0.01, "initial step size Δ₀ of every coordinate (a schedule does not change it)"),
             own("etaminus", Own::etaminus, ParamType::Real, 0.5, Range{0, 1, true, true}, 0.1, 0.99, "linear",
                 "η₋: the step size shrinks by this factor when the gradient's sign flips"),
             own("etaplus", Own::etaplus, ParamType::Real, 1.2, Range{1, 10, true, false}, 1.01, 2, "linear",
                 "η₊: the step size grows by this factor while the sign holds"),
             own("step_size_min", Own::step_size_min, ParamType::Real, 1e-6, Range{0, 1e3}, 1e-8, 1, "log",
                 "Δ_min: the smallest step size"),
             own("step_size_max", Own::step_size_max, ParamType::Real, 50, Range{0, 1e6, true, false}, 1e-3, 100, "log",
                 "Δ_max: the largest step size")},
            false, "Δ (step size)", nullptr, true, 0.01, false, false, 12};
  }
  static constexpr int kSlots = 2;

  static double initial_state(const OptimizerSpec& spec, int slot) { return slot == 1 ? spec.lr : 0; }
  static HyperConstraint constraint(const OptimizerSpec& spec) {
    const double min = spec.own[Own::step_size_min], max = spec.own[Own::step_size_max];
    if (min <= max) return {};
    return {"step_size_min", "must be at most step_size_max (" + check::format_number(max) + "), got " +
                                 check::format_number(min)};
  }

  enum : size_t { kEtaMinus, kEtaPlus, kStepSizeMin, kStepSizeMax, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>&, const HyperLanes<W>& h) {
    return {h.own[Own::etaminus], h.own[Own::etaplus], h.own[Own::step_size_min], h.own[Own::step_size_max]};
  }

  template <class F>
  static void dispatch(const RuleFlags&, F&& fn) {
    fn();
  }

  template <class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V zero = broadcast<V>(0.0f), one = broadcast<V>(1.0f);
    const V product = g * load<V>(slot[0] + i);
    const V held = indicator_lt(zero, product);
    const V flipped = indicator_lt(product, zero);
    const V eta = select_eq(held, one, c[kEtaPlus], select_eq(flipped, one, c[kEtaMinus], one));
    const V grown = max(load<V>(slot[1] + i) * eta, c[kStepSizeMin]);
    const V step = select_eq(indicator_lt(c[kStepSizeMax], grown), one, c[kStepSizeMax], grown);
    const V grad = select_eq(flipped, one, zero, g);
    store(slot[0] + i, grad);
    store(slot[1] + i, step);
    const V sign = indicator_lt(zero, grad) - indicator_lt(grad, zero);
    return p - sign * step;
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* prev = state[0];
    T* step_size = state[1];
    const T eta_minus = T(s.hyper.own[Own::etaminus]), eta_plus = T(s.hyper.own[Own::etaplus]);
    const T step_min = T(s.hyper.own[Own::step_size_min]), step_max = T(s.hyper.own[Own::step_size_max]);
    for (size_t i = 0; i < n; ++i) {
      const T product = g[i] * prev[i];
      const T eta = product > 0 ? eta_plus : product < 0 ? eta_minus : T(1);
      const T grown = step_size[i] * eta;
      step_size[i] = grown < step_min ? step_min : grown > step_max ? step_max : grown;
      const T grad = product < 0 ? T(0) : g[i];
      prev[i] = grad;
      const T sign = grad > 0 ? T(1) : grad < 0 ? T(-1) : T(0);
      p[i] = p[i] - sign * step_size[i];
    }
  }

  // The per-coordinate step size Δ (what the step moves by); nothing is divided by.
  static Moments moments(const OptimizerSpec&, const RunningScalars&, const double* slot) {
    return {slot[1], nan_moment()};
  }

  // Δ₀ = lr; a schedule does not change the run, so the rule has no variant.
  static std::string latex(const OptimizerSpec&) { return info().latex; }
};

}  // namespace gs::optim::rules
