// What the rules built on Adam's moment estimates share (Kingma & Ba 2015, Algorithm 1, lines
// "m_t ← β1·m_{t−1} + (1 − β1)·g_t" and "v_t ← β2·v_{t−1} + (1 − β2)·g_t²"): β1 and β2 as
// hyperparameters, the running powers β1^t and β2^t, the decaying β1,t, and the two moment updates
// on slots 0 (exp_avg) and 1 (exp_avg_sq), stored before the rule uses them.
#pragma once

#include "optim/rules/rule_base.hpp"

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

}  // namespace gs::optim::rules
