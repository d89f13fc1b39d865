// The whole registry as one JSON document for the front end: optimizers with their
// hyperparameters and update rules, schedules, objectives with parameters, view boxes and
// known minima, the Adam paper's step-size bounds, and for the regret lab the online problems
// (parameters, default domain and start, dimension), the domains and Theorem 4.1's bound.
// UI controls are generated from it.
#pragma once

#include "core/json.hpp"

namespace gs::engine {

json::Value registry_json();

}  // namespace gs::engine
