// The non-template half of the field tables: number schemas and texts, object schemas and
// documentation rows.
#include "schema/fields.hpp"

namespace gs::schema {

json::Value number_schema(check::ParamType type, const check::Range& range) {
  json::Value v{json::Object{}};
  v.set("type", type == check::ParamType::Integer ? "integer" : "number");
  v.set(range.min_open ? "exclusiveMinimum" : "minimum", range.min);
  v.set(range.max_open ? "exclusiveMaximum" : "maximum", range.max);
  return v;
}

std::string number_allowed(check::ParamType type, const check::Range& range) {
  return std::string(type == check::ParamType::Integer ? "integer" : "number") + " in " + range.describe();
}

std::string default_text(const json::Value& value) { return json::serialize(value); }

json::Value ref(const std::string& def) {
  json::Value v{json::Object{}};
  v.set("$ref", "#/$defs/" + def);
  return v;
}

json::Value enum_schema(std::span<const std::string_view> names) {
  json::Array list;
  for (auto name : names) list.push_back(std::string(name));
  json::Value v{json::Object{}};
  v.set("enum", json::Value(std::move(list)));
  return v;
}

json::Value object_schema(const std::string& title, const std::string& description,
                          const std::vector<const Doc*>& docs, const std::vector<const json::Value*>& schemas,
                          const std::vector<const json::Value*>& defaults, const std::vector<std::string>& required,
                          const json::Value& extra) {
  json::Value v{json::Object{}};
  if (!title.empty()) v.set("title", title);
  if (!description.empty()) v.set("description", description);
  v.set("type", "object");
  json::Value properties{json::Object{}};
  for (size_t i = 0; i < docs.size(); ++i) {
    json::Value p = *schemas[i];
    if (!p.is_object()) p = json::Value(json::Object{});
    std::string description = docs[i]->description;
    const std::string& computed = docs[i]->default_text;
    if (defaults[i]->is_null() && !computed.empty() && computed != "required")
      description += " (default: " + computed + ")";
    p.set("description", description);
    if (!defaults[i]->is_null()) p.set("default", *defaults[i]);
    properties.set(docs[i]->key, std::move(p));
  }
  v.set("properties", std::move(properties));
  if (!required.empty()) {
    json::Array list(required.begin(), required.end());
    v.set("required", json::Value(std::move(list)));
  }
  v.set("additionalProperties", false);
  if (extra.is_object())
    for (const auto& [key, value] : extra.as_object()) v.set(key, value);
  return v;
}

namespace {

void append_rows(json::Array& rows, const std::vector<Doc>& docs, const std::string& prefix) {
  for (const auto& d : docs) {
    json::Value row{json::Object{}};
    const std::string key = prefix.empty() ? d.key : prefix + "." + d.key;
    row.set("key", key);
    row.set("type", d.type);
    row.set("allowed", d.allowed);
    row.set("default", d.default_text);
    row.set("description", d.description);
    rows.push_back(std::move(row));
    append_rows(rows, d.fields, key);
  }
}

}  // namespace

json::Value rows_json(const std::vector<Doc>& docs) {
  json::Array rows;
  append_rows(rows, docs, "");
  return json::Value(std::move(rows));
}

}  // namespace gs::schema
