// The race's statistics (race/race_statistics.hpp): numpy's default quantiles, the summary of an
// optimizer's held-out runs, ranks with shared ties, and the paired bootstrap's rank intervals:
// reproducible from the seed, tight where optimizers are far apart, overlapping where they are not.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "race/race_statistics.hpp"

namespace gs::race {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(RaceStatistics, QuantilesAreNumpysLinearOnes) {
  // numpy.quantile([4, 1, 3, 2], [0, 0.25, 0.5, 0.75, 1]) = [1, 1.75, 2.5, 3.25, 4]
  const std::vector<double> x{4, 1, 3, 2};
  EXPECT_EQ(quantile(x, 0), 1);
  EXPECT_EQ(quantile(x, 0.25), 1.75);
  EXPECT_EQ(median(x), 2.5);
  EXPECT_EQ(quantile(x, 0.75), 3.25);
  EXPECT_EQ(quantile(x, 1), 4);
  EXPECT_EQ(median({7}), 7);
  // A diverged run's +∞ loss: a quantile landing on it, or between two of them, is +∞, never NaN.
  EXPECT_EQ(median({1, 2, kInf}), 2);
  EXPECT_EQ(median({1, kInf, kInf}), kInf);
  EXPECT_EQ(median({kInf, kInf}), kInf);
  EXPECT_EQ(median({1, kInf}), kInf);
}

TEST(RaceStatistics, SummaryCountsUnreachedRunsAsBudgetPlusOne) {
  RunOutcomes runs;
  runs.steps_to_eps = {3, 10, 11, 5};  // budget 10: the third run never reached ε
  runs.final_loss = {1e-9, 1e-7, kInf, 1e-8};
  runs.diverged = {false, false, true, false};
  const Summary s = summarize(runs, 10);
  EXPECT_EQ(s.runs, 4u);
  EXPECT_EQ(s.success_rate, 0.75);
  EXPECT_EQ(s.steps_median, 7.5);
  EXPECT_EQ(s.steps_q1, 4.5);
  EXPECT_EQ(s.steps_q3, 10.25);
  EXPECT_EQ(s.final_loss_median, 1e-8 + 0.5 * (1e-7 - 1e-8));  // numpy's arithmetic
  EXPECT_EQ(s.diverged, 1u);
}

// n runs spread by ±5 around `centre`; `pattern` (coprime to 11) orders the spread over the runs.
// The bootstrap is paired (run i is the same start for every optimizer), so two optimizers whose
// runs differ by the same shift everywhere are ordered with certainty: a comparison that should
// stay open needs runs that differ run by run, a pattern of their own.
std::vector<double> runs_around(double centre, size_t n, size_t pattern = 37) {
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = centre + static_cast<double>((i * pattern) % 11) - 5;
  return v;
}

TEST(RaceStatistics, FarApartOptimizersHaveTightIntervalsThatDoNotOverlap) {
  const std::vector<std::vector<double>> scores{runs_around(300, 64), runs_around(40, 64), runs_around(120, 64)};
  const std::vector<RankInterval> r = rank_intervals(scores, 7);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].rank, 1);
  EXPECT_EQ(r[2].rank, 2);
  EXPECT_EQ(r[0].rank, 3);
  for (size_t o = 0; o < 3; ++o) {
    EXPECT_EQ(r[o].low, r[o].rank) << o;
    EXPECT_EQ(r[o].high, r[o].rank) << o;
  }
  EXPECT_FALSE(overlap(r[0], r[1]));
  EXPECT_FALSE(overlap(r[1], r[2]));
}

TEST(RaceStatistics, TiesShareTheirRankAndCloseOptimizersOverlap) {
  std::vector<double> a = runs_around(100, 33), b = a, c = runs_around(101, 33, 13);
  const std::vector<RankInterval> r = rank_intervals({a, b, c}, 11);
  EXPECT_EQ(r[0].rank, 1.5);
  EXPECT_EQ(r[1].rank, 1.5);
  EXPECT_EQ(r[2].rank, 3);
  EXPECT_TRUE(overlap(r[0], r[1]));
  // c's median is 1 above a's, its runs spread by ±5 in another order: the bootstrap does not settle it.
  EXPECT_TRUE(overlap(r[0], r[2])) << r[0].low << "–" << r[0].high << " vs " << r[2].low << "–" << r[2].high;
  EXPECT_LT(r[2].low, 3);
  // The same shift in every run is settled: paired runs.
  const std::vector<RankInterval> shifted = rank_intervals({a, runs_around(101, 33)}, 11);
  EXPECT_EQ(shifted[1].low, 2);
  EXPECT_FALSE(overlap(shifted[0], shifted[1]));
}

TEST(RaceStatistics, TheIntervalsAreReproducibleFromTheSeed) {
  const std::vector<std::vector<double>> scores{runs_around(100, 40), runs_around(101, 40, 13), runs_around(99, 40, 29)};
  const std::vector<RankInterval> first = rank_intervals(scores, 42), again = rank_intervals(scores, 42);
  for (size_t o = 0; o < scores.size(); ++o) {
    EXPECT_EQ(first[o].low, again[o].low);
    EXPECT_EQ(first[o].high, again[o].high);
  }
  bool differs = false;
  for (uint64_t seed = 1; seed < 20 && !differs; ++seed) {
    const std::vector<RankInterval> other = rank_intervals(scores, seed, 50);
    const std::vector<RankInterval> mine = rank_intervals(scores, 42, 50);
    for (size_t o = 0; o < scores.size(); ++o) differs = differs || other[o].low != mine[o].low || other[o].high != mine[o].high;
  }
  EXPECT_TRUE(differs) << "the seed changes the resamples";
}

}  // namespace
}  // namespace gs::race
