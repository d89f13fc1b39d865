// The learning-rate grid search of the paper lab (Kingma & Ba 2015, Section 6: "hyper-parameters,
// such as learning rate and momentum, are searched over a dense grid and the results are reported
// using the best hyper-parameter setting"): per optimizer, each grid point's final training loss
// (the last recorded training loss, averaged over the seeds; +∞ if any seed diverged), the grid
// point with the lowest one, and over that point's seeds the mean and min/max band of every curve.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "train/training_run.hpp"

namespace gs::train {

struct Band {
  std::vector<double> mean, min, max;
};

struct GridSummary {
  std::vector<double> final_train_loss;  // per grid point; +∞ where a seed diverged or recorded nothing
  size_t chosen = 0;                     // the grid point with the lowest final loss
  bool any_finite = false;               // false: every grid point diverged, nothing is chosen
  std::vector<double> batch, epoch;      // the chosen point's record points (those every seed has)
  Band train_loss, test_loss, test_accuracy;
};

// runs[g][s]: the run of grid point g and seed s.
GridSummary summarise_grid(const std::vector<std::vector<const TrainingRun*>>& runs);

}  // namespace gs::train
