#include "engine/sweep_config.hpp"

#include <algorithm>
#include <string_view>

#include "core/check.hpp"
#include "core/detmath.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

using check::ParamType;
using check::Range;

// The range of beta1_decay λ, as optim/spec_json.cpp validates it.
constexpr Range kBeta1DecayRange{0, 1, true, false};
constexpr Range kStartRange{-1e6, 1e6};

constexpr std::string_view kMetricNames[] = {"final_loss", "steps_to_tol", "nearest_minimum"};

// What an axis param may be, with the range its values must lie in and its default span.
struct AxisParam {
  std::string_view name;
  Range range;
  double default_min, default_max;
  bool default_log;
  double optim::OptimizerSpec::*field;
  int start_coordinate;
};

std::vector<AxisParam> axis_params(const optim::OptimizerInfo& o, const objectives::ObjectiveInfo& objective) {
  std::vector<AxisParam> params;
  for (const auto& h : o.hypers)
    if (h.type == ParamType::Real && h.real)
      params.push_back({h.name, h.range, h.slider_min, h.slider_max, std::string_view(h.scale) == "log", h.real, -1});
  if (o.first_moment)
    params.push_back({"beta1_decay", kBeta1DecayRange, 0.9, 1, false, &optim::OptimizerSpec::beta1_decay, -1});
  params.push_back({"start_x", kStartRange, objective.view[0], objective.view[1], false, nullptr, 0});
  params.push_back({"start_y", kStartRange, objective.view[2], objective.view[3], false, nullptr, 1});
  return params;
}

bool parse_axis(const json::Value* value, const std::string& path, const std::vector<AxisParam>& params,
                const char* optimizer_name, SweepAxis& out, std::string& error) {
  std::vector<std::string_view> names;
  for (const auto& p : params) names.push_back(p.name);
  if (!value) {
    error = path + ": missing. An axis is {\"param\", \"min\", \"max\", \"n\", \"log\"}, param one of " +
            check::join(names) + ".";
    return false;
  }
  if (!check::expect_object(*value, path, error)) return false;
  static constexpr std::string_view kAllowed[] = {"param", "min", "max", "n", "log"};
  if (!check::known_keys(*value, path, kAllowed, error)) return false;
  const std::string param_path = check::field(path, "param");
  if (!value->find("param")) {
    error = param_path + ": missing. Allowed: " + check::join(names) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(value->find("param"), param_path, name, error)) return false;
  const AxisParam* param = nullptr;
  for (const auto& p : params)
    if (p.name == name) param = &p;
  if (!param) {
    error = param_path + ": " + check::unknown_name(std::string(optimizer_name) + " hyperparameter", name, names);
    return false;
  }
  SweepAxis axis;
  axis.param = name;
  axis.min = param->default_min;
  axis.max = param->default_max;
  axis.log = param->default_log;
  axis.field = param->field;
  axis.start_coordinate = param->start_coordinate;
  double n = axis.n;
  if (!check::read_number(value->find("min"), check::field(path, "min"), ParamType::Real, param->range, axis.min,
                          error) ||
      !check::read_number(value->find("max"), check::field(path, "max"), ParamType::Real, param->range, axis.max,
                          error) ||
      !check::read_number(value->find("n"), check::field(path, "n"), ParamType::Integer, Range{1, kMaxAxisPoints}, n,
                          error) ||
      !check::read_bool(value->find("log"), check::field(path, "log"), axis.log, error))
    return false;
  axis.n = static_cast<int>(n);
  if (axis.log && !(axis.min > 0)) {
    error = check::field(path, "min") + ": a log axis needs min > 0, got " + check::format_number(axis.min);
    return false;
  }
  if (axis.n > 1 ? !(axis.max > axis.min) : axis.max < axis.min) {
    error = check::field(path, "max") + ": must be " + (axis.n > 1 ? "greater than" : "at least") + " " +
            check::field(path, "min") + " (" + check::format_number(axis.min) + "), got " +
            check::format_number(axis.max);
    return false;
  }
  out = std::move(axis);
  return true;
}

