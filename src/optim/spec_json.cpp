// Config JSON ⇄ OptimizerSpec, driven by the registry (optim/registry.cpp) so that a name, a
// default or a range is defined in one place.
#include <algorithm>
#include <cmath>

#include "optim/optimizer.hpp"
#include "optim/pack/optimizer_pack.hpp"
#include "optim/registry.hpp"
#include "optim/registry_fields.hpp"
#include "optim/schedule.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim {

namespace {

// A Choice's value: the index of the name the config holds.
bool read_choice(const HyperInfo& h, const json::Value* v, const std::string& path, double& index, std::string& error) {
  if (!v) return true;
  std::vector<std::string_view> names(h.choices.begin(), h.choices.end());
  if (!v->is_string()) {
    error = path + ": must be one of " + check::join(names);
    return false;
  }
  const auto found = std::find(names.begin(), names.end(), v->as_string());
  if (found == names.end()) {
    error = path + ": " + check::unknown_name("choice", v->as_string(), names);
    return false;
  }
  index = double(found - names.begin());
  return true;
}

bool read_hyper(const HyperInfo& h, const json::Value* v, const std::string& path, double& real, bool& flag,
                std::string& error) {
  if (h.type == check::ParamType::Bool) return check::read_bool(v, path, flag, error);
  if (h.type == check::ParamType::Choice) return read_choice(h, v, path, real, error);
  return check::read_number(v, path, h.type, h.range, real, error);
}

bool parse_schedule(const json::Value& value, const std::string& path, ScheduleSpec& out, std::string& error) {
  std::vector<std::string_view> names;
  for (const auto& s : schedule_registry()) names.push_back(s.name);
  std::string name;
  if (value.is_string()) {
    name = value.as_string();
  } else {
    if (!check::expect_object(value, path, error)) return false;
    const json::Value* n = value.find("name");
    if (!n) {
      error = path + ".name: missing. Allowed: " + check::join(names) + ".";
      return false;
    }
    if (!check::read_string(n, path + ".name", name, error)) return false;
  }
  const ScheduleInfo* found = nullptr;
  for (const auto& s : schedule_registry())
    if (name == s.name) found = &s;
  if (!found) {
    error = path + ".name: " + check::unknown_name("schedule", name, names);
    return false;
  }
  out = ScheduleSpec{};
  out.kind = found->kind;
  for (const auto& p : found->params) out.*p.schedule_real = p.default_value;
  if (value.is_string()) return true;
  std::vector<std::string_view> allowed{"name"};
  for (const auto& p : found->params) allowed.push_back(p.name);
  if (!check::known_keys(value, path, allowed, error)) return false;
  for (const auto& p : found->params) {
    bool unused = false;
    if (!read_hyper(p, value.find(p.name), check::field(path, p.name), out.*p.schedule_real, unused, error))
      return false;
  }
  return true;
}

// A wrapper's `inner`: the per-coordinate optimizer it runs (default Adam), whose learning rate is
// the wrapper's own lr.
bool parse_optimizer_inner(const json::Value* value, const std::string& path, const char* wrapper, OptimizerSpec& spec,
                           std::string& error) {
  json::Value inner{json::Object{}};
  inner.set("name", "adam");
  if (value) {
    if (!check::expect_object(*value, path, error)) return false;
    if (value->find("lr")) {
      error = check::field(path, "lr") + ": the wrapped optimizer's learning rate is " + wrapper + "'s own lr";
      return false;
    }
    inner = *value;
  }
  OptimizerSpec parsed;
  if (!parse_optimizer(inner, path, parsed, error)) return false;
  if (info(parsed.kind).whole || info(parsed.kind).interpreted()) {
    error = check::field(path, "name") + ": " + wrapper + " wraps a compiled per-coordinate optimizer; " +
            info(parsed.kind).name + (info(parsed.kind).whole ? " is a whole-vector optimizer" : " is a typed rule");
    return false;
  }
  parsed.lr = spec.lr;
  spec.inner = std::make_shared<const OptimizerSpec>(std::move(parsed));
  return true;
}

bool read_label(const json::Value& value, const std::string& path, OptimizerSpec& spec, std::string& error) {
  if (!check::read_string(value.find("label"), check::field(path, "label"), spec.label, error)) return false;
  if (spec.label.size() <= 80) return true;
  error = check::field(path, "label") + ": must be at most 80 characters long";
  return false;
}

}  // namespace

