// The run config's table and the parsers it shares with the sweep and regret configs.
#include "engine/run_config.hpp"

#include <array>
#include <cmath>
#include <optional>
#include <span>

#include "core/check.hpp"
#include "engine/config_fields.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

using check::ParamType;
using check::Range;

const schema::Table<objectives::GradientNoise>& noise_table() {
  using objectives::GradientNoise;
  static const schema::Table<GradientNoise> table{
      "", "gradient noise, the same for every optimizer of a run",
      {schema::number<GradientNoise>("sigma", ParamType::Real, Range{0, 1e3}, &GradientNoise::sigma,
                                     "standard deviation of the Gaussian noise added to each gradient coordinate"),
       schema::number<GradientNoise>("sparsity", ParamType::Real, Range{0, 1, false, true}, &GradientNoise::sparsity,
                                     "probability that a gradient coordinate is dropped (set to 0)"),
       schema::number<GradientNoise>("seed", ParamType::Integer, Range{0, 9007199254740991.0}, &GradientNoise::seed,
                                     "seed of the counter-based noise: the same seed gives the same noise everywhere")},
      {}};
  return table;
}

std::vector<schema::Doc> objective_docs() {
  return {{"name", "string", "an objective of the registry, or formula", "required", "the objective", {}},
          {"expr", "string", "formula only: at most 1000 characters", "the standard formula",
           "f(x, y) in the formula language (README)", {}},
          {"params", "object", "the objective's parameters (registry); a formula's: a value or {value, min, max}",
           "the registry's", "the objective's parameters by name (a formula declares its own)", {}},
          {"view", "array", "formula only: [xmin, xmax, ymin, ymax]", "around the minima found",
           "where a formula's minima are looked for, and its default view", {}},
          {"data", "array", "least_squares: 1 to 10000 points [x, y]; logistic: [x, y, label], label 0 or 1",
           "a small preset data set", "the points the line y = w·x + b is fitted to (the surface is over (w, b))", {}},
          {"batch_size", "integer", "least_squares, logistic: in [1, the number of points]", "every point",
           "points per step's minibatch (shuffled per epoch with the noise seed)", {}},
          {"noise", "object", "", "no noise", "gradient noise", schema::docs(noise_table())}};
}

bool parse_point(const json::Value* value, const std::string& path, double out[2], std::string& error) {
  if (!value) return true;
  if (!value->is_array() || value->as_array().size() != 2) {
    error = path + ": must be an array of two numbers [x, y]";
    return false;
  }
  for (size_t i = 0; i < 2; ++i)
    if (!check::read_number(&value->as_array()[i], check::index(path, i), ParamType::Real, Range{-1e6, 1e6}, out[i],
                            error))
      return false;
  return true;
}

bool parse_optimizer_list(const json::Value* value, const std::string& path, size_t max,
                          std::vector<optim::OptimizerSpec>& out, std::string& error) {
  if (!value) {
    out = {optim::default_spec("adam")};
    return true;
  }
  if (!value->is_array() || value->as_array().empty() || value->as_array().size() > max) {
    error = path + ": must be an array of 1 to " + std::to_string(max) + " optimizer objects";
    return false;
  }
  const auto& list = value->as_array();
  std::vector<optim::OptimizerSpec> result;
  for (size_t i = 0; i < list.size(); ++i) {
    optim::OptimizerSpec spec;
    if (!optim::parse_optimizer(list[i], check::index(path, i), spec, error)) return false;
    result.push_back(std::move(spec));
  }
  out = std::move(result);
  return true;
}

json::Value optimizer_list_schema(const char* def, size_t max) {
  json::Value v{json::Object{}};
  v.set("type", "array");
  v.set("items", schema::ref(def));
  v.set("minItems", 1);
  v.set("maxItems", static_cast<double>(max));
  return v;
}

