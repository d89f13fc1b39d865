// What a race tries (race/trial_search.hpp): exactly K trials for every optimizer whatever the
// number of its tuned hyperparameters, every value inside its range (log-uniform on a log range),
// a grid's axes with their ends, and trials and starts that are a pure function of the seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "race/race_statistics.hpp"
#include "race/trial_search.hpp"

namespace gs::race {
namespace {

const std::vector<TunedParam> kParams{{"lr", 1e-4, 1, Scale::Log}, {"beta1", 0, 0.999, Scale::Linear}, {"eps", 1e-8, 1e-4, Scale::Log}};

TEST(RaceTrials, EveryOptimizerGetsExactlyKTrialsInsideItsRanges) {
  for (SearchKind kind : {SearchKind::Random, SearchKind::Grid}) {
    for (size_t params = 0; params <= kParams.size(); ++params) {
      const std::vector<TunedParam> tuned(kParams.begin(), kParams.begin() + static_cast<long>(params));
      for (size_t k : {1u, 7u, 64u, 100u}) {
        const auto trials = search_trials(kind, tuned, k, 5, 2);
        ASSERT_EQ(trials.size(), k);
        for (const auto& trial : trials) {
          ASSERT_EQ(trial.size(), params);
          for (size_t p = 0; p < params; ++p) {
            EXPECT_GE(trial[p], tuned[p].min);
            EXPECT_LE(trial[p], tuned[p].max);
          }
        }
      }
    }
  }
}

TEST(RaceTrials, RandomSearchIsLogUniformOnALogRange) {
  const auto trials = search_trials(SearchKind::Random, {kParams[0]}, 4000, 9, 0);
  std::vector<double> logs;
  for (const auto& t : trials) logs.push_back(std::log10(t[0]));
  // log10 lr uniform on [−4, 0]: quartiles −3, −2, −1 (within sampling error, n = 4000).
  EXPECT_NEAR(quantile(logs, 0.25), -3, 0.1);
  EXPECT_NEAR(median(logs), -2, 0.1);
  EXPECT_NEAR(quantile(logs, 0.75), -1, 0.1);
}

TEST(RaceTrials, AGridHasItsAxesEndsAndFillsTheRestAtRandom) {
  // Two params, K = 30: a 5 × 5 grid, then 5 random trials.
  const auto trials = search_trials(SearchKind::Grid, {kParams[0], kParams[1]}, 30, 3, 1);
  std::vector<double> lrs, betas;
  for (size_t t = 0; t < 25; ++t) lrs.push_back(trials[t][0]), betas.push_back(trials[t][1]);
  std::sort(lrs.begin(), lrs.end());
  lrs.erase(std::unique(lrs.begin(), lrs.end()), lrs.end());
  std::sort(betas.begin(), betas.end());
  betas.erase(std::unique(betas.begin(), betas.end()), betas.end());
  ASSERT_EQ(lrs.size(), 5u);
  ASSERT_EQ(betas.size(), 5u);
  EXPECT_EQ(lrs.front(), 1e-4);
  EXPECT_EQ(lrs.back(), 1);
  EXPECT_NEAR(lrs[2], 1e-2, 1e-15);  // geometric on the log axis
  EXPECT_EQ(betas.front(), 0);
  EXPECT_EQ(betas.back(), 0.999);
  for (size_t t = 25; t < 30; ++t) EXPECT_EQ(std::count(lrs.begin(), lrs.end(), trials[t][0]), 0) << "random fill";
}

TEST(RaceTrials, TrialsAndStartsAreAFunctionOfTheSeed) {
  EXPECT_EQ(search_trials(SearchKind::Random, kParams, 50, 77, 3), search_trials(SearchKind::Random, kParams, 50, 77, 3));
  EXPECT_NE(search_trials(SearchKind::Random, kParams, 50, 77, 3), search_trials(SearchKind::Random, kParams, 50, 78, 3));
  EXPECT_NE(search_trials(SearchKind::Random, kParams, 50, 77, 3), search_trials(SearchKind::Random, kParams, 50, 77, 4));
  const double box[4] = {-2, 2, -1, 3};
  const auto starts = box_starts(box, 500, 12, 0);
  EXPECT_EQ(starts, box_starts(box, 500, 12, 0));
  EXPECT_NE(starts, box_starts(box, 500, 13, 0));
  double lo_x = 9, hi_x = -9, lo_y = 9, hi_y = -9;
  for (const auto& s : starts) {
    lo_x = std::min(lo_x, s[0]), hi_x = std::max(hi_x, s[0]), lo_y = std::min(lo_y, s[1]), hi_y = std::max(hi_y, s[1]);
  }
  EXPECT_GE(lo_x, -2);
  EXPECT_LE(hi_x, 2);
  EXPECT_GE(lo_y, -1);
  EXPECT_LE(hi_y, 3);
  EXPECT_LT(lo_x, -1.9);  // 500 points fill the box
  EXPECT_GT(hi_y, 2.9);
  const double fixed[4] = {0.5, 0.5, -1, -1};
  for (const auto& s : box_starts(fixed, 3, 1, 0)) EXPECT_EQ(s, (std::array<double, 2>{0.5, -1}));
}

}  // namespace
}  // namespace gs::race
