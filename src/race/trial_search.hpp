// What a race tries: the tuning trials of one optimizer (its hyperparameter values, the same count
// K for every optimizer, so that the tuning budget is equal) and the starts the trials and the
// held-out runs begin from. Every draw comes from core/rng.hpp's Philox stream, so a race's
// trials and starts are a pure function of its seed.
//
//   random  K points uniform in each range (on its scale: log, or log of 1 − x): Bergstra &
//           Bengio 2012, "Random search for hyper-parameter optimization"
//   grid    m points per axis with m = ⌊K^(1/P)⌋ for P tuned hyperparameters (evenly spaced on the
//           axis' scale, ends included), then K − m^P random points, so that every optimizer gets
//           exactly K trials whatever its P
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs::race {

// How a tuned range is sampled: uniformly, log-uniformly (min > 0), or with 1 − value
// log-uniform (max < 1: β close to 1, the registry's "log1m" sliders).
enum class Scale { Linear, Log, Log1m };

// One tuned hyperparameter: its range (min < max) and scale.
struct TunedParam {
  std::string name;
  double min, max;
  Scale scale;
};

// Halving draws its trials as Random does; race/tuning.hpp runs them by successive halving.
enum class SearchKind { Random, Grid, Halving };

// K trials (K ≥ 1): trials[k][p] is param p's value in trial k. `stream` separates the optimizers'
// draws (its index in the race, say); the empty list of params gives K empty trials.
std::vector<std::vector<double>> search_trials(SearchKind kind, const std::vector<TunedParam>& params, size_t k,
                                               uint64_t seed, uint64_t stream);

// n points uniform in the box [x0, x1] × [y0, y1] (x0 ≤ x1, y0 ≤ y1), from (seed, stream).
std::vector<std::array<double, 2>> box_starts(const double box[4], size_t n, uint64_t seed, uint64_t stream);

}  // namespace gs::race
