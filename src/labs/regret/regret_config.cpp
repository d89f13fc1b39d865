// The regret config's table and its readers.
#include "labs/regret/regret_config.hpp"

#include "core/check.hpp"
#include "engine/config_fields.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;
using engine::optimizers_field;

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

bool read_problem(const json::Value* value, const std::string&, const json::Value&, RegretConfig& out,
                  std::string& error) {
  if (!parse_problem(value, out.problem, error)) return false;
  const online::ProblemInfo& info = *out.problem.info;
  out.domain.type = info.default_domain;
  out.domain.radius = info.default_radius;
  out.start.assign(out.problem.d, info.default_start);
  return true;
}

bool read_domain_type(const json::Value* value, const std::string& path, const json::Value&, online::Domain& out,
                      std::string& error) {
  static constexpr std::string_view kTypes[] = {"box", "ball"};
  std::string type = online::domain_type_name(out.type);
  if (!check::read_string(value, path, type, error)) return false;
  if (type == "box") out.type = online::DomainType::Box;
  else if (type == "ball") out.type = online::DomainType::Ball;
  else {
    error = path + ": " + check::unknown_name("domain type", type, kTypes);
    return false;
  }
  return true;
}

const schema::Table<online::Domain>& domain_table() {
  static constexpr std::string_view kTypes[] = {"box", "ball"};
  static const schema::Table<online::Domain> table{
      "", "the convex domain every iterate is projected onto after each step",
      {schema::computed_default(schema::custom<online::Domain>("type", "string", "box, ball", json::Value(),
                                                               schema::enum_schema(kTypes),
                                                               "box: [−r, r]ᵈ; ball: the L2 ball ‖x‖₂ ≤ r",
                                                               read_domain_type),
                                "the problem's"),
       schema::computed_default(schema::number<online::Domain>("radius", ParamType::Real, Range{0, 1e6, true, false},
                                                               &online::Domain::radius,
                                                               "r: the box's half-width or the ball's radius"),
                                "the problem's")},
      {}};
  return table;
}

bool read_T(const json::Value* value, const std::string& path, const json::Value&, RegretConfig& out,
            std::string& error) {
  double T = static_cast<double>(out.T);
  if (!check::read_number(value, path, ParamType::Integer, Range{1, double(kMaxRounds)}, T, error)) return false;
  out.T = static_cast<uint64_t>(T);
  if (out.problem.info->check) {
    error = out.problem.info->check(out.problem.params, out.T);
    if (!error.empty()) return false;
  }
  return true;
}

bool read_record_every(const json::Value* value, const std::string& path, const json::Value&, RegretConfig& out,
                       std::string& error) {
  const uint64_t fewest = (out.T + kMaxRecords - 1) / kMaxRecords;
  double record_every = static_cast<double>((out.T + 999) / 1000);
  if (!check::read_number(value, path, ParamType::Integer, Range{double(fewest), double(out.T)}, record_every,
                          error)) {
    if (fewest > 1) error += " (at most 100000 record points)";
    return false;
  }
  out.record_every = static_cast<uint64_t>(record_every);
  return true;
}

json::Value start_schema() {
  json::Value one = schema::number_schema(ParamType::Real, Range{-1e6, 1e6});
  json::Value list{json::Object{}};
  list.set("type", "array");
  list.set("items", one);
  list.set("minItems", 1);
  json::Value v{json::Object{}};
  v.set("oneOf", json::Value(json::Array{one, list}));
  return v;
}

}  // namespace

const schema::Table<RegretConfig>& regret_config_table() {
  using schema::custom;
  static const schema::Table<RegretConfig> table{
      "Regret config",
      "Online convex optimization: every optimizer plays the same online problem for T rounds, projected onto the "
      "domain, and its regret against the best fixed point in hindsight is recorded (gradscape regret, gs.regret, "
      "the regret lab).",
      {schema::version<RegretConfig>(),
       custom<RegretConfig>("problem", "string or object", "a problem's name, or {name, params}", json::Value("reddi"),
                            schema::ref("problem"), "the online problem and its parameters", read_problem),
       schema::computed_default(schema::object<RegretConfig>("domain", domain_table(), &RegretConfig::domain,
                                                             "the domain (type and radius)"),
                                "the problem's"),
       schema::computed_default(
           custom<RegretConfig>(
               "start", "number or array", "d numbers, or one for every coordinate, each in [-1000000, 1000000]",
               json::Value(), start_schema(), "x₁ before its projection onto the domain",
               [](const json::Value* v, const std::string&, const json::Value&, RegretConfig& out,
                  std::string& error) { return parse_start(v, out.problem.d, out.start, error); }),
           "the problem's"),
       custom<RegretConfig>("T", "integer", "integer in [1, 10000000]", json::Value(1000),
                            schema::number_schema(ParamType::Integer, Range{1, double(kMaxRounds)}), "rounds",
                            read_T),
       schema::computed_default(
           custom<RegretConfig>("record_every", "integer", "integer in [⌈T/100000⌉, T]", json::Value(),
                                schema::number_schema(ParamType::Integer, Range{1, double(kMaxRounds)}),
                                "record at t = k·record_every and at T (at most 100000 record points)",
                                read_record_every),
           "⌈T/1000⌉"),
       optimizers_field<RegretConfig>("the regret lab")},
      {}};
  return table;
}

bool parse_regret_config(const json::Value& config, RegretConfig& out, std::string& error) {
  RegretConfig result;
  if (!schema::parse(regret_config_table(), config, "", result, error)) return false;
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

}  // namespace gs::labs
