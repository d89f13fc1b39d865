#include "race/trial_search.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"
#include "core/rng.hpp"

namespace gs::race {

namespace {

// u ∈ [0, 1] mapped onto the param's range on its scale, clamped into it; the ends exactly
// (exp(log(min)) need not be min).
double in_range(const TunedParam& p, double u) {
  if (u <= 0) return p.min;
  if (u >= 1) return p.max;
  double v = p.min + u * (p.max - p.min);
  if (p.scale == Scale::Log) v = dm::exp(dm::log(p.min) + u * (dm::log(p.max) - dm::log(p.min)));
  if (p.scale == Scale::Log1m) v = 1 - dm::exp(dm::log(1 - p.min) + u * (dm::log(1 - p.max) - dm::log(1 - p.min)));
  return std::clamp(v, p.min, p.max);
}

// Counters: each trial uses one counter per param, offset by the trial's index.
double uniform(uint64_t seed, uint64_t stream, size_t trial, size_t param, size_t params) {
  return rng::uniform01(seed, stream, static_cast<uint64_t>(trial) * params + param);
}

}  // namespace

std::vector<std::vector<double>> search_trials(SearchKind kind, const std::vector<TunedParam>& params, size_t k,
                                               uint64_t seed, uint64_t stream) {
  const size_t n = params.size();
  std::vector<std::vector<double>> trials(k, std::vector<double>(n));
  size_t first_random = 0;
  if (kind == SearchKind::Grid && n > 0) {
    size_t m = static_cast<size_t>(std::floor(std::pow(static_cast<double>(k), 1.0 / static_cast<double>(n)) + 1e-9));
    while (m > 1 && std::pow(static_cast<double>(m), static_cast<double>(n)) > static_cast<double>(k)) --m;
    size_t cells = 1;
    for (size_t p = 0; p < n; ++p) cells *= m;
    for (size_t t = 0; t < cells; ++t) {
      size_t index = t;
      for (size_t p = 0; p < n; ++p) {
        const size_t i = index % m;
        index /= m;
        trials[t][p] = in_range(params[p], m > 1 ? static_cast<double>(i) / static_cast<double>(m - 1) : 0.5);
      }
    }
    first_random = cells;
  }
  for (size_t t = first_random; t < k; ++t)
    for (size_t p = 0; p < n; ++p) trials[t][p] = in_range(params[p], uniform(seed, stream, t, p, n));
  return trials;
}

std::vector<std::array<double, 2>> box_starts(const double box[4], size_t n, uint64_t seed, uint64_t stream) {
  std::vector<std::array<double, 2>> starts(n);
  for (size_t i = 0; i < n; ++i) {
    const double u = rng::uniform01(seed, stream, 2 * static_cast<uint64_t>(i));
    const double v = rng::uniform01(seed, stream, 2 * static_cast<uint64_t>(i) + 1);
    starts[i] = {std::clamp(box[0] + u * (box[1] - box[0]), box[0], box[1]),
                 std::clamp(box[2] + v * (box[3] - box[2]), box[2], box[3])};
  }
  return starts;
}

}  // namespace gs::race
