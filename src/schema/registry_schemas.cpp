// The registry-driven JSON Schema fragments (see registry_schemas.hpp).
#include "schema/registry_schemas.hpp"

#include <string_view>
#include <vector>

#include "objectives/data/data_set.hpp"
#include "objectives/formula/definition.hpp"
#include "objectives/formula/parser.hpp"
#include "objectives/objective.hpp"
#include "online/problem.hpp"
#include "optim/registry_fields.hpp"
#include "schema/fields.hpp"

namespace gs::schema {

namespace {

constexpr size_t kMaxGridPoints = 16;  // labs/paper/paper_config.hpp's kMaxGridPoints

json::Value constant(const char* value) {
  json::Value v{json::Object{}};
  v.set("const", value);
  return v;
}

json::Value names_schema(const std::vector<std::string_view>& names, const char* description) {
  json::Value v = enum_schema(names);
  v.set("description", description);
  return v;
}

// {type: object, properties, required: [name], additionalProperties: false} of one variant.
json::Value variant(const char* name, const char* title, const char* description, json::Value properties) {
  json::Value v{json::Object{}};
  v.set("title", title);
  if (description && *description) v.set("description", description);
  v.set("type", "object");
  json::Value all{json::Object{}};
  all.set("name", constant(name));
  for (auto& [key, value] : properties.as_object()) all.set(key, std::move(value));
  v.set("properties", std::move(all));
  v.set("required", json::Value(json::Array{"name"}));
  v.set("additionalProperties", false);
  return v;
}

json::Value params_object(json::Value properties) {
  json::Value v{json::Object{}};
  v.set("type", "object");
  v.set("properties", std::move(properties));
  v.set("additionalProperties", false);
  return v;
}

json::Value one_of(json::Array variants) {
  json::Value v{json::Object{}};
  v.set("oneOf", json::Value(std::move(variants)));
  return v;
}

// sgd's rule across fields: nesterov needs momentum > 0 and dampening = 0.
json::Value nesterov_rule() {
  json::Value when{json::Object{}};
  json::Value when_props{json::Object{}};
  when_props.set("nesterov", [] {
    json::Value v{json::Object{}};
    v.set("const", true);
    return v;
  }());
  when.set("properties", std::move(when_props));
  when.set("required", json::Value(json::Array{"nesterov"}));
  json::Value then{json::Object{}};
  json::Value then_props{json::Object{}};
  json::Value momentum{json::Object{}};
  momentum.set("type", "number");
  momentum.set("exclusiveMinimum", 0);
  then_props.set("momentum", std::move(momentum));
  json::Value dampening{json::Object{}};
  dampening.set("const", 0);
  then_props.set("dampening", std::move(dampening));
  then.set("properties", std::move(then_props));
  then.set("required", json::Value(json::Array{"momentum"}));
  json::Value rule{json::Object{}};
  rule.set("if", std::move(when));
  rule.set("then", std::move(then));
  return rule;
}

}  // namespace

json::Value hyper_schema(const optim::HyperInfo& h) {
  json::Value v{json::Object{}};
  if (h.type == check::ParamType::Bool) {
    v.set("type", "boolean");
    v.set("default", h.default_value != 0);
  } else if (h.type == check::ParamType::Choice) {
    json::Array names;
    for (const char* c : h.choices) names.push_back(json::Value(c));
    v.set("enum", json::Value(std::move(names)));
    v.set("default", h.choices.at(static_cast<size_t>(h.default_value)));
  } else {
    v = number_schema(h.type, h.range);
    v.set("default", h.default_value);
  }
  v.set("description", h.description);
  return v;
}

json::Value optimizer_schema(bool lr_grid) {
  json::Array variants;
  for (const auto& o : optim::optimizer_registry()) {
    if ((o.whole || o.interpreted()) && lr_grid) continue;  // the paper lab's models are not 2-D surfaces
    json::Value props{json::Object{}};
    bool nesterov = false;
    for (const auto& h : o.hypers) {
      props.set(h.name, hyper_schema(h));
      nesterov = nesterov || std::string_view(h.name) == "nesterov";
    }
    json::Value label{json::Object{}};
    label.set("type", "string");
    label.set("maxLength", 80);
    label.set("default", o.display_name);
    label.set("description", "the name shown in legends and results");
    props.set("label", std::move(label));
    if (!o.whole && !o.interpreted()) {
      json::Value schedule = ref("schedule");
      schedule.set("description", "learning-rate schedule (default constant)");
      props.set("schedule", std::move(schedule));
    }
    if (o.default_rule) {
      json::Value rule{json::Object{}};
      rule.set("type", "string");
      rule.set("maxLength", 4000);
      rule.set("default", o.default_rule);
      rule.set("description", "the update rule in the rule language; the hyperparameters it declares are numbers of "
                              "this object, each in its declared range");
      props.set("rule", std::move(rule));
    }
    if (o.wraps_optimizer) {
      json::Value inner = ref("optimizer");
      inner.set("description", std::string("the per-coordinate optimizer ") + o.name +
                                   " wraps, without lr (its lr is this object's); default {\"name\": \"adam\"}");
      props.set("inner", std::move(inner));
    }
    if (o.first_moment) {
      props.set("beta1_decay", hyper_schema(optim::fields::beta1_decay()));
    }
    if (lr_grid) {
      const optim::HyperInfo* lr = nullptr;
      for (const auto& h : o.hypers)
        if (std::string_view(h.name) == "lr") lr = &h;
      json::Value grid{json::Object{}};
      grid.set("type", "array");
      grid.set("items", number_schema(lr->type, lr->range));
      grid.set("minItems", 1);
      grid.set("maxItems", static_cast<double>(kMaxGridPoints));
      grid.set("description", "learning rates to try instead of lr (one run per grid point and seed)");
      props.set("lr_grid", std::move(grid));
    }
    json::Value v = variant(o.name, o.display_name, o.description, std::move(props));
    json::Array rules;
    if (nesterov) rules.push_back(nesterov_rule());
    if (lr_grid) {
      json::Value both{json::Object{}};
      json::Value not_both{json::Object{}};
      both.set("required", json::Value(json::Array{"lr", "lr_grid"}));
      not_both.set("not", std::move(both));
      rules.push_back(std::move(not_both));
    }
    if (!rules.empty()) v.set("allOf", json::Value(std::move(rules)));
    if (o.default_rule) v.set("additionalProperties", json::Value(json::Object{{"type", json::Value("number")}}));
    variants.push_back(std::move(v));
  }
  return one_of(std::move(variants));
}

json::Value schedule_schema() {
  std::vector<std::string_view> names;
  json::Array variants;
  for (const auto& s : optim::schedule_registry()) names.push_back(s.name);
  variants.push_back(names_schema(names, "a schedule's name: its parameters take their defaults"));
  for (const auto& s : optim::schedule_registry()) {
    json::Value props{json::Object{}};
    for (const auto& p : s.params) props.set(p.name, hyper_schema(p));
    variants.push_back(variant(s.name, s.name, s.description, std::move(props)));
  }
  return one_of(std::move(variants));
}

// The typed formula: expr, params (a value or {value, min, max}, by name), view, noise.
json::Value formula_objective_schema(const objectives::ObjectiveInfo& o) {
  json::Value expr{json::Object{}};
  expr.set("type", "string");
  expr.set("maxLength", static_cast<double>(formula::kMaxFormulaLength));
  expr.set("default", formula::kStandardExpression);
  expr.set("description", "f(x, y) in the formula language (README, \"The formula language\")");
  const check::Range range{-1e6, 1e6};
  json::Value bounds{json::Object{}};
  bounds.set("value", number_schema(check::ParamType::Real, range));
  bounds.set("min", number_schema(check::ParamType::Real, range));
  bounds.set("max", number_schema(check::ParamType::Real, range));
  json::Value ranged = params_object(std::move(bounds));
  ranged.set("required", json::Value(json::Array{"value"}));
  json::Value parameter = one_of(json::Array{number_schema(check::ParamType::Real, range), std::move(ranged)});
  parameter.set("description", "a value (slider range [-10s, 10s], s = max(1, |value|)) or {value, min, max}");
  json::Value params{json::Object{}};
  params.set("type", "object");
  params.set("propertyNames", [] {
    json::Value names{json::Object{}};
    names.set("pattern", "^[A-Za-z_][A-Za-z0-9_]*$");
    return names;
  }());
  params.set("additionalProperties", std::move(parameter));
  params.set("maxProperties", static_cast<double>(formula::kMaxParameters));
  json::Value view{json::Object{}};
  view.set("type", "array");
  view.set("items", number_schema(check::ParamType::Real, range));
  view.set("minItems", 4);
  view.set("maxItems", 4);
  view.set("description", "[xmin, xmax, ymin, ymax]; default: chosen around the stationary points found");
  json::Value props{json::Object{}};
  props.set("expr", std::move(expr));
  props.set("params", std::move(params));
  props.set("view", std::move(view));
  props.set("noise", ref("noise"));
  return variant(o.name, o.display_name, o.description, std::move(props));
}

// A data objective: data (points [x, y], or [x, y, label] for logistic), batch_size, noise.
json::Value data_objective_schema(const objectives::ObjectiveInfo& o, bool logistic) {
  const check::Range range{-1e6, 1e6};
  json::Value point{json::Object{}};
  point.set("type", "array");
  json::Array items{number_schema(check::ParamType::Real, range), number_schema(check::ParamType::Real, range)};
  if (logistic) items.push_back(number_schema(check::ParamType::Integer, check::Range{0, 1}));
  const double width = static_cast<double>(items.size());
  point.set("prefixItems", json::Value(std::move(items)));
  point.set("minItems", width);
  point.set("maxItems", width);
  json::Value data{json::Object{}};
  data.set("type", "array");
  data.set("items", std::move(point));
  data.set("minItems", 1);
  data.set("maxItems", static_cast<double>(objectives::data::kMaxPoints));
  data.set("description", logistic ? "the points [x, y, label] (label 0 or 1); default: a small preset set"
                                   : "the points [x, y]; default: a small preset set");
  json::Value batch = number_schema(check::ParamType::Integer, check::Range{1, double(objectives::data::kMaxPoints)});
  batch.set("description", "points per step's minibatch, at most the number of points; default: every point");
  json::Value props{json::Object{}};
  props.set("data", std::move(data));
  props.set("batch_size", std::move(batch));
  props.set("noise", ref("noise"));
  return variant(o.name, o.display_name, o.description, std::move(props));
}

json::Value objective_schema() {
  std::vector<std::string_view> names;
  json::Array variants;
  for (const auto& o : objectives::registry()) names.push_back(o.name);
  variants.push_back(names_schema(names, "an objective's name: its parameters take their defaults"));
  for (const auto& o : objectives::registry()) {
    if (std::string_view(o.name) == "formula") {
      variants.push_back(formula_objective_schema(o));
      continue;
    }
    if (std::string_view(o.name) == "least_squares" || std::string_view(o.name) == "logistic") {
      variants.push_back(data_objective_schema(o, std::string_view(o.name) == "logistic"));
      continue;
    }
    json::Value params{json::Object{}};
    for (const auto& p : o.params) {
      json::Value v = number_schema(check::ParamType::Real, check::Range{p.min, p.max});
      v.set("default", p.default_value);
      v.set("description", p.description);
      params.set(p.name, std::move(v));
    }
    json::Value props{json::Object{}};
    props.set("params", params_object(std::move(params)));
    props.set("noise", ref("noise"));
    variants.push_back(variant(o.name, o.display_name, o.description, std::move(props)));
  }
  return one_of(std::move(variants));
}

json::Value problem_schema() {
  std::vector<std::string_view> names;
  json::Array variants;
  for (const auto& p : online::problem_registry()) names.push_back(p.name);
  variants.push_back(names_schema(names, "a problem's name: its parameters take their defaults"));
  for (const auto& p : online::problem_registry()) {
    json::Value params{json::Object{}};
    for (const auto& h : p.params) params.set(h.name, hyper_schema(h));
    json::Value props{json::Object{}};
    props.set("params", params_object(std::move(params)));
    variants.push_back(variant(p.name, p.display_name, p.description, std::move(props)));
  }
  return one_of(std::move(variants));
}

}  // namespace gs::schema
