#include "core/check.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace gs::check {

bool Range::contains(double x) const {
  if (min_open ? !(x > min) : !(x >= min)) return false;
  if (max_open ? !(x < max) : !(x <= max)) return false;
  return true;
}

std::string format_number(double x) {
  std::string s;
  json::append_number(s, x);
  return s;
}

std::string Range::describe() const {
  return std::string(min_open ? "(" : "[") + format_number(min) + ", " + format_number(max) + (max_open ? ")" : "]");
}

std::string field(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

std::string index(std::string_view parent, size_t i) {
  return std::string(parent) + "[" + std::to_string(i) + "]";
}

namespace {

std::string got(const json::Value& v) {
  if (v.is_string()) {
    std::string s;
    json::append_string(s, v.as_string().substr(0, 40));
    return s;
  }
  if (v.is_number()) return format_number(v.as_number());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return json::describe(v);
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string join(std::span<const std::string_view> names, std::string_view separator) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) s += separator;
    s += names[i];
  }
  return s;
}

namespace {

std::string suggestion(std::string_view got, std::span<const std::string_view> allowed) {
  std::string_view best;
  size_t best_distance = 3;
  for (auto name : allowed) {
    size_t d = edit_distance(got, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  if (best.empty()) return ".";
  return "; did you mean \"" + std::string(best) + "\"?";
}

}  // namespace

bool read_number(const json::Value* value, const std::string& path, ParamType type, const Range& range,
                 double& out, std::string& error) {
  if (!value) return true;
  const char* what = type == ParamType::Integer ? "an integer" : "a number";
  if (!value->is_number()) {
    error = path + ": must be " + what + " in " + range.describe() + ", got " + got(*value);
    return false;
  }
  double x = value->as_number();
  if (!std::isfinite(x) || !range.contains(x) || (type == ParamType::Integer && x != std::floor(x))) {
    error = path + ": must be " + what + " in " + range.describe() + ", got " + format_number(x);
    return false;
  }
  out = x;
  return true;
}

bool read_bool(const json::Value* value, const std::string& path, bool& out, std::string& error) {
  if (!value) return true;
  if (!value->is_bool()) {
    error = path + ": must be true or false, got " + got(*value);
    return false;
  }
  out = value->as_bool();
  return true;
}

bool read_string(const json::Value* value, const std::string& path, std::string& out, std::string& error) {
  if (!value) return true;
  if (!value->is_string()) {
    error = path + ": must be a string, got " + got(*value);
    return false;
  }
  out = value->as_string();
  return true;
}

bool expect_object(const json::Value& value, const std::string& path, std::string& error) {
  if (value.is_object()) return true;
  error = (path.empty() ? std::string("config") : path) + ": must be an object, got " + got(value);
  return false;
}

bool known_keys(const json::Value& object, const std::string& path, std::span<const std::string_view> allowed,
                std::string& error) {
  for (const auto& [key, unused] : object.as_object()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    error = field(path, key) + ": unknown field" + suggestion(key, allowed) + " Allowed: " + join(allowed) + ".";
    return false;
  }
  return true;
}

std::string unknown_name(std::string_view what, std::string_view got_name, std::span<const std::string_view> allowed) {
  return "unknown " + std::string(what) + " \"" + std::string(got_name) + "\"" + suggestion(got_name, allowed) +
         " Allowed: " + join(allowed) + ".";
}

}  // namespace gs::check
