// The sweep config's table, its axes and metric, and the cells' run configs.
#include "labs/sweep/sweep_config.hpp"

#include <algorithm>
#include <string_view>

#include "core/check.hpp"
#include "core/detmath.hpp"
#include "engine/config_fields.hpp"
#include "optim/custom/custom_rule.hpp"
#include "optim/registry.hpp"
#include "optim/registry_fields.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;
using engine::kMaxSteps;
using engine::objective_field;
using engine::precision_field;
using engine::start_field;

constexpr Range kStartRange{-1e6, 1e6};

constexpr Range kTolRange{0, 1e6, true, false};
constexpr std::string_view kMetricNames[] = {"final_loss", "steps_to_tol", "nearest_minimum"};

// What an axis param may be, with the range its values must lie in and its default span.
struct AxisParam {
  std::string_view name;
  Range range;
  double default_min, default_max;
  bool default_log;
  const optim::HyperInfo* hyper;
  int start_coordinate;
  int rule_hyper = -1;
};


// The params an axis may vary: the optimizer's real hyperparameters (a custom rule's declared
// ones), beta1_decay where it has a first moment, the start point's coordinates.
std::vector<AxisParam> axis_params(const optim::OptimizerSpec& spec, const objectives::ObjectiveInfo& objective) {
  const optim::OptimizerInfo& o = optim::info(spec.kind);
  std::vector<AxisParam> params;
  if (spec.rule)
    for (size_t i = 0; i < spec.rule->hypers().size(); ++i) {
      const optim::custom::HyperDecl& h = spec.rule->hypers()[i];
      params.push_back({h.name, Range{h.min, h.max}, h.min, h.max, h.log, nullptr, -1, static_cast<int>(i)});
    }
  for (const auto& h : o.hypers)
    if (h.type == ParamType::Real && h.in_spec())
      params.push_back({h.name, h.range, h.slider_min, h.slider_max, std::string_view(h.scale) == "log", &h, -1});
  if (o.first_moment) {
    static const optim::HyperInfo beta1_decay = optim::fields::beta1_decay();
    params.push_back({beta1_decay.name, beta1_decay.range, 0.9, 1, false, &beta1_decay, -1});
  }
  params.push_back({"start_x", kStartRange, objective.view[0], objective.view[1], false, nullptr, 0});
  params.push_back({"start_y", kStartRange, objective.view[2], objective.view[3], false, nullptr, 1});
  return params;
}

// An axis while it is read: what its param may be, the one chosen, and the axis so far.
struct AxisRead {
  const std::vector<AxisParam>* params = nullptr;
  const char* optimizer = "";
  const AxisParam* param = nullptr;
  SweepAxis axis;
};

std::vector<std::string_view> param_names(const std::vector<AxisParam>& params) {
  std::vector<std::string_view> names;
  for (const auto& p : params) names.push_back(p.name);
  return names;
}

bool read_param(const json::Value* value, const std::string& path, const json::Value&, AxisRead& out,
                std::string& error) {
  const std::vector<std::string_view> names = param_names(*out.params);
  if (!value) {
    error = path + ": missing. Allowed: " + check::join(names) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(value, path, name, error)) return false;
  for (const auto& p : *out.params)
    if (p.name == name) out.param = &p;
  if (!out.param) {
    error = path + ": " + check::unknown_name(std::string(out.optimizer) + " hyperparameter", name, names);
    return false;
  }
  out.axis.param = name;
  out.axis.min = out.param->default_min;
  out.axis.max = out.param->default_max;
  out.axis.log = out.param->default_log;
  out.axis.hyper = out.param->hyper;
  out.axis.start_coordinate = out.param->start_coordinate;
  out.axis.rule_hyper = out.param->rule_hyper;
  return true;
}

