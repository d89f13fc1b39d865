// The state of a batch of runs laid out structure-of-arrays, one run per run: the point, the
// gradient, every optimizer state slot (x and y parts), the loss, the divergence mask, each real
// hyperparameter and running product, each coefficient of the optimizer rule's update. Each array has one
// entry per run, so a SIMD vector of consecutive entries holds consecutive runs. The passes of a
// step (batch_passes.hpp) read and write it; Batch (batch.hpp) owns it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "objectives/objective.hpp"
#include "optim/spec.hpp"
#include "optim/step_scalars.hpp"

namespace gs::sweep {

inline constexpr size_t kHyperFields = optim::kHyperRoleCount;  // optim::HyperLanes::role(f), in order
inline constexpr size_t kRunningFields = 7;     // RunningLanes, in declaration order (own: two)
inline constexpr size_t kMaxCoefficients = 12;  // of a rule's update

// How the gradient noise of one step acts on each coordinate: kept, dropped (0), or shifted by
// `add` (σ·N(0, 1)), exactly as objectives::GradientNoise::perturb does it for that step; then the
// gradient is clipped to clip_norm (GradientNoise::clip; 0: not clipped).
struct NoiseStep {
  bool drop[2] = {false, false};
  bool shift[2] = {false, false};
  double add[2] = {0, 0};
  double clip_norm = 0;
};

// What an objective pass writes: the gradient at (px, py) into gx, gy (after `noise`), and/or the
// loss of step t, checked from step 1 on (divergence, the first hit of the tolerance).
struct ObjectiveWork {
  const void* px;
  const void* py;
  bool gradient;
  bool value;
  uint64_t t;
  NoiseStep noise;
  uint64_t gradient_step = 0;  // the step the gradient is for (a data objective's minibatch)
};

template <class T>
struct BatchRuns {
  size_t n = 0;       // runs (runs)
  size_t padded = 0;  // array length: n rounded up to whole vectors; the extra runs copy run 0
                      // and are diverged from the start (alive 0), and nothing reads their results
  std::vector<T> x, y;            // the point (frozen at the last finite one once diverged)
  std::vector<T> prev_x, prev_y;  // the point before the last step
  std::vector<T> gx, gy;          // the gradient for the next step (after noise)
  std::vector<T> look_x, look_y;  // nag: the look-ahead point
  std::vector<T> alive;           // 1 while the run is live, 0 once diverged
  std::vector<T> state;           // slot k, coordinate c (0 = x, 1 = y) at (2k + c)·padded
  std::vector<double> loss;       // f at the point
  std::vector<double> first_hit;  // first step with f − f* ≤ tol, −1 before
  std::vector<uint32_t> diverged_at;
  std::vector<double> hyper[kHyperFields];
  std::vector<double> scheduled_lr;  // the lr of the current step, when the schedule is not constant
  std::vector<double> running[kRunningFields];
  // A custom rule's hyperparameters (OptimizerSpec::own, in the rule's order), run by run: run i's
  // at [i·rule_hypers, (i + 1)·rule_hypers). Empty for the compiled rules.
  std::vector<double> rule_hyper;
  size_t rule_hypers = 0;

  // The rule's coefficients (its per-step scalars rounded to T), one column each. Columns in
  // step_columns hold one value, rewritten once per step; columns in run_columns are recomputed
  // per run and step; the others are written once (coefficient_trace.hpp decides which is which).
  std::vector<T> columns[kMaxCoefficients];
  uint32_t step_columns = 0;
  uint32_t run_columns = 0;

  // Runs share the kind, flags and schedule (the first run's spec). The first run's real
  // hyperparameters and running products stand for every run in the once-per-step columns.
  optim::OptimizerSpec spec;
  optim::RuleFlags flags;
  optim::HyperLanes<double> first_hyper{};
  optim::RunningLanes<double> first_running;
  // lr_only: the runs differ in lr alone (a grid row whose x axis is lr, say), so each run column
  // is a function of the run's lr and of inputs shared by the batch: the first run's other
  // hyperparameters and step_running, its running products before the step. The per-run running
  // arrays are then left at 1.
  bool lr_only = false;
  optim::RunningLanes<double> step_running;

  const objectives::Objective* objective = nullptr;
  // A user objective's points (in double), and f and its gradient there, for a whole pass at once.
  std::vector<double> points_x, points_y, points_f, points_gx, points_gy;
  bool track_tol = false;
  double f_star = 0, tol = 0;
  size_t live = 0;

  T* slot(int k, int coordinate) { return state.data() + (2 * static_cast<size_t>(k) + coordinate) * padded; }
};

}  // namespace gs::sweep
