#include "race/tuning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "race/protocol.hpp"

namespace gs::race {

std::vector<TuningRound> tuning_rounds(SearchKind search, size_t k, uint64_t budget) {
  if (search != SearchKind::Halving) return {{k, budget}};
  std::vector<size_t> counts{k};
  while (counts.back() > 1) counts.push_back(std::max<size_t>(1, counts.back() / kHalvingRate));
  std::vector<TuningRound> rounds;
  for (size_t r = 0; r < counts.size(); ++r) {
    uint64_t b = budget;
    for (size_t later = r + 1; later < counts.size(); ++later) b /= kHalvingRate;
    rounds.push_back({counts[r], std::max<uint64_t>(1, b)});
  }
  return rounds;
}

EntryTuning::EntryTuning(const RaceProtocol& protocol, const RaceEntry& entry, size_t index)
    : protocol_(&protocol),
      rounds_(tuning_rounds(protocol.search, protocol.trials, protocol.tuning.budget)),
      trials_(search_trials(protocol.search, entry.tuned, protocol.trials, protocol.seed, index)),
      scores_(trials_.size(), std::numeric_limits<double>::quiet_NaN()),
      ties_(trials_.size(), std::numeric_limits<double>::quiet_NaN()),
      reached_(trials_.size(), 0),
      lowest_loss_(std::numeric_limits<double>::infinity()) {
  for (const auto& trial : trials_) {
    optim::OptimizerSpec spec = entry.spec;
    for (size_t p = 0; p < entry.tuned.size(); ++p) set_tuned(spec, entry.tuned[p].name, trial[p]);
    specs_.push_back(std::move(spec));
  }
  for (size_t t = 0; t < trials_.size(); ++t) active_.push_back(t);
}

size_t EntryTuning::evaluations() const {
  size_t n = 0;
  for (const auto& r : rounds_) n += r.trials;
  return n;
}

size_t EntryTuning::advance(size_t k) {
  if (finished()) return 0;
  const size_t count = std::min(std::max<size_t>(k, 1), active_.size() - next_);
  RunSet set = protocol_->tuning;
  set.budget = rounds_[round_].budget;
  std::vector<optim::OptimizerSpec> specs;
  for (size_t i = next_; i < next_ + count; ++i) specs.push_back(specs_[active_[i]]);
  const std::vector<RunOutcome> runs = run_specs(set, specs, lane_steps_);
  const size_t per = set.runs_per_spec();
  for (size_t i = 0; i < count; ++i) {
    const std::vector<RunOutcome> trial(runs.begin() + static_cast<long>(i * per),
                                        runs.begin() + static_cast<long>((i + 1) * per));
    for (const auto& r : trial)
      if (std::isfinite(r.final_loss)) lowest_loss_ = std::min(lowest_loss_, r.final_loss);
    const size_t t = active_[next_ + i];
    scores_[t] = tuning_score(protocol_->score, trial, set.budget);
    ties_[t] = tie_score(protocol_->score, trial);
    reached_[t] = static_cast<uint32_t>(round_);
  }
  next_ += count;
  done_ += count;
  if (next_ == active_.size()) finish_round();
  return count;
}

void EntryTuning::finish_round() {
  // The round's trials by score, then tie score, the earlier trial first among equals (NaN cannot
  // occur: a score is a median of finite or infinite values, or a rate).
  std::stable_sort(active_.begin(), active_.end(), [&](size_t a, size_t b) {
    return scores_[a] < scores_[b] || (scores_[a] == scores_[b] && ties_[a] < ties_[b]);
  });
  best_ = active_.front();
  ++round_;
  next_ = 0;
  if (finished()) return;
  active_.resize(rounds_[round_].trials);
  std::sort(active_.begin(), active_.end());
}

}  // namespace gs::race
