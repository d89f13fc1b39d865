// The full engine module's addition to the core module's bindings (gradscape-full): it registers
// what the core leaves out to stay small (engine/full_engine.hpp: the user objectives and the
// optimizer pack), the custom rule and the whole-vector optimizers (optim/whole/: L-BFGS, Newton, …,
// which run on the 2-D surfaces only, so the labs' modules leave them out) with their single runs
// (engine/run_state.hpp), so that its registry lists them and its configs may name them. The core
// module leaves this file out and so their code too.
#include <emscripten/bind.h>

#include "engine/full_engine.hpp"
#include "engine/run_state.hpp"
#include "core/json.hpp"
#include "optim/custom/custom_optimizer.hpp"
#include "optim/whole/whole_registry.hpp"

EMSCRIPTEN_BINDINGS(gradscape_full) {
  gs::engine::register_full_engine();
  gs::optim::whole::register_whole_optimizers();
  gs::engine::register_beyond_rule_runs();
  emscripten::function("isFullEngine", +[] { return true; });
  // A custom rule's hyperparameters, states and LaTeX as JSON, or "error: line L, column C: …".
  emscripten::function("ruleInfoJson", +[](const std::string& text) -> std::string {
    gs::json::Value info;
    std::string error;
    if (!gs::optim::custom::rule_info_json(text, info, error)) return "error: " + error;
    return gs::json::serialize(info);
  });
}
