// What Schedule-Free SGD and Schedule-Free AdamW share (schedulefree_sgd.hpp, schedulefree_adamw.hpp):
// Defazio, Yang, Mehta, Mishchenko, Khaled & Cutkosky, "The Road Less Scheduled", NeurIPS 2024, as the
// official facebookresearch/schedule_free code (schedulefree/sgd_schedulefree.py and
// adamw_schedulefree.py, commit 70785b5, package 1.4.1) computes it. Three sequences per coordinate:
//   z  the base iterate, which takes the steps:          z_t = z_{t−1} − γ_t·d_t
//   x  the weighted average of z, the point to evaluate: x_t = (1 − c_t)·x_{t−1} + c_t·z_t
//   y  the point where the gradient is taken:             y_t = (1 − β)·z_t + β·x_t
// The engine's θ is y (the reference's p in train mode). The reference keeps only y and z and updates
// y in place without x, with torch's lerp; the engine does the same, then writes x = lerp(y, z, 1 − 1/β),
// what the reference's optimizer.eval() puts in p, to a slot. Slots (the front end reads them to draw
// the three points: y is θ, z is slot 0, x is slot 1):
//   0 z, set to y on the first step (the reference clones p when its state is empty)
//   1 x, written every step, never read by the update
// The per-step scalars (the reference's param-group bookkeeping; t = k + 1 is the 1-based step):
//   γ_t = lr·min(1, t/W)                        the code's linear warmup over W = warmup_steps
//   γ_max = max(γ_max, γ_t)                     RunningLanes::own[0]
//   w_t = t^r·γ_max^p                           r, p = weight_lr_power
//   S_t = S_{t−1} + w_t                         RunningLanes::own[1], the reference's weight_sum
//   c_t = w_t/S_t (0 while S_t = 0)             the reference's ckp1
// With r = 0 and p = 2 this is the paper's c_{t+1} = γ_t²/Σγ_i² (γ_max = γ_t while the warmup makes
// γ grow). The reference starts lr_max at −1 and the engine at 0: the same for every lr > 0, which
// the lr range requires (with lr = 0 the reference's weight would be (−1)^p). A schedule of the
// engine multiplies lr before the warmup, as a torch scheduler setting the group's lr would.
// The update, the reference's in-place form (d: the step direction, with weight decay at y):
//   y ← lerp(y, z, c_t);  y ← y + γ_t·(β·(1 − c_t) − 1)·d;  z ← z − γ_t·d
// torch's lerp(a, b, w) is two-sided: a + w·(b − a) when w < 0.5, else b − (b − a)·(1 − w) (so c_1 = 1
// gives y = z exactly); the side is a 1/0 coefficient of the step's c_t, the same for every coordinate.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "optim/rules/rule_base.hpp"
#include "optim/rules/rule_latex.hpp"

namespace gs::optim::rules {

struct ScheduleFreeBase : RuleBase {
  struct Own {
    enum : int { warmup_steps, r, weight_lr_power };  // OptimizerSpec::own, HyperLanes::own
  };
  struct Running {
    enum : size_t { lr_max, weight_sum };  // RunningLanes::own
  };
  struct Scalar {
    enum : size_t { ckp1 };  // ScalarLanes::own (AdamW adds its bias correction after it)
  };
  enum : int { kSlotZ, kSlotX };
  static constexpr int kRunning = 2;

  // s.lr becomes γ_t, the learning rate after the engine's schedule and the code's warmup (what the
  // step uses and the UI's lr curve shows).
  template <class L>
  static void scalars(ScalarLanes<L>& s, const HyperLanes<L>& h, RunningLanes<L>& r, const StepShared& shared) {
    const L zero = broadcast<L>(0.0), one = broadcast<L>(1.0);
    const L t = step_constant<L>(static_cast<double>(shared.t));
    // (k+1)/W while k < W, else 1: t/W ≤ 1 exactly then, > 1 after, +∞ for W = 0 (warmup_steps is an integer)
    s.lr = s.lr * lane_min(t / h.own[Own::warmup_steps], one);
    r.own[Running::lr_max] = max(s.lr, r.own[Running::lr_max]);
    const L weight = det_pow(t, h.own[Own::r]) * det_pow(r.own[Running::lr_max], h.own[Own::weight_lr_power]);
    r.own[Running::weight_sum] = r.own[Running::weight_sum] + weight;
    // S_t = 0 only when w_t = 0: then c_t = 0/1 = 0 (the reference's ZeroDivisionError branch)
    const L weight_sum = r.own[Running::weight_sum];
    s.own[Scalar::ckp1] = weight / (weight_sum + (one - indicator_ne(weight_sum, zero)));
  }

  // The coefficients both rules read, first in their coefficient arrays.
  enum : size_t { kCkp1, kOneMinusCkp1, kLerpLow, kYStep, kLr, kXWeight, kWeightDecay, kWeightDecayOn, kShared };
  template <size_t N, class W>
  static std::array<W, N> shared_coefficients(const ScalarLanes<W>& s, const HyperLanes<W>& h) {
    const W one = lane_const<W>(1.0);
    const W ckp1 = s.own[Scalar::ckp1];
    std::array<W, N> c{};
    c[kCkp1] = ckp1;
    c[kOneMinusCkp1] = one - ckp1;
    c[kLerpLow] = indicator_lt(ckp1, lane_const<W>(0.5));
    c[kYStep] = s.lr * (h.beta1 * (one - ckp1) - one);
    c[kLr] = s.lr;
    c[kXWeight] = one - one / h.beta1;
    c[kWeightDecay] = s.weight_decay;
    c[kWeightDecayOn] = indicator_ne(s.weight_decay, lane_const<W>(0.0));
    return c;
  }

