// The run config (docs/schema.md, version 1): an objective with its parameters and gradient noise,
// a start point, a step count, a precision and up to 16 optimizers, described once by
// run_config_table(). parse_run_config validates everything once and names the failing field.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "objectives/objective.hpp"
#include "optim/divergence.hpp"
#include "optim/spec.hpp"
#include "schema/table.hpp"

namespace gs::engine {

enum class Precision { F32, F64 };

inline constexpr uint64_t kMaxSteps = 1000000;
inline constexpr size_t kMaxOptimizers = 16;
using optim::kDivergenceLimit;

struct ObjectiveConfig {
  const objectives::ObjectiveInfo* info = nullptr;  // the registry's entry, or defined->info()
  std::vector<double> params;  // in the registry's order (a formula's: in its declaration order)
  objectives::GradientNoise noise;
  // A user objective (a typed formula, least_squares, logistic) as its config defines it.
  std::shared_ptr<const objectives::DefinedObjective> defined;
};

// The objective an ObjectiveConfig describes.
inline objectives::Objective make_objective(const ObjectiveConfig& c) {
  return c.defined ? objectives::Objective(c.defined) : objectives::Objective(*c.info, c.params);
}

struct RunConfig {
  ObjectiveConfig objective;
  double start[2] = {0, 0};
  uint64_t steps = 200;
  Precision precision = Precision::F64;
  std::vector<optim::OptimizerSpec> optimizers;
};

bool parse_objective(const json::Value* value, const std::string& path, ObjectiveConfig& out, std::string& error);
bool parse_precision(const json::Value* value, const std::string& path, Precision& out, std::string& error);
bool parse_run_config(const json::Value& config, RunConfig& out, std::string& error);
const schema::Table<RunConfig>& run_config_table();

// Why the whole-vector optimizer `spec` (at `path`) cannot run on `objective` in `precision`, or ""
// (and "" for every other optimizer).
std::string whole_optimizer_error(const optim::OptimizerSpec& spec, const ObjectiveConfig& objective,
                                  Precision precision, const std::string& path);

json::Value objective_json(const ObjectiveConfig& objective);
// The run config of one optimizer from one start: what replays a lab's run alone (a sweep cell, a
// race's held-out run).
json::Value single_run_config_json(const ObjectiveConfig& objective, const double start[2], uint64_t steps,
                                   Precision precision, const optim::OptimizerSpec& spec);
const char* precision_name(Precision p);

}  // namespace gs::engine
