// Styblinski & Tang, "Experiments in nonconvex optimization", Neural Networks 3 (1990), in 2-D:
// ½ Σ (x_i⁴ − 16x_i² + 5x_i).
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct StyblinskiTang : EntryBase {
  static ObjectiveInfo info() {
    return {"styblinski_tang", "Styblinski-Tang", R"(\tfrac12\sum_{i=1}^{2}\left(x_i^4 - 16x_i^2 + 5x_i\right))",
            "Styblinski-Tang (1990): four basins; global minimum f(-2.9035, -2.9035) = -78.332, "
            "local minima where a coordinate is 2.7468 instead.",
            {},
            {-5.0, 5.0, -5.0, 5.0},
            {4.0, 4.5}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    const W two = lit<W>(2.0), c16 = lit<W>(16.0), c25 = lit<W>(2.5), c5 = lit<W>(5.0);
    if (g) {
      g[0] = two * x * x * x - c16 * x + c25;
      g[1] = two * y * y * y - c16 * y + c25;
    }
    return lit<W>(0.5) * ((x * x * x * x - c16 * x * x + c5 * x) + (y * y * y * y - c16 * y * y + c5 * y));
  }

  // Diagonal: f_xx = 6x² − 16, f_yy = 6y² − 16, f_xy = 0.
  static void hessian(const Bound&, double x, double y, double h[3]) {
    h[0] = 6.0 * x * x - 16.0;
    h[1] = 0.0;
    h[2] = 6.0 * y * y - 16.0;
  }

  // Roots of 4x³ − 32x + 5 = 0 (the 1-D stationary minima; mpmath to 200 bits, rounded).
  static std::vector<Minimum> minima(const Bound& b) {
    constexpr double kDeep = -2.903534027771177, kShallow = 2.746802770990837;
    const auto f = [&](double x, double y) { return evaluate<double>(b, x, y, nullptr); };
    return {{kDeep, kDeep, f(kDeep, kDeep), true},
            {kShallow, kDeep, f(kShallow, kDeep), false},
            {kDeep, kShallow, f(kDeep, kShallow), false},
            {kShallow, kShallow, f(kShallow, kShallow), false}};
  }
};

}  // namespace gs::objectives::catalog
