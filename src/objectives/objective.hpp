// The 2-D test objectives (docs/schema.md, "Objectives"): registry metadata (names, LaTeX,
// parameters with ranges, view box, default start, known minima), value and
// analytic gradient, whole-grid evaluation for heatmaps, and the gradient
// noise / sparsity model shared by every optimizer of a run.
//
// The formulas are fixed (see registry.cpp for each one and its source) so
// that a config means the same thing everywhere; transcendental functions go
// through gs::dm so native and wasm builds agree bit for bit.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gs::objectives {

struct ParamInfo {
  const char* name;
  double default_value, min, max;
  const char* description;
};

// A known minimum; `global` marks the global ones (every global minimum is
// listed; some objectives also list notable local minima).
struct Minimum {
  double x, y, value;
  bool global;
};

struct ObjectiveInfo {
  const char* name;          // config name, e.g. "rosenbrock"
  const char* display_name;  // e.g. "Rosenbrock"
  const char* latex;         // f(x, y) in LaTeX
  const char* description;   // one line, for the UI
  std::vector<ParamInfo> params;
  double view[4];           // default view box: xmin, xmax, ymin, ymax
  double default_start[2];  // x, y
};

// Every objective, in UI order.
const std::vector<ObjectiveInfo>& registry();
// The entry called `name`, or nullptr.
const ObjectiveInfo* find(std::string_view name);

class Objective {
 public:
  // `info` must be an entry of registry(); `params` are in ParamInfo order and
  // already validated (missing trailing values take their defaults).
  Objective(const ObjectiveInfo& info, std::vector<double> params);

  const ObjectiveInfo& info() const { return *info_; }
  const std::vector<double>& params() const { return params_; }

  double value(double x, double y) const;
  // Returns f(x, y) (bit-identical to value()) and stores the gradient.
  double value_and_gradient(double x, double y, double& gx, double& gy) const;
  // Known minima for the current parameters (empty for `saddle`, which is
  // unbounded below).
  std::vector<Minimum> minima() const;
  // out[j*nx + i] = f(x_i, y_j), x_i = x0 + i*(x1-x0)/(nx-1) (x0 if nx == 1),
  // y_j likewise; out holds nx*ny values. Nothing is written if nx or ny < 1.
  void value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const;

 private:
  enum class Kind {
    kRosenbrock,
    kBeale,
    kHimmelblau,
    kBooth,
    kQuadratic,
    kSaddle,
    kRastrigin,
    kAckley,
    kStyblinskiTang,
    kGoldsteinPrice,
    kLocalMinima,
    kUnknown,
  };
  static Kind kind_of(std::string_view name);

  // value (and, when g is non-null, the gradient into g[0], g[1]).
  double evaluate(double x, double y, double* g) const;

  const ObjectiveInfo* info_;
  std::vector<double> params_;
  Kind kind_;
  double c_ = 1.0, s_ = 0.0;  // quadratic: cos and sin of the rotation
};

// The grid coordinate x0 + i*(x1-x0)/(n-1) used by value_grid (x0 if n == 1).
double grid_coordinate(double x0, double x1, int i, int n);

// Gradient noise and sparsity (the config's objective.noise: additive Gaussian noise sigma, each
// coordinate dropped with probability `sparsity`, `seed`).
//
// Draws use gs::rng Philox with key = seed, counter = t and, for coordinate i,
// stream 2i for the Gaussian and stream 2i+1 for the drop decision, so the
// same (seed, t, i) gives the same perturbation on every platform and for
// every optimizer of a run.
struct GradientNoise {
  double sigma = 0, sparsity = 0;
  std::uint64_t seed = 1;

  // Perturbs g[0..n) for the 1-based step t: a dropped coordinate becomes
  // exactly 0, otherwise sigma*N(0,1) is added. With sigma == 0 and
  // sparsity == 0, g is left untouched.
  void apply(std::uint64_t t, double* g, int n) const;
  bool active() const { return sigma > 0 || sparsity > 0; }
};

}  // namespace gs::objectives
