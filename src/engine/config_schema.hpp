// The four configs (run, regret, sweep, train) as one JSON Schema document (draft 2020-12) and as
// documentation tables, both generated from the config tables and the registries. gradscape.schema.json
// and docs/schema.md are written from these (scripts/gen-schema.mjs).
#pragma once

#include "core/json.hpp"

namespace gs::engine {

inline constexpr const char* kSchemaId = "https://unpkg.com/gradscape/gradscape.schema.json";

json::Value config_schema_json();
// {"run": {"title", "description", "fields": [{key, type, allowed, default, description}]}, ...}
json::Value config_tables_json();

}  // namespace gs::engine
