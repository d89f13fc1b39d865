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
      "", "gradient noise and clipping, the same for every optimizer of a run",
      {schema::number<GradientNoise>("sigma", ParamType::Real, Range{0, 1e3}, &GradientNoise::sigma,
                                     "standard deviation of the Gaussian noise added to each gradient coordinate"),
       schema::number<GradientNoise>("sparsity", ParamType::Real, Range{0, 1, false, true}, &GradientNoise::sparsity,
                                     "probability that a gradient coordinate is dropped (set to 0)"),
       schema::number<GradientNoise>("seed", ParamType::Integer, Range{0, 9007199254740991.0}, &GradientNoise::seed,
                                     "seed of the counter-based noise: the same seed gives the same noise everywhere"),
       schema::number<GradientNoise>("clip_norm", ParamType::Real, Range{0, 1e6}, &GradientNoise::clip_norm,
                                     "after the noise, the gradient is scaled to at most this L2 norm as "
                                     "torch.nn.utils.clip_grad_norm_ does (g·min(1, clip_norm / (‖g‖ + 1e-6))); "
                                     "0: no clipping")},
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
          {"noise", "object", "", "no noise", "gradient noise and clipping", schema::docs(noise_table())}};
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
                          std::vector<optim::OptimizerSpec>& out, std::string& error, const char* where) {
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
    if (where) error = optim::per_coordinate_error(spec, check::index(path, i), where);
    if (!error.empty()) return false;
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
       precision_field<RunConfig>(), optimizers_field<RunConfig>(nullptr)},
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
  }
  const objectives::DefinedKind* kind = objectives::kind_of(name);
  if (!kind && objectives::is_user_objective(name)) {
    error = path + ".name: \"" + name +
            "\" is a user objective, which this engine module leaves out to stay small; load the engine with "
            "loadGradscape({ full: true })";
    return false;
  }
  if (value && value->is_object()) {
    static const std::vector<std::string_view> kAllowed = {"name", "params", "noise"};
    if (!check::known_keys(*value, path, kind ? kind->keys : kAllowed, error)) return false;
    params = kind ? nullptr : value->find("params");
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
  if (kind) {
    const json::Value* config = value && value->is_object() ? value : nullptr;
    if (!kind->parse(name, config, path, result.noise.seed, result.defined, error)) return false;
    result.info = &result.defined->info();
    for (const auto& p : result.info->params) result.params.push_back(p.default_value);
  } else {
    for (const auto& p : info->params) result.params.push_back(p.default_value);
  }
  if (params) {
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

std::string whole_optimizer_error(const optim::OptimizerSpec& spec, const ObjectiveConfig& objective,
                                  Precision precision, const std::string& path) {
  const optim::OptimizerInfo& o = optim::info(spec.kind);
  if (!o.whole) return "";
  const std::string name = check::field(path, "name") + ": " + o.name;
  if (precision == Precision::F32) return name + " runs in f64 only; set precision to \"f64\"";
  if (o.needs_hessian && objective.defined && !objective.defined->has_hessian())
    return name + " needs the objective's exact Hessian, which " + objective.info->name +
           " does not provide (the built-in objectives and typed formulas do)";
  return "";
}

bool parse_run_config(const json::Value& config, RunConfig& out, std::string& error) {
  RunConfig result;
  if (!schema::parse(run_config_table(), config, "", result, error)) return false;
  for (size_t i = 0; i < result.optimizers.size(); ++i) {
    error = whole_optimizer_error(result.optimizers[i], result.objective, result.precision, check::index("optimizers", i));
    if (!error.empty()) return false;
  }
  out = std::move(result);
  return true;
}

json::Value objective_json(const ObjectiveConfig& objective) {
  json::Value v{json::Object{}};
  v.set("name", objective.info->name);
  if (objective.defined) {
    objective.defined->write_config(v);
  } else {
    json::Value params{json::Object{}};
    for (size_t i = 0; i < objective.params.size(); ++i) params.set(objective.info->params[i].name, objective.params[i]);
    v.set("params", std::move(params));
  }
  json::Value noise{json::Object{}};
  noise.set("sigma", objective.noise.sigma);
  noise.set("sparsity", objective.noise.sparsity);
  noise.set("seed", static_cast<double>(objective.noise.seed));
  if (objective.noise.clip_norm > 0) noise.set("clip_norm", objective.noise.clip_norm);
  v.set("noise", std::move(noise));
  return v;
}

json::Value single_run_config_json(const ObjectiveConfig& objective, const double start[2], uint64_t steps,
                                   Precision precision, const optim::OptimizerSpec& spec) {
  json::Value v{json::Object{}};
  v.set("version", 1);
  v.set("objective", objective_json(objective));
  v.set("start", json::Value(json::Array{start[0], start[1]}));
  v.set("steps", static_cast<double>(steps));
  v.set("precision", precision_name(precision));
  v.set("optimizers", json::Value(json::Array{optim::to_json(spec)}));
  return v;
}

}  // namespace gs::engine
