// Beale, "On an iterative method for finding a local minimum of a function of more than one
// variable", Princeton Technical Report 25 (1958): (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Beale : EntryBase {
  static ObjectiveInfo info() {
    return {"beale", "Beale", R"((1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2)",
            "Beale (1958): flat plateaus between steep ridges; global minimum f(3, 0.5) = 0.",
            {},
            {-4.5, 4.5, -4.5, 4.5},
            {1.0, 1.5}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    const W one = lit<W>(1.0), two = lit<W>(2.0);
    const W t1 = lit<W>(1.5) - x + x * y;
    const W t2 = lit<W>(2.25) - x + x * y * y;
    const W t3 = lit<W>(2.625) - x + x * y * y * y;
    if (g) {
      g[0] = two * t1 * (y - one) + two * t2 * (y * y - one) + two * t3 * (y * y * y - one);
      g[1] = two * t1 * x + lit<W>(4.0) * t2 * x * y + lit<W>(6.0) * t3 * x * y * y;
    }
    return t1 * t1 + t2 * t2 + t3 * t3;
  }

  // With the residuals t1, t2, t3 of evaluate: f_xx = 2 Σ (∂t_i/∂x)², and f_xy, f_yy add the
  // residuals times their second derivatives (t1: xy; t2: xy², 2x; t3: xy³, 3xy², 6xy).
  static void hessian(const Bound&, double x, double y, double h[3]) {
    const double t1 = 1.5 - x + x * y;
    const double t2 = 2.25 - x + x * y * y;
    const double t3 = 2.625 - x + x * y * y * y;
    const double ax = y - 1.0, bx = y * y - 1.0, cx = y * y * y - 1.0;  // ∂t_i/∂x
    const double ay = x, by = 2.0 * x * y, cy = 3.0 * x * y * y;        // ∂t_i/∂y
    h[0] = 2.0 * (ax * ax + bx * bx + cx * cx);
    h[1] = 2.0 * (ax * ay + t1 + bx * by + t2 * 2.0 * y + cx * cy + t3 * 3.0 * y * y);
    h[2] = 2.0 * (ay * ay + by * by + t2 * 2.0 * x + cy * cy + t3 * 6.0 * x * y);
  }

  static std::vector<Minimum> minima(const Bound&) { return {{3.0, 0.5, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
