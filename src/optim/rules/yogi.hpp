// Yogi: Zaheer, Reddi, Sachan, Kale & Kumar, "Adaptive Methods for Nonconvex Optimization",
// NeurIPS 2018, Algorithm 2 (YOGI). The authors published no standalone code; this is TensorFlow
// Addons' tensorflow_addons/optimizers/yogi.py (tensorflow/addons d208d752, class Yogi,
// _resource_apply_dense), which the NumPy port tests/fixtures/ports/yogi.py follows line for line:
//   η̂ = η·√(1−β2^t)/(1−β1^t)
//   m = β1·m + (1−β1)·g;  v = v + ((1−β2)·sign(g² − v))·g²   (tanh: tanh(10·(g² − v)) for the sign)
//   η̃ = η̂/(√v + ε);  u = θ − η̃·m
//   l1 > 0:  θ = (|u| > l1·η̃)·(u − l1·η̃·sign(u))/(1 + l2·η̃)   (_solve: soft-thresholding, then shrinking)
//   l2 > 0:  θ = u/(1 + l2·η̃);  else θ = u
// What TF Addons changes in the paper's Algorithm 2: v starts at initial_accumulator_value (1e-6),
// not 0; Adam's bias correction folded into the learning rate (ε added to the uncorrected √v);
// ε = 1e-3; the optional tanh activation (hard-coded factor 10); the l1/l2 proximal step after the
// update. β1 = 0 (the reference's branch without m) gives m = g and β1^t = 0 here: the same numbers.
// TF's `activation` ("sign" or "tanh") is the boolean `tanh`. β^t are the running products of
// step_scalars.hpp (≤ 8 ulp from the reference's pow over 200 steps).
// State slots: m, v (starts at initial_accumulator_value).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Yogi : RuleBase {
  struct Own {
    // OptimizerSpec::own, HyperLanes::own
    enum : int { initial_accumulator_value, l1_regularization_strength, l2_regularization_strength, tanh };
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    HyperInfo b1 = beta1(0.9);
    b1.description = "β1: decay rate of the momentum m (0: the step follows g)";
    HyperInfo b2 = beta2(0.999);
    b2.description = "β2: v moves toward g² by (1 − β2)·g² per step, additively (Adam: multiplicatively)";
    return {"yogi", "Yogi", "tensorflow/addons tensorflow_addons/optimizers/yogi.py; Zaheer et al. 2018, Algorithm 2",
            "Adam whose second moment moves toward g² by an additive (1 − β2)·g² step in the direction of "
            "sign(g² − v), so v cannot forget a large gradient as fast as Adam's. TF Addons' form: v starts at "
            "initial_accumulator_value, with Adam's bias correction and an optional l1/l2 proximal step.",
            R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ )"
            R"(v_t &= v_{t-1} + (1-\beta_2)\,\operatorname{sign}(g_t^2 - v_{t-1})\,g_t^2\\ )"
            R"(\tilde\eta_t &= \frac{\eta\sqrt{1-\beta_2^t}}{(1-\beta_1^t)(\sqrt{v_t}+\epsilon)}\\ )"
            R"(\theta_t &= \operatorname{prox}_{\tilde\eta_t(\lambda_1|\cdot| + \frac{\lambda_2}{2}(\cdot)^2)}\big(\theta_{t-1} - \tilde\eta_t\, m_t\big)\end{aligned})",
            {lr(0.01, "learning rate η (before the schedule)"), b1, b2,
             eps(1e-3, "ε added to √v (before the bias correction, as TF's Adam)"),
             own("initial_accumulator_value", Own::initial_accumulator_value, ParamType::Real, 1e-6, Range{0, 1e6},
                 1e-8, 10, "log", "starting value of v"),
             own("l1_regularization_strength", Own::l1_regularization_strength, ParamType::Real, 0, Range{0, 100}, 0, 1,
                 "linear", "λ1 of the proximal step after the update: soft-thresholding by λ1·η̃ (0: off)"),
             own("l2_regularization_strength", Own::l2_regularization_strength, ParamType::Real, 0, Range{0, 100}, 0, 1,
                 "linear", "λ2 of the proximal step after the update: division by 1 + λ2·η̃ (0: off)"),
             own_flag("tanh", Own::tanh, false,
                      "TF's activation \"tanh\": tanh(10(g² − v)) in place of sign(g² − v) (false: \"sign\")")},
            false, "|m̂|", "√v̂", true, 0.05, false, false, 15};
  }
  static constexpr int kSlots = 2;
  static constexpr bool kBiasPowers = true;

  static double initial_state(const OptimizerSpec& spec, int slot) {
    return slot == 1 ? spec.own[Own::initial_accumulator_value] : 0;
  }
  // The weight_decay role holds λ1 + λ2 (both ≥ 0), so RuleFlags::any_weight_decay says whether some
  // run takes the proximal step; the step reads λ1 and λ2 from their own roles.
  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
    h.weight_decay = spec.own[Own::l1_regularization_strength] + spec.own[Own::l2_regularization_strength];
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>&, RunningLanes<L>& r, const StepShared&) {
    const L one = broadcast<L>(1.0);
    s.bc2_sqrt = sqrt(one - r.beta2_pow);
    s.step_size = s.lr * s.bc2_sqrt / (one - r.beta1_pow);
  }

  enum : size_t { kBeta1, kOneMinusBeta1, kOneMinusBeta2, kStepSize, kEps, kL1, kL2, kL1On, kCount };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W zero = lane_const<W>(0.0), one = lane_const<W>(1.0);
    const W l1 = h.own[Own::l1_regularization_strength];
    return {h.beta1, one - h.beta1, one - h.beta2, s.step_size, s.eps, l1, h.own[Own::l2_regularization_strength],
            indicator_lt(zero, l1)};
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.own[Own::tanh], f.any_weight_decay);
  }

  template <bool kTanh, bool kProximal, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V zero = broadcast<V>(0.0f), one = broadcast<V>(1.0f);
    const V m = load<V>(slot[0] + i) * c[kBeta1] + g * c[kOneMinusBeta1];
    store(slot[0] + i, m);
    const V v = load<V>(slot[1] + i);
    const V grad2 = g * g;
    const V gap = grad2 - v;
    V direction;
    if constexpr (kTanh) {
      direction = det_tanh(broadcast<V>(10.0f) * gap);
    } else {
      direction = indicator_lt(zero, gap) - indicator_lt(gap, zero);
    }
    const V v_next = v + c[kOneMinusBeta2] * direction * grad2;
    store(slot[1] + i, v_next);
    const V per_coord_lr = c[kStepSize] / (sqrt(v_next) + c[kEps]);
    const V next = p - per_coord_lr * m;
    if constexpr (kProximal) {
      // _solve(a, b, c) with a = 1 + λ2·η̃, b = −u, c = λ1·η̃; λ2 = 0 divides by exactly 1
      const V shrink = one + c[kL2] * per_coord_lr;
      const V b = broadcast<V>(-1.0f) * next;
      const V threshold = c[kL1] * per_coord_lr;
      const V sign_b = indicator_lt(zero, b) - indicator_lt(b, zero);
      const V solved = indicator_lt(threshold, abs(b)) * ((threshold * sign_b - b) / shrink);
      return select_eq(c[kL1On], one, solved, next / shrink);
    } else {
      return next;
    }
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* m = state[0];
    T* v = state[1];
    const T beta1 = T(s.hyper.beta1), one_minus_beta1 = T(1 - s.hyper.beta1), one_minus_beta2 = T(1 - s.hyper.beta2);
    const T step_size = T(s.step_size), eps = T(s.eps);
    const double l1 = s.hyper.own[Own::l1_regularization_strength], l2 = s.hyper.own[Own::l2_regularization_strength];
    const T l1_t = T(l1), l2_t = T(l2);
    const bool use_tanh = s.flags.own[Own::tanh];
    for (size_t i = 0; i < n; ++i) {
      m[i] = m[i] * beta1 + g[i] * one_minus_beta1;
      const T grad2 = g[i] * g[i];
      const T gap = grad2 - v[i];
      const T direction = use_tanh ? det_tanh(T(10) * gap) : gap > 0 ? T(1) : gap < 0 ? T(-1) : T(0);
      v[i] = v[i] + one_minus_beta2 * direction * grad2;
      const T per_coord_lr = step_size / (std::sqrt(v[i]) + eps);
      T next = p[i] - per_coord_lr * m[i];
      if (l1 > 0) {
        const T shrink = T(1) + l2_t * per_coord_lr, b = -next, threshold = l1_t * per_coord_lr;
        const T sign_b = b > 0 ? T(1) : b < 0 ? T(-1) : T(0);
        next = (std::abs(b) > threshold ? T(1) : T(0)) * ((threshold * sign_b - b) / shrink);
      } else if (l2 > 0) {
        next = next / (T(1) + l2_t * per_coord_lr);
      }
      p[i] = next;
    }
  }

  // m̂ and v̂ as the step uses them: η̂·m/(√v + ε) = η·m̂/(√v̂ + ε/√(1−β2^t)).
  static Moments moments(const OptimizerSpec&, const RunningScalars& r, const double* slot) {
    return {slot[0] / (1 - r.beta1_pow), slot[1] / (1 - r.beta2_pow)};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\eta)");
    r.line(R"(m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t)");
    const char* direction = spec.own[Own::tanh] != 0 ? R"(\tanh\big(10\,(g_t^2 - v_{t-1})\big))"
                                                       : R"(\operatorname{sign}(g_t^2 - v_{t-1}))";
    r.line(R"(v_t &= v_{t-1} + (1-\beta_2)\,)" + std::string(direction) + R"(\,g_t^2)");
    r.line(R"(\tilde\eta_t &= \frac{)" + r.lr() + R"(\sqrt{1-\beta_2^t}}{(1-\beta_1^t)(\sqrt{v_t}+\epsilon)})");
    const double l1 = spec.own[Own::l1_regularization_strength], l2 = spec.own[Own::l2_regularization_strength];
    if (l1 > 0) {
      const std::string shrink = l2 > 0 ? R"(/(1+\lambda_2\tilde\eta_t))" : "";
      return r.line(R"(u_t &= \theta_{t-1} - \tilde\eta_t\, m_t)")
          .line(R"(\theta_t &= \operatorname{sign}(u_t)\,\max\big(|u_t| - \lambda_1\tilde\eta_t,\ 0\big))" + shrink)
          .str();
    }
    if (l2 > 0) return r.line(R"(\theta_t &= \big(\theta_{t-1} - \tilde\eta_t\, m_t\big)/(1+\lambda_2\tilde\eta_t))").str();
    return r.line(R"(\theta_t &= \theta_{t-1} - \tilde\eta_t\, m_t)").str();
  }
};

}  // namespace gs::optim::rules