schema::Field<AxisRead> end_field(const char* key, double SweepAxis::*end, const char* description) {
  json::Value number{json::Object{}};
  number.set("type", "number");
  return schema::computed_default(
      schema::custom<AxisRead>(key, "number", "in the param's range", json::Value(), std::move(number), description,
                               [end](const json::Value* v, const std::string& path, const json::Value&, AxisRead& out,
                                     std::string& error) {
                                 return check::read_number(v, path, ParamType::Real, out.param->range, out.axis.*end,
                                                           error);
                               }),
      "the param's slider range (the objective's view for start_x, start_y)");
}

const schema::Table<AxisRead>& axis_table() {
  static const schema::Table<AxisRead> table{
      "", "a grid axis: a real hyperparameter of the optimizer (a custom rule's: one its rule declares; or "
          "beta1_decay), or start_x / start_y",
      {schema::required(schema::custom<AxisRead>(
           "param", "string",
           "a real hyperparameter of the optimizer (of a custom rule: declared by it), beta1_decay, start_x, start_y",
           json::Value(),
           json::Value(json::Object{{"type", "string"}}), "what the axis varies", read_param)),
       end_field("min", &SweepAxis::min, "the first sample point"),
       end_field("max", &SweepAxis::max, "the last sample point"),
       schema::number<AxisRead>("n", ParamType::Integer, Range{1, kMaxAxisPoints},
                                [](AxisRead& a) -> int& { return a.axis.n; }, "sample points"),
       schema::computed_default(schema::boolean<AxisRead>("log", [](AxisRead& a) -> bool& { return a.axis.log; },
                                                          "geometric spacing (needs min > 0)"),
                                "true for a log-scale hyperparameter")},
      {}};
  return table;
}

bool parse_axis(const json::Value* value, const std::string& path, const std::vector<AxisParam>& params,
                const char* optimizer_name, SweepAxis& out, std::string& error) {
  if (!value) {
    error = path + ": missing. An axis is {\"param\", \"min\", \"max\", \"n\", \"log\"}, param one of " +
            check::join(param_names(params)) + ".";
    return false;
  }
  AxisRead read{&params, optimizer_name, nullptr, {}};
  if (!schema::parse(axis_table(), *value, path, read, error)) return false;
  const SweepAxis& axis = read.axis;
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
  out = read.axis;
  return true;
}

bool read_metric(const json::Value* value, const std::string& path, const json::Value&, SweepConfig& out,
                 std::string& error) {
  std::string name = metric_name(out.metric);
  if (!check::read_string(value, path, name, error)) return false;
  const auto* found = std::find(std::begin(kMetricNames), std::end(kMetricNames), name);
  if (found == std::end(kMetricNames)) {
    error = path + ": " + check::unknown_name("metric", name, kMetricNames);
    return false;
  }
  out.metric = static_cast<SweepMetric>(found - std::begin(kMetricNames));
  return true;
}

bool read_tol(const json::Value* value, const std::string& path, const json::Value&, SweepConfig& out,
              std::string& error) {
  if (value && out.metric != SweepMetric::StepsToTol) {
    error = path + ": only used with metric \"steps_to_tol\", got metric \"" + metric_name(out.metric) + "\"";
    return false;
  }
  return check::read_number(value, path, ParamType::Real, kTolRange, out.tol, error);
}

