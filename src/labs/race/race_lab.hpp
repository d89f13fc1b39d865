// The race lab (docs/schema.md, "Race config"): which optimizer is best on one objective, by a
// written-down protocol of tuning and held-out runs; its entry in the list of labs
// (labs/all.hpp, labs/lab_base.hpp says what an entry holds).
#pragma once

#include <string>
#include <string_view>

#include "labs/lab_base.hpp"
#include "labs/race/race_config.hpp"

namespace gs::labs {

struct RaceLab : LabBase {
  static constexpr std::string_view kName = "race";
  static const schema::Table<RaceConfig>& config_table() { return race_config_table(); }
  static void schema_defs(json::Value& defs);  // race_entry
  // Runs the whole race of the config and prints its result.
  static bool command(const CommandInput& input, std::string& result, std::string& error);
};

}  // namespace gs::labs
