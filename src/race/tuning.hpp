// The tuning of one race entry, a few trials at a time (so a session can show it progress and a
// worker can cancel it between calls):
//
//   random, grid  the K trials (trial_search.hpp) each run from the N tuning starts × S seeds to
//                 the budget T: one round.
//   halving       successive halving (Jamieson & Talwalkar 2016, "Non-stochastic best arm
//                 identification and hyperparameter optimization", Algorithm 1; the inner loop of
//                 Hyperband, Li et al. 2018) with rate η = 3: round r runs n_r trials to the budget
//                 T_r = max(1, ⌊T / 3^(R−1−r)⌋), n_0 = K random trials, n_{r+1} = ⌊n_r / 3⌋ (at least
//                 1) of the best by the round's score, until one trial runs the whole budget T in the
//                 last round R − 1.
//
// A trial's score is its tuning score (protocol.hpp) in the last round it ran; the tuned trial
// is the best of the last round (equal scores by tie_score, then the first). Every count depends only on K, T, N and S,
// so every entry gets the same lane-steps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "optim/spec.hpp"
#include "race/protocol.hpp"
#include "race/race_runs.hpp"
#include "race/trial_search.hpp"

namespace gs::race {

inline constexpr size_t kHalvingRate = 3;

// The rounds of a tuning: trials and step budget of each (one round unless halving).
struct TuningRound {
  size_t trials;
  uint64_t budget;
};
std::vector<TuningRound> tuning_rounds(SearchKind search, size_t k, uint64_t budget);

class EntryTuning {
 public:
  EntryTuning(const RaceProtocol& protocol, const RaceEntry& entry, size_t index);

  // Runs up to `k` (≥ 1) more trials of the current round; returns how many ran.
  size_t advance(size_t k);
  bool finished() const { return round_ >= rounds_.size(); }

  const std::vector<std::vector<double>>& trials() const { return trials_; }
  const std::vector<double>& scores() const { return scores_; }        // NaN until a trial has run
  const std::vector<uint32_t>& rounds_reached() const { return reached_; }  // the last round each ran
  size_t best() const { return best_; }  // valid once finished
  const optim::OptimizerSpec& spec(size_t trial) const { return specs_[trial]; }
  uint64_t lane_steps() const { return lane_steps_; }
  // The lowest finite final loss of any run so far (+∞ if none): f* where the objective's is unknown.
  double lowest_loss() const { return lowest_loss_; }
  // Trials run so far, over all rounds, and in all.
  size_t evaluations_done() const { return done_; }
  size_t evaluations() const;

 private:
  void finish_round();

  const RaceProtocol* protocol_;
  std::vector<TuningRound> rounds_;
  std::vector<std::vector<double>> trials_;
  std::vector<optim::OptimizerSpec> specs_;
  std::vector<double> scores_, ties_;
  std::vector<uint32_t> reached_;
  std::vector<size_t> active_;  // the trials of the current round, in the order they run
  size_t round_ = 0, next_ = 0, best_ = 0, done_ = 0;
  uint64_t lane_steps_ = 0;
  double lowest_loss_;
};

}  // namespace gs::race
