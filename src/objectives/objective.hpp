// The 2-D test objectives: the registry (from the catalog, catalog/all.hpp), an objective with its
// parameters bound (value and analytic gradient, known minima, whole-grid evaluation for
// heatmaps), and the gradient noise / sparsity model shared by every optimizer of a run.
//
// The catalog's formulas are fixed (one catalog entry per objective, with its source) so that a
// config means the same thing everywhere; a typed formula (formula/) and an objective made of data
// (data/) are defined by their config. Transcendental functions go through gs::dm so native and
// wasm builds agree bit for bit.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "objectives/defined_objective.hpp"
#include "objectives/objective_info.hpp"

namespace gs::objectives {

// Objective::catalog_index() of a user objective (defined_objective.hpp), evaluated for a whole
// pass of a sweep's runs at once (evaluate_points).
inline constexpr size_t kDefinedIndex = static_cast<size_t>(-1);

// Every objective, in UI order: the catalog's, then the registered user objectives' (in a module
// that registers them, user_objectives.hpp): "formula" (the registry lists its standard
// expression, formula::kStandardExpression), then "least_squares" and "logistic" (the registry
// lists each with a small preset data set).
const std::vector<ObjectiveInfo>& registry();
// The entry called `name`, or nullptr.
const ObjectiveInfo* find(std::string_view name);

class Objective {
 public:
  // `info` must be an entry of registry(); `params` are in ParamInfo order and already validated
  // (missing trailing values take their defaults). A user objective's entry is its standard one.
  Objective(const ObjectiveInfo& info, std::vector<double> params);
  // A user objective as its config defines it.
  explicit Objective(std::shared_ptr<const DefinedObjective> defined);

  const ObjectiveInfo& info() const { return *info_; }
  const std::vector<double>& params() const { return params_; }
  // Its place in the catalog (catalog::AllObjectives; kDefinedIndex for a user objective).
  size_t catalog_index() const { return index_; }
  // The user objective, or nullptr for the catalog's.
  const DefinedObjective* defined() const { return defined_.get(); }
  // Whether each step's gradient is a minibatch's (a data objective with batch_size < its points).
  bool stochastic() const { return defined_ && defined_->stochastic(); }
  // Step t's gradient: the minibatch's for a data objective, else value_and_gradient's. Returns f
  // at (x, y) over every point.
  double step_gradient(uint64_t t, double x, double y, double& gx, double& gy) const;
  const std::array<double, 4>& bound() const { return bound_; }

  double value(double x, double y) const;
  // Returns f(x, y) (bit-identical to value()) and stores the gradient.
  double value_and_gradient(double x, double y, double& gx, double& gy) const;
  // Whether hessian() is available: the catalog's objectives (once register_catalog_hessians() has
  // run) and typed formulas have an exact Hessian; the data objectives (least_squares, logistic) do not.
  bool has_hessian() const;
  // The exact Hessian {f_xx, f_xy, f_yy} at (x, y); false where it is not finite (or not available).
  bool hessian(double x, double y, double h[3]) const;
  // Known minima for the current parameters (empty for `saddle`, which is
  // unbounded below). A formula's are the minima found in its view (formula/landscape.hpp), the
  // lowest ones marked global.
  std::vector<Minimum> minima() const;
  // Why value_and_gradient (gradient) or value is not finite at (x, y): for a formula, whether it
  // left its domain there and the message; for the catalog's objectives, finite() (they have no
  // domain, only overflow).
  Exit exit_at(double x, double y, bool gradient) const;
  // A user objective's f and step t's gradient (step_gradient) at n points at once.
  void evaluate_points(const double* x, const double* y, size_t n, double* f, double* gx, double* gy,
                       uint64_t t) const;
  // A user objective's f alone at n points.
  void values_at(const double* x, const double* y, size_t n, double* f) const;
  // out[j*nx + i] = f(x_i, y_j), x_i = x0 + i*(x1-x0)/(nx-1) (x0 if nx == 1),
  // y_j likewise; out holds nx*ny values. Nothing is written if nx or ny < 1.
  void value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const;

 private:
  const ObjectiveInfo* info_;
  std::vector<double> params_;
  size_t index_;
  std::array<double, 4> bound_;
  double (*evaluate_)(const std::array<double, 4>&, double x, double y, double* g);
  std::shared_ptr<const DefinedObjective> defined_;
  // A user objective's last point: value() evaluates the gradient too, so that a run, which asks
  // for the loss at its new point and then for the gradient there, evaluates it once per step.
  struct Memo {
    bool valid = false;
    double x = 0, y = 0, f = 0, gx = 0, gy = 0;
  };
  mutable Memo memo_;
  double memoised(double x, double y) const;
};

// A catalog entry's Hessian (catalog/entry_base.hpp: hessian).
using HessianFn = void (*)(const std::array<double, 4>& bound, double x, double y, double* h);
// Enters the catalog's Hessians, in catalog order (catalog_hessians.cpp: register_catalog_hessians),
// so a module that never asks for one (the component's core) does not contain them.
void set_catalog_hessians(std::vector<HessianFn> table);
void register_catalog_hessians();

// The grid coordinate x0 + i*(x1-x0)/(n-1) used by value_grid (x0 if n == 1).
double grid_coordinate(double x0, double x1, int i, int n);

// Gradient noise and sparsity (the run config's `noise`: additive Gaussian noise sigma, each
// coordinate dropped with probability `sparsity`, `seed`; docs/schema.md), then clipping of the
// gradient's norm (`clip_norm`, as torch.nn.utils.clip_grad_norm_ (1.13) does it: g is multiplied by
// min(1, clip_norm / (‖g‖₂ + 1e-6))): the gradient every optimizer of a run sees.
//
// Draws use gs::rng Philox with key = seed, counter = t and, for coordinate i,
// stream 2i for the Gaussian and stream 2i+1 for the drop decision, so the
// same (seed, t, i) gives the same perturbation on every platform and for
// every optimizer of a run.
struct GradientNoise {
  double sigma = 0, sparsity = 0;
  std::uint64_t seed = 1;
  double clip_norm = 0;  // 0: no clipping

  // Perturbs g[0..n) for the 1-based step t (perturb), then clips it (clip).
  void apply(std::uint64_t t, double* g, int n) const;
  // A dropped coordinate becomes exactly 0, otherwise sigma*N(0,1) is added. With sigma == 0 and
  // sparsity == 0, g is left untouched.
  void perturb(std::uint64_t t, double* g, int n) const;
  // g·min(1, clip_norm / (‖g‖₂ + 1e-6)) when clip_norm > 0, rounded as torch rounds it (torch multiplies by the clamped
  // coefficient whether or not it is below 1; by 1 that changes nothing).
  void clip(double* g, int n) const;
  bool active() const { return sigma > 0 || sparsity > 0 || clip_norm > 0; }
};

}  // namespace gs::objectives