  // The step from y = p along d: stores z and x at i and returns the new y. x = lerp(y, z, 1 − 1/β) takes
  // the first side, a + w·(b − a), for every β (w ≤ 0), as the port does with torch 1.13's lerp.
  template <bool kFirst, class V, size_t N, class T>
  static V step(const std::array<V, N>& c, V p, V d, T* const* slot, size_t i) {
    V z = p;
    if constexpr (!kFirst) z = load<V>(slot[kSlotZ] + i);
    const V to_z = z - p;
    V y = select_eq(c[kLerpLow], broadcast<V>(1.0f), p + c[kCkp1] * to_z, z - to_z * c[kOneMinusCkp1]);
    y = y + c[kYStep] * d;
    z = z - c[kLr] * d;
    store(slot[kSlotZ] + i, z);
    store(slot[kSlotX] + i, y + c[kXWeight] * (z - y));
    return y;
  }

  // The readable form of step() for the reference twins.
  template <class T>
  static T reference_step(const StepScalars& s, T p, T d, T* z, T* x) {
    const double ckp1 = s.own[Scalar::ckp1];
    if (s.flags.first) *z = p;
    const T y_lerp = ckp1 < 0.5 ? p + T(ckp1) * (*z - p) : *z - (*z - p) * T(1 - ckp1);
    const T y = y_lerp + T(s.lr * (s.hyper.beta1 * (1 - ckp1) - 1)) * d;
    *z = *z - T(s.lr) * d;
    *x = y + T(1 - 1 / s.hyper.beta1) * (*z - y);
    return y;
  }

  // The average x (the point to evaluate) and the base sequence z, drawn beside the trajectory y.
  static constexpr int kCompanions = 2;
  static void companions(const RunningScalars&, const double* slot, double* out) {
    out[0] = slot[kSlotX];
    out[1] = slot[kSlotZ];
  }
  static constexpr std::array<const char*, 2> kCompanionLabels = {"x (average)", "z (base sequence)"};

  // z − x = (y − x)/(1 − β): how far the gradient point runs ahead of the average (none before a step).
  static double z_minus_x(const RunningScalars& r, const double* slot) {
    return r.t == 0 ? nan_moment() : slot[kSlotZ] - slot[kSlotX];
  }

  // The code's hyperparameters beyond lr, β and weight decay.
  static std::vector<HyperInfo> schedule_hypers() {
    using namespace fields;
    return {own("warmup_steps", Own::warmup_steps, ParamType::Integer, 0, Range{0, 1e9}, 0, 200, "linear",
                "W: linear warmup γ_t = lr·min(1, t/W) of the code (0: none)"),
            own("r", Own::r, ParamType::Real, 0, Range{0, 10}, 0, 4, "linear",
                "r: polynomial weighting t^r of the average (0: none)"),
            own("weight_lr_power", Own::weight_lr_power, ParamType::Real, 2, Range{0, 10}, 0, 4, "linear",
                "p: the average weights step t by γ_max^p, the largest γ so far (0: no weighting)")};
  }
  // β of y = (1 − β)·z + β·x, under the rule's name for it (momentum, beta1). 0 is excluded: the reference
  // divides by β (x = lerp(y, z, 1 − 1/β)), and β > 0 makes RuleFlags::first mark the first step.
  static HyperInfo interpolation(const char* name, double OptimizerSpec::*field) {
    using namespace fields;
    return {name, ParamType::Real, 0.9, Range{0, 1, true, false}, 0.05, 0.99, "linear",
            "β: the gradient is taken at y = (1 − β)·z + β·x, between the iterate z and the average x",
            field};
  }

  // The averaging lines of the rule a spec runs, after its step direction d_t: the warmup, w_t and c_t,
  // then z, x and y. `beta` is the symbol of β (β, β_1); RuleLatex's lr symbol is γ.
  static std::string latex_tail(const OptimizerSpec& spec, RuleLatex& r, const std::string& beta,
                                const std::string& direction) {
    const bool warmup = spec.own[Own::warmup_steps] != 0;
    const bool scheduled = spec.schedule.kind != ScheduleKind::Constant;
    // the learning rate of step i: the engine's lr (γ, γ_i under a schedule), warmed up (γ̂_i)
    const auto lr_at = [&](const std::string& i) -> std::string {
      if (warmup) return R"(\hat\gamma_)" + i;
      return scheduled ? R"(\gamma_)" + i : R"(\gamma)";
    };
    if (warmup) r.line(lr_at("t") + " &= " + r.lr() + R"(\,\min(1,\ t/W))");
    std::string weight;
    if (spec.own[Own::r] != 0) weight = "t^r";
    if (spec.own[Own::weight_lr_power] != 0) {
      if (!weight.empty()) weight += R"(\,)";
      weight += warmup || scheduled ? R"(\big(\max_{i\le t} )" + lr_at("i") + R"(\big)^p)" : lr_at("t") + "^p";
    }
    if (weight.empty()) weight = "1";
    r.line(R"(w_t &= )" + weight + R"(,\quad c_t = w_t \big/ \textstyle\sum_{i\le t} w_i)");
    return r.line("z_t &= z_{t-1} - " + lr_at("t") + R"(\,)" + direction)
        .line(R"(x_t &= (1-c_t)\,x_{t-1} + c_t\,z_t)")
        .line("y_t &= (1-" + beta + R"()\,z_t + )" + beta + R"(\,x_t)")
        .str();
  }
};

}  // namespace gs::optim::rules
