// Rastrigin, "Systems of extremal control", Nauka (1974), in 2-D: 2A + Σ (x_i² − A cos 2πx_i).
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Rastrigin : EntryBase {
  static constexpr bool kLaneForm = false;
  static ObjectiveInfo info() {
    return {"rastrigin", "Rastrigin", R"(2A + \sum_{i=1}^{2}\left(x_i^2 - A\cos(2\pi x_i)\right))",
            "Rastrigin (1974): a bowl covered by a regular grid of local minima; global minimum "
            "f(0, 0) = 0.",
            {{"A", 10.0, 0.0, 100.0, "amplitude of the cosine ripples"}},
            {-5.12, 5.12, -5.12, 5.12},
            {-4.3, 3.7}};
  }
  static Bound bind(const std::vector<double>& p) { return {p[0]}; }

  static double evaluate(const Bound& p, double x, double y, double* g) {
    const double a = p[0];
    if (g) {
      g[0] = 2.0 * x + kTwoPi * a * gs::dm::sin(kTwoPi * x);
      g[1] = 2.0 * y + kTwoPi * a * gs::dm::sin(kTwoPi * y);
    }
    return 2.0 * a + (x * x - a * gs::dm::cos(kTwoPi * x)) + (y * y - a * gs::dm::cos(kTwoPi * y));
  }

  // Diagonal: f_xx = 2 + 4π²A cos 2πx, f_yy likewise in y, f_xy = 0.
  static void hessian(const Bound& p, double x, double y, double h[3]) {
    const double a = p[0];
    h[0] = 2.0 + kTwoPi * kTwoPi * a * gs::dm::cos(kTwoPi * x);
    h[1] = 0.0;
    h[2] = 2.0 + kTwoPi * kTwoPi * a * gs::dm::cos(kTwoPi * y);
  }

  static std::vector<Minimum> minima(const Bound&) { return {{0.0, 0.0, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
