// The sweep engine in wasm for `npm run bench` (bench/sweep.mjs drives it and writes the sweep
// configs): gs::labs::SweepSession, the engine's own entry point, with no bindings/ code.
// SweepBench(config).run() configures the session and computes the whole map; it returns the
// engine time in ms (configure excluded). values() is a Float64Array view of the map (the final
// losses, row-major by y, NaN where a run diverged), xValues() and yValues() of the axes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/simd.hpp"
#include "labs/sweep/sweep_session.hpp"

namespace {

class SweepBench {
 public:
  explicit SweepBench(std::string config) : config_(std::move(config)) {}

  // The engine time of the whole map in ms, or −1 with error() set on a bad config.
  double run() {
    const gs::json::ParseResult parsed = gs::json::parse(config_);
    if (!parsed.ok()) {
      error_ = parsed.error;
      return -1;
    }
    if (!session_.configure(parsed.value, error_)) return -1;
    const auto t0 = std::chrono::steady_clock::now();
    session_.advance_rows(session_.rows());
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }

  emscripten::val values() const { return view(session_.maps().values); }
  // The axes' sample points (after run()), for the JS baseline's lanes.
  emscripten::val xValues() const { return view(session_.maps().x_values); }
  emscripten::val yValues() const { return view(session_.maps().y_values); }
  std::string error() const { return error_; }

 private:
  static emscripten::val view(const std::vector<double>& v) {
    return emscripten::val(emscripten::typed_memory_view(v.size(), v.data()));
  }

  std::string config_;
  gs::labs::SweepSession session_;
  std::string error_;
};

std::string simdBackend() { return gs::simd::backend_name(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gradscape_bench_sweep) {
  emscripten::class_<SweepBench>("SweepBench")
      .constructor<std::string>()
      .function("run", &SweepBench::run)
      .function("values", &SweepBench::values)
      .function("xValues", &SweepBench::xValues)
      .function("yValues", &SweepBench::yValues)
      .function("error", &SweepBench::error);
  emscripten::function("simdBackend", &simdBackend);
}
