// The race config (docs/schema.md, version 1): which optimizer is best on one 2-D objective, by a
// protocol written down in full (race/race_engine.hpp runs it):
//   the objective, and where runs start: N tuning starts and M held-out starts drawn from a box
//   (default: the objective's view) by the race's seed, or one fixed start; S noise seeds where the
//   gradient is noisy;
//   the step budget T (tuning_steps for the tuning runs, default T) and ε: a run succeeds at the
//   first step with f − f* ≤ ε (f* the objective's global minimum, or f_star; where neither is
//   known, the lowest loss any tuning run reached, and the tuning is scored by final loss);
//   the optimizers, each with the hyperparameters it tunes (`tune`: names, with the registry's
//   slider range and scale, or {param, min, max, scale});
//   the tuning: K trials per optimizer by random search, a grid or successive halving, scored by
//   median steps to ε, median final loss or success rate;
//   gradient clipping (clip_norm, off by default) and the bootstrap's resamples.
// parse_race_config validates everything once and names the failing field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "engine/run_config.hpp"
#include "labs/race/race_entry.hpp"
#include "race/protocol.hpp"
#include "schema/table.hpp"

namespace gs::labs {

inline constexpr size_t kMaxRaceEntries = 40;

// Where f* comes from: the objective's known global minimum, the config's f_star, or the lowest
// loss any tuning run reached.
enum class FStarSource { Known, Given, BestFound };

struct RaceConfig {
  engine::ObjectiveConfig objective;
  engine::Precision precision = engine::Precision::F64;
  std::vector<RaceEntryConfig> optimizers;
  double start[2] = {0, 0};
  bool fixed_start = false;  // every run starts at `start`: N = M = 1
  double box[4] = {0, 0, 0, 0};
  int tuning_starts = 16, held_out_starts = 64, seeds = 1;
  uint64_t steps = 500;
  uint64_t tuning_steps = 500;
  double eps = 1e-4;
  double f_star = 0;
  FStarSource f_star_source = FStarSource::Known;
  int trials = 32;
  race::SearchKind search = race::SearchKind::Random;
  race::TuneScore score = race::TuneScore::StepsToEps;
  uint64_t seed = 1;
  double clip_norm = 0;
  int bootstrap = 2000;
};

bool parse_race_config(const json::Value& config, RaceConfig& out, std::string& error);
const schema::Table<RaceConfig>& race_config_table();

// The protocol of a config: its starts and seeds drawn, f* where it is known (−∞ until the tuning
// has found one otherwise), and its entries.
race::RaceProtocol race_protocol(const RaceConfig& config);
std::vector<race::RaceEntry> race_entries(const RaceConfig& config);

const char* search_name(race::SearchKind search);
const char* score_name(race::TuneScore score);
const char* f_star_source_name(FStarSource source);
// Every field resolved, in the config's order.
json::Value race_config_json(const RaceConfig& config);

}  // namespace gs::labs