bool parse_optimizer(const json::Value& value, const std::string& path, OptimizerSpec& out, std::string& error) {
  if (!check::expect_object(value, path, error)) return false;
  std::vector<std::string_view> names;
  for (const auto& o : optimizer_registry()) names.push_back(o.name);
  const json::Value* name_value = value.find("name");
  if (!name_value) {
    error = check::field(path, "name") + ": missing. Allowed: " + check::join(names) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(name_value, check::field(path, "name"), name, error)) return false;
  const OptimizerInfo* o = find_optimizer(name);
  const bool custom = name == whole::kBeyondRuleNames[whole::kCustomIndex];
  if (!o && (whole::is_whole_optimizer(name) || custom)) {
    // A lab's module has the pack but not these; the core module has neither.
    const bool lab = find_optimizer(kPackOptimizerNames[0]) != nullptr;
    error = check::field(path, "name") + ": \"" + name + "\" " + whole::why_surfaces_only(name) +
            (!lab   ? "; load the engine with loadGradscape({ full: true })"
             : custom ? ", not in this lab"
                      : "; it runs on the 2-D surfaces (the landscape page, the run config), not in this lab");
    return false;
  }
  if (!o && is_pack_optimizer(name)) {
    error = check::field(path, "name") + ": \"" + name +
            "\" is in the optimizer pack, which this engine module leaves out to stay small; load the engine with "
            "loadGradscape({ full: true })";
    return false;
  }
  if (!o) {
    error = check::field(path, "name") + ": " + check::unknown_name("optimizer", name, names);
    return false;
  }
  OptimizerSpec spec = default_spec(o->kind);
  const whole::WholeEntry* entry = whole::whole_entry(o->kind);
  if (entry && entry->parse) {
    if (!entry->parse(value, path, spec, error) || !read_label(value, path, spec, error)) return false;
    out = spec;
    return true;
  }

  std::vector<std::string_view> allowed{"name", "label"};
  if (!o->whole) allowed.push_back("schedule");
  else if (value.find("schedule")) {
    error = check::field(path, "schedule") + ": " + o->name +
            " is a whole-vector optimizer and runs with a constant lr; schedules apply to the per-coordinate optimizers";
    return false;
  }
  if (o->wraps_optimizer) allowed.push_back("inner");
  if (o->first_moment) allowed.push_back("beta1_decay");
  for (const auto& h : o->hypers) allowed.push_back(h.name);
  // torch's pairs are two fields each here: say which, instead of only "unknown field".
  static constexpr std::string_view kTorchPairs[][3] = {
      {"betas", "beta1", "beta2"}, {"etas", "etaminus", "etaplus"}, {"step_sizes", "step_size_min", "step_size_max"}};
  for (const auto& [pair, first, second] : kTorchPairs) {
    if (value.find(pair) && std::find(allowed.begin(), allowed.end(), first) != allowed.end()) {
      error = check::field(path, pair) + ": torch's " + std::string(pair) + " is two fields here: " + std::string(first) +
              " and " + std::string(second);
      return false;
    }
  }
  if (!check::known_keys(value, path, allowed, error)) return false;

  for (const auto& h : o->hypers) {
    double real = h.get(spec);
    bool flag = real != 0;
    if (!read_hyper(h, value.find(h.name), check::field(path, h.name), real, flag, error)) return false;
    h.set(spec, h.type == check::ParamType::Bool ? (flag ? 1.0 : 0.0) : real);
  }
  if (!read_label(value, path, spec, error)) return false;
  if (const json::Value* s = value.find("schedule"))
    if (!parse_schedule(*s, check::field(path, "schedule"), spec.schedule, error)) return false;
  if (!check::read_number(value.find("beta1_decay"), check::field(path, "beta1_decay"), check::ParamType::Real,
                          fields::beta1_decay().range, spec.beta1_decay, error))
    return false;

  if (o->wraps_optimizer && !parse_optimizer_inner(value.find("inner"), check::field(path, "inner"), o->name, spec, error))
    return false;

  error = constraint_error(spec, path);
  if (!error.empty()) return false;
  out = spec;
  return true;
}

std::string per_coordinate_error(const OptimizerSpec& spec, const std::string& path, const char* where,
                                 bool runs_custom_rules) {
  const OptimizerInfo& o = info(spec.kind);
  if (o.interpreted() && !runs_custom_rules)
    return check::field(path, "name") + ": " + o.name + " " + whole::why_surfaces_only(o.name) + ", not in " + where;
  if (!o.whole) return "";
  return check::field(path, "name") + ": " + o.name + " " + whole::why_surfaces_only(o.name) +
         " and runs on the 2-D surfaces only, not in " + where;
}

json::Value to_json(const OptimizerSpec& spec) {
  const OptimizerInfo& o = info(spec.kind);
  json::Value v{json::Object{}};
  v.set("name", o.name);
  v.set("label", spec.label);
  for (const auto& h : o.hypers) {
    if (h.type == check::ParamType::Bool) v.set(h.name, h.get(spec) != 0);
    else if (h.type == check::ParamType::Choice) v.set(h.name, h.choices.at(static_cast<size_t>(h.get(spec))));
    else v.set(h.name, h.get(spec));
  }
  if (const whole::WholeEntry* entry = whole::whole_entry(spec.kind); entry && entry->write) entry->write(spec, v);
  if (spec.inner) {
    json::Value inner = to_json(*spec.inner);
    json::Value without_lr{json::Object{}};
    for (const auto& [key, field] : inner.as_object())
      if (key != "lr") without_lr.set(key, field);
    v.set("inner", std::move(without_lr));
  }
  if (o.whole || o.interpreted()) return v;
  const ScheduleInfo& s = info(spec.schedule.kind);
  json::Value schedule{json::Object{}};
  schedule.set("name", s.name);
  for (const auto& p : s.params) schedule.set(p.name, spec.schedule.*p.schedule_real);
  v.set("schedule", std::move(schedule));
  if (o.first_moment) v.set("beta1_decay", spec.beta1_decay);
  return v;
}

double adam_paper_step_bound(double alpha, double beta1, double beta2) {
  double root = std::sqrt(1 - beta2);
  return (1 - beta1) > root ? alpha * (1 - beta1) / root : alpha;
}

double adam_exact_step_bound(double alpha, double beta1, double beta2, uint64_t t) {
  if (t == 0) return 0;
  if (beta2 == 0) return beta1 == 0 ? alpha : INFINITY;
  double gamma = beta1 * beta1 / beta2;
  double t_real = static_cast<double>(t);
  double sum = gamma == 1 ? t_real : (1 - ipow(gamma, t)) / (1 - gamma);  // Σ_{k<t} γ^k
  return alpha * (1 - beta1) / (1 - ipow(beta1, t)) * std::sqrt((1 - ipow(beta2, t)) / (1 - beta2)) * std::sqrt(sum);
}

}  // namespace gs::optim
