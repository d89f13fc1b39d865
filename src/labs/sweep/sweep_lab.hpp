// The sweep lab (docs/schema.md, "Sweep config"): one optimizer over a plane of hyperparameters or
// start points, one run per cell; its entry in the list of labs (labs/all.hpp, labs/lab_base.hpp
// says what an entry holds).
#pragma once

#include <string>
#include <string_view>

#include "labs/lab_base.hpp"
#include "labs/sweep/sweep_config.hpp"

namespace gs::labs {

struct SweepLab : LabBase {
  static constexpr std::string_view kName = "sweep";
  static const schema::Table<SweepConfig>& config_table() { return sweep_config_table(); }
  static void schema_defs(json::Value& defs);  // axis
  // Computes the whole map of the config and prints its result.
  static bool command(const CommandInput& input, std::string& result, std::string& error);
};

}  // namespace gs::labs
