// The statistics a race reports about its held-out runs: each optimizer's summary (success rate,
// median and interquartile range of steps to ε, median final loss, diverged runs) and its rank
// with a bootstrap interval, seeded, so that a race is reproducible bit for bit.
//
// Quantiles are numpy's default ("linear", Hyndman & Fan 1996 type 7): for sorted x₀ … x_{n−1},
// q ↦ x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) with h = (n − 1)q; a quantile that lands on a value is that
// value (so +∞, a diverged run's loss, stays +∞ instead of becoming NaN).
//
// Ranks: optimizers are ranked by a score where lower is better (the median over their runs; equal
// medians, optionally, by the median of a second score); tied scores share the mean of the ranks
// they span (1-based). The interval is a paired percentile
// bootstrap (Efron & Tibshirani 1993, ch. 13): every resample draws n run indices with
// replacement, the same indices for every optimizer (the held-out starts and seeds are shared, so
// the runs are paired), ranks the optimizers by their resampled medians, and the interval is the
// 5th to 95th percentile of each optimizer's ranks. The draws come from core/rng.hpp's Philox
// stream (seed, kBootstrapStream, counter): the same seed gives the same interval everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::race {

inline constexpr uint64_t kBootstrapStream = 0x5241434542535450ULL;  // "RACEBSTP"

// The q-quantile (0 ≤ q ≤ 1) of `values` (not empty; ±∞ allowed, no NaN), type 7.
double quantile(std::vector<double> values, double q);
double median(std::vector<double> values);

// One optimizer's held-out runs: steps to ε (T + 1 where not reached), final loss (+∞ where the
// run diverged) and whether it diverged.
struct RunOutcomes {
  std::vector<double> steps_to_eps;
  std::vector<double> final_loss;
  std::vector<bool> diverged;
};

struct Summary {
  double success_rate;  // runs that reached ε (steps_to_eps ≤ budget), over all runs
  double steps_median, steps_q1, steps_q3;  // of steps_to_eps, unreached counted as budget + 1
  double final_loss_median;
  size_t diverged;
  size_t runs;
};
// `budget` is the step budget T. `runs` must not be empty.
Summary summarize(const RunOutcomes& runs, uint64_t budget);

struct RankInterval {
  double rank;        // from the medians of all runs: 1 is best; ties share their mean rank
  double low, high;   // the bootstrap's 5th and 95th percentiles of the rank
};

// Ranks of the optimizers by the median of `scores[o]` (lower is better; every optimizer has the
// same number of runs, paired by index), with `resamples` paired bootstrap resamples from `seed`.
std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& scores, uint64_t seed,
                                         size_t resamples = 2000);
// The same, equal medians of `scores` ordered by the medians of `ties` (paired with them run by run).
std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& scores,
                                         const std::vector<std::vector<double>>& ties, uint64_t seed,
                                         size_t resamples);

// Whether two rank intervals share a rank: the race then says their order is not settled.
bool overlap(const RankInterval& a, const RankInterval& b);

}  // namespace gs::race
