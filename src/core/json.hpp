// A small JSON value, parser and writer for Gradscape's config and result schemas.
// No exceptions (the wasm build does not catch them): parse() reports errors with
// line and column. Object keys keep their order so results read like the config.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gs::json {

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>;

class Value {
 public:
  enum class Kind { Null, Bool, Number, String, Array, Object };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : kind_(Kind::Bool), bool_(b) {}
  Value(double d) : kind_(Kind::Number), number_(d) {}
  Value(int i) : kind_(Kind::Number), number_(i) {}
  Value(std::string s) : kind_(Kind::String), string_(std::move(s)) {}
  Value(const char* s) : kind_(Kind::String), string_(s) {}
  Value(Array a) : kind_(Kind::Array), array_(std::move(a)) {}
  Value(Object o) : kind_(Kind::Object), object_(std::move(o)) {}

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_array() const { return kind_ == Kind::Array; }
  bool is_object() const { return kind_ == Kind::Object; }

  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }
  const Array& as_array() const { return array_; }
  Array& as_array() { return array_; }
  const Object& as_object() const { return object_; }
  Object& as_object() { return object_; }

  // Object lookup; nullptr when absent or when this is not an object.
  const Value* find(std::string_view key) const;
  // Sets (or replaces) a member of an object value.
  void set(std::string_view key, Value v);

 private:
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  Array array_;
  Object object_;
};

// Human-readable name of a value's type, for error messages ("a string", "an array", ...).
const char* describe(const Value& v);

struct ParseResult {
  Value value;
  std::string error;  // empty on success, else "JSON syntax error at line L, column C: ..."
  bool ok() const { return error.empty(); }
};

ParseResult parse(std::string_view text);

// Shortest decimal text that reads back as exactly the same double.
void append_number(std::string& out, double d);
void append_string(std::string& out, std::string_view s);
std::string serialize(const Value& v);
void serialize_to(std::string& out, const Value& v);

}  // namespace gs::json
