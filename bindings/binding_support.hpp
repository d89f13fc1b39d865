// What the Embind modules share: configuring an engine session from JSON text (the error
// text comes back; empty means success, so no C++ exception crosses the boundary), zero-copy views
// of a buffer's first n values, the message of an index out of range, and the module's heap size (grows, never shrinks: lets tests see
// leaks).
#pragma once

#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/json.hpp"

namespace gs::bindings {

template <class Session>
std::string configure_from_text(Session& session, const std::string& text) {
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) return parsed.error;
  std::string error;
  session.configure(parsed.value, error);
  return error;
}

template <class T>
emscripten::val view(const std::vector<T>& values, size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, values.data()));
}

template <class T>
emscripten::val view(const std::vector<T>& values) {
  return view(values, values.size());
}

// "" when v is an integer index in [0, n), else "name: must be an integer in [0, n − 1], got v".
inline std::string index_error(const char* name, double v, size_t n) {
  if (v >= 0 && v < double(n) && v == double(size_t(v))) return "";
  return std::string(name) + ": must be an integer in [0, " + std::to_string(n == 0 ? 0 : n - 1) + "], got " +
         check::format_number(v);
}

inline double heap_bytes() { return double(emscripten_get_heap_size()); }

}  // namespace gs::bindings
