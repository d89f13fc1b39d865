// The list of labs: the one place that names every lab. The native CLI's commands
// (src/cli/gradscape_native.cpp) and the configs' JSON Schema and documentation tables
// (engine/config_schema.cpp) go through it; CMake and scripts/build-wasm.sh find each lab's module
// by its folder (src/labs/<name>/<name>_bindings.cpp). The order is the schema's and the CLI usage's.
#pragma once

#include "core/type_list.hpp"
#include "labs/paper/paper_lab.hpp"
#include "labs/race/race_lab.hpp"
#include "labs/regret/regret_lab.hpp"
#include "labs/sweep/sweep_lab.hpp"

namespace gs::labs {

using AllLabs = TypeList<RegretLab, SweepLab, PaperLab, RaceLab>;

}  // namespace gs::labs
