// Objective: the catalog entry of a name, its parameters bound once, or a user objective; the
// registry with the registered kinds; grid evaluation.
#include "objectives/objective.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <utility>

#include "core/detmath.hpp"
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

// The catalog's Hessians by catalog index, once register_catalog_hessians() has entered them.
std::vector<HessianFn>& hessians() {
  static std::vector<HessianFn> table;
  return table;
}

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

// The registry: the catalog's entries, then each registered kind's. Room is reserved so that
// registering a kind never moves an entry a caller points to.
std::vector<ObjectiveInfo>& entries_and_kinds() {
  static std::vector<ObjectiveInfo> infos = [] {
    std::vector<ObjectiveInfo> list;
    list.reserve(entries().size() + 16);
    for (const EntryOps& e : entries()) list.push_back(e.info);
    return list;
  }();
  return infos;
}

std::vector<const DefinedKind*>& kinds() {
  static std::vector<const DefinedKind*> list;
  return list;
}

}  // namespace

void register_kind(const DefinedKind& kind) {
  if (std::find(kinds().begin(), kinds().end(), &kind) != kinds().end()) return;
  kinds().push_back(&kind);
  std::vector<ObjectiveInfo>& infos = entries_and_kinds();
  for (std::string_view name : kind.names) {
    if (infos.size() == infos.capacity()) std::abort();  // more kinds than reserved for
    infos.push_back(kind.standard(name)->info());
  }
}

const DefinedKind* kind_of(std::string_view name) {
  for (const DefinedKind* kind : kinds())
    if (std::find(kind->names.begin(), kind->names.end(), name) != kind->names.end()) return kind;
  return nullptr;
}

std::shared_ptr<const DefinedObjective> standard_defined(std::string_view name) {
  const DefinedKind* kind = kind_of(name);
  return kind ? kind->standard(name) : nullptr;
}

bool is_user_objective(std::string_view name) {
  return std::find(std::begin(kUserObjectiveNames), std::end(kUserObjectiveNames), name) !=
         std::end(kUserObjectiveNames);
}

const std::vector<ObjectiveInfo>& registry() { return entries_and_kinds(); }

const ObjectiveInfo* find(std::string_view name) {
  for (const ObjectiveInfo& info : registry()) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

Objective::Objective(const ObjectiveInfo& info, std::vector<double> params)
    : Objective(standard_defined(info.name)) {
  if (defined_) return;
  info_ = &info;
  params_ = std::move(params);
  for (std::size_t i = params_.size(); i < info_->params.size(); ++i) {
    params_.push_back(info_->params[i].default_value);
  }
  index_ = static_cast<size_t>(info_ - registry().data());
  const EntryOps& entry = entries()[index_];
  bound_ = entry.bind(params_);
  evaluate_ = entry.evaluate;
}

Objective::Objective(std::shared_ptr<const DefinedObjective> defined)
    : info_(nullptr), index_(kDefinedIndex), bound_{}, evaluate_(nullptr), defined_(std::move(defined)) {
  if (!defined_) return;
  info_ = &defined_->info();
  for (const ParamInfo& p : info_->params) params_.push_back(p.default_value);
}

void set_catalog_hessians(std::vector<HessianFn> table) { hessians() = std::move(table); }

bool Objective::has_hessian() const { return defined_ ? defined_->has_hessian() : index_ < hessians().size(); }

bool Objective::hessian(double x, double y, double h[3]) const {
  if (defined_) return defined_->hessian(x, y, h);
  if (index_ >= hessians().size()) {
    h[0] = h[1] = h[2] = std::nan("");
    return false;
  }
  hessians()[index_](bound_, x, y, h);
  return std::isfinite(h[0]) && std::isfinite(h[1]) && std::isfinite(h[2]);
}

double Objective::memoised(double x, double y) const {
  if (!memo_.valid || dm::to_bits(memo_.x) != dm::to_bits(x) || dm::to_bits(memo_.y) != dm::to_bits(y)) {
    memo_ = {true, x, y};
    defined_->evaluate(&x, &y, 1, &memo_.f, &memo_.gx, &memo_.gy);
  }
  return memo_.f;
}

double Objective::value(double x, double y) const {
  if (defined_) return memoised(x, y);  // f has the bits DefinedObjective::values gives
  return evaluate_(bound_, x, y, nullptr);
}

double Objective::value_and_gradient(double x, double y, double& gx, double& gy) const {
  if (defined_) {
    const double f = memoised(x, y);
    gx = memo_.gx;
    gy = memo_.gy;
    return f;
  }
  double g[2];
  const double v = evaluate_(bound_, x, y, g);
  gx = g[0];
  gy = g[1];
  return v;
}

Exit Objective::exit_at(double x, double y, bool gradient) const {
  if (!defined_) return {};
  return defined_->exit_at(x, y, gradient);
}

double Objective::step_gradient(uint64_t t, double x, double y, double& gx, double& gy) const {
  if (!stochastic()) return value_and_gradient(x, y, gx, gy);
  double f = 0;
  defined_->evaluate_step(&x, &y, 1, &f, &gx, &gy, t);
  return f;
}

void Objective::evaluate_points(const double* x, const double* y, size_t n, double* f, double* gx, double* gy,
                                uint64_t t) const {
  defined_->evaluate_step(x, y, n, f, gx, gy, t);
}

void Objective::values_at(const double* x, const double* y, size_t n, double* f) const { defined_->values(x, y, n, f); }

std::vector<Minimum> Objective::minima() const {
  if (defined_) return defined_->minima();
  return entries()[index_].minima(bound_);
}

double grid_coordinate(double x0, double x1, int i, int n) {
  if (n <= 1) return x0;
  return x0 + static_cast<double>(i) * (x1 - x0) / static_cast<double>(n - 1);
}

void Objective::value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const {
  if (nx < 1 || ny < 1) return;
  std::vector<double> xs, ys;
  if (defined_) {
    for (int i = 0; i < nx; ++i) xs.push_back(grid_coordinate(x0, x1, i, nx));
    ys.resize(static_cast<std::size_t>(nx));
  }
  for (int j = 0; j < ny; ++j) {
    const double y = grid_coordinate(y0, y1, j, ny);
    double* row = out + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
    if (defined_) {
      std::fill(ys.begin(), ys.end(), y);
      defined_->values(xs.data(), ys.data(), xs.size(), row);
      continue;
    }
    for (int i = 0; i < nx; ++i) row[i] = evaluate_(bound_, grid_coordinate(x0, x1, i, nx), y, nullptr);
  }
}

}  // namespace gs::objectives
