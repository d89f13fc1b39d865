// The regret lab (docs/schema.md, "Regret config"): online convex optimization against the best
// fixed point in hindsight, with Theorem 4.1's bound; its entry in the list of labs (labs/all.hpp,
// labs/lab_base.hpp says what an entry holds).
#pragma once

#include <string>
#include <string_view>

#include "labs/lab_base.hpp"
#include "labs/regret/regret_config.hpp"

namespace gs::labs {

struct RegretLab : LabBase {
  static constexpr std::string_view kName = "regret";
  static const schema::Table<RegretConfig>& config_table() { return regret_config_table(); }
  static void schema_defs(json::Value& defs);  // problem
  // Plays all T rounds of the config and prints its result.
  static bool command(const CommandInput& input, std::string& result, std::string& error);
};

}  // namespace gs::labs
