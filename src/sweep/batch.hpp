// A batch of independent runs of one optimizer kind on one 2-D objective, one run per SIMD lane
// (4 of f32, 2 of f64): the sweep engine. "Lane" means a SIMD lane; "run" one run of the batch. Every run may have its own real hyperparameters
// (lr, betas, eps, momentum, weight decay, …) and its own start; the kind, the flags (nesterov,
// amsgrad, centered, bias_correction) and the schedule are shared. Each run computes exactly what
// engine::RunSession computes for that run alone, bit for bit, in f32 and f64: the same per-step
// scalars (optim::step_scalar_lanes), the same kernel arithmetic, the objective in double, the
// same gradient noise for a step and coordinate, the same divergence rule (first non-finite value
// or |θ| > 1e12), after which the run is frozen at its last finite point.
//
// A batch is meant to hold a cache-sized chunk of runs (a few hundred): the sweep runs a chunk
// through all of its steps, then the next chunk. The state is structure-of-arrays (batch_runs.hpp);
// each per-step scalar is computed once per batch, once per step or per run, according to what it
// depends on (coefficient_trace.hpp); when the runs differ in lr alone, the part of a per-run scalar
// that does not depend on lr is computed once per step. A step is a few passes over the runs
// (batch_passes.hpp).
#pragma once

#include <cstdint>
#include <span>

#include "objectives/objective.hpp"
#include "optim/spec.hpp"
#include "sweep/batch_runs.hpp"

namespace gs::sweep {

// Optional per-run bookkeeping: the first step whose loss is within tol of f*.
struct TolTracking {
  bool on = false;
  double f_star = 0;
  double tol = 0;
};

// The passes and trace of one optimizer kind (batch.cpp).
template <class T>
struct BatchKindOps;
template <class T>
using ObjectivePassFn = void (*)(BatchRuns<T>&, const ObjectiveWork&);

template <class T>
class Batch {
 public:
  // Run i takes specs[i] from (x0[i], y0[i]) (rounded to T). The kind, flags and schedule of
  // specs[0] apply to every run. Evaluates the objective at the starts (step 0).
  void reset(const objectives::Objective& objective, const objectives::GradientNoise& noise,
             std::span<const optim::OptimizerSpec> specs, std::span<const double> x0, std::span<const double> y0,
             const TolTracking& tol = {});

  // One step of every run (a no-op on diverged runs).
  void step();
  // `steps` steps; stops early (counting them as taken) once every run has diverged.
  void run(uint64_t steps);

  size_t size() const { return runs_.n; }
  uint64_t steps_taken() const { return t_; }
  size_t live() const { return runs_.live; }

  T x(size_t i) const { return runs_.x[i]; }
  T y(size_t i) const { return runs_.y[i]; }
  double loss(size_t i) const { return runs_.loss[i]; }                // f at the point
  uint64_t diverged_at(size_t i) const { return runs_.diverged_at[i]; }  // 0: not diverged
  double first_hit(size_t i) const { return runs_.first_hit[i]; }        // −1: not yet

 private:
  NoiseStep noise_step(uint64_t t) const;
  void plan_coefficients();
  // Fills `columns` with step t's coefficients of the first run (advancing its running products).
  void fill_first_run_columns(uint64_t t, uint32_t columns);

  BatchRuns<T> runs_;
  objectives::GradientNoise noise_;
  uint64_t t_ = 0;
  const BatchKindOps<T>* ops_ = nullptr;
  ObjectivePassFn<T> objective_pass_ = nullptr;
};

extern template class Batch<float>;
extern template class Batch<double>;

}  // namespace gs::sweep
