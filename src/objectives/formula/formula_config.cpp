// The formula objective's config (objective.expr, params, view; docs/schema.md) and its kind.
#include <array>
#include <optional>
#include <string>

#include "core/check.hpp"
#include "objectives/formula/formula_objective.hpp"

namespace gs::formula {

namespace {

using check::ParamType;
using check::Range;

// A formula parameter: a number (its value, with the default range) or {value, min, max}.
bool parse_formula_parameter(const json::Value& value, const std::string& path, const std::string& name,
                             ParameterDecl& out, std::string& error) {
  constexpr Range kRange{-1e6, 1e6};
  if (value.is_number()) {
    double v = 0;
    if (!check::read_number(&value, path, ParamType::Real, kRange, v, error)) return false;
    out = parameter_with_default_range(name, v);
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
  out = parameter_with_default_range(name, v);
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
bool parse_formula(std::string_view, const json::Value* value, const std::string& path, std::uint64_t,
                   std::shared_ptr<const objectives::DefinedObjective>& out, std::string& error) {
  std::string expression = kStandardExpression;
  std::vector<ParameterDecl> parameters;
  std::optional<std::array<double, 4>> view;
  if (value && value->is_object()) {
    if (!check::read_string(value->find("expr"), path + ".expr", expression, error)) return false;
    if (const json::Value* params = value->find("params")) {
      if (!check::expect_object(*params, path + ".params", error)) return false;
      if (params->as_object().size() > static_cast<size_t>(kMaxParameters)) {
        error = path + ".params: at most " + std::to_string(kMaxParameters) + " parameters, got " +
                std::to_string(params->as_object().size());
        return false;
      }
      for (const auto& [name, p] : params->as_object()) {
        ParameterDecl decl;
        if (!parse_formula_parameter(p, check::field(path + ".params", name), name, decl, error)) return false;
        parameters.push_back(std::move(decl));
      }
    }
    if (!parse_view(value->find("view"), path + ".view", view, error)) return false;
  }
  Result<std::shared_ptr<const Definition>> made =
      Definition::make(std::move(expression), std::move(parameters), view);
  if (!made.ok()) {
    const std::string& message = made.error().message;
    const bool about_parameter = message.rfind("parameter '", 0) == 0;
    error = path + (about_parameter ? ".params: " : ".expr: ") + message;
    return false;
  }
  out = std::make_shared<FormulaObjective>(made.value());
  return true;
}

std::shared_ptr<const objectives::DefinedObjective> standard_formula(std::string_view) {
  static const auto kStandard =
      std::make_shared<const FormulaObjective>(std::shared_ptr<const Definition>(&Definition::standard(), [](const Definition*) {}));
  return kStandard;
}

}  // namespace

const objectives::DefinedKind& formula_kind() {
  static const objectives::DefinedKind kKind{
      {"formula"}, {"name", "expr", "params", "noise", "view"}, parse_formula, standard_formula};
  return kKind;
}

}  // namespace gs::formula
