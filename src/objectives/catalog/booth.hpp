// Booth's function (Jamil & Yang 2013, No. 24): (x + 2y − 7)² + (2x + y − 5)².
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Booth : EntryBase {
  static ObjectiveInfo info() {
    return {"booth", "Booth", R"((x + 2y - 7)^2 + (2x + y - 5)^2)",
            "Booth: a convex quadratic with Hessian eigenvalues 18 and 2; global minimum f(1, 3) = 0.",
            {},
            {-10.0, 10.0, -10.0, 10.0},
            {-8.0, 8.0}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    const W two = lit<W>(2.0), four = lit<W>(4.0);
    const W p = x + two * y - lit<W>(7.0);
    const W q = two * x + y - lit<W>(5.0);
    if (g) {
      g[0] = two * p + four * q;
      g[1] = four * p + two * q;
    }
    return p * p + q * q;
  }

  // Constant: [[10, 8], [8, 10]] (eigenvalues 18 and 2).
  static void hessian(const Bound&, double, double, double h[3]) {
    h[0] = 10.0;
    h[1] = 8.0;
    h[2] = 10.0;
  }

  static std::vector<Minimum> minima(const Bound&) { return {{1.0, 3.0, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
