#include "optim/registry.hpp"

#include <cstdio>
#include <cstdlib>

#include "optim/registry_fields.hpp"
#include "optim/rule_table.hpp"
#include "optim/rules/all.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim {

namespace {

using check::ParamType;
using check::Range;

HyperInfo schedule_real(const char* name, ParamType type, double def, Range range, double smin, double smax,
                        const char* scale, const char* description, double ScheduleSpec::*field) {
  HyperInfo h{name, type, def, range, smin, smax, scale, description};
  h.schedule_real = field;
  return h;
}

std::vector<ScheduleInfo> build_schedules() {
  HyperInfo gamma = schedule_real("gamma", ParamType::Real, 0.5, Range{0, 1, true, false}, 0.5, 1, "log1m",
                                  "multiplicative factor γ", &ScheduleSpec::gamma);
  HyperInfo exp_gamma = gamma;
  exp_gamma.default_value = 0.99;
  return {
      {ScheduleKind::Constant, "constant", "the learning rate as given", R"(\eta_t = \eta)", {}},
      {ScheduleKind::InvSqrt, "inv_sqrt", "α/√t, the schedule of the Adam paper's Theorem 4.1",
       R"(\eta_t = \eta/\sqrt{t})", {}},
      {ScheduleKind::Step, "step", "multiply by γ every step_size steps (torch StepLR)",
       R"(\eta_t = \eta\,\gamma^{\lfloor (t-1)/s \rfloor})",
       {schedule_real("step_size", ParamType::Integer, 100, Range{1, 1e9}, 1, 1000, "log", "steps between decays",
                      &ScheduleSpec::step_size),
        gamma}},
      {ScheduleKind::Exponential, "exponential", "multiply by γ every step (torch ExponentialLR)",
       R"(\eta_t = \eta\,\gamma^{t-1})", {exp_gamma}},
      {ScheduleKind::Cosine, "cosine", "cosine annealing from η to eta_min over T_max steps (torch CosineAnnealingLR)",
       R"(\eta_t = \eta_{\min} + \tfrac12(\eta-\eta_{\min})\big(1+\cos\tfrac{\pi (t-1)}{T_{\max}}\big))",
       {schedule_real("T_max", ParamType::Integer, 1000, Range{1, 1e9}, 1, 10000, "log", "half period in steps",
                      &ScheduleSpec::T_max),
        schedule_real("eta_min", ParamType::Real, 0, Range{0, 1e3}, 0, 1, "linear", "the lowest learning rate",
                      &ScheduleSpec::eta_min)}},
      {ScheduleKind::Warmup, "warmup", "linear warm-up over warmup_steps, then constant (torch LinearLR)",
       R"(\eta_t = \eta\,\min(1,\ t/W))",
       {schedule_real("warmup_steps", ParamType::Integer, 100, Range{1, 1e9}, 1, 1000, "log", "W: steps of the ramp",
                      &ScheduleSpec::warmup_steps)}},
  };
}

}  // namespace

// The registered optimizers' entries in Kind order: the core rules, then the optimizer pack once
// registered, then custom and the whole-vector optimizers once entered (each one's info()). Room for
// every one is reserved, so an entry never moves.
const std::vector<OptimizerInfo>& optimizer_registry() {
  static std::vector<OptimizerInfo> list = [] {
    std::vector<OptimizerInfo> l;
    l.reserve(rules::AllRules::size + whole::kBeyondRuleCount);
    return l;
  }();
  for (;;) {
    const Kind kind{static_cast<uint8_t>(list.size())};
    if (list.size() < rules::AllRules::size && rule_registered(kind)) list.push_back(rule_meta(kind).info());
    else if (const whole::WholeEntry* w = whole::whole_entry(kind)) list.push_back(w->info());
    else break;
    list.back().kind = kind;
  }
  return list;
}

const OptimizerInfo* find_optimizer(std::string_view name) {
  for (const auto& o : optimizer_registry())
    if (name == o.name) return &o;
  return nullptr;
}

Kind optimizer_kind(std::string_view name) {
  const OptimizerInfo* o = find_optimizer(name);
  if (!o) {
    std::fprintf(stderr, "gradscape: no optimizer named %.*s\n", static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return o->kind;
}

const OptimizerInfo& info(Kind kind) { return optimizer_registry().at(kind.index); }

const std::vector<ScheduleInfo>& schedule_registry() {
  static const std::vector<ScheduleInfo> registry = build_schedules();
  return registry;
}

const ScheduleInfo& info(ScheduleKind kind) {
  for (const auto& s : schedule_registry())
    if (s.kind == kind) return s;
  return schedule_registry().front();
}

OptimizerSpec default_spec(Kind kind) {
  OptimizerSpec spec;
  spec.kind = kind;
  const OptimizerInfo& o = info(kind);
  spec.label = o.display_name;
  for (const auto& h : o.hypers) h.set(spec, h.default_value);
  return spec;
}

OptimizerSpec default_spec(std::string_view name) { return default_spec(optimizer_kind(name)); }

}  // namespace gs::optim
