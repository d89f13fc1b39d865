#include "race/race_engine.hpp"

#include <limits>

#include "optim/custom/custom_rule.hpp"
#include "optim/registry.hpp"
#include "race/tuning.hpp"

namespace gs::race {

namespace {

std::vector<double> steps_of(const std::vector<RunOutcome>& runs) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(r.steps_to_eps);
  return v;
}

std::vector<double> losses_of(const std::vector<RunOutcome>& runs) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(r.final_loss);
  return v;
}

RunOutcomes outcomes_of(const std::vector<RunOutcome>& runs) {
  RunOutcomes out{steps_of(runs), losses_of(runs), {}};
  for (const auto& r : runs) out.diverged.push_back(r.diverged);
  return out;
}

}  // namespace

bool set_tuned(optim::OptimizerSpec& spec, const std::string& name, double value) {
  if (spec.rule) {
    const auto& hypers = spec.rule->hypers();
    for (size_t i = 0; i < hypers.size(); ++i)
      if (hypers[i].name == name) {
        spec.own[i] = value;
        return true;
      }
    return false;
  }
  for (const auto& h : optim::info(spec.kind).hypers)
    if (h.type == check::ParamType::Real && h.in_spec() && name == h.name) {
      h.set(spec, value);
      return true;
    }
  return false;
}

double tie_score(TuneScore score, const std::vector<RunOutcome>& runs) {
  return score == TuneScore::FinalLoss ? median(steps_of(runs)) : median(losses_of(runs));
}

double tuning_score(TuneScore score, const std::vector<RunOutcome>& runs, uint64_t budget) {
  switch (score) {
    case TuneScore::StepsToEps:
      return median(steps_of(runs));
    case TuneScore::FinalLoss:
      return median(losses_of(runs));
    case TuneScore::SuccessRate: {
      // −(success rate), then the median steps as a fraction of one run: a higher rate always wins.
      size_t reached = 0;
      for (const auto& r : runs) reached += r.steps_to_eps <= static_cast<double>(budget);
      const double rate = static_cast<double>(reached) / static_cast<double>(runs.size());
      return -rate + median(steps_of(runs)) / (static_cast<double>(budget + 2) * static_cast<double>(runs.size() + 1));
    }
  }
  return std::numeric_limits<double>::infinity();
}

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