// steps_to_tol and nearest_minimum need the objective's known minima.
bool check_minima(const SweepConfig& out, std::string& error) {
  if (out.metric == SweepMetric::FinalLoss) return true;
  const objectives::Objective objective = engine::make_objective(out.objective);
  bool global = false;
  for (const auto& m : objective.minima()) global = global || m.global;
  if (global) return true;
  error = std::string("metric: ") + metric_name(out.metric) + " needs the objective's known minima, and " +
          out.objective.info->name + " has none";
  return false;
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

namespace {

bool read_optimizer(const json::Value* value, const std::string& path, const json::Value&, SweepConfig& out,
                    std::string& error) {
  if (!value) {
    error = path + ": missing. A sweep runs one optimizer object, e.g. {\"name\": \"adam\", \"lr\": 0.01}.";
    return false;
  }
  if (!optim::parse_optimizer(*value, path, out.optimizer, error)) return false;
  error = optim::per_coordinate_error(out.optimizer, path, "the sweep lab (its runs are SIMD lanes of per-coordinate rules)",
                                      true);
  return error.empty();
}

// x, then y, which must differ from x and leave every cell's optimizer valid. The axes, metric
// and tol are read late (after start), the order in which their errors have always come.
bool read_axis(const json::Value* value, const std::string& path, const json::Value&, SweepConfig& out,
               std::string& error) {
  SweepAxis& axis = path == "x" ? out.x : out.y;
  if (!parse_axis(value, path, axis_params(out.optimizer, *out.objective.info), optim::info(out.optimizer.kind).name,
                  axis, error))
    return false;
  if (path == "x") return true;
  if (out.x.param == out.y.param) {
    error = "y.param: must differ from x.param (both are \"" + out.x.param + "\")";
    return false;
  }
  return check_cells(out, error);
}

schema::Field<SweepConfig> axis_field(const char* key, const char* description) {
  auto f = schema::late(schema::required(
      schema::custom<SweepConfig>(key, "object", "", json::Value(), schema::ref("axis"), description, read_axis)));
  f.doc.fields = schema::docs(axis_table());
  return f;
}

}  // namespace

json::Value axis_schema() { return schema::json_schema(axis_table()); }

const schema::Table<SweepConfig>& sweep_config_table() {
  using schema::custom;
  static const schema::Table<SweepConfig> table{
      "Sweep config",
      "One optimizer on one 2-D objective, run once per cell of an x × y grid over two of its hyperparameters or "
      "the start point, with a metric per cell (gradscape sweep, gs.sweep, the sweep lab).",
      {schema::version<SweepConfig>(), objective_field<SweepConfig>(),
       schema::number<SweepConfig>("steps", ParamType::Integer, Range{0, double(kMaxSteps)}, &SweepConfig::steps,
                                   "optimizer steps per cell"),
       precision_field<SweepConfig>(),
       schema::required(custom<SweepConfig>("optimizer", "object", "an optimizer object", json::Value(),
                                            schema::ref("optimizer"), "the optimizer every cell runs",
                                            read_optimizer)),
       axis_field("x", "the grid's x axis"), axis_field("y", "the grid's y axis (a different param)"),
       start_field<SweepConfig>(),
       schema::late(custom<SweepConfig>("metric", "string", check::join(kMetricNames), json::Value("final_loss"),
                                        schema::enum_schema(kMetricNames),
                                        "final_loss: f at the end; steps_to_tol: the first step with f − f* ≤ tol; "
                                        "nearest_minimum: the index of the known minimum nearest the end point",
                                        read_metric)),
       schema::late(custom<SweepConfig>("tol", "number", "number in " + kTolRange.describe() + ", with steps_to_tol",
                                        json::Value(1e-6), schema::number_schema(ParamType::Real, kTolRange),
                                        "the tolerance of steps_to_tol", read_tol))},
      {}};
  return table;
}

bool parse_sweep_config(const json::Value& config, SweepConfig& out, std::string& error) {
  SweepConfig result;
  if (!schema::parse(sweep_config_table(), config, "", result, error) || !check_minima(result, error)) return false;
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
  if (axis.hyper) axis.hyper->set(spec, value);
  else if (axis.rule_hyper >= 0) spec.own[static_cast<size_t>(axis.rule_hyper)] = value;
  else start[axis.start_coordinate] = value;
}

json::Value cell_run_config(const SweepConfig& c, double x_value, double y_value) {
  optim::OptimizerSpec spec = c.optimizer;
  double start[2] = {c.start[0], c.start[1]};
  apply_axis(c.x, x_value, spec, start);
  apply_axis(c.y, y_value, spec, start);
  return engine::single_run_config_json(c.objective, start, c.steps, c.precision, spec);
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

}  // namespace gs::labs