bool parse_start(const json::Value* value, double out[2], std::string& error) {
  if (!value) return true;
  if (!value->is_array() || value->as_array().size() != 2) {
    error = "start: must be an array of two numbers [x, y]";
    return false;
  }
  for (size_t i = 0; i < 2; ++i)
    if (!check::read_number(&value->as_array()[i], check::index("start", i), ParamType::Real, kStartRange, out[i],
                            error))
      return false;
  return true;
}

bool parse_metric(const json::Value& config, SweepConfig& out, std::string& error) {
  std::string name = metric_name(out.metric);
  if (!check::read_string(config.find("metric"), "metric", name, error)) return false;
  const auto* found = std::find(std::begin(kMetricNames), std::end(kMetricNames), name);
  if (found == std::end(kMetricNames)) {
    error = "metric: " + check::unknown_name("metric", name, kMetricNames);
    return false;
  }
  out.metric = static_cast<SweepMetric>(found - std::begin(kMetricNames));
  const json::Value* tol = config.find("tol");
  if (tol && out.metric != SweepMetric::StepsToTol) {
    error = "tol: only used with metric \"steps_to_tol\", got metric \"" + name + "\"";
    return false;
  }
  if (!check::read_number(tol, "tol", ParamType::Real, Range{0, 1e6, true, false}, out.tol, error)) return false;
  if (out.metric != SweepMetric::FinalLoss) {
    objectives::Objective objective(*out.objective.info, out.objective.params);
    bool global = false;
    for (const auto& m : objective.minima()) global = global || m.global;
    if (!global) {
      error = "metric: " + name + " needs the objective's known minima, and " + out.objective.info->name +
              " has none";
      return false;
    }
  }
  return true;
}

// Every cell's optimizer must be valid, not only each value. The one rule across fields (sgd's
// nesterov: momentum > 0 and dampening = 0) is monotone in each, so each axis' ends (the other
// hyperparameters as given) and then the grid's corners decide it.
bool valid_cell(const SweepConfig& c, const SweepAxis* x, double x_value, const SweepAxis* y, double y_value,
                std::string& why) {
  optim::OptimizerSpec spec = c.optimizer, parsed;
  double start[2] = {c.start[0], c.start[1]};
  if (x) apply_axis(*x, x_value, spec, start);
  if (y) apply_axis(*y, y_value, spec, start);
  return optim::parse_optimizer(optim::to_json(spec), "optimizer", parsed, why);
}

bool check_cells(const SweepConfig& c, std::string& error) {
  std::string why;
  for (const auto* axis : {&c.x, &c.y}) {
    const std::string name = axis == &c.x ? "x" : "y";
    if (!valid_cell(c, axis, axis->min, nullptr, 0, why)) {
      error = name + ".min: " + why;
      return false;
    }
    if (!valid_cell(c, axis, axis->max, nullptr, 0, why)) {
      error = name + ".max: " + why;
      return false;
    }
  }
  for (int corner = 0; corner < 4; ++corner) {
    const bool x_max = corner & 1, y_max = corner & 2;
    if (!valid_cell(c, &c.x, x_max ? c.x.max : c.x.min, &c.y, y_max ? c.y.max : c.y.min, why)) {
      error = std::string(x_max ? "x.max" : "x.min") + " with " + (y_max ? "y.max" : "y.min") + ": " + why;
      return false;
    }
  }
  return true;
}

}  // namespace

const char* metric_name(SweepMetric metric) { return kMetricNames[static_cast<size_t>(metric)].data(); }

