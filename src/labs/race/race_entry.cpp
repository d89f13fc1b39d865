#include "labs/race/race_entry.hpp"

#include <algorithm>
#include <string_view>

#include "core/check.hpp"
#include "optim/custom/custom_rule.hpp"
#include "optim/registry.hpp"
#include "race/protocol.hpp"
#include "schema/fields.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;
using race::Scale;
using race::TunedParam;

constexpr std::string_view kScaleNames[] = {"linear", "log", "log1m"};
constexpr std::string_view kTuneKeys[] = {"param", "min", "max", "scale"};

// A hyperparameter a race may tune: its name, the range a value may take, its default span and scale.
struct Tunable {
  std::string_view name;
  Range range;
  double default_min, default_max;
  Scale scale;
};

Scale scale_of(std::string_view registry_scale) {
  if (registry_scale == "log") return Scale::Log;
  if (registry_scale == "log1m") return Scale::Log1m;
  return Scale::Linear;
}

std::vector<Tunable> tunables(const optim::OptimizerSpec& spec) {
  std::vector<Tunable> out;
  if (spec.rule)
    for (const auto& h : spec.rule->hypers())
      out.push_back({h.name, Range{h.min, h.max}, h.min, h.max, h.log ? Scale::Log : Scale::Linear});
  for (const auto& h : optim::info(spec.kind).hypers)
    if (h.type == ParamType::Real && h.in_spec())
      out.push_back({h.name, h.range, h.slider_min, h.slider_max, scale_of(h.scale)});
  return out;
}

std::vector<std::string_view> names_of(const std::vector<Tunable>& list) {
  std::vector<std::string_view> names;
  for (const auto& t : list) names.push_back(t.name);
  return names;
}

bool check_span(const TunedParam& p, const std::string& path, std::string& error) {
  if (!(p.max > p.min)) {
    error = check::field(path, "max") + ": must be greater than min (" + check::format_number(p.min) + "), got " +
            check::format_number(p.max);
    return false;
  }
  if (p.scale == Scale::Log && !(p.min > 0)) {
    error = check::field(path, "min") + ": a log scale needs min > 0, got " + check::format_number(p.min);
    return false;
  }
  if (p.scale == Scale::Log1m && !(p.max < 1)) {
    error = check::field(path, "max") + ": a log1m scale needs max < 1, got " + check::format_number(p.max);
    return false;
  }
  return true;
}

// One item of `tune`: a name, or {param, min, max, scale}.
bool parse_tuned(const json::Value& item, const std::string& path, const std::vector<Tunable>& allowed,
                 const char* optimizer, TunedParam& out, std::string& error) {
  const json::Value* name_value = item.is_object() ? item.find("param") : &item;
  const std::string name_path = item.is_object() ? check::field(path, "param") : path;
  if (item.is_object() && !check::known_keys(item, path, kTuneKeys, error)) return false;
  if (!name_value) {
    error = name_path + ": missing. Allowed: " + check::join(names_of(allowed)) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(name_value, name_path, name, error)) return false;
  const auto found = std::find_if(allowed.begin(), allowed.end(), [&](const Tunable& t) { return t.name == name; });
  if (found == allowed.end()) {
    error = name_path + ": " +
            (allowed.empty() ? std::string(optimizer) + " has no real hyperparameter to tune"
                             : check::unknown_name(std::string(optimizer) + " hyperparameter", name, names_of(allowed)));
    return false;
  }
  out = {name, found->default_min, found->default_max, found->scale};
  if (!item.is_object()) return true;
  if (!check::read_number(item.find("min"), check::field(path, "min"), ParamType::Real, found->range, out.min, error) ||
      !check::read_number(item.find("max"), check::field(path, "max"), ParamType::Real, found->range, out.max, error))
    return false;
  if (const json::Value* scale = item.find("scale")) {
    std::string scale_name;
    if (!check::read_string(scale, check::field(path, "scale"), scale_name, error)) return false;
    const auto* s = std::find(std::begin(kScaleNames), std::end(kScaleNames), scale_name);
    if (s == std::end(kScaleNames)) {
      error = check::field(path, "scale") + ": " + check::unknown_name("scale", scale_name, kScaleNames);
      return false;
    }
    out.scale = static_cast<Scale>(s - std::begin(kScaleNames));
  }
  return check_span(out, path, error);
}

// The default: the learning rate where the optimizer has one, else its first real hyperparameter.
std::vector<TunedParam> default_tune(const std::vector<Tunable>& allowed) {
  if (allowed.empty()) return {};
  auto lr = std::find_if(allowed.begin(), allowed.end(), [](const Tunable& t) { return t.name == "lr"; });
  const Tunable& t = lr != allowed.end() ? *lr : allowed.front();
  return {{std::string(t.name), t.default_min, t.default_max, t.scale}};
}