const schema::Table<RunConfig>& run_config_table() {
  static const schema::Table<RunConfig> table{
      "Run config",
      "A 2-D objective, a start point, a step count, a precision and up to 16 optimizers run side by side "
      "(gradscape run, gs.run, the landscape view).",
      {schema::version<RunConfig>(), objective_field<RunConfig>(), start_field<RunConfig>(),
       schema::number<RunConfig>("steps", ParamType::Integer, Range{0, double(kMaxSteps)}, &RunConfig::steps,
                                 "optimizer steps per run"),
       precision_field<RunConfig>(), optimizers_field<RunConfig>()},
      {}};
  return table;
}

const char* precision_name(Precision p) { return p == Precision::F32 ? "f32" : "f64"; }

bool parse_precision(const json::Value* value, const std::string& path, Precision& out, std::string& error) {
  std::string name = precision_name(out);
  if (!check::read_string(value, path, name, error)) return false;
  if (name == "f32") out = Precision::F32;
  else if (name == "f64") out = Precision::F64;
  else {
    error = path + ": must be \"f32\" or \"f64\", got \"" + name + "\"";
    return false;
  }
  return true;
}

namespace {

// A formula parameter: a number (its value, with the default range) or {value, min, max}.
bool parse_formula_parameter(const json::Value& value, const std::string& path, const std::string& name,
                             formula::ParameterDecl& out, std::string& error) {
  constexpr Range kRange{-1e6, 1e6};
  if (value.is_number()) {
    double v = 0;
    if (!check::read_number(&value, path, ParamType::Real, kRange, v, error)) return false;
    out = formula::parameter_with_default_range(name, v);
    return true;
  }
  if (!value.is_object()) {
    error = path + ": must be a number or an object {value, min, max}";
    return false;
  }
  static constexpr std::string_view kAllowed[] = {"value", "min", "max"};
  if (!check::known_keys(value, path, kAllowed, error)) return false;
  if (!value.find("value")) {
    error = path + ".value: missing (the parameter's value, a number in [-1000000, 1000000])";
    return false;
  }
  double v = 0;
  if (!check::read_number(value.find("value"), path + ".value", ParamType::Real, kRange, v, error)) return false;
  out = formula::parameter_with_default_range(name, v);
  if (!check::read_number(value.find("min"), path + ".min", ParamType::Real, kRange, out.min, error)) return false;
  if (!check::read_number(value.find("max"), path + ".max", ParamType::Real, kRange, out.max, error)) return false;
  if (!(out.min < out.max)) {
    error = path + ": min must be less than max, got min " + json::serialize(json::Value(out.min)) + " and max " +
            json::serialize(json::Value(out.max));
    return false;
  }
  if (v < out.min || v > out.max) {
    error = path + ".value: must be in [" + json::serialize(json::Value(out.min)) + ", " +
            json::serialize(json::Value(out.max)) + "] (its min and max), got " + json::serialize(json::Value(v));
    return false;
  }
  return true;
}

bool parse_view(const json::Value* value, const std::string& path, std::optional<std::array<double, 4>>& out,
                std::string& error) {
  if (!value) return true;
  if (!value->is_array() || value->as_array().size() != 4) {
    error = path + ": must be an array of four numbers [xmin, xmax, ymin, ymax]";
    return false;
  }
  std::array<double, 4> box{};
  for (size_t i = 0; i < 4; ++i)
    if (!check::read_number(&value->as_array()[i], check::index(path, i), ParamType::Real, Range{-1e6, 1e6}, box[i],
                            error))
      return false;
  if (!(box[0] < box[1] && box[2] < box[3])) {
    error = path + ": must be [xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax";
    return false;
  }
  out = box;
  return true;
}

// The formula objective: expr (default: the registry's standard formula), params, view.
bool parse_formula(const json::Value* value, const std::string& path, ObjectiveConfig& out, std::string& error) {
  std::string expression = formula::kStandardExpression;
  std::vector<formula::ParameterDecl> parameters;
  std::optional<std::array<double, 4>> view;
  if (value && value->is_object()) {
    if (!check::read_string(value->find("expr"), path + ".expr", expression, error)) return false;
    if (const json::Value* params = value->find("params")) {
      if (!check::expect_object(*params, path + ".params", error)) return false;
      if (params->as_object().size() > static_cast<size_t>(formula::kMaxParameters)) {
        error = path + ".params: at most " + std::to_string(formula::kMaxParameters) + " parameters, got " +
                std::to_string(params->as_object().size());
        return false;
      }
      for (const auto& [name, p] : params->as_object()) {
        formula::ParameterDecl decl;
        if (!parse_formula_parameter(p, check::field(path + ".params", name), name, decl, error)) return false;
        parameters.push_back(std::move(decl));
      }
    }
    if (!parse_view(value->find("view"), path + ".view", view, error)) return false;
  }
  formula::Result<std::shared_ptr<const formula::Definition>> made =
      formula::Definition::make(std::move(expression), std::move(parameters), view);
  if (!made.ok()) {
    const std::string& message = made.error().message;
    const bool about_parameter = message.rfind("parameter '", 0) == 0;
    error = path + (about_parameter ? ".params: " : ".expr: ") + message;
    return false;
  }
  out.formula = made.value();
  out.info = &out.formula->info();
  out.params.clear();
  for (const auto& p : out.formula->parameters()) out.params.push_back(p.value);
  return true;
}

// A data objective: data (points [x, y], or [x, y, label] for logistic) and batch_size.
bool parse_data(const json::Value* value, const std::string& path, objectives::data::Model model, ObjectiveConfig& out,
                std::string& error) {
  using objectives::data::DataPoint;
  using objectives::data::kMaxPoints;
  const bool logistic = model == objectives::data::Model::Logistic;
  std::vector<DataPoint> points;
  std::size_t batch_size = 0;
  if (value && value->is_object()) {
    const json::Value* data = value->find("data");
    if (data) {
      if (!data->is_array() || data->as_array().empty() || data->as_array().size() > kMaxPoints) {
        error = path + ".data: must be an array of 1 to " + std::to_string(kMaxPoints) +
                (logistic ? " points [x, y, label]" : " points [x, y]");
        return false;
      }
      const auto& list = data->as_array();
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = check::index(path + ".data", i);
        const size_t width = logistic ? 3 : 2;
        if (!list[i].is_array() || list[i].as_array().size() != width) {
          error = at + (logistic ? ": must be [x, y, label] with label 0 or 1" : ": must be [x, y], two numbers");
          return false;
        }
        const auto& p = list[i].as_array();
        DataPoint point;
        if (!check::read_number(&p[0], check::index(at, 0), ParamType::Real, Range{-1e6, 1e6}, point.x, error) ||
            !check::read_number(&p[1], check::index(at, 1), ParamType::Real, Range{-1e6, 1e6}, point.y, error))
          return false;
        if (logistic) {
          double label = 0;
          if (!check::read_number(&p[2], check::index(at, 2), ParamType::Integer, Range{0, 1}, label, error)) return false;
          point.label = static_cast<int>(label);
        }
        points.push_back(point);
      }
    }
    if (const json::Value* batch = value->find("batch_size")) {
      const double most = static_cast<double>(data ? points.size()
                                                   : objectives::data::DataDefinition::standard(model).points().size());
      double k = 0;
      if (!check::read_number(batch, path + ".batch_size", ParamType::Integer, Range{1, most}, k, error)) return false;
      batch_size = static_cast<std::size_t>(k);
    }
  }
  if (points.empty()) points = objectives::data::DataDefinition::standard(model).points();
  out.data = objectives::data::DataDefinition::make(model, std::move(points), batch_size ? batch_size : SIZE_MAX,
                                                   out.noise.seed);
  out.info = &out.data->info();
  out.params.clear();
  return true;
}

}  // namespace

