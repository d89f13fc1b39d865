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
#pragma once

#include <cstdint>

#include "optim/spec.hpp"

namespace gs::optim {

// b^e by repeated squaring: only multiplications, deterministic on every IEEE platform.
double ipow(double b, uint64_t e);

double scheduled_lr(double lr, const ScheduleSpec& s, uint64_t t);

// β1,t = β1·λ^(t−1).
double decayed_beta1(double beta1, double lambda, uint64_t t);

}  // namespace gs::optim
