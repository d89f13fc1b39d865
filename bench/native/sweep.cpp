// Native C++ baseline of the sweep benchmark (bench/sweep.mjs runs it): gs::labs::SweepSession
// on a sweep config given as one JSON argument (the driver writes it), natively with the SSE2
// backend of core/simd.hpp, i.e. the same 128-bit lanes as wasm SIMD.
// Each round configures the session and times advance_rows over the whole map (configure
// excluded): --warmup rounds first (default 1), then --rounds (default 5). One JSON line:
//   {"impl":"native","simd_backend":"sse2","ms":[...],"median_ms":...,"best_ms":...,"checksum":...}
// checksum is the sum of the finite map values, for the driver to compare with wasm.
// Usage: bench_sweep [--warmup=K] [--rounds=K] CONFIG_JSON
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/simd.hpp"
#include "labs/sweep/sweep_session.hpp"

namespace {

double run_once(const gs::json::Value& config, gs::labs::SweepSession& session) {
  std::string error;
  if (!session.configure(config, error)) {
    std::fprintf(stderr, "bench_sweep: %s\n", error.c_str());
    std::exit(2);
  }
  const auto t0 = std::chrono::steady_clock::now();
  session.advance_rows(session.rows());
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int warmup = 1, rounds = 5;
  std::string text;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--warmup=", 9) == 0) warmup = std::atoi(argv[i] + 9);
    else if (std::strncmp(argv[i], "--rounds=", 9) == 0) rounds = std::max(1, std::atoi(argv[i] + 9));
    else text = argv[i];
  }
  const gs::json::ParseResult parsed = gs::json::parse(text);
  if (!parsed.ok()) {
    std::fprintf(stderr, "bench_sweep: %s\n", parsed.error.c_str());
    return 2;
  }
  gs::labs::SweepSession session;
  for (int r = 0; r < warmup; ++r) run_once(parsed.value, session);
  std::vector<double> ms;
  for (int r = 0; r < rounds; ++r) ms.push_back(run_once(parsed.value, session));
  double checksum = 0;
  for (double v : session.maps().values)
    if (std::isfinite(v)) checksum += v;
  std::string list;
  for (size_t k = 0; k < ms.size(); ++k) list += (k ? "," : "") + std::to_string(ms[k]);
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::printf("{\"impl\":\"native\",\"simd_backend\":\"%s\",\"ms\":[%s],\"median_ms\":%.4f,\"best_ms\":%.4f,"
              "\"checksum\":%.17g}\n",
              gs::simd::backend_name(), list.c_str(), median, sorted.front(), checksum);
  return 0;
}
