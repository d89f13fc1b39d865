#include "optim/custom/custom_optimizer.hpp"

#include <vector>

#include "core/check.hpp"
#include "optim/custom/custom_rule.hpp"
#include "optim/pack/optimizer_pack.hpp"
#include "optim/registry_fields.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim::custom {

namespace {

OptimizerInfo info() {
  OptimizerInfo o{"custom", "Custom rule", "typed by the user",
                  "Your own optimizer: an update rule per coordinate in the rule language (hyper and state "
                  "declarations, then assignments reading g, theta, t), compiled to the formula engine's bytecode.",
                  R"(\theta \leftarrow \text{your rule}(\theta, g, t))", {}, false, "|Δθ| (step)", nullptr, false, 0.01,
                  false, false, 27};
  o.default_rule = kDefaultRule;
  return o;
}

std::string latex(const OptimizerSpec& spec) { return spec.rule->latex(); }

std::string constraint(const OptimizerSpec&, const std::string&) { return ""; }

json::Value hyper_entry(const HyperDecl& h) {
  json::Value v{json::Object{}};
  v.set("name", h.name);
  v.set("type", "real");
  v.set("default", h.value);
  v.set("min", h.min);
  v.set("max", h.max);
  v.set("min_exclusive", false);
  v.set("max_exclusive", false);
  v.set("slider_min", h.min);
  v.set("slider_max", h.max);
  v.set("scale", h.log ? "log" : "linear");
  v.set("description", "declared by the rule");
  return v;
}

}  // namespace

static_assert(kMaxHypers <= int(kOwnHypers), "a rule's hyperparameters live in OptimizerSpec::own");

whole::WholeEntry custom_entry() { return {info, nullptr, latex, constraint, parse_custom, custom_json}; }

void register_custom_optimizer() {
  static bool registered = false;
  if (registered) return;
  registered = true;
  register_optimizer_pack();
  static_assert(whole::kBeyondRuleNames[whole::kCustomIndex] == "custom");
  whole::set_whole_entry(whole::kCustomIndex, custom_entry());
}

bool parse_custom(const json::Value& value, const std::string& path, OptimizerSpec& spec, std::string& error) {
  std::string text = kDefaultRule;
  if (!check::read_string(value.find("rule"), check::field(path, "rule"), text, error)) return false;
  std::string why;
  std::shared_ptr<const CustomRule> rule = CustomRule::compile(text, why);
  if (!rule) {
    error = check::field(path, "rule") + ": " + why;
    return false;
  }
  std::vector<std::string_view> allowed{"name", "label", "rule"};
  for (const HyperDecl& h : rule->hypers()) allowed.push_back(h.name);
  if (!check::known_keys(value, path, allowed, error)) return false;
  for (size_t i = 0; i < rule->hypers().size(); ++i) {
    const HyperDecl& h = rule->hypers()[i];
    double v = h.value;
    if (!check::read_number(value.find(h.name), check::field(path, h.name), check::ParamType::Real, check::Range{h.min, h.max},
                            v, error))
      return false;
    spec.own[i] = v;
  }
  spec.rule = std::move(rule);
  return true;
}

void custom_json(const OptimizerSpec& spec, json::Value& out) {
  out.set("rule", spec.rule->text());
  for (size_t i = 0; i < spec.rule->hypers().size(); ++i) out.set(spec.rule->hypers()[i].name, spec.own[i]);
}

bool rule_info_json(const std::string& text, json::Value& out, std::string& error) {
  std::shared_ptr<const CustomRule> rule = CustomRule::compile(text, error);
  if (!rule) return false;
  out = json::Value{json::Object{}};
  json::Array hypers, states;
  for (const HyperDecl& h : rule->hypers()) hypers.push_back(hyper_entry(h));
  for (const StateDecl& s : rule->states()) {
    json::Value v{json::Object{}};
    v.set("name", s.name);
    v.set("initial", s.initial);
    states.push_back(std::move(v));
  }
  out.set("hyperparameters", json::Value(std::move(hypers)));
  out.set("states", json::Value(std::move(states)));
  out.set("latex", rule->latex());
  return true;
}

}  // namespace gs::optim::custom
