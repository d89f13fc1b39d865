// DataObjective: the model's loss and gradient over all points or a step's minibatch.
#include "objectives/data/data_objective.hpp"

#include "objectives/data/model_loss.hpp"

namespace gs::objectives::data {

void DataObjective::evaluate(const double* x, const double* y, std::size_t n, double* f, double* gx,
                             double* gy) const {
  for (std::size_t i = 0; i < n; ++i) {
    const LossAndGradient all = loss_and_gradient(definition_->model(), definition_->points(), x[i], y[i]);
    f[i] = all.loss, gx[i] = all.dw, gy[i] = all.db;
  }
}

void DataObjective::evaluate_step(const double* x, const double* y, std::size_t n, double* f, double* gx, double* gy,
                                  std::uint64_t t) const {
  if (!stochastic()) {
    evaluate(x, y, n, f, gx, gy);
    return;
  }
  const auto batch = definition_->minibatches().batch(t);
  for (std::size_t i = 0; i < n; ++i) {
    const LossAndGradient part = loss_and_gradient(definition_->model(), definition_->points(), batch, x[i], y[i]);
    gx[i] = part.dw, gy[i] = part.db;
    f[i] = loss_and_gradient(definition_->model(), definition_->points(), x[i], y[i]).loss;
  }
}

void DataObjective::values(const double* x, const double* y, std::size_t n, double* f) const {
  for (std::size_t i = 0; i < n; ++i) f[i] = loss_and_gradient(definition_->model(), definition_->points(), x[i], y[i]).loss;
}

Exit DataObjective::exit_at(double, double, bool) const { return {}; }

std::vector<Minimum> DataObjective::minima() const {
  if (!definition_->best_fit()) return {};
  return {*definition_->best_fit()};
}

void DataObjective::write_config(json::Value& objective) const {
  const bool logistic = definition_->model() == Model::Logistic;
  json::Array points;
  for (const DataPoint& p : definition_->points())
    points.push_back(logistic ? json::Value(json::Array{p.x, p.y, double(p.label)}) : json::Value(json::Array{p.x, p.y}));
  objective.set("data", json::Value(std::move(points)));
  objective.set("batch_size", static_cast<double>(definition_->batch_size()));
}

}  // namespace gs::objectives::data
