// The optimizer and schedule registries as JSON, for the front end's generated controls.
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"
#include "optim/registry_fields.hpp"

namespace gs::optim {

json::Value hyper_json(const HyperInfo& h) {
  json::Value v{json::Object{}};
  v.set("name", h.name);
  v.set("type", h.type == check::ParamType::Bool      ? "bool"
               : h.type == check::ParamType::Integer ? "int"
               : h.type == check::ParamType::Choice  ? "choice"
                                                     : "real");
  if (h.type == check::ParamType::Bool) {
    v.set("default", h.default_value != 0);
  } else if (h.type == check::ParamType::Choice) {
    v.set("default", h.choices.at(static_cast<size_t>(h.default_value)));
    json::Array choices;
    for (const char* c : h.choices) choices.push_back(json::Value(c));
    v.set("choices", json::Value(std::move(choices)));
  } else {
    v.set("default", h.default_value);
    v.set("min", h.range.min);
    v.set("max", h.range.max);
    v.set("min_exclusive", h.range.min_open);
    v.set("max_exclusive", h.range.max_open);
    v.set("slider_min", h.slider_min);
    v.set("slider_max", h.slider_max);
    v.set("scale", h.scale);
  }
  v.set("description", h.description);
  return v;
}

json::Value optimizer_registry_json() {
  json::Array list;
  for (const auto& o : optimizer_registry()) {
    json::Value v{json::Object{}};
    v.set("name", o.name);
    v.set("display_name", o.display_name);
    v.set("source", o.source);
    v.set("description", o.description);
    v.set("latex", o.latex);
    json::Array hypers;
    for (const auto& h : o.hypers) hypers.push_back(hyper_json(h));
    if (o.first_moment) hypers.push_back(hyper_json(fields::beta1_decay()));
    v.set("hyperparameters", json::Value(std::move(hypers)));
    v.set("slots", slot_count(o.kind));
    json::Array moments;
    for (const char* label : {o.moment_first, o.moment_second})
      moments.push_back(label ? json::Value(label) : json::Value());
    v.set("moment_labels", json::Value(std::move(moments)));
    v.set("second_moment_root", o.second_moment_root);
    v.set("playground_lr", o.playground_lr);
    v.set("adam_step_bound", o.adam_step_bound);
    v.set("regret_bound", o.regret_bound);
    v.set("add_order", o.add_order);
    v.set("whole", o.whole);
    v.set("needs_hessian", o.needs_hessian);
    v.set("wraps_optimizer", o.wraps_optimizer);
    json::Array companions;
    for (const char* label : o.companion_labels)
      if (label) companions.push_back(json::Value(label));
    v.set("companion_labels", json::Value(std::move(companions)));
    v.set("curve_label", o.curve_label ? json::Value(o.curve_label) : json::Value());
    v.set("counts_evaluations", o.counts_evaluations);
    if (o.default_rule) v.set("default_rule", o.default_rule);
    list.push_back(std::move(v));
  }
  return json::Value(std::move(list));
}

json::Value schedule_registry_json() {
  json::Array list;
  for (const auto& s : schedule_registry()) {
    json::Value v{json::Object{}};
    v.set("name", s.name);
    v.set("description", s.description);
    v.set("latex", s.latex);
    json::Array params;
    for (const auto& p : s.params) params.push_back(hyper_json(p));
    v.set("params", json::Value(std::move(params)));
    list.push_back(std::move(v));
  }
  return json::Value(std::move(list));
}

}  // namespace gs::optim
