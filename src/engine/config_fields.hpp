// Fields that several config tables share: the objective with its noise, the start point, the
// precision and the optimizer list, each with its reader, JSON Schema and documentation.
#pragma once

#include <string>
#include <vector>

#include "engine/run_config.hpp"
#include "schema/fields.hpp"

namespace gs::engine {

bool parse_point(const json::Value* value, const std::string& path, double out[2], std::string& error);
// `where`: the lab that runs them, which cannot run whole-vector optimizers; nullptr for the run
// config, which can.
bool parse_optimizer_list(const json::Value* value, const std::string& path, size_t max,
                          std::vector<optim::OptimizerSpec>& out, std::string& error, const char* where);
json::Value optimizer_list_schema(const char* def, size_t max);  // 1 to max items of #/$defs/<def>
const schema::Table<objectives::GradientNoise>& noise_table();
std::vector<schema::Doc> objective_docs();

// `objective`; also sets the start point to the objective's default start.
template <class T>
schema::Field<T> objective_field() {
  schema::Field<T> f = schema::custom<T>(
      "objective", "string or object", "an objective's name, or {name, params, noise}", json::Value("rosenbrock"),
      schema::ref("objective"), "the 2-D objective f(x, y), its parameters and gradient noise",
      [](const json::Value* v, const std::string& path, const json::Value&, T& out, std::string& error) {
        if (!parse_objective(v, path, out.objective, error)) return false;
        out.start[0] = out.objective.info->default_start[0];
        out.start[1] = out.objective.info->default_start[1];
        return true;
      });
  f.doc.fields = objective_docs();
  return f;
}

template <class T>
schema::Field<T> start_field() {
  json::Value schema{json::Object{}};
  schema.set("type", "array");
  schema.set("items", schema::number_schema(check::ParamType::Real, check::Range{-1e6, 1e6}));
  schema.set("minItems", 2);
  schema.set("maxItems", 2);
  return schema::computed_default(
      schema::custom<T>("start", "array", "[x, y], each a number in [-1000000, 1000000]", json::Value(),
                        std::move(schema), "the start point",
                        [](const json::Value* v, const std::string& path, const json::Value&, T& out,
                           std::string& error) { return parse_point(v, path, out.start, error); }),
      "the objective's default start");
}

template <class T>
schema::Field<T> precision_field() {
  static constexpr std::string_view kNames[] = {"f32", "f64"};
  return schema::custom<T>(
      "precision", "string", "f32, f64", json::Value(precision_name(T{}.precision)), schema::enum_schema(kNames),
      "floating-point precision of the parameters and the optimizer state",
      [](const json::Value* v, const std::string& path, const json::Value&, T& out, std::string& error) {
        return parse_precision(v, path, out.precision, error);
      });
}

// `where`: as for parse_optimizer_list.
template <class T>
schema::Field<T> optimizers_field(const char* where) {
  return schema::computed_default(
      schema::custom<T>("optimizers", "array", "1 to 16 optimizer objects", json::Value(),
                        optimizer_list_schema("optimizer", kMaxOptimizers), "the optimizers, run side by side",
                        [where](const json::Value* v, const std::string& path, const json::Value&, T& out,
                                std::string& error) {
                          return parse_optimizer_list(v, path, kMaxOptimizers, out.optimizers, error, where);
                        }),
      "one Adam with torch's defaults");
}

}  // namespace gs::engine
