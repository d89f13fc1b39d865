// A contestant of a race config: an optimizer object (the run config's, parsed by the same code;
// a custom rule too) plus `tune`, the real hyperparameters the race tunes: each a name (the
// registry's slider range and scale; a custom rule's declared range and scale) or {param, min,
// max, scale} inside the hyperparameter's own range. Default: lr (else its first real
// hyperparameter). The 2^P corners of the tuned box must each be a valid optimizer.
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"
#include "engine/run_config.hpp"
#include "optim/spec.hpp"
#include "race/trial_search.hpp"

namespace gs::labs {

struct RaceEntryConfig {
  optim::OptimizerSpec spec;
  std::vector<race::TunedParam> tune;
};

inline constexpr size_t kMaxTunedParams = 8;

// Item `path` of the race's optimizers, which run on `objective` in `precision`.
bool parse_race_entry(const json::Value& item, const std::string& path, const engine::ObjectiveConfig& objective,
                      engine::Precision precision, RaceEntryConfig& out, std::string& error);
json::Value race_entry_schema();  // the JSON Schema of an entry ($defs/race_entry)
json::Value race_entry_json(const RaceEntryConfig& entry);  // resolved: every value, tune as objects

}  // namespace gs::labs
