#include "train/grid_summary.hpp"

#include <algorithm>
#include <cmath>

namespace gs::train {

namespace {

double final_loss(const std::vector<const TrainingRun*>& seeds) {
  double sum = 0;
  for (const TrainingRun* run : seeds) {
    if (run->diverged() || run->curves().points() == 0) return std::numeric_limits<double>::infinity();
    sum += run->curves().train_loss.back();
  }
  return sum / double(seeds.size());
}

Band band(const std::vector<const TrainingRun*>& seeds, std::vector<double> Curves::*curve, size_t points) {
  Band b;
  for (size_t k = 0; k < points; ++k) {
    double sum = 0, lo = INFINITY, hi = -INFINITY;
    for (const TrainingRun* run : seeds) {
      const double x = (run->curves().*curve)[k];
      sum += x;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    b.mean.push_back(sum / double(seeds.size()));
    b.min.push_back(lo);
    b.max.push_back(hi);
  }
  return b;
}

}  // namespace

GridSummary summarise_grid(const std::vector<std::vector<const TrainingRun*>>& runs) {
  GridSummary s;
  for (size_t g = 0; g < runs.size(); ++g) {
    s.final_train_loss.push_back(final_loss(runs[g]));
    if (std::isfinite(s.final_train_loss[g]) &&
        (!s.any_finite || s.final_train_loss[g] < s.final_train_loss[s.chosen])) {
      s.chosen = g;
      s.any_finite = true;
    }
  }
  if (!s.any_finite) return s;
  const auto& seeds = runs[s.chosen];
  size_t points = seeds[0]->curves().points();
  for (const TrainingRun* run : seeds) points = std::min(points, run->curves().points());
  s.batch.assign(seeds[0]->curves().batch.begin(), seeds[0]->curves().batch.begin() + points);
  s.epoch.assign(seeds[0]->curves().epoch.begin(), seeds[0]->curves().epoch.begin() + points);
  s.train_loss = band(seeds, &Curves::train_loss, points);
  s.test_loss = band(seeds, &Curves::test_loss, points);
  s.test_accuracy = band(seeds, &Curves::test_accuracy, points);
  return s;
}

}  // namespace gs::train
