// Rosenbrock, "An automatic method for finding the greatest or least value of a function",
// The Computer Journal 3 (1960): (a − x)² + b (y − x²)².
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Rosenbrock : EntryBase {
  static ObjectiveInfo info() {
    return {"rosenbrock", "Rosenbrock", R"((a - x)^2 + b\,(y - x^2)^2)",
            "Rosenbrock (1960): a curved, flat-bottomed banana valley; global minimum f(a, a²) = 0 "
            "(for b = 0 every point with x = a is a minimum).",
            {{"a", 1.0, -5.0, 5.0, "x of the minimum (a, a²)"}, {"b", 100.0, 0.0, 1000.0, "steepness of the valley walls"}},
            {-2.0, 2.0, -1.0, 3.0},
            {-1.5, 2.0}};
  }
  static Bound bind(const std::vector<double>& p) { return {p[0], p[1]}; }

  template <class W>
  static W evaluate(const Bound& p, W x, W y, W* g) {
    const double a = p[0], b = p[1];
    const W A = lit<W>(a);
    if (g) {
      g[0] = lit<W>(-2.0) * (A - x) - lit<W>(4.0 * b) * x * (y - x * x);
      g[1] = lit<W>(2.0 * b) * (y - x * x);
    }
    return (A - x) * (A - x) + lit<W>(b) * (y - x * x) * (y - x * x);
  }

  // f_xx = 2 − 4b(y − x²) + 8bx², f_xy = −4bx, f_yy = 2b.
  static void hessian(const Bound& p, double x, double y, double h[3]) {
    const double b = p[1];
    h[0] = 2.0 - 4.0 * b * (y - x * x) + 8.0 * b * x * x;
    h[1] = -4.0 * b * x;
    h[2] = 2.0 * b;
  }

  static std::vector<Minimum> minima(const Bound& p) { return {{p[0], p[0] * p[0], 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
