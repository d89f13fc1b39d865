// The kinds of field a table is made of: numbers and integers in a check::Range, booleans, the
// schema version, nested tables, and custom fields (a reader and a schema of their own). A field's
// default is read from the default-constructed config struct, so it is stated once, there.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "schema/table.hpp"

namespace gs::schema {

json::Value number_schema(check::ParamType type, const check::Range& range);
std::string number_allowed(check::ParamType type, const check::Range& range);  // "integer in [1, 1000]"
std::string default_text(const json::Value& value);                           // the JSON text
json::Value ref(const std::string& def);                                      // {"$ref": "#/$defs/<def>"}
json::Value enum_schema(std::span<const std::string_view> names);

template <class T>
Field<T> custom(std::string key, std::string type, std::string allowed, json::Value default_value,
                json::Value schema, std::string description, Reader<T> read) {
  Field<T> f;
  f.doc = {std::move(key), std::move(type), std::move(allowed),
           default_value.is_null() ? "" : default_text(default_value), std::move(description), {}};
  f.schema = std::move(schema);
  f.default_value = std::move(default_value);
  f.read = std::move(read);
  return f;
}

// A field whose default depends on other fields (no "default" in the schema; the docs say `text`).
template <class T>
Field<T> computed_default(Field<T> f, std::string text) {
  f.default_value = json::Value();
  f.doc.default_text = std::move(text);
  return f;
}

template <class T>
Field<T> with_default(Field<T> f, json::Value value) {
  f.doc.default_text = default_text(value);
  f.default_value = std::move(value);
  return f;
}

template <class T>
Field<T> late(Field<T> f) {
  f.late = true;
  return f;
}

template <class T>
Field<T> required(Field<T> f) {
  f.required = true;
  f.doc.default_text = "required";
  return f;
}

// A number (Real) or integer field read into the member that `get` (a member pointer or a
// function T& → M&) names.
template <class T, class Get>
Field<T> number(std::string key, check::ParamType type, check::Range range, Get get, std::string description) {
  T defaults{};
  json::Value def(static_cast<double>(std::invoke(get, defaults)));
  Reader<T> read = [type, range, get](const json::Value* v, const std::string& path, const json::Value&, T& out,
                                      std::string& error) {
    auto& target = std::invoke(get, out);
    double x = static_cast<double>(target);
    if (!check::read_number(v, path, type, range, x, error)) return false;
    target = static_cast<std::remove_reference_t<decltype(target)>>(x);
    return true;
  };
  return custom<T>(std::move(key), type == check::ParamType::Integer ? "integer" : "number",
                   number_allowed(type, range), std::move(def), number_schema(type, range), std::move(description),
                   std::move(read));
}

template <class T, class Get>
Field<T> boolean(std::string key, Get get, std::string description) {
  T defaults{};
  Reader<T> read = [get](const json::Value* v, const std::string& path, const json::Value&, T& out,
                         std::string& error) { return check::read_bool(v, path, std::invoke(get, out), error); };
  json::Value schema{json::Object{}};
  schema.set("type", "boolean");
  return custom<T>(std::move(key), "boolean", "true, false", json::Value(bool(std::invoke(get, defaults))),
                   std::move(schema), std::move(description), std::move(read));
}

// `version`: 1, the only version so far.
template <class T>
Field<T> version() {
  json::Value schema{json::Object{}};
  schema.set("const", 1);
  Reader<T> read = [](const json::Value* v, const std::string& path, const json::Value&, T&, std::string& error) {
    double version = 1;
    return check::read_number(v, path, check::ParamType::Integer, check::Range{1, 1}, version, error);
  };
  return custom<T>("version", "integer", "1", json::Value(1), std::move(schema), "schema version", std::move(read));
}

// A nested object described by its own table; absent, the member keeps its defaults.
template <class T, class S, class Get>
Field<T> object(std::string key, const Table<S>& table, Get get, std::string description) {
  Reader<T> read = [&table, get](const json::Value* v, const std::string& path, const json::Value&, T& out,
                                 std::string& error) {
    return !v || parse(table, *v, path, std::invoke(get, out), error);
  };
  Field<T> f = custom<T>(std::move(key), "object", "", json::Value(), json_schema(table), std::move(description),
                         std::move(read));
  f.doc.fields = docs(table);
  f.doc.default_text = "the defaults below";
  return f;
}

}  // namespace gs::schema
