// `custom`: the optimizer a user types (custom_rule.hpp). The rule is interpreted coordinate by
// coordinate (custom_steps.hpp) in single runs (engine/run_session.cpp) and in the sweep
// (sweep/batch_passes.hpp), in f32 or f64, without a schedule. Its config is
// {"name": "custom", "rule": "…", "label": "…", <the rule's hyperparameters>}; the registry entry
// declares no hyperparameters, since each rule declares its own (spec_json.cpp reads them). Its
// entry sits in the table of optimizers beyond the compiled rules (optim/whole/whole_registry.hpp),
// which supplies parsing, JSON and LaTeX; it makes no whole-vector optimizer.
#pragma once

#include <string>

#include "core/json.hpp"
#include "optim/spec.hpp"
#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::custom {

// The rule {"name": "custom"} alone runs: sign momentum, the example.
inline constexpr const char* kDefaultRule =
    "hyper lr = 0.01 [1e-5, 1] log; beta = 0.9 [0, 0.999]\n"
    "state m = 0\n"
    "m = beta*m + (1 - beta)*g\n"
    "theta = theta - lr*sign(m)\n";

whole::WholeEntry custom_entry();
// Enters `custom` in the registry (after the optimizer pack, whose kinds come first). Calling it
// again does nothing; register_whole_optimizers() calls it.
void register_custom_optimizer();

// Reads a custom optimizer's config object into spec (its kind already set): `rule` (default
// kDefaultRule), compiled and checked, then each hyperparameter the rule declares, within its range.
// Errors name the field: "optimizers[0].rule: line 3, column 5: …", "optimizers[0].lr: …".
bool parse_custom(const json::Value& value, const std::string& path, OptimizerSpec& spec, std::string& error);
// Its rule text and hyperparameter values into a config object.
void custom_json(const OptimizerSpec& spec, json::Value& out);
// The rule as the registry describes a custom optimizer's parts: hyperparameters (as registry
// entries: real, range, slider, scale), states, LaTeX; or an error naming the line and column.
bool rule_info_json(const std::string& text, json::Value& out, std::string& error);

}  // namespace gs::optim::custom
