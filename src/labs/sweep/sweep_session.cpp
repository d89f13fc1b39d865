#include "labs/sweep/sweep_session.hpp"

#include <algorithm>
#include <limits>

namespace gs::labs {

bool SweepSession::configure(const json::Value& config, std::string& error) {
  SweepConfig parsed;
  if (!parse_sweep_config(config, parsed, error)) return false;
  return configure(parsed, error);
}

bool SweepSession::configure(const SweepConfig& config, std::string&) {
  config_ = config;
  objective_ = std::make_unique<objectives::Objective>(engine::make_objective(config_.objective));
  maps_ = SweepMaps{};
  maps_.x_values = axis_values(config_.x);
  maps_.y_values = axis_values(config_.y);
  const size_t cells = maps_.x_values.size() * maps_.y_values.size();
  maps_.values.assign(cells, std::numeric_limits<double>::quiet_NaN());
  maps_.diverged.assign(cells, 0);
  maps_.diverged_at.assign(cells, 0);
  maps_.minima = objective_->minima();
  maps_.f_star = std::numeric_limits<double>::infinity();
  for (const auto& m : maps_.minima)
    if (m.global) maps_.f_star = std::min(maps_.f_star, m.value);
  rows_done_ = 0;

  sweep::GridSpec grid;
  grid.objective = objective_.get();
  grid.noise = config_.objective.noise;
  grid.n_x = maps_.x_values.size();
  grid.n_y = maps_.y_values.size();
  grid.steps = config_.steps;
  grid.f32 = config_.precision == engine::Precision::F32;
  grid.metric = config_.metric == SweepMetric::FinalLoss    ? sweep::CellMetric::FinalLoss
                : config_.metric == SweepMetric::StepsToTol ? sweep::CellMetric::StepsToTol
                                                            : sweep::CellMetric::NearestMinimum;
  grid.f_star = maps_.f_star;
  grid.tol = config_.tol;
  grid.minima = maps_.minima;
  grid.cell = [this](size_t i, size_t j, optim::OptimizerSpec& spec, double start[2]) {
    spec = config_.optimizer;
    start[0] = config_.start[0];
    start[1] = config_.start[1];
    apply_axis(config_.x, maps_.x_values[i], spec, start);
    apply_axis(config_.y, maps_.y_values[j], spec, start);
  };
  runner_.configure(std::move(grid));
  return true;
}

size_t SweepSession::advance_rows(size_t k) {
  const size_t new_rows = std::min(k, rows() - rows_done_);
  const size_t n_x = columns();
  runner_.run(rows_done_ * n_x, (rows_done_ + new_rows) * n_x,
              {maps_.values.data(), maps_.diverged.data(), maps_.diverged_at.data()});
  rows_done_ += new_rows;
  return new_rows;
}

std::string SweepSession::result_json() const { return sweep_result_json(config_, maps_); }

json::Value SweepSession::cell_config(size_t i, size_t j) const {
  return cell_run_config(config_, maps_.x_values[i], maps_.y_values[j]);
}

}  // namespace gs::labs
