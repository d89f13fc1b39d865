// Objective: the catalog entry of a name, its parameters bound once, grid evaluation.
#include "objectives/objective.hpp"

#include <cstddef>
#include <utility>

#include "objectives/catalog/all.hpp"

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

Objective::Objective(const ObjectiveInfo& info, std::vector<double> params)
    : info_(&info), params_(std::move(params)), index_(static_cast<size_t>(&info - registry().data())) {
  for (std::size_t i = params_.size(); i < info.params.size(); ++i) {
    params_.push_back(info.params[i].default_value);
  }
  const EntryOps& entry = entries()[index_];
  bound_ = entry.bind(params_);
  evaluate_ = entry.evaluate;
}

double Objective::value(double x, double y) const { return evaluate_(bound_, x, y, nullptr); }

double Objective::value_and_gradient(double x, double y, double& gx, double& gy) const {
  double g[2];
  const double v = evaluate_(bound_, x, y, g);
  gx = g[0];
  gy = g[1];
  return v;
}

std::vector<Minimum> Objective::minima() const { return entries()[index_].minima(bound_); }

double grid_coordinate(double x0, double x1, int i, int n) {
  if (n <= 1) return x0;
  return x0 + static_cast<double>(i) * (x1 - x0) / static_cast<double>(n - 1);
}

void Objective::value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const {
  if (nx < 1 || ny < 1) return;
  for (int j = 0; j < ny; ++j) {
    const double y = grid_coordinate(y0, y1, j, ny);
    double* row = out + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
    for (int i = 0; i < nx; ++i) row[i] = evaluate_(bound_, grid_coordinate(x0, x1, i, nx), y, nullptr);
  }
}

}  // namespace gs::objectives