bool parse_objective(const json::Value* value, const std::string& path, ObjectiveConfig& out, std::string& error) {
  std::vector<std::string_view> names;
  for (const auto& o : objectives::registry()) names.push_back(o.name);
  std::string name = "rosenbrock";
  const json::Value* params = nullptr;
  const json::Value* noise = nullptr;
  if (value && value->is_string()) {
    name = value->as_string();
  } else if (value) {
    if (!check::expect_object(*value, path, error)) return false;
    if (!value->find("name")) {
      error = path + ".name: missing. Allowed: " + check::join(names) + ".";
      return false;
    }
    if (!check::read_string(value->find("name"), path + ".name", name, error)) return false;
    static constexpr std::string_view kAllowed[] = {"name", "params", "noise"};
    static constexpr std::string_view kFormulaAllowed[] = {"name", "expr", "params", "noise", "view"};
    static constexpr std::string_view kDataAllowed[] = {"name", "data", "batch_size", "noise"};
    const std::span<const std::string_view> allowed =
        name == "formula"                                ? std::span<const std::string_view>(kFormulaAllowed)
        : objectives::data::model_named(name).has_value() ? std::span<const std::string_view>(kDataAllowed)
                                                          : std::span<const std::string_view>(kAllowed);
    if (!check::known_keys(*value, path, allowed, error)) return false;
    params = value->find("params");
    noise = value->find("noise");
  }
  const objectives::ObjectiveInfo* info = objectives::find(name);
  if (!info) {
    error = path + ".name: " + check::unknown_name("objective", name, names);
    return false;
  }
  ObjectiveConfig result;
  result.info = info;
  if (noise && !schema::parse(noise_table(), *noise, path + ".noise", result.noise, error)) return false;
  if (name == "formula") {
    if (!parse_formula(value, path, result, error)) return false;
  } else if (const auto model = objectives::data::model_named(name)) {
    if (!parse_data(value, path, *model, result, error)) return false;
  } else {
    for (const auto& p : info->params) result.params.push_back(p.default_value);
  }
  if (params && name != "formula" && !objectives::data::model_named(name)) {
    std::string params_path = path + ".params";
    if (!check::expect_object(*params, params_path, error)) return false;
    std::vector<std::string_view> allowed;
    for (const auto& p : info->params) allowed.push_back(p.name);
    if (allowed.empty() && !params->as_object().empty()) {
      error = params_path + ": " + name + " has no parameters";
      return false;
    }
    if (!check::known_keys(*params, params_path, allowed, error)) return false;
    for (size_t i = 0; i < info->params.size(); ++i) {
      const auto& p = info->params[i];
      if (!check::read_number(params->find(p.name), check::field(params_path, p.name), ParamType::Real,
                              Range{p.min, p.max}, result.params[i], error))
        return false;
    }
  }
  out = std::move(result);
  return true;
}

