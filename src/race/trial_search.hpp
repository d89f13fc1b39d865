// What a race tries: the tuning trials of one optimizer (its hyperparameter values, the same count
// K for every optimizer, so that the tuning budget is equal) and the starts the trials and the
// held-out runs begin from. Every draw comes from core/rng.hpp's Philox stream, so a race's
// trials and starts are a pure function of its seed.
//
//   random  K points uniform in each range (log-uniform where the range is log): Bergstra &
//           Bengio 2012, "Random search for hyper-parameter optimization"
//   grid    m points per axis with m = ⌊K^(1/P)⌋ for P tuned hyperparameters (geometric on a log
//           axis, ends included), then K − m^P random points, so that every optimizer gets
//           exactly K trials whatever its P
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs::race {

// One tuned hyperparameter: its range (min < max; a log range needs min > 0).
struct TunedParam {
  std::string name;
  double min, max;
  bool log;
};

enum class SearchKind { Random, Grid };

// K trials (K ≥ 1): trials[k][p] is param p's value in trial k. `stream` separates the optimizers'
// draws (its index in the race, say); the empty list of params gives K empty trials.
std::vector<std::vector<double>> search_trials(SearchKind kind, const std::vector<TunedParam>& params, size_t k,
                                               uint64_t seed, uint64_t stream);

// n points uniform in the box [x0, x1] × [y0, y1] (x0 ≤ x1, y0 ≤ y1), from (seed, stream).
std::vector<std::array<double, 2>> box_starts(const double box[4], size_t n, uint64_t seed, uint64_t stream);

}  // namespace gs::race
