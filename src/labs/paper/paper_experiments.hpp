// The paper config's per-experiment parts: each experiment's model and data tables, their
// documentation rows (each saying which experiments have the key) and the JSON Schema rules that
// tie `model` and `data` to `experiment`.
#pragma once

#include <string_view>
#include <vector>

#include "labs/paper/paper_config.hpp"
#include "schema/fields.hpp"

namespace gs::labs {

inline constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1: every integer a JSON number holds
inline constexpr std::string_view kExperimentNames[] = {"logreg_images", "logreg_bow", "mlp_images", "vae_images"};

const schema::Table<ModelConfig>& model_table(Experiment experiment);
const schema::Table<DataConfig>& data_table(Experiment experiment);
std::vector<schema::Doc> experiment_docs(bool model);  // the model's keys, or the data's
json::Value experiment_rules();                         // {"allOf": [if experiment … then model, data]}

}  // namespace gs::labs
