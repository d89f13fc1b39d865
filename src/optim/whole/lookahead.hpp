// Lookahead: M. R. Zhang, J. Lucas, G. Hinton and J. Ba, "Lookahead Optimizer: k steps forward,
// 1 step back", NeurIPS 2019, Algorithm 1, as the official michaelrzhang/lookahead
// lookahead_pytorch.py (commit c4fd85f), class Lookahead, computes it; the NumPy port
// tests/fixtures/ports/lookahead.py follows that file line for line and lookahead.cpp follows the
// port:
//   fast weights θ: one step of the inner optimizer A (any per-coordinate optimizer, `inner`,
//     Adam by default), θ ← A(θ, g), g taken where A evaluates it (NAG's look-ahead point)
//   every k-th step:  θ ← θ·α + φ·(1 − α);  φ ← θ       (φ: the slow weights, φ₀ = θ₀)
//
// What differs from the paper (all as the reference does it):
//   * The sync is written θ·α + φ·(1 − α) (p.mul_(α).add_(φ, alpha=1 − α)), not the paper's
//     φ + α(θ − φ): equal in exact arithmetic, not in the last bit.
//   * lr is the inner optimizer's learning rate (the reference wraps an optimizer constructed with
//     its own lr); the inner spec's lr is replaced by it.
//   * pullback_momentum (not in the paper; the reference's option for SGD's momentum buffer b):
//     "none" leaves b alone; "reset" puts a zero buffer in (not None, so the next SGD step computes
//     b = μ·0 + (1 − τ)·g instead of copying g); "pullback" is meant to pull b towards a cached
//     momentum, but the reference caches the buffer object itself (no clone) after the first sync,
//     so the first sync scales b by α (the cache is still the zero tensor of __init__) and every
//     later one computes t = α·b; b = t + (1 − α)·t, i.e. scales b by α(2 − α). Both need SGD with
//     momentum > 0 (constraint()): "pullback" reads the buffer (the reference fails without one),
//     and "reset" acts on nothing else.
//
// State: the inner optimizer (optim::Optimizer<double> on n = 2, its slots and running scalars),
// the slow weights φ (taken from the start point at the first step), the count of steps since the
// last sync (the reference's _la_step), and for "pullback" whether a sync has happened yet.
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry lookahead_entry();

// Own hyperparameters: OptimizerSpec::own[index].
struct LookaheadOwn {
  enum : int { k, alpha, pullback_momentum };
};

// pullback_momentum's choices, by index.
enum class Pullback : int { none, reset, pullback };

}  // namespace gs::optim::whole
