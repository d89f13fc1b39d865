// Validation of config fields. Every check names the field by its full path
// ("optimizers[1].beta2") and states the allowed range, so an entry point (CLI, URL hash, JS
// API, embed) can show the message as it is. Errors are returned, never thrown: the first
// failing check writes `error` and returns false.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace gs::check {

// Choice: one of a list of names (a config holds the name; OptimizerSpec holds its index).
enum class ParamType { Real, Integer, Bool, Choice };

struct Range {
  double min, max;
  bool min_open = false, max_open = false;
  bool contains(double x) const;
  std::string describe() const;  // "(0, 1]", "[1, 1000000]"
};

std::string field(std::string_view parent, std::string_view key);  // "a.b" (or "b" at top level)
std::string index(std::string_view parent, size_t i);              // "a[3]"

// A number (finite), an integer, or a boolean, in range. `value` may be null (absent): then
// `out` keeps its default and the call succeeds.
bool read_number(const json::Value* value, const std::string& path, ParamType type, const Range& range,
                 double& out, std::string& error);
bool read_bool(const json::Value* value, const std::string& path, bool& out, std::string& error);
bool read_string(const json::Value* value, const std::string& path, std::string& out, std::string& error);

bool expect_object(const json::Value& value, const std::string& path, std::string& error);

// Fails on the first key of `object` not in `allowed`, suggesting the closest allowed name.
bool known_keys(const json::Value& object, const std::string& path, std::span<const std::string_view> allowed,
                std::string& error);

// "unknown optimizer \"adm\"; did you mean \"adam\"? Allowed: ...".
std::string unknown_name(std::string_view what, std::string_view got, std::span<const std::string_view> allowed);

std::string format_number(double x);
std::string join(std::span<const std::string_view> names, std::string_view separator = ", ");  // "a, b, c"

}  // namespace gs::check
