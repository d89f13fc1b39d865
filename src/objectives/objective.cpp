// Objective: the catalog entry of a name, its parameters bound once, grid evaluation.
#include "objectives/objective.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/detmath.hpp"
#include "objectives/catalog/all.hpp"
#include "objectives/data/model_loss.hpp"
#include "objectives/formula/landscape.hpp"

namespace gs::objectives {

namespace {

// What an Objective needs of its catalog entry.
struct EntryOps {
  ObjectiveInfo info;
  catalog::Bound (*bind)(const std::vector<double>&);
  double (*evaluate)(const catalog::Bound&, double, double, double*);
  std::vector<Minimum> (*minima)(const catalog::Bound&);
};

template <class Entry>
double evaluate_double(const catalog::Bound& b, double x, double y, double* g) {
  return Entry::evaluate(b, x, y, g);
}

const std::vector<EntryOps>& entries() {
  static const std::vector<EntryOps> kEntries = [] {
    std::vector<EntryOps> ops;
    catalog::AllObjectives::for_each([&](auto entry, size_t) {
      using Entry = decltype(entry);
      ops.push_back({Entry::info(), Entry::bind, evaluate_double<Entry>, Entry::minima});
    });
    return ops;
  }();
  return kEntries;
}

}  // namespace

const std::vector<ObjectiveInfo>& registry() {
  static const std::vector<ObjectiveInfo> kRegistry = [] {
    std::vector<ObjectiveInfo> infos;
    for (const EntryOps& e : entries()) infos.push_back(e.info);
    infos.push_back(formula::Definition::standard().info());
    infos.push_back(data::DataDefinition::standard(data::Model::LeastSquares).info());
    infos.push_back(data::DataDefinition::standard(data::Model::Logistic).info());
    return infos;
  }();
  return kRegistry;
}

const ObjectiveInfo* find(std::string_view name) {
  for (const ObjectiveInfo& info : registry()) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

Objective::Objective(const ObjectiveInfo& info, std::vector<double> params,
                     std::shared_ptr<const formula::Definition> formula,
                     std::shared_ptr<const data::DataDefinition> data)
    : info_(&info), params_(std::move(params)), formula_(std::move(formula)), data_(std::move(data)) {
  const auto unowned = [](const auto& standard) {
    return std::shared_ptr<std::remove_reference_t<decltype(standard)>>(&standard, [](const auto*) {});
  };
  if (!formula_ && std::string_view(info.name) == "formula") formula_ = unowned(formula::Definition::standard());
  if (const auto model = data::model_named(info.name); model && !data_) data_ = unowned(data::DataDefinition::standard(*model));
  if (formula_) info_ = &formula_->info();
  if (data_) info_ = &data_->info();
  if (data_) {
    index_ = kDataIndex;
    bound_ = {};
    evaluate_ = nullptr;
    return;
  }
  for (std::size_t i = params_.size(); i < info_->params.size(); ++i) {
    params_.push_back(info_->params[i].default_value);
  }
  if (formula_) {
    index_ = kFormulaIndex;
    bound_ = {};
    evaluate_ = nullptr;
    program_ = std::make_shared<formula::GradientProgram>(formula_->program(), params_);
    return;
  }
  index_ = static_cast<size_t>(info_ - registry().data());
  const EntryOps& entry = entries()[index_];
  bound_ = entry.bind(params_);
  evaluate_ = entry.evaluate;
}

double Objective::memoised(double x, double y) const {
  if (!memo_.valid || dm::to_bits(memo_.x) != dm::to_bits(x) || dm::to_bits(memo_.y) != dm::to_bits(y)) {
    memo_ = {true, x, y};
    program_->evaluate(&x, &y, 1, &memo_.f, &memo_.gx, &memo_.gy);
  }
  return memo_.f;
}

double Objective::value(double x, double y) const {
  if (program_) return memoised(x, y);  // f has the bits GradientProgram::values gives
  if (data_) return data::loss_and_gradient(data_->model(), data_->points(), x, y).loss;
  return evaluate_(bound_, x, y, nullptr);
}

double Objective::value_and_gradient(double x, double y, double& gx, double& gy) const {
  if (program_) {
    const double f = memoised(x, y);
    gx = memo_.gx;
    gy = memo_.gy;
    return f;
  }
  if (data_) {
    const data::LossAndGradient all = data::loss_and_gradient(data_->model(), data_->points(), x, y);
    gx = all.dw;
    gy = all.db;
    return all.loss;
  }
  double g[2];
  const double v = evaluate_(bound_, x, y, g);
  gx = g[0];
  gy = g[1];
  return v;
}

formula::Exit Objective::exit_at(double x, double y, bool gradient) const {
  if (!program_) return {};
  return program_->exit_at(x, y, gradient);
}

double Objective::step_gradient(uint64_t t, double x, double y, double& gx, double& gy) const {
  if (!stochastic()) return value_and_gradient(x, y, gx, gy);
  const data::LossAndGradient batch =
      data::loss_and_gradient(data_->model(), data_->points(), data_->minibatches().batch(t), x, y);
  gx = batch.dw;
  gy = batch.db;
  return value(x, y);
}

void Objective::evaluate_points(const double* x, const double* y, size_t n, double* f, double* gx, double* gy,
                                uint64_t t) const {
  if (program_) {
    program_->evaluate(x, y, n, f, gx, gy);
    return;
  }
  for (size_t i = 0; i < n; ++i) f[i] = step_gradient(t, x[i], y[i], gx[i], gy[i]);
}

std::vector<Minimum> Objective::minima() const {
  if (data_) return data_->best_fit() ? std::vector<Minimum>{*data_->best_fit()} : std::vector<Minimum>{};
  if (!formula_) return entries()[index_].minima(bound_);
  const ObjectiveInfo& info = formula_->info();
  std::vector<Minimum> minima;
  for (const formula::StationaryPoint& p : formula::stationary_points(
           formula_->program(), params_, {info.view[0], info.view[1], info.view[2], info.view[3]}))
    if (p.kind == formula::PointKind::Minimum) minima.push_back({p.x, p.y, p.value, p.lowest});
  return minima;
}

double grid_coordinate(double x0, double x1, int i, int n) {
  if (n <= 1) return x0;
  return x0 + static_cast<double>(i) * (x1 - x0) / static_cast<double>(n - 1);
}

void Objective::value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const {
  if (nx < 1 || ny < 1) return;
  std::vector<double> xs, ys;
  if (program_) {
    for (int i = 0; i < nx; ++i) xs.push_back(grid_coordinate(x0, x1, i, nx));
    ys.resize(static_cast<std::size_t>(nx));
  }
  for (int j = 0; j < ny; ++j) {
    const double y = grid_coordinate(y0, y1, j, ny);
    double* row = out + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
    if (program_) {
      std::fill(ys.begin(), ys.end(), y);
      program_->values(xs.data(), ys.data(), xs.size(), row);
      continue;
    }
    if (data_) {
      for (int i = 0; i < nx; ++i) row[i] = value(grid_coordinate(x0, x1, i, nx), y);
      continue;
    }
    for (int i = 0; i < nx; ++i) row[i] = evaluate_(bound_, grid_coordinate(x0, x1, i, nx), y, nullptr);
  }
}

}  // namespace gs::objectives
