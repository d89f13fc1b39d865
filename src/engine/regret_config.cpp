#include "engine/regret_config.hpp"

#include "core/check.hpp"
#include "engine/run_config.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

using check::ParamType;
using check::Range;

bool parse_problem(const json::Value* value, ProblemConfig& out, std::string& error) {
  std::vector<std::string_view> names;
  for (const auto& p : online::problem_registry()) names.push_back(p.name);
  std::string name = "reddi";
  const json::Value* params = nullptr;
  if (value && value->is_string()) {
    name = value->as_string();
  } else if (value) {
    if (!check::expect_object(*value, "problem", error)) return false;
    static constexpr std::string_view kAllowed[] = {"name", "params"};
    if (!check::known_keys(*value, "problem", kAllowed, error)) return false;
    if (!value->find("name")) {
      error = "problem.name: missing. Allowed: " + check::join(names) + ".";
      return false;
    }
    if (!check::read_string(value->find("name"), "problem.name", name, error)) return false;
    params = value->find("params");
  }
  const online::ProblemInfo* info = online::find_problem(name);
  if (!info) {
    error = "problem.name: " + check::unknown_name("problem", name, names);
    return false;
  }
  ProblemConfig result;
  result.info = info;
  for (const auto& p : info->params) result.params.push_back(p.default_value);
  if (params) {
    if (!check::expect_object(*params, "problem.params", error)) return false;
    std::vector<std::string_view> allowed;
    for (const auto& p : info->params) allowed.push_back(p.name);
    if (!check::known_keys(*params, "problem.params", allowed, error)) return false;
    for (size_t i = 0; i < info->params.size(); ++i) {
      const auto& p = info->params[i];
      if (!check::read_number(params->find(p.name), check::field("problem.params", p.name), p.type, p.range,
                              result.params[i], error))
        return false;
    }
  }
  result.d = online::dimension(*info, result.params);
  out = std::move(result);
  return true;
}

bool parse_domain(const json::Value* value, online::Domain& out, std::string& error) {
  if (!value) return true;
  if (!check::expect_object(*value, "domain", error)) return false;
  static constexpr std::string_view kAllowed[] = {"type", "radius"};
  if (!check::known_keys(*value, "domain", kAllowed, error)) return false;
  std::string type = online::domain_type_name(out.type);
  if (!check::read_string(value->find("type"), "domain.type", type, error)) return false;
  if (type == "box") out.type = online::DomainType::Box;
  else if (type == "ball") out.type = online::DomainType::Ball;
  else {
    static constexpr std::string_view kTypes[] = {"box", "ball"};
    error = "domain.type: " + check::unknown_name("domain type", type, kTypes);
    return false;
  }
  return check::read_number(value->find("radius"), "domain.radius", ParamType::Real, Range{0, 1e6, true, false},
                            out.radius, error);
}

bool parse_start(const json::Value* value, size_t d, std::vector<double>& out, std::string& error) {
  constexpr Range kRange{-1e6, 1e6};
  if (!value) return true;
  if (value->is_number()) {
    double x = 0;
    if (!check::read_number(value, "start", ParamType::Real, kRange, x, error)) return false;
    out.assign(d, x);
    return true;
  }
  if (!value->is_array() || value->as_array().size() != d) {
    error = "start: must be one number (for every coordinate) or an array of d = " + std::to_string(d) +
            " numbers, got " +
            (value->is_array() ? "an array of " + std::to_string(value->as_array().size()) : json::describe(*value));
    return false;
  }
  std::vector<double> result(d);
  for (size_t i = 0; i < d; ++i)
    if (!check::read_number(&value->as_array()[i], check::index("start", i), ParamType::Real, kRange, result[i],
                            error))
      return false;
  out = std::move(result);
  return true;
}

bool parse_optimizers(const json::Value* optimizers, std::vector<optim::OptimizerSpec>& out, std::string& error) {
  if (!optimizers) {
    out.push_back(optim::default_spec(optim::Kind::Adam));
    return true;
  }
  if (!optimizers->is_array() || optimizers->as_array().empty() || optimizers->as_array().size() > kMaxOptimizers) {
    error = "optimizers: must be an array of 1 to " + std::to_string(kMaxOptimizers) + " optimizer objects";
    return false;
  }
  const auto& list = optimizers->as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    optim::OptimizerSpec spec;
    if (!optim::parse_optimizer(list[i], check::index("optimizers", i), spec, error)) return false;
    out.push_back(std::move(spec));
  }
  return true;
}

}  // namespace

bool parse_regret_config(const json::Value& config, RegretConfig& out, std::string& error) {
  if (!check::expect_object(config, "", error)) return false;
  static constexpr std::string_view kAllowed[] = {"version", "problem", "domain", "start",
                                                  "T",       "record_every", "optimizers"};
  if (!check::known_keys(config, "", kAllowed, error)) return false;
  if (!parse_version(config, error)) return false;
  RegretConfig result;
  if (!parse_problem(config.find("problem"), result.problem, error)) return false;
  const online::ProblemInfo& info = *result.problem.info;
  result.domain.type = info.default_domain;
  result.domain.radius = info.default_radius;
  if (!parse_domain(config.find("domain"), result.domain, error)) return false;
  result.start.assign(result.problem.d, info.default_start);
  if (!parse_start(config.find("start"), result.problem.d, result.start, error)) return false;

  double T = static_cast<double>(result.T);
  if (!check::read_number(config.find("T"), "T", ParamType::Integer, Range{1, double(kMaxRounds)}, T, error))
    return false;
  result.T = static_cast<uint64_t>(T);
  if (info.check) {
    error = info.check(result.problem.params, result.T);
    if (!error.empty()) return false;
  }
  const uint64_t fewest = (result.T + kMaxRecords - 1) / kMaxRecords;
  double record_every = static_cast<double>((result.T + 999) / 1000);
  if (!check::read_number(config.find("record_every"), "record_every", ParamType::Integer,
                          Range{double(fewest), double(result.T)}, record_every, error)) {
    if (fewest > 1) error += " (at most 100000 record points)";
    return false;
  }
  result.record_every = static_cast<uint64_t>(record_every);
  if (!parse_optimizers(config.find("optimizers"), result.optimizers, error)) return false;
  out = std::move(result);
  return true;
}

json::Value problem_json(const ProblemConfig& problem) {
  json::Value v{json::Object{}};
  v.set("name", problem.info->name);
  json::Value params{json::Object{}};
  for (size_t i = 0; i < problem.params.size(); ++i) params.set(problem.info->params[i].name, problem.params[i]);
  v.set("params", std::move(params));
  return v;
}

json::Value domain_json(const online::Domain& domain) {
  json::Value v{json::Object{}};
  v.set("type", online::domain_type_name(domain.type));
  v.set("radius", domain.radius);
  return v;
}

}  // namespace gs::engine
