// One optimizer's run inside a RunSession (run_session.hpp), as the session steps it: the
// interface every kind of run implements (the compiled rules' TypedRun in run_session.cpp; custom
// rules and whole-vector optimizers in beyond_rule_runs.cpp, entered by a factory so that the core
// module, which runs neither, does not contain them) and the checks they share.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "engine/run_config.hpp"
#include "engine/trace.hpp"
#include "objectives/objective.hpp"
#include "optim/spec.hpp"

namespace gs::engine {

// How a step ended: the run goes on, diverged, or left a typed formula's domain.
enum class StepOutcome { Ok, Diverged, LeftDomain };

// One optimizer's run on the 2-D objective, in float or double.
class RunState {
 public:
  virtual ~RunState() = default;
  // Takes step t; writes the new point. Returns Ok, or why the run stopped.
  virtual StepOutcome step(const objectives::Objective& f, const objectives::GradientNoise& noise, double out[2],
                           std::string& why) = 0;
  // After step(): kDiagnosticsPerPoint values about it.
  virtual void diagnostics(double* out) const = 0;
  // Function evaluations so far.
  virtual uint32_t evaluations() const = 0;
  // After step t: what the optimizer's registry entry says it draws (Trace::companion, curve, evaluated).
  virtual void record_extras(Trace&, uint64_t) const {}
};

// The step's outcome when x left the finite range after an update.
StepOutcome check_point(const double out[2], std::string& why);
// Why step t cannot start from a point where a user objective's gradient is not finite, or Ok.
StepOutcome check_gradient(const objectives::Objective& f, double value, const double g[2], const double point[2],
                           std::string& why);

// The run of an optimizer beyond the compiled rules (a custom rule, a whole-vector optimizer) from
// `start`, in the config's precision; entered by register_beyond_rule_runs().
using BeyondRuleRunFactory = std::unique_ptr<RunState> (*)(const optim::OptimizerSpec& spec, const RunConfig& config,
                                                           const objectives::Objective& f);
void set_beyond_rule_run_factory(BeyondRuleRunFactory factory);
BeyondRuleRunFactory beyond_rule_run_factory();

// Enters the runs of custom rules and whole-vector optimizers (beyond_rule_runs.cpp): the modules
// that run those optimizers alone call it with optim::whole::register_whole_optimizers() (the full
// engine module, the CLI, the tests); the sweep's module, which runs custom rules in its lanes
// only, does not.
void register_beyond_rule_runs();

}  // namespace gs::engine
