#include "labs/race/race_session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "labs/race/race_result.hpp"

namespace gs::labs {

bool RaceSession::configure(const json::Value& config, std::string& error) {
  RaceConfig parsed;
  if (!parse_race_config(config, parsed, error)) return false;
  return configure(parsed, error);
}

bool RaceSession::configure(const RaceConfig& config, std::string&) {
  config_ = config;
  protocol_ = race_protocol(config_);
  entries_ = race_entries(config_);
  tunings_.clear();
  results_.clear();
  tunings_.reserve(entries_.size());  // each tuning points at protocol_, which stays put
  for (size_t i = 0; i < entries_.size(); ++i) tunings_.emplace_back(protocol_, entries_[i], i);
  uint64_t tuning = 0;
  for (const auto& round : race::tuning_rounds(protocol_.search, protocol_.trials, protocol_.tuning.budget))
    tuning += round.trials * round.budget * protocol_.tuning.runs_per_spec();
  total_ = entries_.size() * (tuning + protocol_.held_out.runs_per_spec() * protocol_.held_out.budget);
  phase_ = RacePhase::Tuning;
  entry_ = evaluated_ = 0;
  return true;
}

uint64_t RaceSession::lane_steps_done() const {
  uint64_t done = 0;
  for (const auto& t : tunings_) done += t.lane_steps();
  return done + evaluated_ * protocol_.held_out.runs_per_spec() * protocol_.held_out.budget;
}

uint64_t RaceSession::advance(size_t trials) {
  const uint64_t before = lane_steps_done();
  if (phase_ == RacePhase::Tuning) {
    tunings_[entry_].advance(trials);
    if (tunings_[entry_].finished()) {
      results_.push_back(race::tuned_result(tunings_[entry_]));
      if (++entry_ == entries_.size()) finish_tuning();
    }
  } else if (phase_ == RacePhase::HeldOut) {
    race::evaluate(protocol_, results_[entry_]);
    ++evaluated_;
    if (++entry_ == entries_.size()) {
      race::rank_entries(protocol_, results_);
      phase_ = RacePhase::Finished;
    }
  }
  return lane_steps_done() - before;
}

// f* found by the tuning where the objective's is unknown: the lowest loss of any tuning run (+∞,
// so that no run succeeds, if every run diverged).
void RaceSession::finish_tuning() {
  if (config_.f_star_source == FStarSource::BestFound) {
    double lowest = std::numeric_limits<double>::infinity();
    for (const auto& t : tunings_) lowest = std::min(lowest, t.lowest_loss());
    protocol_.held_out.f_star = lowest;
  }
  phase_ = RacePhase::HeldOut;
  entry_ = 0;
}

std::string RaceSession::result_json() const { return race_result_json(*this); }

json::Value RaceSession::held_out_run_config(size_t entry, size_t run) const {
  const race::RunSet& set = protocol_.held_out;
  const size_t starts = set.starts.size();
  engine::ObjectiveConfig objective = set.objective;
  objective.noise.seed = set.seeds[run / starts];
  return engine::single_run_config_json(objective, set.starts[run % starts].data(), set.budget, set.precision,
                                        results_[entry].tuned);
}

}  // namespace gs::labs
