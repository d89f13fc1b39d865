#include "engine/registry_json.hpp"

#include "objectives/objective.hpp"
#include "online/problem.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

json::Value objective_info_json(const objectives::Objective& objective) {
  const objectives::ObjectiveInfo& info = objective.info();
  json::Value v{json::Object{}};
  v.set("name", info.name);
  v.set("display_name", info.display_name);
  v.set("latex", info.latex);
  v.set("description", info.description);
  if (const objectives::DefinedObjective* defined = objective.defined()) defined->write_entry(v);
  json::Array params;
  for (size_t i = 0; i < info.params.size(); ++i) {
    const auto& p = info.params[i];
    json::Value pv{json::Object{}};
    pv.set("name", p.name);
    pv.set("type", "real");
    pv.set("default", objective.params()[i]);
    pv.set("min", p.min);
    pv.set("max", p.max);
    pv.set("description", p.description);
    params.push_back(std::move(pv));
  }
  v.set("params", json::Value(std::move(params)));
  v.set("view", json::Value(json::Array{info.view[0], info.view[1], info.view[2], info.view[3]}));
  v.set("default_start", json::Value(json::Array{info.default_start[0], info.default_start[1]}));
  json::Array minima;
  for (const auto& m : objective.minima()) {
    json::Value mv{json::Object{}};
    mv.set("x", m.x);
    mv.set("y", m.y);
    mv.set("value", m.value);
    mv.set("global", m.global);
    minima.push_back(std::move(mv));
  }
  v.set("minima", json::Value(std::move(minima)));
  return v;
}

namespace {

json::Value objectives_json() {
  json::Array list;
  for (const auto& info : objectives::registry()) list.push_back(objective_info_json(objectives::Objective(info, {})));
  return json::Value(std::move(list));
}

json::Value problems_json() {
  json::Array list;
  for (const auto& info : online::problem_registry()) {
    json::Value v{json::Object{}};
    v.set("name", info.name);
    v.set("display_name", info.display_name);
    v.set("latex", info.latex);
    v.set("description", info.description);
    v.set("source", info.source);
    v.set("comparator", info.comparator);
    json::Array params;
    for (const auto& p : info.params) params.push_back(optim::hyper_json(p));
    v.set("params", json::Value(std::move(params)));
    v.set("dimension", info.fixed_dimension ? json::Value(static_cast<double>(info.fixed_dimension)) : json::Value("d"));
    json::Value domain{json::Object{}};
    domain.set("type", online::domain_type_name(info.default_domain));
    domain.set("radius", info.default_radius);
    v.set("default_domain", std::move(domain));
    v.set("default_start", info.default_start);
    list.push_back(std::move(v));
  }
  return json::Value(std::move(list));
}

json::Value domains_json() {
  json::Value box{json::Object{}};
  box.set("name", "box");
  box.set("description", "the box [−r, r]ᵈ (half-width r): xᵢ is clipped to [−r, r] after every step");
  box.set("latex", R"(\{x : \lVert x\rVert_\infty \le r\},\quad D = 2r\sqrt d,\ D_\infty = 2r)");
  json::Value ball{json::Object{}};
  ball.set("name", "ball");
  ball.set("description", "the L2 ball of radius r: x is scaled back to ‖x‖₂ = r after a step that leaves it");
  ball.set("latex", R"(\{x : \lVert x\rVert_2 \le r\},\quad D = D_\infty = 2r)");
  return json::Value(json::Array{std::move(box), std::move(ball)});
}

json::Value regret_bound_json() {
  json::Value v{json::Object{}};
  v.set("latex",
        R"(R(T) \le \frac{D^2}{2\alpha(1-\beta_1)}\sum_{i=1}^d\sqrt{T\,\hat v_{T,i}} + \frac{\alpha(1+\beta_1)G_\infty}{(1-\beta_1)\sqrt{1-\beta_2}(1-\gamma)^2}\sum_{i=1}^d\lVert g_{1:T,i}\rVert_2 + \sum_{i=1}^d\frac{D_\infty^2 G_\infty\sqrt{1-\beta_2}}{2\alpha(1-\beta_1)(1-\lambda)^2})");
  v.set("conditions",
        "adam or adamw, schedule inv_sqrt (αₜ = α/√t), γ = β₁²/√β₂ < 1, β₁,ₜ = β₁·λᵗ⁻¹ with λ = beta1_decay ∈ (0, 1) "
        "(any λ when β1 = 0; the last term then takes its infimum, λ → 0)");
  v.set("note",
        "Kingma & Ba 2015, Theorem 4.1, evaluated with the run's observed G∞, v̂ and g_{1:t} and the domain's D, D∞. "
        "Reddi, Kale & Kumar (ICLR 2018) show that its proof is flawed: on their problem Adam's regret grows linearly "
        "and crosses it.");
  return v;
}

json::Value step_bounds_json() {
  json::Value v{json::Object{}};
  v.set("paper",
        R"(|\Delta_t| \lessapprox \begin{cases}\alpha\,(1-\beta_1)/\sqrt{1-\beta_2} & (1-\beta_1) > \sqrt{1-\beta_2}\\ \alpha & \text{otherwise}\end{cases})");
  v.set("paper_note", "Adam paper, Section 2.1: approximate; a steadily growing gradient exceeds it.");
  v.set("exact",
        R"(|\Delta_t| \le \alpha\,\frac{1-\beta_1}{1-\beta_1^t}\sqrt{\frac{1-\beta_2^t}{1-\beta_2}}\sqrt{\sum_{k=0}^{t-1}\Big(\frac{\beta_1^2}{\beta_2}\Big)^k})");
  v.set("exact_note", "Cauchy–Schwarz on mₜ = (1 − β₁)Σₖ β₁ᵏ·gₜ₋ₖ: holds for every gradient sequence (ε ≥ 0 only shrinks the step).");
  return v;
}

}  // namespace

json::Value registry_json() {
  json::Value v{json::Object{}};
  v.set("version", 1);
  v.set("optimizers", optim::optimizer_registry_json());
  v.set("schedules", optim::schedule_registry_json());
  v.set("objectives", objectives_json());
  v.set("problems", problems_json());
  v.set("domains", domains_json());
  v.set("regret_bound", regret_bound_json());
  v.set("step_bounds", step_bounds_json());
  return v;
}

}  // namespace gs::engine
