// JSON Schema fragments generated from the registries: the optimizer object (one variant per
// optimizer of optimizer_registry(), with its hyperparameters), schedules, objectives and online
// problems. A new registry entry appears in the schema by itself.
#pragma once

#include "core/json.hpp"
#include "optim/registry.hpp"

namespace gs::schema {

json::Value hyper_schema(const optim::HyperInfo& h);  // type, range, default, description
// `lr_grid`: the paper config's entries, which may give a grid of learning rates instead of lr.
json::Value optimizer_schema(bool lr_grid);
json::Value schedule_schema();
json::Value objective_schema();  // a name, or {name, params, noise}; noise is "#/$defs/noise"
json::Value problem_schema();    // a name, or {name, params}

}  // namespace gs::schema
