// A shallow and a deep basin: 0.1 (x² + y²) − exp(−2((x+1)² + y²)) − 3 exp(−((x−1.5)² + y²)/2),
// a gentle bowl minus a narrow shallow Gaussian dip at (−1, 0) (width 0.5) and a wide deep one at
// (1.5, 0) (width 1): Gradscape's own objective for momentum carrying a run past a local minimum.
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct LocalMinima : EntryBase {
  static constexpr bool kLaneForm = false;
  static ObjectiveInfo info() {
    return {"local_minima", "Shallow and deep basin",
            R"(\tfrac{1}{10}\left(x^2 + y^2\right) - e^{-2\left((x + 1)^2 + y^2\right)})"
            R"( - 3\,e^{-\frac12\left((x - 1.5)^2 + y^2\right)})",
            "A gentle bowl minus a narrow, shallow Gaussian dip at (-1, 0) and a wide, deep one at "
            "(1.5, 0): local minimum f(-0.835, 0) = -1.074 behind a barrier of height 0.115, global "
            "minimum f(1.406, 0) = -2.789. From the default start (-3, 0.5), SGD (lr 0.1) stops in "
            "the shallow basin; SGD with momentum 0.9 at the same lr rolls on into the deep one.",
            {},
            {-4.0, 4.0, -3.0, 3.0},
            {-3.0, 0.5}};
  }

  static double evaluate(const Bound&, double x, double y, double* g) {
    const double e1 = gs::dm::exp(-2.0 * ((x + 1.0) * (x + 1.0) + y * y));
    const double e2 = gs::dm::exp(-0.5 * ((x - 1.5) * (x - 1.5) + y * y));
    if (g) {
      g[0] = 0.2 * x + 4.0 * (x + 1.0) * e1 + 3.0 * (x - 1.5) * e2;
      g[1] = 0.2 * y + 4.0 * y * e1 + 3.0 * y * e2;
    }
    return 0.1 * (x * x + y * y) - e1 - 3.0 * e2;
  }

  // With e1, e2 as in evaluate: f_xx = 0.2 + 4(1 − 4(x+1)²) e1 + 3(1 − (x−1.5)²) e2,
  // f_xy = −16(x+1)y e1 − 3(x−1.5)y e2, f_yy = 0.2 + 4(1 − 4y²) e1 + 3(1 − y²) e2.
  static void hessian(const Bound&, double x, double y, double h[3]) {
    const double e1 = gs::dm::exp(-2.0 * ((x + 1.0) * (x + 1.0) + y * y));
    const double e2 = gs::dm::exp(-0.5 * ((x - 1.5) * (x - 1.5) + y * y));
    h[0] = 0.2 + 4.0 * (1.0 - 4.0 * (x + 1.0) * (x + 1.0)) * e1 + 3.0 * (1.0 - (x - 1.5) * (x - 1.5)) * e2;
    h[1] = -16.0 * (x + 1.0) * y * e1 - 3.0 * (x - 1.5) * y * e2;
    h[2] = 0.2 + 4.0 * (1.0 - 4.0 * y * y) * e1 + 3.0 * (1.0 - y * y) * e2;
  }

  // The stationary points on the x axis (y = 0 by symmetry; mpmath to 200 bits, rounded).
  static std::vector<Minimum> minima(const Bound& b) {
    constexpr double kDeepX = 1.4058311956962792, kShallowX = -0.8347715735883188;
    return {{kDeepX, 0.0, evaluate(b, kDeepX, 0.0, nullptr), true},
            {kShallowX, 0.0, evaluate(b, kShallowX, 0.0, nullptr), false}};
  }
};

}  // namespace gs::objectives::catalog
