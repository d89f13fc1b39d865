// AdamW: Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019, Algorithm 2,
// as torch.optim.AdamW 1.13 computes it: θ ← θ·(1 − α·λ) before Adam's step (adam.hpp), whose
// gradient then carries no L2 term. A run with λ = 0 multiplies by 1.
// State slots: exp_avg, exp_avg_sq, max_exp_avg_sq.
#pragma once

#include "optim/rules/adam.hpp"

namespace gs::optim::rules {

struct Adamw : Adam {

  // Its registry entry (src/optim/registry.hpp: OptimizerInfo).
  static OptimizerInfo info() {
    using namespace fields;
    return {"adamw", "AdamW", "torch.optim.AdamW (1.13); Loshchilov & Hutter 2019",
            "Adam with decoupled weight decay: the parameters shrink by (1 − αλ) each step instead of an L2 term "
            "in the gradient.",
            R"(\begin{aligned}\theta &\leftarrow \theta\,(1-\alpha\lambda)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
            R"(\theta_t &= \theta - \alpha\,\hat m_t/(\sqrt{\hat v_t}+\epsilon)\end{aligned})",
            {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8),
             weight_decay(1e-2, "decoupled weight decay λ: θ ← θ(1 − αλ)"), amsgrad(), bias_correction()},
            true, "|m̂|", "√v̂", true, 0.05, true, true, 6};
  }

  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    Adam::scalars(s, h, r, shared);
    s.decay = broadcast<L>(1.0) - s.lr * h.weight_decay;
    s.weight_decay = broadcast<L>(0.0);
  }

  template <class F>
  static void dispatch(const RuleFlags& f, F&& fn) {
    with_flags(fn, f.amsgrad, f.any_weight_decay, false);
  }

  static std::string latex(const OptimizerSpec& spec) { return adam_latex(spec, true); }
};

}  // namespace gs::optim::rules
