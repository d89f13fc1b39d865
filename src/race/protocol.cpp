#include "race/protocol.hpp"

#include <limits>

#include "optim/custom/custom_rule.hpp"
#include "optim/registry.hpp"
#include "race/race_statistics.hpp"

namespace gs::race {

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

}  // namespace gs::race
