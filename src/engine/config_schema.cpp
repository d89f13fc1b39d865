// The configs' JSON Schema document and documentation tables (see config_schema.hpp).
#include "engine/config_schema.hpp"

#include <string>

#include "engine/config_fields.hpp"
#include "labs/all.hpp"
#include "schema/registry_schemas.hpp"

namespace gs::engine {

namespace {

template <class T>
json::Value table_json(const schema::Table<T>& table) {
  json::Value v{json::Object{}};
  v.set("title", table.title);
  v.set("description", table.description);
  v.set("fields", schema::rows_json(schema::docs(table)));
  return v;
}

// "run, regret, sweep or paper": the configs' names.
std::string config_names() {
  std::string names = "run";
  labs::AllLabs::for_each([&](auto lab, size_t i) {
    names += i + 1 == labs::AllLabs::size ? " or " : ", ";
    names += lab.kName;
  });
  return names;
}

}  // namespace

json::Value config_schema_json() {
  json::Value defs{json::Object{}};
  json::Array any{schema::ref("run")};
  defs.set("run", schema::json_schema(run_config_table()));
  labs::AllLabs::for_each([&](auto lab, size_t) {
    defs.set(lab.kName, schema::json_schema(lab.config_table()));
    any.push_back(schema::ref(std::string(lab.kName)));
  });
  defs.set("optimizer", schema::optimizer_schema(false));
  defs.set("schedule", schema::schedule_schema());
  defs.set("objective", schema::objective_schema());
  defs.set("noise", schema::json_schema(noise_table()));
  labs::AllLabs::for_each([&](auto lab, size_t) { lab.schema_defs(defs); });
  json::Value v{json::Object{}};
  v.set("$schema", "https://json-schema.org/draft/2020-12/schema");
  v.set("$id", kSchemaId);
  v.set("title", "Gradscape config");
  v.set("description", "A " + config_names() +
                           " config (version 1). The engine validates the same rules and names the failing field; "
                           "docs/schema.md documents every field.");
  v.set("anyOf", json::Value(std::move(any)));
  v.set("$defs", std::move(defs));
  return v;
}

json::Value config_tables_json() {
  json::Value v{json::Object{}};
  v.set("run", table_json(run_config_table()));
  labs::AllLabs::for_each([&](auto lab, size_t) { v.set(lab.kName, table_json(lab.config_table())); });
  return v;
}

}  // namespace gs::engine
