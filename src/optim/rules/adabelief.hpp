// AdaBelief: Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris & Duncan, "AdaBelief Optimizer:
// Adapting Stepsizes by the Belief in Observed Gradients", NeurIPS 2020, Algorithm 2, as the official
// juntang-zhuang/Adabelief-Optimizer pypi_packages/adabelief_pytorch0.2.1/adabelief_pytorch/AdaBelief.py
// (adabelief-pytorch 0.2.1, commit 2855178) computes it; the NumPy port tests/fixtures/ports/adabelief.py
// follows that file line for line:
//   weight_decouple: θ ← θ·(1 − α·λ)  (fixed_decay: θ ← θ·(1 − λ));  else g ← g + λ·θ
//   m = β1·m + (1−β1)·g;  s = β2·s + (1−β2)·(g − m)² + ε   (ε enters the state every step)
//   amsgrad: s_max = max(s_max, s)
//   rectify off:  θ ← θ − (α/(1−β1^t))·m / (√s/√(1−β2^t) + ε)       (s_max with amsgrad)
//   rectify on (RAdam's, Liu et al. 2020):  ρ∞ = 2/(1−β2) − 1,  ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
//     ρ_t ≥ 5:  θ ← θ − (r_t·√(1−β2^t)/(1−β1^t))·α·m / (√s + ε),  r_t = √((ρ_t−4)(ρ_t−2)ρ∞/((ρ∞−4)(ρ∞−2)ρ_t))
//     else:     θ ← θ − (1/(1−β1^t))·α·m  (degenerated_to_sgd), or θ unchanged
// What the reference adds to the paper's Algorithm 2: decoupled weight decay (on by default) and
// fixed_decay, the rectification (on by default: the denominator is then √s + ε, with neither the
// bias correction of s nor s_max, so amsgrad changes only the non-rectified update) and AMSGrad.
// β^t are the running products of step_scalars.hpp (≤ 8 ulp from the reference's ** over 200 steps).
// The decay switches are read as 1/0 values in scalars() (×1 and +0 change no bits), so one
// update body serves the three decay modes; ρ_t ≥ 5 is a 1/0 coefficient per run.
// State slots: exp_avg (m), exp_avg_var (s), max_exp_avg_var (s_max).
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct Adabelief : RuleBase {
  struct Own {
    enum : int { weight_decouple, fixed_decay, rectify, degenerated_to_sgd };  // OptimizerSpec::own, HyperLanes::own
  };
  struct Scalar {
    // ScalarLanes::own: ρ_t, the rectified step r_t·√(1−β2^t)/(1−β1^t) (NaN where ρ_t is too small
    // for the square root; the update then takes the other branch) and the warm-up step 1/(1−β1^t)
    enum : size_t { rho_t, rect_step, sgd_step };
  };

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    HyperInfo b1 = beta1(0.9);
    b1.description = "β1: decay rate of the gradient's moving average m";
    HyperInfo b2 = beta2(0.999);
    b2.description = "β2: decay rate of the belief s, the moving average of (g − m)²";
    HyperInfo epsilon = eps(1e-16, "ε: added to s every step (into the state) and again to the denominator");
    epsilon.slider_min = 1e-20;
    epsilon.slider_max = 1e-4;
    return {"adabelief", "AdaBelief",
            "juntang-zhuang/Adabelief-Optimizer adabelief-pytorch 0.2.1; Zhuang et al. 2020, Algorithm 2",
            "Adam that divides by the belief in the gradient: the moving average of (g − m)², its deviation from "
            "the momentum, instead of g². Steps are large where the gradient is predictable. As the reference "
            "0.2.1: decoupled weight decay and RAdam's rectification by default.",
            R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t,\quad s_t = \beta_2 s_{t-1} + (1-\beta_2)\,(g_t-m_t)^2 + \epsilon\\ )"
            R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \hat s_t = s_t/(1-\beta_2^t)\\ )"
            R"(\theta_t &= \theta_{t-1} - \alpha\,\hat m_t/(\sqrt{\hat s_t}+\epsilon)\\ )"
            R"(\text{rectify: }\theta_t &= \theta_{t-1} - \alpha\,\hat m_t\cdot\begin{cases} r_t\sqrt{1-\beta_2^t}/(\sqrt{s_t}+\epsilon) & \rho_t \ge 5\\ 1 & \text{otherwise}\end{cases}\end{aligned})",
            {lr(1e-3, "step size α (before the schedule)"), b1, b2, epsilon,
             weight_decay(0, "weight decay λ: decoupled θ ← θ(1 − αλ) (weight_decouple), else g + λθ"), amsgrad(),
             own_flag("weight_decouple", Own::weight_decouple, true,
                      "decoupled weight decay (AdamW): θ ← θ(1 − αλ) before the step; false: L2 term g + λθ"),
             own_flag("fixed_decay", Own::fixed_decay, false,
                      "with weight_decouple: θ ← θ(1 − λ), independent of the learning rate"),
             own_flag("rectify", Own::rectify, true,
                      "RAdam's rectification: the rectified step where ρₜ ≥ 5, else the warm-up step"),
             own_flag("degenerated_to_sgd", Own::degenerated_to_sgd, true,
                      "with rectify: the warm-up step (ρₜ < 5) is momentum SGD θ − α·m̂; false: no step")},
            false, "|m̂|", "√s (belief)", true, 0.01, false, false, 14};
  }
  static constexpr int kSlots = 3;
  static constexpr bool kBiasPowers = true;
  static constexpr double kRectified = 5;  // rectifies where ρ_t ≥ 5

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    const L one = broadcast<L>(1.0), two = broadcast<L>(2.0), four = broadcast<L>(4.0);
    const L bc1 = one - r.beta1_pow;
    const L bc2 = one - r.beta2_pow;
    s.bc2_sqrt = sqrt(bc2);
    s.step_size = s.lr / bc1;
    const L rho_inf = two / (one - h.beta2) - one;
    const L rho = rho_inf - step_constant<L>(2 * static_cast<double>(shared.t)) * r.beta2_pow / bc2;
    s.own[Scalar::rho_t] = rho;
    const L rect = sqrt(bc2 * (rho - four) / (rho_inf - four) * (rho - two) / rho * rho_inf / (rho_inf - two));
    s.own[Scalar::rect_step] = rect / bc1;
    s.own[Scalar::sgd_step] = one / bc1;
    // decoupled: 1 − α·λ, or 1 − λ with fixed_decay; 1 for the L2 form, whose λ goes to the gradient
    const L decouple = h.own[Own::weight_decouple], fixed = h.own[Own::fixed_decay];
    s.decay = one - decouple * (fixed + (one - fixed) * s.lr) * h.weight_decay;
    s.weight_decay = (one - decouple) * h.weight_decay;
  }

  // Twelve, the sweep's limit (kMaxCoefficients): the L2 term's on/off is read off kWeightDecay in update.
  enum : size_t {
    kBeta1, kOneMinusBeta1, kBeta2, kOneMinusBeta2, kEps, kWeightDecay, kDecay, kBc2Sqrt, kNegStepSize, kNegRectStep,
    kNegSgdStep, kRectifiedOn, kCount
  };
  template <class W>
  static std::array<W, kCount> coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0), minus_one = lane_const<W>(-1.0);
    return {h.beta1,
            one - h.beta1,
            h.beta2,
            one - h.beta2,
            s.eps,
            s.weight_decay,
            s.decay,
            s.bc2_sqrt,
            minus_one * s.step_size,
            minus_one * s.own[Scalar::rect_step] * s.lr,
            minus_one * s.own[Scalar::sgd_step] * s.lr,
            indicator_le(lane_const<W>(kRectified), s.own[Scalar::rho_t])};
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.amsgrad, f.own[Own::rectify], f.own[Own::degenerated_to_sgd], f.any_weight_decay);
  }

  template <bool kAmsgrad, bool kRectify, bool kDegenerated, bool kAnyWeightDecay, class V, class T>
  static V update(const std::array<V, kCount>& c, V p, V g, T* const* slot, size_t i) {
    const V zero = broadcast<V>(0.0f), one = broadcast<V>(1.0f);
    V grad = g;
    if constexpr (kAnyWeightDecay) {
      p = p * c[kDecay];
      grad = with_weight_decay(grad, p, c[kWeightDecay], indicator_ne(c[kWeightDecay], zero));
    }
    const V m = load<V>(slot[0] + i) * c[kBeta1] + c[kOneMinusBeta1] * grad;
    store(slot[0] + i, m);
    const V residual = grad - m;
    const V belief = load<V>(slot[1] + i) * c[kBeta2] + c[kOneMinusBeta2] * residual * residual + c[kEps];
    store(slot[1] + i, belief);
    V second = belief;
    if constexpr (kAmsgrad) {
      second = max(load<V>(slot[2] + i), belief);
      store(slot[2] + i, second);
    }
    if constexpr (kRectify) {
      const V rectified = p + (c[kNegRectStep] * m) / (sqrt(belief) + c[kEps]);
      V warmup = p;
      if constexpr (kDegenerated) warmup = p + c[kNegSgdStep] * m;
      return select_eq(c[kRectifiedOn], one, rectified, warmup);
    } else {
      return p + (c[kNegStepSize] * m) / (sqrt(second) / c[kBc2Sqrt] + c[kEps]);
    }
  }

  template <class T>
  static void reference(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
    T* exp_avg = state[0];
    T* exp_avg_var = state[1];
    T* max_exp_avg_var = state[2];
    const T beta1 = T(s.hyper.beta1), beta2 = T(s.hyper.beta2), eps = T(s.eps);
    const T one_minus_beta1 = T(1 - s.hyper.beta1), one_minus_beta2 = T(1 - s.hyper.beta2);
    const T weight_decay = T(s.weight_decay), decay = T(s.decay), bc2_sqrt = T(s.bc2_sqrt);
    const T neg_step_size = T(-s.step_size);
    const T neg_rect_step = T(-s.own[Scalar::rect_step] * s.lr), neg_sgd_step = T(-s.own[Scalar::sgd_step] * s.lr);
    const bool rectify = s.flags.own[Own::rectify], degenerated = s.flags.own[Own::degenerated_to_sgd];
    const bool rectified = s.own[Scalar::rho_t] >= kRectified;
    for (size_t i = 0; i < n; ++i) {
      if (s.decay != 1) p[i] = p[i] * decay;
      T grad = g[i];
      if (s.weight_decay != 0) grad = grad + weight_decay * p[i];
      exp_avg[i] = exp_avg[i] * beta1 + one_minus_beta1 * grad;
      const T residual = grad - exp_avg[i];
      exp_avg_var[i] = exp_avg_var[i] * beta2 + one_minus_beta2 * residual * residual + eps;
      T second = exp_avg_var[i];
      if (s.flags.amsgrad) {
        max_exp_avg_var[i] = max_exp_avg_var[i] < exp_avg_var[i] ? exp_avg_var[i] : max_exp_avg_var[i];
        second = max_exp_avg_var[i];
      }
      if (!rectify) {
        p[i] = p[i] + (neg_step_size * exp_avg[i]) / (std::sqrt(second) / bc2_sqrt + eps);
      } else if (rectified) {
        p[i] = p[i] + (neg_rect_step * exp_avg[i]) / (std::sqrt(exp_avg_var[i]) + eps);
      } else if (degenerated) {
        p[i] = p[i] + neg_sgd_step * exp_avg[i];
      }
    }
  }

  // m̂ and what the step divides by, squared: ŝ (s_max/(1−β2^t) with amsgrad), or s when rectified.
  static Moments moments(const OptimizerSpec& spec, const RunningScalars& r, const double* slot) {
    const double first = slot[0] / (1 - r.beta1_pow);
    if (spec.own[Own::rectify] != 0) return {first, slot[1]};
    return {first, (spec.amsgrad ? slot[2] : slot[1]) / (1 - r.beta2_pow)};
  }

  static std::string latex(const OptimizerSpec& spec) {
    RuleLatex r(spec, R"(\alpha)");
    if (spec.own[Own::weight_decouple] == 0) {
      r.l2(spec.weight_decay);
    } else if (spec.weight_decay != 0) {
      const std::string factor = spec.own[Own::fixed_decay] != 0 ? R"(\lambda)" : r.lr() + R"(\lambda)";
      r.line(R"(\theta_{t-1} &\leftarrow \theta_{t-1}\,(1-)" + factor + ")");
    }
    r.line(R"(m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t)");
    r.line(R"(s_t &= \beta_2 s_{t-1} + (1-\beta_2)\,(g_t-m_t)^2 + \epsilon)");
    const bool rectify = spec.own[Own::rectify] != 0;
    if (!rectify) {
      std::string s = "s_t";
      if (spec.amsgrad) {
        r.line(R"(s^{\max}_t &= \max(s^{\max}_{t-1},\ s_t))");
        s = R"(s^{\max}_t)";
      }
      r.line(R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \hat s_t = )" + s + R"(/(1-\beta_2^t))");
      return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,\hat m_t/(\sqrt{\hat s_t}+\epsilon))").str();
    }
    const char* warmup = spec.own[Own::degenerated_to_sgd] != 0 ? "1" : "0";
    return r.line(R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \rho_\infty = \tfrac{2}{1-\beta_2} - 1,\quad \rho_t = \rho_\infty - \tfrac{2t\beta_2^t}{1-\beta_2^t})")
        .line(R"(r_t &= \sqrt{\tfrac{(\rho_t-4)(\rho_t-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_t}})")
        .line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() +
              R"(\,\hat m_t\cdot\begin{cases} r_t\sqrt{1-\beta_2^t}/(\sqrt{s_t}+\epsilon) & \rho_t \ge 5\\ )" + warmup +
              R"( & \text{otherwise}\end{cases})")
        .str();
  }
};

}  // namespace gs::optim::rules
