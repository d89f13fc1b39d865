// What a race is run by (race_engine.hpp says how): the tuning and held-out run sets, K trials,
// the search and the tuning score; the contestants with what they tune; and the scores that order
// trials.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "optim/spec.hpp"
#include "race/race_runs.hpp"
#include "race/trial_search.hpp"

namespace gs::race {

enum class TuneScore { StepsToEps, FinalLoss, SuccessRate };

struct RaceProtocol {
  RunSet tuning;    // the N tuning starts × S seeds
  RunSet held_out;  // the M held-out starts × the same seeds, budget, ε and f*
  size_t trials = 32;  // K, the same for every optimizer
  SearchKind search = SearchKind::Random;
  TuneScore score = TuneScore::StepsToEps;
  uint64_t seed = 1;
  size_t bootstrap_resamples = 2000;
};

// One contestant: its spec (the values it does not tune) and the real hyperparameters it tunes,
// by name (the registry's, or a custom rule's declared ones).
struct RaceEntry {
  optim::OptimizerSpec spec;
  std::vector<TunedParam> tuned;
};

// The value of a tuned hyperparameter `name` set in `spec`; false if the optimizer has no real
// hyperparameter of that name.
bool set_tuned(optim::OptimizerSpec& spec, const std::string& name, double value);

// The tuning score of one trial's runs (lower is better).
double tuning_score(TuneScore score, const std::vector<RunOutcome>& runs, uint64_t budget);
// What orders trials of equal scores (lower is better): the median final loss (the median steps to
// ε when the score is the final loss). Many trials reach ε in no run (median T + 1): the one that
// came closest is the better.
double tie_score(TuneScore score, const std::vector<RunOutcome>& runs);

}  // namespace gs::race
