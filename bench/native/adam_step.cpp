// Native C++ baseline for `npm run bench` (bench/adam_step.mjs runs it): one fused Adam step
// (gs::optim::Optimizer<float>, default hyperparameters, KernelImpl::Simd: natively the SSE2
// backend of core/simd.hpp, i.e. 128-bit vectors like wasm SIMD) over n float32 parameters.
//
// Method: per n, buffers are allocated and filled once; a warm-up of >= 0.05 s; then batches of
// steps are timed with steady_clock, each batch >= 20 ms, until >= --min-time seconds (0.3) and
// >= --min-batches batches (5) have been measured. The statistic is the MEDIAN batch time per
// step. One JSON line per n on stdout:
//   {"impl":"native","simd_backend":"sse2","n":...,"steps_per_s":...,"ns_per_param":...,"gbps":...,
//    "batches":...,"steps_per_batch":...,"statistic":"median","batch_s_per_step":[...]}
// gbps counts 28 bytes/param/step (read p, g, m, v; write p, m, v).
// Usage: bench_adam_step [--min-time=S] [--min-batches=K] [n ...]   (default n: 1e3 1e4 1e5 1e6 1e7)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/simd.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Something the compiler cannot see through, so the steps are never dropped.
volatile float g_sink = 0;

void bench(size_t n, double min_total_s, int min_batches) {
  const gs::optim::OptimizerSpec spec = gs::optim::default_spec("adam");  // lr 1e-3, betas (0.9, 0.999), eps 1e-8
  gs::optim::Optimizer<float> opt(spec, n);
  std::vector<float> params(n), grads(n);
  for (size_t i = 0; i < n; ++i) {
    params[i] = 0.5f + 1e-3f * static_cast<float>(i % 1000);
    grads[i] = 1e-2f * static_cast<float>(static_cast<int>(i % 17) - 8);
  }
  auto step = [&] { opt.step(params.data(), grads.data(), gs::optim::KernelImpl::Simd); };

  // Warm-up (page faults, caches, frequency): >= 0.05 s and >= 3 steps.
  {
    auto t0 = Clock::now();
    int k = 0;
    while (k < 3 || seconds_since(t0) < 0.05) { step(); ++k; }
  }
  // Steps per batch so that one batch takes >= 20 ms.
  size_t per_batch = 1;
  for (;;) {
    auto t0 = Clock::now();
    for (size_t k = 0; k < per_batch; ++k) step();
    double dt = seconds_since(t0);
    if (dt >= 0.02) break;
    per_batch = std::max<size_t>(per_batch * 2, static_cast<size_t>(per_batch * 0.025 / std::max(dt, 1e-9)));
  }
  std::vector<double> per_step;
  double total = 0;
  while (static_cast<int>(per_step.size()) < min_batches || total < min_total_s) {
    auto t0 = Clock::now();
    for (size_t k = 0; k < per_batch; ++k) step();
    double dt = seconds_since(t0);
    total += dt;
    per_step.push_back(dt / static_cast<double>(per_batch));
  }
  g_sink = params[n / 2];
  std::string batches = "[";
  for (size_t k = 0; k < per_step.size(); ++k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.6g", k ? "," : "", per_step[k]);
    batches += buf;
  }
  batches += "]";
  std::sort(per_step.begin(), per_step.end());
  double median = per_step[per_step.size() / 2];
  if (per_step.size() % 2 == 0) median = 0.5 * (per_step[per_step.size() / 2 - 1] + per_step[per_step.size() / 2]);
  double steps_per_s = 1.0 / median;
  double ns_per_param = median * 1e9 / static_cast<double>(n);
  double gbps = 28.0 * static_cast<double>(n) * steps_per_s / 1e9;
  std::printf(
      "{\"impl\":\"native\",\"simd_backend\":\"%s\",\"n\":%zu,\"steps_per_s\":%.6g,\"ns_per_param\":%.6g,"
      "\"gbps\":%.6g,\"batches\":%zu,\"steps_per_batch\":%zu,\"statistic\":\"median\",\"batch_s_per_step\":%s}\n",
      gs::simd::backend_name(), n, steps_per_s, ns_per_param, gbps, per_step.size(), per_batch, batches.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes;
  double min_time = 0.3;
  int min_batches = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--min-time=", 11) == 0) min_time = std::strtod(argv[i] + 11, nullptr);
    else if (std::strncmp(argv[i], "--min-batches=", 14) == 0) min_batches = std::atoi(argv[i] + 14);
    else sizes.push_back(static_cast<size_t>(std::strtod(argv[i], nullptr)));
  }
  if (sizes.empty()) sizes = {1000, 10000, 100000, 1000000, 10000000};
  for (size_t n : sizes) bench(n, min_time, min_batches);
  return 0;
}
