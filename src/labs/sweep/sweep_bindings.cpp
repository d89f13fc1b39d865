// Embind layer of the sweep module (gradscape-sweep-{simd,scalar}): the sweep lab's engine, in a
// module of its own so the landscape page and the embeds don't download it. One SweepSession per
// map: configure once, then advanceRows(k) computes k more rows of runs in one call (a Web Worker
// calls it in ~20 ms chunks to show the map filling in and to cancel between calls). values,
// diverged, divergedAt, xValues and yValues are zero-copy views of buffers sized at configure and
// never reallocated while rows are computed (valid until the next configure or memory growth).
// Failing calls return the error text (empty means success); web/api/ turns it into a JS Error.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "binding_support.hpp"
#include "core/json.hpp"
#include "core/simd.hpp"
#include "engine/full_engine.hpp"
#include "engine/registry_json.hpp"
#include "labs/sweep/sweep_session.hpp"
#include "optim/custom/custom_optimizer.hpp"

namespace {

using emscripten::val;

class SweepSessionHandle {
 public:
  std::string configure(const std::string& text) { return gs::bindings::configure_from_text(session_, text); }
  double advanceRows(double k) {
    const double rows = double(session_.rows());
    return double(session_.advance_rows(k > 0 ? static_cast<size_t>(k < rows ? k : rows) : 0));
  }
  int rowsDone() const { return static_cast<int>(session_.rows_done()); }
  int rows() const { return static_cast<int>(session_.rows()); }
  int columns() const { return static_cast<int>(session_.columns()); }
  bool finished() const { return session_.finished(); }
  val values() const { return gs::bindings::view(session_.maps().values); }
  val diverged() const { return gs::bindings::view(session_.maps().diverged); }
  val divergedAt() const { return gs::bindings::view(session_.maps().diverged_at); }
  val xValues() const { return gs::bindings::view(session_.maps().x_values); }
  val yValues() const { return gs::bindings::view(session_.maps().y_values); }
  std::string configJson() const { return gs::json::serialize(gs::labs::sweep_config_json(session_.config())); }
  std::string resultJson() const { return session_.result_json(); }
  // The run config of cell (i, j) as JSON text, or an error naming the index out of range.
  std::string cellConfig(double i, double j) const {
    std::string error = gs::bindings::index_error("i", i, session_.columns());
    if (error.empty()) error = gs::bindings::index_error("j", j, session_.rows());
    if (!error.empty()) return error;
    return gs::json::serialize(session_.cell_config(static_cast<size_t>(i), static_cast<size_t>(j)));
  }
  // The objective's known minima ([x, y, value] each) and the global minimum value f*.
  std::string minimaJson() const {
    gs::json::Array list;
    for (const auto& m : session_.maps().minima) {
      gs::json::Array point{gs::json::Value(m.x), gs::json::Value(m.y), gs::json::Value(m.value)};
      list.push_back(gs::json::Value(std::move(point)));
    }
    return gs::json::serialize(gs::json::Value(std::move(list)));
  }

 private:
  gs::labs::SweepSession session_;
};

std::string registryJson() { return gs::json::serialize(gs::engine::registry_json()); }
std::string simdBackend() { return gs::simd::backend_name(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_sweep) {
  // A sweep may map a typed formula or a pack optimizer: this module has the full engine's parts.
  gs::engine::register_full_engine();
  gs::optim::custom::register_custom_optimizer();
  emscripten::class_<SweepSessionHandle>("SweepSession")
      .constructor<>()
      .function("configure", &SweepSessionHandle::configure)
      .function("advanceRows", &SweepSessionHandle::advanceRows)
      .function("rowsDone", &SweepSessionHandle::rowsDone)
      .function("rows", &SweepSessionHandle::rows)
      .function("columns", &SweepSessionHandle::columns)
      .function("finished", &SweepSessionHandle::finished)
      .function("values", &SweepSessionHandle::values)
      .function("diverged", &SweepSessionHandle::diverged)
      .function("divergedAt", &SweepSessionHandle::divergedAt)
      .function("xValues", &SweepSessionHandle::xValues)
      .function("yValues", &SweepSessionHandle::yValues)
      .function("configJson", &SweepSessionHandle::configJson)
      .function("resultJson", &SweepSessionHandle::resultJson)
      .function("cellConfig", &SweepSessionHandle::cellConfig)
      .function("minimaJson", &SweepSessionHandle::minimaJson);
  emscripten::function("registryJson", &registryJson);
  emscripten::function("simdBackend", &simdBackend);
  emscripten::function("heapBytes", &gs::bindings::heap_bytes);
}
