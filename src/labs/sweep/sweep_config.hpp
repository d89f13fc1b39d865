// The sweep config (docs/schema.md, version 1): one optimizer on one 2-D
// objective, run once per cell of an n_x × n_y grid whose axes are two of its real
// hyperparameters (validated against the registry and its ranges) or the start point
// (start_x / start_y: a basin-of-attraction map), and a metric per cell:
//   final_loss       f at the end of the run
//   steps_to_tol     the first step k (0 = the start) with f − f* ≤ tol, f* the global minimum value
//   nearest_minimum  the index (into the objective's known minima) of the one nearest the end point
// parse_sweep_config validates everything once and names the failing field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "engine/run_config.hpp"
#include "optim/registry.hpp"
#include "schema/table.hpp"

namespace gs::labs {

inline constexpr int kMaxAxisPoints = 512;
inline constexpr uint64_t kDefaultSweepSteps = 500;

enum class SweepMetric { FinalLoss, StepsToTol, NearestMinimum };

struct SweepAxis {
  std::string param;  // a real hyperparameter of the optimizer, beta1_decay, start_x or start_y
  double min = 0, max = 0;
  int n = 64;
  bool log = false;
  // What the param sets: a hyperparameter of the spec (the registry's entry), a custom rule's
  // hyperparameter (its index in the rule's declarations: OptimizerSpec::own), or a coordinate of
  // the start point (0 = x, 1 = y).
  const optim::HyperInfo* hyper = nullptr;
  int rule_hyper = -1;
  int start_coordinate = -1;
};

struct SweepConfig {
  engine::ObjectiveConfig objective;
  uint64_t steps = kDefaultSweepSteps;
  engine::Precision precision = engine::Precision::F32;
  optim::OptimizerSpec optimizer;
  SweepAxis x, y;
  double start[2] = {0, 0};
  SweepMetric metric = SweepMetric::FinalLoss;
  double tol = 1e-6;  // steps_to_tol
};

bool parse_sweep_config(const json::Value& config, SweepConfig& out, std::string& error);
const schema::Table<SweepConfig>& sweep_config_table();
json::Value axis_schema();  // the JSON Schema of an axis object

// The axis' sample points: min + i·(max − min)/(n − 1), or geometric from min to max with `log`;
// the first is min and the last max exactly (min alone when n = 1).
std::vector<double> axis_values(const SweepAxis& axis);

// Sets what the axis varies to `value` in a cell's spec and start.
void apply_axis(const SweepAxis& axis, double value, optim::OptimizerSpec& spec, double start[2]);

// The run config of one cell: the sweep's objective, steps and
// precision, its optimizer and start with the axes at x_value and y_value.
json::Value cell_run_config(const SweepConfig& config, double x_value, double y_value);

const char* metric_name(SweepMetric metric);
// Every field resolved, in the config's order.
json::Value sweep_config_json(const SweepConfig& config);

}  // namespace gs::labs
