// Objective: parameter binding, dispatch to the formulas, grid evaluation.
#include "objectives/objective.hpp"

#include <cstddef>
#include <limits>
#include <string_view>
#include <utility>

#include "core/detmath.hpp"
#include "objectives/formulas.hpp"

namespace gs::objectives {

Objective::Kind Objective::kind_of(std::string_view name) {
  static constexpr std::pair<std::string_view, Kind> kNames[] = {
      {"rosenbrock", Kind::kRosenbrock},
      {"beale", Kind::kBeale},
      {"himmelblau", Kind::kHimmelblau},
      {"booth", Kind::kBooth},
      {"quadratic", Kind::kQuadratic},
      {"saddle", Kind::kSaddle},
      {"rastrigin", Kind::kRastrigin},
      {"ackley", Kind::kAckley},
      {"styblinski_tang", Kind::kStyblinskiTang},
      {"goldstein_price", Kind::kGoldsteinPrice},
      {"local_minima", Kind::kLocalMinima},
  };
  for (const auto& [n, k] : kNames) {
    if (n == name) return k;
  }
  return Kind::kUnknown;
}

Objective::Objective(const ObjectiveInfo& info, std::vector<double> params)
    : info_(&info), params_(std::move(params)), kind_(kind_of(info.name)) {
  for (std::size_t i = params_.size(); i < info.params.size(); ++i) {
    params_.push_back(info.params[i].default_value);
  }
  if (kind_ == Kind::kQuadratic) {
    const double theta = params_[1] * formulas::kPi / 180.0;
    c_ = gs::dm::cos(theta);
    s_ = gs::dm::sin(theta);
  }
}

double Objective::evaluate(double x, double y, double* g) const {
  namespace f = formulas;
  switch (kind_) {
    case Kind::kRosenbrock: return f::rosenbrock(params_[0], params_[1], x, y, g);
    case Kind::kBeale: return f::beale(x, y, g);
    case Kind::kHimmelblau: return f::himmelblau(x, y, g);
    case Kind::kBooth: return f::booth(x, y, g);
    case Kind::kQuadratic: return f::quadratic(params_[0], c_, s_, x, y, g);
    case Kind::kSaddle: return f::saddle(x, y, g);
    case Kind::kRastrigin: return f::rastrigin(params_[0], x, y, g);
    case Kind::kAckley: return f::ackley(x, y, g);
    case Kind::kStyblinskiTang: return f::styblinski_tang(x, y, g);
    case Kind::kGoldsteinPrice: return f::goldstein_price(x, y, g);
    case Kind::kLocalMinima: return f::local_minima(x, y, g);
    case Kind::kUnknown: break;
  }
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (g) g[0] = g[1] = kNaN;
  return kNaN;
}

double Objective::value(double x, double y) const { return evaluate(x, y, nullptr); }

double Objective::value_and_gradient(double x, double y, double& gx, double& gy) const {
  double g[2];
  const double v = evaluate(x, y, g);
  gx = g[0];
  gy = g[1];
  return v;
}

double grid_coordinate(double x0, double x1, int i, int n) {
  if (n <= 1) return x0;
  return x0 + static_cast<double>(i) * (x1 - x0) / static_cast<double>(n - 1);
}

void Objective::value_grid(double x0, double x1, double y0, double y1, int nx, int ny, double* out) const {
  if (nx < 1 || ny < 1) return;
  for (int j = 0; j < ny; ++j) {
    const double y = grid_coordinate(y0, y1, j, ny);
    double* row = out + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
    for (int i = 0; i < nx; ++i) row[i] = evaluate(grid_coordinate(x0, x1, i, nx), y, nullptr);
  }
}

}  // namespace gs::objectives
