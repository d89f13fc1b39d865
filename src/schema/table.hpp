// Field tables: a config object described once, as a list of fields (key, the JSON Schema of its
// value, default, one-line description, and how to read it into the config struct). From a table
// come its parser (unknown keys first, then every field in table order, the `late` ones last,
// with check.hpp's messages), its JSON Schema (draft 2020-12) and its documentation rows.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.hpp"
#include "core/json.hpp"

namespace gs::schema {

// What the documentation says about one field; `fields` are a nested object's own.
struct Doc {
  std::string key, type, allowed, default_text, description;
  std::vector<Doc> fields;
};

// Reads `value` (nullptr when absent) into `out`; `path` names the field, `object` is its parent.
template <class T>
using Reader = std::function<bool(const json::Value* value, const std::string& path, const json::Value& object,
                                  T& out, std::string& error)>;

template <class T>
struct Field {
  Doc doc;
  json::Value schema;         // of the value, without description and default
  json::Value default_value;  // null: required, or computed (doc.default_text says how)
  bool required = false;
  bool late = false;  // read after the other fields (it depends on one listed after it)
  Reader<T> read;
};

template <class T>
struct Table {
  std::string title, description;
  std::vector<Field<T>> fields;
  json::Value extra;  // more JSON Schema keywords of the object (e.g. allOf), or null
};

// The object schema: properties (schema, description, default; a computed default is stated in the
// description), required keys, nothing else.
json::Value object_schema(const std::string& title, const std::string& description,
                          const std::vector<const Doc*>& docs, const std::vector<const json::Value*>& schemas,
                          const std::vector<const json::Value*>& defaults, const std::vector<std::string>& required,
                          const json::Value& extra);
// Documentation rows {key, type, allowed, default, description}, nested fields as "a.b".
json::Value rows_json(const std::vector<Doc>& docs);

template <class T>
bool parse(const Table<T>& table, const json::Value& value, const std::string& path, T& out, std::string& error) {
  if (!check::expect_object(value, path, error)) return false;
  std::vector<std::string_view> keys;
  for (const auto& f : table.fields) keys.push_back(f.doc.key);
  if (!check::known_keys(value, path, keys, error)) return false;
  for (bool late : {false, true})
    for (const auto& f : table.fields)
      if (f.late == late && !f.read(value.find(f.doc.key), check::field(path, f.doc.key), value, out, error))
        return false;
  return true;
}

template <class T>
json::Value json_schema(const Table<T>& table) {
  std::vector<const Doc*> docs;
  std::vector<const json::Value*> schemas, defaults;
  std::vector<std::string> required;
  for (const auto& f : table.fields) {
    docs.push_back(&f.doc);
    schemas.push_back(&f.schema);
    defaults.push_back(&f.default_value);
    if (f.required) required.push_back(f.doc.key);
  }
  return object_schema(table.title, table.description, docs, schemas, defaults, required, table.extra);
}

template <class T>
std::vector<Doc> docs(const Table<T>& table) {
  std::vector<Doc> out;
  for (const auto& f : table.fields) out.push_back(f.doc);
  return out;
}

}  // namespace gs::schema
