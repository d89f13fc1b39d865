// The configs (the run config and every lab's, in the order of labs/all.hpp) as one JSON Schema
// document (draft 2020-12) and as documentation tables, both generated from the config tables and
// the registries. Native only (gradscape_native schema, schema-tables): scripts/gen-schema.mjs
// writes gradscape.schema.json and docs/schema.md from them, and the wasm modules stay as small as
// the parsers alone make them.
#pragma once

#include "core/json.hpp"

namespace gs::engine {

inline constexpr const char* kSchemaId = "https://unpkg.com/gradscape/gradscape.schema.json";

json::Value config_schema_json();
// {"run": {"title", "description", "fields": [{key, type, allowed, default, description}]}, ...}
json::Value config_tables_json();

}  // namespace gs::engine
