#include "race/race_engine.hpp"

#include "race/tuning.hpp"

namespace gs::race {

namespace {

RunOutcomes outcomes_of(const std::vector<RunOutcome>& runs) {
  RunOutcomes out{steps_of(runs), losses_of(runs), {}};
  for (const auto& r : runs) out.diverged.push_back(r.diverged);
  return out;
}

}  // namespace

EntryResult tuned_result(const EntryTuning& tuning) {
  EntryResult result;
  result.trials = tuning.trials();
  result.trial_scores = tuning.scores();
  result.trial_rounds = tuning.rounds_reached();
  result.best_trial = tuning.best();
  result.tuned = tuning.spec(tuning.best());
  result.tuning_lane_steps = tuning.lane_steps();
  return result;
}

void evaluate(const RaceProtocol& protocol, EntryResult& result) {
  uint64_t held_out_steps = 0;
  result.held_out = run_specs(protocol.held_out, {result.tuned}, held_out_steps);
  result.summary = summarize(outcomes_of(result.held_out), protocol.held_out.budget);
}

EntryResult tune_and_evaluate(const RaceProtocol& protocol, const RaceEntry& entry, size_t index) {
  EntryTuning tuning(protocol, entry, index);
  while (!tuning.finished()) tuning.advance(protocol.trials);
  EntryResult result = tuned_result(tuning);
  evaluate(protocol, result);
  return result;
}

void rank_entries(const RaceProtocol& protocol, std::vector<EntryResult>& results) {
  std::vector<std::vector<double>> scores, ties;
  const bool by_loss = protocol.score == TuneScore::FinalLoss;
  for (const auto& r : results) {
    scores.push_back(by_loss ? losses_of(r.held_out) : steps_of(r.held_out));
    ties.push_back(by_loss ? steps_of(r.held_out) : losses_of(r.held_out));
  }
  const std::vector<RankInterval> ranks = rank_intervals(scores, ties, protocol.seed, protocol.bootstrap_resamples);
  for (size_t i = 0; i < results.size(); ++i) results[i].rank = ranks[i];
}

}  // namespace gs::race
