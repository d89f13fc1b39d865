#include "engine/run_state.hpp"

#include <cmath>

namespace gs::engine {

StepOutcome check_point(const double out[2], std::string& why) {
  for (int i = 0; i < 2; ++i) {
    const char* axis = i == 0 ? "x" : "y";
    if (!std::isfinite(out[i])) {
      why = std::string(axis) + " became " + (std::isnan(out[i]) ? "NaN" : "infinite");
      return StepOutcome::Diverged;
    }
    if (std::fabs(out[i]) > kDivergenceLimit) {
      why = "|" + std::string(axis) + "| exceeded 1e12";
      return StepOutcome::Diverged;
    }
  }
  return StepOutcome::Ok;
}

StepOutcome check_gradient(const objectives::Objective& f, double value, const double g[2], const double point[2],
                           std::string& why) {
  if (!f.defined() || (std::isfinite(value) && std::isfinite(g[0]) && std::isfinite(g[1]))) return StepOutcome::Ok;
  const objectives::Exit exit = f.exit_at(point[0], point[1], true);
  why = exit.left_domain ? exit.message : "the gradient is not finite" + (exit.finite() ? "" : " (" + exit.message + ")");
  return exit.left_domain ? StepOutcome::LeftDomain : StepOutcome::Diverged;
}

namespace {
BeyondRuleRunFactory& factory_slot() {
  static BeyondRuleRunFactory factory = nullptr;
  return factory;
}
}  // namespace

void set_beyond_rule_run_factory(BeyondRuleRunFactory factory) { factory_slot() = factory; }
BeyondRuleRunFactory beyond_rule_run_factory() { return factory_slot(); }

}  // namespace gs::engine
