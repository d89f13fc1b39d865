// A map of runs: one run per cell of an n_x × n_y grid (cell (i, j) at i + j·n_x, rows by y),
// each with its own hyperparameters or start as two axes set them, run in chunks of runs through
// Batch (a chunk goes through every step before the next one starts; a chunk of a long row stays
// within the row), and reduced to one value per cell: the final loss, the first step within tol
// of f*, or the nearest known minimum.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "objectives/objective.hpp"
#include "optim/spec.hpp"
#include "sweep/batch.hpp"

namespace gs::sweep {

inline constexpr size_t kChunkLanes = 512;  // runs per batch: its state stays in L1/L2
// Rows of at least this many cells are run in chunks within one row: the hyperparameter the y
// axis sets is then the same in every run of a chunk, and the batch computes what depends on it
// once per step (with lr on the x axis, a chunk's runs differ in lr alone: BatchRuns::lr_only).
inline constexpr size_t kMinRowChunkLanes = kChunkLanes / 4;

enum class CellMetric { FinalLoss, StepsToTol, NearestMinimum };

struct GridSpec {
  const objectives::Objective* objective = nullptr;
  objectives::GradientNoise noise;
  size_t n_x = 1, n_y = 1;
  uint64_t steps = 0;
  bool f32 = true;
  CellMetric metric = CellMetric::FinalLoss;
  double f_star = 0, tol = 0;               // steps_to_tol
  std::vector<objectives::Minimum> minima;  // nearest_minimum
  // The spec and start of cell (i, j).
  std::function<void(size_t i, size_t j, optim::OptimizerSpec& spec, double start[2])> cell;
};

// Per cell: the metric (NaN where it is undefined: a diverged run's loss or nearest minimum, a
// tolerance never reached), whether the run diverged and at which step (0 if it did not).
struct GridOutput {
  double* values;
  uint8_t* diverged;
  uint32_t* diverged_at;
};

class GridRunner {
 public:
  void configure(GridSpec spec);
  // Runs cells [begin, end) and writes their results.
  void run(size_t begin, size_t end, const GridOutput& out);

 private:
  template <class T>
  void run_chunk(Batch<T>& batch, size_t begin, size_t end, const GridOutput& out);

  GridSpec spec_;
  Batch<float> batch_f32_;
  Batch<double> batch_f64_;
  std::vector<optim::OptimizerSpec> specs_;
  std::vector<double> x0_, y0_;
};

}  // namespace gs::sweep
