// AdamW: Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019, Algorithm 2,
// as torch.optim.AdamW 1.13 computes it: θ ← θ·(1 − α·λ) before Adam's step (adam.hpp), whose
// gradient then carries no L2 term. A run with λ = 0 multiplies by 1.
// State slots: exp_avg, exp_avg_sq, max_exp_avg_sq.
#pragma once

#include "optim/rules/adam.hpp"

namespace gs::optim::rules {

struct Adamw : Adam {
  static constexpr Kind kKind = Kind::Adamw;

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
};

}  // namespace gs::optim::rules