bool parse_sweep_config(const json::Value& config, SweepConfig& out, std::string& error) {
  if (!check::expect_object(config, "", error)) return false;
  static constexpr std::string_view kAllowed[] = {"version", "objective", "steps", "precision", "optimizer",
                                                  "x",       "y",         "start", "metric",    "tol"};
  if (!check::known_keys(config, "", kAllowed, error)) return false;
  if (!parse_version(config, error)) return false;
  SweepConfig result;
  if (!parse_objective(config.find("objective"), "objective", result.objective, error)) return false;
  double steps = static_cast<double>(result.steps);
  if (!check::read_number(config.find("steps"), "steps", ParamType::Integer, Range{0, double(kMaxSteps)}, steps, error))
    return false;
  result.steps = static_cast<uint64_t>(steps);
  if (!parse_precision(config.find("precision"), "precision", result.precision, error)) return false;
  const json::Value* optimizer = config.find("optimizer");
  if (!optimizer) {
    error = "optimizer: missing. A sweep runs one optimizer object, e.g. {\"name\": \"adam\", \"lr\": 0.01}.";
    return false;
  }
  if (!optim::parse_optimizer(*optimizer, "optimizer", result.optimizer, error)) return false;
  result.start[0] = result.objective.info->default_start[0];
  result.start[1] = result.objective.info->default_start[1];
  if (!parse_start(config.find("start"), result.start, error)) return false;
  const optim::OptimizerInfo& o = optim::info(result.optimizer.kind);
  const std::vector<AxisParam> params = axis_params(o, *result.objective.info);
  if (!parse_axis(config.find("x"), "x", params, o.name, result.x, error) ||
      !parse_axis(config.find("y"), "y", params, o.name, result.y, error))
    return false;
  if (result.x.param == result.y.param) {
    error = "y.param: must differ from x.param (both are \"" + result.x.param + "\")";
    return false;
  }
  if (!check_cells(result, error) || !parse_metric(config, result, error)) return false;
  out = std::move(result);
  return true;
}

std::vector<double> axis_values(const SweepAxis& axis) {
  std::vector<double> values(static_cast<size_t>(axis.n));
  const double last = axis.n - 1;
  const double lo = axis.log ? dm::log(axis.min) : axis.min, hi = axis.log ? dm::log(axis.max) : axis.max;
  for (int i = 0; i < axis.n; ++i) {
    const double u = lo + static_cast<double>(i) * (hi - lo) / last;
    values[static_cast<size_t>(i)] = std::clamp(axis.log ? dm::exp(u) : u, axis.min, axis.max);
  }
  values.front() = axis.min;
  if (axis.n > 1) values.back() = axis.max;
  return values;
}

void apply_axis(const SweepAxis& axis, double value, optim::OptimizerSpec& spec, double start[2]) {
  if (axis.field) spec.*axis.field = value;
  else start[axis.start_coordinate] = value;
}

json::Value cell_run_config(const SweepConfig& c, double x_value, double y_value) {
  optim::OptimizerSpec spec = c.optimizer;
  double start[2] = {c.start[0], c.start[1]};
  apply_axis(c.x, x_value, spec, start);
  apply_axis(c.y, y_value, spec, start);
  json::Value v{json::Object{}};
  v.set("version", 1);
  v.set("objective", objective_json(c.objective));
  v.set("start", json::Value(json::Array{start[0], start[1]}));
  v.set("steps", static_cast<double>(c.steps));
  v.set("precision", precision_name(c.precision));
  v.set("optimizers", json::Value(json::Array{optim::to_json(spec)}));
  return v;
}

json::Value sweep_config_json(const SweepConfig& c) {
  const auto axis_json = [](const SweepAxis& a) {
    json::Value v{json::Object{}};
    v.set("param", a.param);
    v.set("min", a.min);
    v.set("max", a.max);
    v.set("n", a.n);
    v.set("log", a.log);
    return v;
  };
  json::Value v{json::Object{}};
  v.set("version", 1);
  v.set("objective", objective_json(c.objective));
  v.set("steps", static_cast<double>(c.steps));
  v.set("precision", precision_name(c.precision));
  v.set("optimizer", optim::to_json(c.optimizer));
  v.set("x", axis_json(c.x));
  v.set("y", axis_json(c.y));
  v.set("start", json::Value(json::Array{c.start[0], c.start[1]}));
  v.set("metric", metric_name(c.metric));
  if (c.metric == SweepMetric::StepsToTol) v.set("tol", c.tol);
  return v;
}

}  // namespace gs::engine
