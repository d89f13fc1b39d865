// The sweep behind every front end: configure once, then compute the map row by row, so a Web
// Worker can show it filling in and cancel between calls (advance_rows), or all at once
// (SweepLab::command).
// The maps live in buffers sized at configure() and never reallocated while rows are computed, so
// views into them (typed arrays over wasm memory) stay valid until the next configure().
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "labs/sweep/sweep_config.hpp"
#include "labs/sweep/sweep_result.hpp"
#include "objectives/objective.hpp"
#include "sweep/grid.hpp"

namespace gs::labs {

class SweepSession {
 public:
  SweepSession() = default;
  SweepSession(const SweepSession&) = delete;  // the runner's cell function points at this session
  SweepSession& operator=(const SweepSession&) = delete;

  bool configure(const json::Value& config, std::string& error);
  bool configure(const SweepConfig& config, std::string& error);

  // Computes up to k more rows (each row: n_x runs through every step); returns the rows done now.
  size_t advance_rows(size_t k);
  size_t rows_done() const { return rows_done_; }
  size_t rows() const { return maps_.y_values.size(); }     // n_y
  size_t columns() const { return maps_.x_values.size(); }  // n_x
  bool finished() const { return rows_done_ >= rows(); }

  const SweepConfig& config() const { return config_; }
  const SweepMaps& maps() const { return maps_; }
  // The sweep result of docs/schema.md (rows not computed yet are null).
  std::string result_json() const;
  // The run config of cell (i, j), to replay that run alone (engine::RunSession gives the same run).
  json::Value cell_config(size_t i, size_t j) const;

 private:
  SweepConfig config_;
  std::unique_ptr<objectives::Objective> objective_;
  SweepMaps maps_;
  sweep::GridRunner runner_;
  size_t rows_done_ = 0;
};

}  // namespace gs::labs
