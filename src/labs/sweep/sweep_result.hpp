// The sweep result of docs/schema.md: the resolved config, the axes' sample points (x_values,
// y_values) and, per cell, `values` (the metric; null where it is undefined), `diverged` (0/1) and
// `diverged_at` (0 where the run did not diverge), each as n_y rows of n_x cells (row j at y_j).
// With nearest_minimum the known minima the indices refer to are listed ([x, y, f] each), with
// steps_to_tol the f* the tolerance is measured from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "labs/sweep/sweep_config.hpp"
#include "objectives/objective.hpp"

namespace gs::labs {

// The maps of a sweep, cell (i, j) at i + j·n_x.
struct SweepMaps {
  std::vector<double> x_values, y_values;
  std::vector<double> values;  // NaN until computed, and where the metric is undefined
  std::vector<uint8_t> diverged;
  std::vector<uint32_t> diverged_at;
  std::vector<objectives::Minimum> minima;  // the objective's known minima
  double f_star = 0;                        // the global minimum value
};

std::string sweep_result_json(const SweepConfig& config, const SweepMaps& maps);

}  // namespace gs::labs
