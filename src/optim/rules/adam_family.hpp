// What the rules built on Adam's moment estimates share (Kingma & Ba 2015, Algorithm 1, lines
// "m_t ← β1·m_{t−1} + (1 − β1)·g_t" and "v_t ← β2·v_{t−1} + (1 − β2)·g_t²"): β1 and β2 as
// hyperparameters, the running powers β1^t and β2^t, the decaying β1,t, and the two moment updates
// on slots 0 (exp_avg) and 1 (exp_avg_sq), stored before the rule uses them.
#pragma once

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct AdamFamily : RuleBase {
  static constexpr bool kFirstMoment = true;
  static constexpr bool kBiasPowers = true;

  static void hyper(const OptimizerSpec& spec, HyperLanes<double>& h) {
    h.beta1 = spec.beta1;
    h.beta2 = spec.beta2;
  }
};

// m = β1·m + (1−β1)·g and v = β2·v + (1−β2)·g² at coordinate i, written back to the slots.
template <class V, class T>
inline void adam_moments(V grad, V beta1, V one_minus_beta1, V beta2, V one_minus_beta2, T* const* slot, size_t i,
                         V& m, V& v) {
  m = load<V>(slot[0] + i) * beta1 + one_minus_beta1 * grad;
  v = load<V>(slot[1] + i) * beta2 + one_minus_beta2 * grad * grad;
  store(slot[0] + i, m);
  store(slot[1] + i, v);
}

// Algorithm 1 as a spec of Adam or AdamW runs it: L2 (Adam) or decoupled (AdamW) weight decay when
// weight_decay ≠ 0, AMSGrad's running maximum of v, the bias corrections or the uncorrected form.
inline std::string adam_latex(const OptimizerSpec& spec, bool decoupled) {
  RuleLatex r(spec, R"(\alpha)");
  if (decoupled) {
    if (spec.weight_decay != 0) r.line(R"(\theta_{t-1} &\leftarrow \theta_{t-1}\,(1-)" + r.lr() + R"(\lambda))");
  } else {
    r.l2(spec.weight_decay);
  }
  r.decay_line(R"(\beta_1)");
  const std::string b1 = r.beta1();
  r.line("m_t &= " + b1 + " m_{t-1} + (1-" + b1 + R"()\,g_t)");
  r.line(R"(v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2)");
  std::string v = "v_t";
  if (spec.amsgrad) {
    r.line(R"(v^{\max}_t &= \max(v^{\max}_{t-1},\ v_t))");
    v = R"(v^{\max}_t)";
  }
  if (!spec.bias_correction) return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\, m_t/(\sqrt{)" + v + R"(}+\epsilon))").str();
  r.line(R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \hat v_t = )" + v + R"(/(1-\beta_2^t))");
  return r.line(R"(\theta_t &= \theta_{t-1} - )" + r.lr() + R"(\,\hat m_t/(\sqrt{\hat v_t}+\epsilon))").str();
}

}  // namespace gs::optim::rules
