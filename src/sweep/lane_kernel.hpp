// What the sweep's lane kernels share: the batch-wide flags that become template parameters, and
// the helpers their bodies use. A lane kernel is the element-wise kernel of optim/kernels/ with
// its per-step scalars per lane: `coefficients` is the kernel's prologue (the T values it derives
// from StepScalars, e.g. T(1 − β1) or T(1/√(1−β2^t))), computed on double lanes from the shared
// step_scalar_lanes() and then rounded to T, and `update` is the kernel's loop body on one
// coordinate of V lanes, the same operations in the same order. Per-lane conditions that a single
// run decides once per step (weight_decay ≠ 0, momentum on, RAdam's ρ_t > 5) are 1/0 coefficients
// here, resolved with select_eq, so a lane computes exactly what its own run computes.
#pragma once

#include <array>
#include <cstddef>

#include "core/simd.hpp"
#include "optim/kernels/lanes.hpp"
#include "optim/optimizer.hpp"
#include "sweep/lane_ops.hpp"

namespace gs::sweep {

// Flags shared by every lane of a batch, or summaries over its lanes, fixed for a step.
struct LaneFlags {
  optim::Kind kind = optim::Kind::Adam;
  bool first = false;             // sgd: this step starts the momentum buffers
  bool nesterov = false;          // sgd
  bool amsgrad = false;           // adam, adamw
  bool centered = false;          // rmsprop
  bool any_weight_decay = false;  // some lane has weight_decay ≠ 0
  bool any_momentum = false;      // sgd: some lane has momentum ≠ 0; rmsprop: > 0
};

template <class W>
inline W lane_const(double x) {
  return simd::broadcast<W>(x);
}

// grad + λ·θ on the lanes whose weight decay is on (the single kernel's `if (weight_decay != 0)`).
template <class V>
inline V with_weight_decay(V grad, V p, V weight_decay, V on) {
  return select_eq(on, simd::broadcast<V>(1.0f), grad + weight_decay * p, grad);
}

}  // namespace gs::sweep
