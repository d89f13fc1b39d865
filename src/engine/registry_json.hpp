// The whole registry as one JSON document for the front end: optimizers with their
// hyperparameters and update rules, schedules, objectives with parameters, view boxes and
// known minima, the Adam paper's step-size bounds, and for the regret lab the online problems
// (parameters, default domain and start, dimension), the domains and Theorem 4.1's bound.
// UI controls are generated from it.
#pragma once

#include "core/json.hpp"
#include "objectives/objective.hpp"

namespace gs::engine {

// One objective's registry entry: name, LaTeX, description, parameters (default: the objective's
// current value), view, default start, minima; a typed formula's also has its expression, a data
// objective its points and batch size.
json::Value objective_info_json(const objectives::Objective& objective);

json::Value registry_json();

}  // namespace gs::engine
