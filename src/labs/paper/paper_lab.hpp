// The paper lab (docs/schema.md, "Paper config"): the Adam paper's Section 6 experiments, trained on
// the shipped images or generated documents; its entry in the list of labs (labs/all.hpp,
// labs/lab_base.hpp says what an entry holds).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "labs/lab_base.hpp"
#include "labs/paper/paper_config.hpp"

namespace gs::labs {

struct PaperLab : LabBase {
  static constexpr std::string_view kName = "paper";
  static constexpr std::array<CommandOption, 1> kOptions{{{"images", "FILE"}}};
  static const schema::Table<PaperConfig>& config_table() { return paper_config_table(); }
  static void schema_defs(json::Value& defs);  // paper_optimizer
  // As `gradscape paper` (web/api/cli.mjs): trains every run of the config on the images of
  // --images=FILE (which must be readable), else on public/data/fashion-mnist-6k.bin of the source
  // tree when it is there (without images an image experiment names what it needs), and prints
  // the result.
  static bool command(const CommandInput& input, std::string& result, std::string& error);
};

}  // namespace gs::labs