// Every trial must be a valid optimizer, not only each value: the one rule across fields (sgd's
// nesterov needs momentum > 0 and dampening = 0) is monotone in each, so the 2^P corners decide it.
bool check_corners(const RaceEntryConfig& entry, const std::string& path, std::string& error) {
  const size_t p = entry.tune.size();
  for (size_t corner = 0; corner < (size_t{1} << p); ++corner) {
    optim::OptimizerSpec spec = entry.spec, parsed;
    std::string at;
    for (size_t i = 0; i < p; ++i) {
      const TunedParam& t = entry.tune[i];
      const double v = (corner >> i) & 1 ? t.max : t.min;
      race::set_tuned(spec, t.name, v);
      at += (i ? ", " : "") + t.name + " = " + check::format_number(v);
    }
    std::string why;
    if (!optim::parse_optimizer(optim::to_json(spec), "optimizer", parsed, why)) {
      error = check::field(path, "tune") + ": with " + at + ": " + why;
      return false;
    }
  }
  return true;
}

}  // namespace

bool parse_race_entry(const json::Value& item, const std::string& path, const engine::ObjectiveConfig& objective,
                      engine::Precision precision, RaceEntryConfig& out, std::string& error) {
  if (!check::expect_object(item, path, error)) return false;
  json::Value optimizer{json::Object{}};
  for (const auto& [key, value] : item.as_object())
    if (key != "tune") optimizer.set(key, value);
  if (!optim::parse_optimizer(optimizer, path, out.spec, error)) return false;
  error = engine::whole_optimizer_error(out.spec, objective, precision, path);
  if (!error.empty()) return false;
  const std::vector<Tunable> allowed = tunables(out.spec);
  const char* name = optim::info(out.spec.kind).name;
  const json::Value* tune = item.find("tune");
  if (!tune) {
    out.tune = default_tune(allowed);
    return true;
  }
  const std::string tune_path = check::field(path, "tune");
  if (!tune->is_array() || tune->as_array().size() > kMaxTunedParams) {
    error = tune_path + ": must be an array of 0 to " + std::to_string(kMaxTunedParams) +
            " hyperparameter names or {param, min, max, scale} objects";
    return false;
  }
  out.tune.clear();
  for (size_t i = 0; i < tune->as_array().size(); ++i) {
    TunedParam p;
    const std::string item_path = check::index(tune_path, i);
    if (!parse_tuned(tune->as_array()[i], item_path, allowed, name, p, error)) return false;
    for (const auto& earlier : out.tune)
      if (earlier.name == p.name) {
        error = item_path + ": " + p.name + " is tuned twice";
        return false;
      }
    out.tune.push_back(p);
  }
  return check_corners(out, path, error);
}

namespace {

json::Value tune_item_schema() {
  json::Value object{json::Object{}};
  object.set("type", "object");
  json::Value properties{json::Object{}};
  properties.set("param", json::Value(json::Object{{"type", "string"}}));
  properties.set("min", json::Value(json::Object{{"type", "number"}}));
  properties.set("max", json::Value(json::Object{{"type", "number"}}));
  properties.set("scale", schema::enum_schema(kScaleNames));
  object.set("properties", std::move(properties));
  object.set("required", json::Value(json::Array{json::Value("param")}));
  object.set("additionalProperties", false);
  json::Value item{json::Object{}};
  item.set("oneOf", json::Value(json::Array{json::Value(json::Object{{"type", "string"}}), std::move(object)}));
  return item;
}

}  // namespace

json::Value race_entry_schema() {
  json::Value tune{json::Object{}};
  tune.set("type", "array");
  tune.set("items", tune_item_schema());
  tune.set("maxItems", static_cast<double>(kMaxTunedParams));
  tune.set("description",
           "the real hyperparameters it tunes: a name (the registry's slider range and scale), or {param, min, max, "
           "scale}; default: lr (or its first real hyperparameter)");
  json::Value properties{json::Object{}};
  properties.set("name", json::Value(json::Object{{"type", "string"}}));
  properties.set("tune", std::move(tune));
  json::Value v{json::Object{}};
  v.set("type", "object");
  v.set("description", "an optimizer object (#/$defs/optimizer) and tune");
  v.set("properties", std::move(properties));
  v.set("required", json::Value(json::Array{json::Value("name")}));
  return v;
}

json::Value race_entry_json(const RaceEntryConfig& e) {
  json::Value o = optim::to_json(e.spec);
  json::Array tune;
  for (const auto& t : e.tune) {
    json::Value item{json::Object{}};
    item.set("param", t.name);
    item.set("min", t.min);
    item.set("max", t.max);
    item.set("scale", std::string(kScaleNames[static_cast<size_t>(t.scale)]));
    tune.push_back(std::move(item));
  }
  o.set("tune", json::Value(std::move(tune)));
  return o;
}

}  // namespace gs::labs
