#include "engine/run_config.hpp"

#include <cmath>

#include "core/check.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

using check::ParamType;
using check::Range;

bool parse_noise(const json::Value* value, const std::string& path, objectives::GradientNoise& out,
                 std::string& error) {
  if (!value) return true;
  if (!check::expect_object(*value, path, error)) return false;
  static constexpr std::string_view kAllowed[] = {"sigma", "sparsity", "seed"};
  if (!check::known_keys(*value, path, kAllowed, error)) return false;
  double seed = static_cast<double>(out.seed);
  if (!check::read_number(value->find("sigma"), path + ".sigma", ParamType::Real, Range{0, 1e3}, out.sigma, error) ||
      !check::read_number(value->find("sparsity"), path + ".sparsity", ParamType::Real, Range{0, 1, false, true},
                          out.sparsity, error) ||
      !check::read_number(value->find("seed"), path + ".seed", ParamType::Integer, Range{0, 9007199254740991.0}, seed,
                          error))
    return false;
  out.seed = static_cast<uint64_t>(seed);
  return true;
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

}  // namespace

const char* precision_name(Precision p) { return p == Precision::F32 ? "f32" : "f64"; }

bool parse_version(const json::Value& config, std::string& error) {
  double version = 1;
  return check::read_number(config.find("version"), "version", ParamType::Integer, Range{1, 1}, version, error);
}

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
    static constexpr std::string_view kAllowed[] = {"name", "params", "noise"};
    if (!check::known_keys(*value, path, kAllowed, error)) return false;
    if (!value->find("name")) {
      error = path + ".name: missing. Allowed: " + check::join(names) + ".";
      return false;
    }
    if (!check::read_string(value->find("name"), path + ".name", name, error)) return false;
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
  for (const auto& p : info->params) result.params.push_back(p.default_value);
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
  if (!parse_noise(noise, path + ".noise", result.noise, error)) return false;
  out = std::move(result);
  return true;
}

bool parse_run_config(const json::Value& config, RunConfig& out, std::string& error) {
  if (!check::expect_object(config, "", error)) return false;
  static constexpr std::string_view kAllowed[] = {"version", "objective", "start", "steps", "precision", "optimizers"};
  if (!check::known_keys(config, "", kAllowed, error)) return false;
  if (!parse_version(config, error)) return false;
  RunConfig result;
  if (!parse_objective(config.find("objective"), "objective", result.objective, error)) return false;
  result.start[0] = result.objective.info->default_start[0];
  result.start[1] = result.objective.info->default_start[1];
  if (!parse_point(config.find("start"), "start", result.start, error)) return false;
  double steps = static_cast<double>(result.steps);
  if (!check::read_number(config.find("steps"), "steps", ParamType::Integer, Range{0, double(kMaxSteps)}, steps, error))
    return false;
  result.steps = static_cast<uint64_t>(steps);
  if (!parse_precision(config.find("precision"), "precision", result.precision, error)) return false;

  const json::Value* optimizers = config.find("optimizers");
  if (!optimizers) {
    result.optimizers.push_back(optim::default_spec(optim::Kind::Adam));
  } else {
    if (!optimizers->is_array() || optimizers->as_array().empty() ||
        optimizers->as_array().size() > kMaxOptimizers) {
      error = "optimizers: must be an array of 1 to " + std::to_string(kMaxOptimizers) + " optimizer objects";
      return false;
    }
    const auto& list = optimizers->as_array();
    for (size_t i = 0; i < list.size(); ++i) {
      optim::OptimizerSpec spec;
      if (!optim::parse_optimizer(list[i], check::index("optimizers", i), spec, error)) return false;
      result.optimizers.push_back(std::move(spec));
    }
  }
  out = std::move(result);
  return true;
}

json::Value objective_json(const ObjectiveConfig& objective) {
  json::Value v{json::Object{}};
  v.set("name", objective.info->name);
  json::Value params{json::Object{}};
  for (size_t i = 0; i < objective.params.size(); ++i) params.set(objective.info->params[i].name, objective.params[i]);
  v.set("params", std::move(params));
  json::Value noise{json::Object{}};
  noise.set("sigma", objective.noise.sigma);
  noise.set("sparsity", objective.noise.sparsity);
  noise.set("seed", static_cast<double>(objective.noise.seed));
  v.set("noise", std::move(noise));
  return v;
}

}  // namespace gs::engine
