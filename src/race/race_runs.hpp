// The runs a race scores: each of a list of optimizer specs (one optimizer's trials, or its tuned
// configuration) from every start × noise seed, to the step budget. Per-coordinate optimizers (the
// compiled rules and custom rules) run as sweep lanes (sweep/batch.hpp: every lane is its single
// run bit for bit); whole-vector optimizers, which do not fit a lane, as single runs
// (engine/run_session.hpp). Each run gives its steps to ε and its final loss.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/run_config.hpp"
#include "optim/spec.hpp"

namespace gs::race {

// Where and how long the runs go: the objective (its noise's seed is replaced by each of `seeds`;
// without noise, pass one seed), the starts, the step budget T, f* and ε (success: f − f* ≤ ε).
struct RunSet {
  engine::ObjectiveConfig objective;
  std::vector<std::array<double, 2>> starts;
  std::vector<uint64_t> seeds{1};
  uint64_t budget = 500;
  double f_star = 0;
  double eps = 1e-6;
  engine::Precision precision = engine::Precision::F64;

  size_t runs_per_spec() const { return starts.size() * seeds.size(); }
};

struct RunOutcome {
  double steps_to_eps;  // the first step k (0 = the start) with f − f* ≤ ε; budget + 1 if never
  double final_loss;    // f at the last point; +∞ if the run diverged
  bool diverged;
  uint64_t diverged_at;  // 0 if it did not
};

// The outcomes of every spec (all of one optimizer kind, flags and schedule: they differ in real
// hyperparameters only) from every start × seed: outcome[s·runs_per_spec() + seed·starts + start].
// `lane_steps` grows by the optimizer steps the runs were given (budget per run, whether or not it
// diverged before): the race's measure of an equal tuning budget.
std::vector<RunOutcome> run_specs(const RunSet& set, const std::vector<optim::OptimizerSpec>& specs,
                                  uint64_t& lane_steps);

// The runs' steps to ε, and their final losses, in the runs' order.
std::vector<double> steps_of(const std::vector<RunOutcome>& runs);
std::vector<double> losses_of(const std::vector<RunOutcome>& runs);

}  // namespace gs::race