bool parse_run_config(const json::Value& config, RunConfig& out, std::string& error) {
  RunConfig result;
  if (!schema::parse(run_config_table(), config, "", result, error)) return false;
  out = std::move(result);
  return true;
}

json::Value objective_json(const ObjectiveConfig& objective) {
  json::Value v{json::Object{}};
  v.set("name", objective.info->name);
  if (objective.formula) v.set("expr", objective.formula->expression());
  if (objective.data) {
    const bool logistic = objective.data->model() == objectives::data::Model::Logistic;
    json::Array points;
    for (const auto& p : objective.data->points())
      points.push_back(logistic ? json::Value(json::Array{p.x, p.y, double(p.label)}) : json::Value(json::Array{p.x, p.y}));
    v.set("data", json::Value(std::move(points)));
    v.set("batch_size", static_cast<double>(objective.data->batch_size()));
  }
  json::Value params{json::Object{}};
  for (size_t i = 0; i < objective.params.size(); ++i) {
    if (!objective.formula) {
      params.set(objective.info->params[i].name, objective.params[i]);
      continue;
    }
    const formula::ParameterDecl& p = objective.formula->parameters()[i];
    json::Value range{json::Object{}};
    range.set("value", objective.params[i]);
    range.set("min", p.min);
    range.set("max", p.max);
    params.set(p.name, std::move(range));
  }
  if (!objective.data) v.set("params", std::move(params));
  if (objective.formula) {
    json::Value view{json::Array{}};
    for (double b : objective.info->view) view.as_array().push_back(json::Value(b));
    v.set("view", std::move(view));
  }
  json::Value noise{json::Object{}};
  noise.set("sigma", objective.noise.sigma);
  noise.set("sparsity", objective.noise.sparsity);
  noise.set("seed", static_cast<double>(objective.noise.seed));
  v.set("noise", std::move(noise));
  return v;
}

}  // namespace gs::engine
