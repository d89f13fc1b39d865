// The configs' JSON Schema document and documentation tables (see config_schema.hpp).
#include "engine/config_schema.hpp"

#include "engine/config_fields.hpp"
#include "engine/regret_config.hpp"
#include "engine/sweep_config.hpp"
#include "engine/paper_config.hpp"
#include "schema/registry_schemas.hpp"

namespace gs::engine {

namespace {

constexpr const char* kConfigs[] = {"run", "regret", "sweep", "paper"};

template <class T>
json::Value table_json(const schema::Table<T>& table) {
  json::Value v{json::Object{}};
  v.set("title", table.title);
  v.set("description", table.description);
  v.set("fields", schema::rows_json(schema::docs(table)));
  return v;
}

}  // namespace

json::Value config_schema_json() {
  json::Value defs{json::Object{}};
  defs.set("run", schema::json_schema(run_config_table()));
  defs.set("regret", schema::json_schema(regret_config_table()));
  defs.set("sweep", schema::json_schema(sweep_config_table()));
  defs.set("paper", schema::json_schema(paper_config_table()));
  defs.set("optimizer", schema::optimizer_schema(false));
  defs.set("paper_optimizer", schema::optimizer_schema(true));
  defs.set("schedule", schema::schedule_schema());
  defs.set("objective", schema::objective_schema());
  defs.set("noise", schema::json_schema(noise_table()));
  defs.set("problem", schema::problem_schema());
  defs.set("axis", axis_schema());
  json::Array any;
  for (const char* name : kConfigs) any.push_back(schema::ref(name));
  json::Value v{json::Object{}};
  v.set("$schema", "https://json-schema.org/draft/2020-12/schema");
  v.set("$id", kSchemaId);
  v.set("title", "Gradscape config");
  v.set("description",
        "A run, regret, sweep or paper config (version 1). The engine validates the same rules and names the "
        "failing field; docs/schema.md documents every field.");
  v.set("anyOf", json::Value(std::move(any)));
  v.set("$defs", std::move(defs));
  return v;
}

json::Value config_tables_json() {
  json::Value v{json::Object{}};
  v.set("run", table_json(run_config_table()));
  v.set("regret", table_json(regret_config_table()));
  v.set("sweep", table_json(sweep_config_table()));
  v.set("paper", table_json(paper_config_table()));
  return v;
}

}  // namespace gs::engine
