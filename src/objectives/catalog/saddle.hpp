// The saddle x² − y²: a stationary point that is not a minimum, unbounded below along y.
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Saddle : EntryBase {
  static ObjectiveInfo info() {
    return {"saddle", "Saddle", R"(x^2 - y^2)",
            "A saddle point at the origin; unbounded below along y, so there is no minimum.",
            {},
            {-2.0, 2.0, -2.0, 2.0},
            {-1.5, 0.01}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    if (g) {
      g[0] = lit<W>(2.0) * x;
      g[1] = lit<W>(-2.0) * y;
    }
    return x * x - y * y;
  }

  // Constant: diag(2, −2).
  static void hessian(const Bound&, double, double, double h[3]) {
    h[0] = 2.0;
    h[1] = 0.0;
    h[2] = -2.0;
  }

  static std::vector<Minimum> minima(const Bound&) { return {}; }
};

}  // namespace gs::objectives::catalog
