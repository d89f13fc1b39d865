// The field tables (src/schema/): a table parses with check.hpp's messages, states its defaults
// once (the resolved config agrees), and gives the JSON Schema and documentation rows; the four
// configs' tables list their keys in the order the unknown-key message names them, and validate
// every one.
#include <gtest/gtest.h>

#include "engine/config_schema.hpp"
#include "labs/paper/paper_config.hpp"
#include "labs/regret/regret_config.hpp"
#include "labs/sweep/sweep_config.hpp"
#include "optim/registry.hpp"
#include "schema/fields.hpp"

namespace gs {
namespace {

struct Toy {
  double rate = 0.5;
  uint64_t count = 3;
  bool on = true;
};

const schema::Table<Toy>& toy_table() {
  static const schema::Table<Toy> table{
      "Toy", "a toy config",
      {schema::version<Toy>(),
       schema::number<Toy>("rate", check::ParamType::Real, check::Range{0, 1, true, false}, &Toy::rate, "a rate"),
       schema::number<Toy>("count", check::ParamType::Integer, check::Range{1, 10}, &Toy::count, "a count"),
       schema::boolean<Toy>("on", &Toy::on, "a switch")},
      {}};
  return table;
}

std::string toy_error(const char* text) {
  Toy toy;
  std::string error;
  EXPECT_FALSE(schema::parse(toy_table(), json::parse(text).value, "", toy, error)) << text;
  return error;
}

TEST(SchemaTable, ParsesEveryFieldAndKeepsTheDefaultsOfAbsentOnes) {
  Toy toy;
  std::string error;
  ASSERT_TRUE(schema::parse(toy_table(), json::parse(R"({"count": 7, "on": false})").value, "", toy, error)) << error;
  EXPECT_EQ(toy.rate, 0.5);
  EXPECT_EQ(toy.count, 7u);
  EXPECT_FALSE(toy.on);
}

TEST(SchemaTable, ErrorsAreCheckHppsMessages) {
  EXPECT_EQ(toy_error("[]"), "config: must be an object, got an array");
  EXPECT_EQ(toy_error(R"({"rat": 1})"),
            "rat: unknown field; did you mean \"rate\"? Allowed: version, rate, count, on.");
  EXPECT_EQ(toy_error(R"({"rate": 0})"), "rate: must be a number in (0, 1], got 0");
  EXPECT_EQ(toy_error(R"({"count": 2.5})"), "count: must be an integer in [1, 10], got 2.5");
  EXPECT_EQ(toy_error(R"({"on": 1})"), "on: must be true or false, got 1");
  EXPECT_EQ(toy_error(R"({"version": 2})"), "version: must be an integer in [1, 1], got 2");
}

TEST(SchemaTable, GivesTheJsonSchemaAndDocumentationRows) {
  const json::Value s = schema::json_schema(toy_table());
  EXPECT_EQ(json::serialize(s),
            R"({"title":"Toy","description":"a toy config","type":"object","properties":{)"
            R"("version":{"const":1,"description":"schema version","default":1},)"
            R"("rate":{"type":"number","exclusiveMinimum":0,"maximum":1,"description":"a rate","default":0.5},)"
            R"("count":{"type":"integer","minimum":1,"maximum":10,"description":"a count","default":3},)"
            R"("on":{"type":"boolean","description":"a switch","default":true}},"additionalProperties":false})");
  const json::Value rows = schema::rows_json(schema::docs(toy_table()));
  EXPECT_EQ(json::serialize(rows.as_array()[1]),
            R"({"key":"rate","type":"number","allowed":"number in (0, 1]","default":"0.5","description":"a rate"})");
}

template <class T>
std::string unknown_key_error(const schema::Table<T>& table) {
  T out;
  std::string error;
  EXPECT_FALSE(schema::parse(table, json::parse(R"({"zzzzzz": 1})").value, "", out, error));
  return error;
}

TEST(SchemaConfigs, UnknownKeysNameEveryKeyInTableOrder) {
  EXPECT_EQ(unknown_key_error(engine::run_config_table()),
            "zzzzzz: unknown field. Allowed: version, objective, start, steps, precision, optimizers.");
  EXPECT_EQ(unknown_key_error(labs::regret_config_table()),
            "zzzzzz: unknown field. Allowed: version, problem, domain, start, T, record_every, optimizers.");
  EXPECT_EQ(unknown_key_error(labs::sweep_config_table()),
            "zzzzzz: unknown field. Allowed: version, objective, steps, precision, optimizer, x, y, start, metric, "
            "tol.");
  EXPECT_EQ(unknown_key_error(labs::paper_config_table()),
            "zzzzzz: unknown field. Allowed: version, experiment, model, data, epochs, batch_size, seed, seeds, "
            "record_every, optimizers.");
}

// Every field of every table is read and validated: a value of the wrong type (an array holding an
// array) is an error that names it.
template <class T, class Parse>
void expect_every_field_named(const schema::Table<T>& table, const char* base, Parse parse) {
  for (const auto& f : table.fields) {
    json::Value config = json::parse(base).value;
    config.set(f.doc.key, json::parse("[[]]").value);
    T out;
    std::string error;
    EXPECT_FALSE(parse(config, out, error)) << f.doc.key;
    const std::string& key = f.doc.key;
    EXPECT_EQ(error.rfind(key, 0), 0u) << error;
    EXPECT_NE(std::string(":[.").find(error[key.size()]), std::string::npos) << error;
  }
}

TEST(SchemaConfigs, EveryFieldIsValidatedAndNamed) {
  expect_every_field_named(engine::run_config_table(), "{}", engine::parse_run_config);
  expect_every_field_named(labs::regret_config_table(), "{}", labs::parse_regret_config);
  expect_every_field_named(labs::sweep_config_table(),
                           R"({"optimizer": {"name": "adam"}, "x": {"param": "lr"}, "y": {"param": "beta1"}})",
                           labs::parse_sweep_config);
  expect_every_field_named(labs::paper_config_table(), R"({"experiment": "logreg_bow"})",
                           labs::parse_paper_config);
}

// The defaults the schema states are the ones a config without the field resolves to.
TEST(SchemaConfigs, StatedDefaultsAreTheResolvedOnes) {
  const json::Value s = engine::config_schema_json();
  const auto def = [&](const char* config, const char* key) {
    return json::serialize(*s.find("$defs")->find(config)->find("properties")->find(key)->find("default"));
  };
  std::string error;
  engine::RunConfig run;
  ASSERT_TRUE(engine::parse_run_config(json::parse("{}").value, run, error)) << error;
  EXPECT_EQ(def("run", "steps"), std::to_string(run.steps));
  EXPECT_EQ(def("run", "precision"), std::string("\"") + engine::precision_name(run.precision) + "\"");
  EXPECT_EQ(def("run", "objective"), "\"" + std::string(run.objective.info->name) + "\"");
  labs::RegretConfig regret;
  ASSERT_TRUE(labs::parse_regret_config(json::parse("{}").value, regret, error)) << error;
  EXPECT_EQ(def("regret", "T"), std::to_string(regret.T));
  EXPECT_EQ(def("regret", "problem"), "\"" + std::string(regret.problem.info->name) + "\"");
  labs::SweepConfig sweep;
  ASSERT_TRUE(labs::parse_sweep_config(
      json::parse(R"({"optimizer": {"name": "adam"}, "x": {"param": "lr"}, "y": {"param": "beta1"}})").value, sweep,
      error))
      << error;
  EXPECT_EQ(def("sweep", "steps"), std::to_string(sweep.steps));
  EXPECT_EQ(def("sweep", "precision"), std::string("\"") + engine::precision_name(sweep.precision) + "\"");
  EXPECT_EQ(def("sweep", "metric"), std::string("\"") + labs::metric_name(sweep.metric) + "\"");
  EXPECT_EQ(json::serialize(*s.find("$defs")->find("axis")->find("properties")->find("n")->find("default")),
            std::to_string(sweep.x.n));
  labs::PaperConfig paper;
  ASSERT_TRUE(labs::parse_paper_config(json::parse(R"({"experiment": "logreg_bow"})").value, paper, error)) << error;
  EXPECT_EQ(def("paper", "epochs"), std::to_string(paper.epochs));
  EXPECT_EQ(def("paper", "batch_size"), std::to_string(paper.batch_size));
  EXPECT_EQ(def("paper", "seeds"), "[" + std::to_string(paper.seeds[0]) + "]");
}

TEST(SchemaConfigs, OneOptimizerVariantPerRegistryEntry) {
  const json::Value s = engine::config_schema_json();
  EXPECT_EQ(s.find("$schema")->as_string(), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(s.find("$id")->as_string(), engine::kSchemaId);
  const auto& variants = s.find("$defs")->find("optimizer")->find("oneOf")->as_array();
  ASSERT_EQ(variants.size(), optim::optimizer_registry().size());
  for (size_t i = 0; i < variants.size(); ++i) {
    const auto& o = optim::optimizer_registry()[i];
    const json::Value* props = variants[i].find("properties");
    EXPECT_EQ(props->find("name")->find("const")->as_string(), o.name);
    for (const auto& h : o.hypers) EXPECT_NE(props->find(h.name), nullptr) << o.name << "." << h.name;
    EXPECT_EQ(props->find("beta1_decay") != nullptr, o.first_moment) << o.name;
  }
}

}  // namespace
}  // namespace gs
