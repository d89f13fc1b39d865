#include "engine/registry_json.hpp"

#include "objectives/objective.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

json::Value objectives_json() {
  json::Array list;
  for (const auto& info : objectives::registry()) {
    json::Value v{json::Object{}};
    v.set("name", info.name);
    v.set("display_name", info.display_name);
    v.set("latex", info.latex);
    v.set("description", info.description);
    json::Array params;
    std::vector<double> defaults;
    for (const auto& p : info.params) {
      json::Value pv{json::Object{}};
      pv.set("name", p.name);
      pv.set("type", "real");
      pv.set("default", p.default_value);
      pv.set("min", p.min);
      pv.set("max", p.max);
      pv.set("description", p.description);
      params.push_back(std::move(pv));
      defaults.push_back(p.default_value);
    }
    v.set("params", json::Value(std::move(params)));
    v.set("view", json::Value(json::Array{info.view[0], info.view[1], info.view[2], info.view[3]}));
    v.set("default_start", json::Value(json::Array{info.default_start[0], info.default_start[1]}));
    json::Array minima;
    for (const auto& m : objectives::Objective(info, defaults).minima()) {
      json::Value mv{json::Object{}};
      mv.set("x", m.x);
      mv.set("y", m.y);
      mv.set("value", m.value);
      mv.set("global", m.global);
      minima.push_back(std::move(mv));
    }
    v.set("minima", json::Value(std::move(minima)));
    list.push_back(std::move(v));
  }
  return json::Value(std::move(list));
}

json::Value step_bounds_json() {
  json::Value v{json::Object{}};
  v.set("paper",
        R"(|\Delta_t| \lessapprox \begin{cases}\alpha\,(1-\beta_1)/\sqrt{1-\beta_2} & (1-\beta_1) > \sqrt{1-\beta_2}\\ \alpha & \text{otherwise}\end{cases})");
  v.set("paper_note", "Adam paper, Section 2.1: approximate; a steadily growing gradient exceeds it.");
  v.set("exact",
        R"(|\Delta_t| \le \alpha\,\frac{1-\beta_1}{1-\beta_1^t}\sqrt{\frac{1-\beta_2^t}{1-\beta_2}}\sqrt{\sum_{k=0}^{t-1}\Big(\frac{\beta_1^2}{\beta_2}\Big)^k})");
  v.set("exact_note", "Cauchy–Schwarz on m_t = (1−β1)Σ β1^k g_{t−k}: holds for every gradient sequence (ε ≥ 0 only shrinks the step).");
  return v;
}

}  // namespace

json::Value registry_json() {
  json::Value v{json::Object{}};
  v.set("version", 1);
  v.set("optimizers", optim::optimizer_registry_json());
  v.set("schedules", optim::schedule_registry_json());
  v.set("objectives", objectives_json());
  v.set("step_bounds", step_bounds_json());
  return v;
}

}  // namespace gs::engine
