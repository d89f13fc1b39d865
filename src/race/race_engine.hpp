// A race: which optimizer is best on one objective, by a written-down protocol.
//
//   Tuning      every optimizer gets the same K trials (trial_search.hpp: random search or a grid
//               over the hyperparameters it tunes, from the race's seed), each run from the N
//               tuning starts × S noise seeds to the step budget T (or by successive halving:
//               tuning.hpp), and scored by the chosen
//               measure (lower is better): the median steps to ε (an unreached run counts T + 1),
//               the median final loss (a diverged run counts +∞), or the success rate (higher is
//               better; ties broken by the median steps); equal scores by tie_score. The best
//               trial (the first of equals) is the optimizer's tuned configuration.
//   Evaluation  the tuned configuration from the M held-out starts × S seeds: each optimizer's
//               summary (race_statistics.hpp) and its rank with a paired bootstrap interval, by
//               the steps to ε, equal medians by the final loss (by the final loss, then the steps,
//               when the race is scored by final loss).
//
// The runs are sweep lanes or single runs (race_runs.hpp); every count and draw is a function of
// the protocol, so a race is reproducible bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "optim/spec.hpp"
#include "race/protocol.hpp"
#include "race/race_runs.hpp"
#include "race/race_statistics.hpp"

namespace gs::race {

struct EntryResult {
  std::vector<std::vector<double>> trials;  // the K trials' values, in `tuned` order
  std::vector<double> trial_scores;         // each trial's tuning score (lower is better)
  std::vector<uint32_t> trial_rounds;       // the last round each trial ran (halving; else 0)
  size_t best_trial = 0;
  optim::OptimizerSpec tuned;               // the spec with the best trial's values
  std::vector<RunOutcome> held_out;         // its held-out runs (RunSet order)
  Summary summary;
  RankInterval rank{};
  uint64_t tuning_lane_steps = 0;           // optimizer steps given to its tuning runs
};

class EntryTuning;
// The result of a finished tuning, before its evaluation.
EntryResult tuned_result(const EntryTuning& tuning);
// Runs the tuned configuration of `result` on the held-out starts × seeds and summarizes them.
void evaluate(const RaceProtocol& protocol, EntryResult& result);

// Tunes entry `index` of a race (its trials are drawn from stream `index`), then runs its tuned
// configuration on the held-out starts. Ranks are left for rank_entries().
EntryResult tune_and_evaluate(const RaceProtocol& protocol, const RaceEntry& entry, size_t index);

// Every entry's rank interval from its held-out runs (the runs are paired across entries).
void rank_entries(const RaceProtocol& protocol, std::vector<EntryResult>& results);

}  // namespace gs::race
