// Learning-rate schedules and the β1 decay of the Adam paper's Theorem 4.1, as closed forms of the
// 1-based step t (torch's lr_scheduler closed forms, with the scheduler's epoch e = t − 1):
//   constant     lr
//   inv_sqrt     lr/√t                                  (Theorem 4.1's α_t = α/√t)
//   step         lr·γ^⌊(t−1)/step_size⌋                 (torch StepLR)
//   exponential  lr·γ^(t−1)                             (torch ExponentialLR)
//   cosine       η_min + (lr−η_min)(1 + cos(π(t−1)/T_max))/2   (torch CosineAnnealingLR)
//   warmup       lr·min(1, t/warmup_steps)              (torch LinearLR from 1/W to 1 over W−1 steps)
//   β1,t = β1·λ^(t−1)                                   (Theorem 4.1, λ ∈ (0, 1])
// Powers with integer exponents use exponentiation by squaring and the cosine uses gs::dm, so a
// schedule gives the same bits natively and in wasm.
//
// A schedule is split into the part that depends on t only (schedule_factor: √t, γ^k, 1 + cos,
// t/W), computed once per step, and its application to a learning rate (apply_schedule), which is
// generic over the lane type: double for one run, simd::Vec<double> for the sweep engine, where
// every lane is a run with its own lr. scheduled_lr is the composition of the two.
#pragma once

#include <cstdint>

#include "core/simd.hpp"
#include "optim/spec.hpp"

namespace gs::optim {

// b^e by repeated squaring: only multiplications, deterministic on every IEEE platform.
double ipow(double b, uint64_t e);

// The t-dependent factor of the schedule: √t (inv_sqrt), γ^k (step, exponential),
// 1 + cos(π(t−1)/T_max) (cosine), t/W (warmup), 1 (constant).
double schedule_factor(const ScheduleSpec& s, uint64_t t);

// x, a value that changes from step to step, on every lane: simd::broadcast, except for a lane
// type that tracks what its values depend on (src/sweep/coefficient_trace.hpp marks it as depending on t).
template <class L>
L step_constant(double x) {
  if constexpr (requires { L::step_constant(x); }) {
    return L::step_constant(x);
  } else {
    return simd::broadcast<L>(x);
  }
}

// The learning rate of step t for each lane's lr, given schedule_factor(s, t).
template <class L>
L apply_schedule(L lr, const ScheduleSpec& s, double factor) {
  using simd::broadcast;
  switch (s.kind) {
    case ScheduleKind::Constant: return lr;
    case ScheduleKind::InvSqrt: return lr / step_constant<L>(factor);
    case ScheduleKind::Step:
    case ScheduleKind::Exponential: return lr * step_constant<L>(factor);
    case ScheduleKind::Cosine:
      return broadcast<L>(s.eta_min) + (lr - broadcast<L>(s.eta_min)) * step_constant<L>(factor) / broadcast<L>(2.0);
    case ScheduleKind::Warmup: return factor < 1 ? lr * step_constant<L>(factor) : lr;
  }
  return lr;
}

double scheduled_lr(double lr, const ScheduleSpec& s, uint64_t t);

// β1,t = β1·λ^(t−1), in closed form. The optimizers advance λ^t by one multiplication per step
// instead (optimizer.hpp, RunningLanes::decay_pow); this form is for callers outside a run.
double decayed_beta1(double beta1, double lambda, uint64_t t);

}  // namespace gs::optim
