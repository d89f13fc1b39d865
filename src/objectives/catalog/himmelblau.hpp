// Himmelblau, "Applied Nonlinear Programming", McGraw-Hill (1972): (x² + y − 11)² + (x + y² − 7)².
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Himmelblau : EntryBase {
  static ObjectiveInfo info() {
    return {"himmelblau", "Himmelblau", R"((x^2 + y - 11)^2 + (x + y^2 - 7)^2)",
            "Himmelblau (1972): four global minima with f = 0, at (3, 2), (-2.805, 3.131), "
            "(-3.779, -3.283) and (3.584, -1.848), around a local maximum near (-0.27, -0.92).",
            {},
            {-5.0, 5.0, -5.0, 5.0},
            {0.0, 0.0}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    const W two = lit<W>(2.0), four = lit<W>(4.0), c11 = lit<W>(11.0), c7 = lit<W>(7.0);
    if (g) {
      g[0] = four * x * (x * x + y - c11) + two * (x + y * y - c7);
      g[1] = two * (x * x + y - c11) + four * y * (x + y * y - c7);
    }
    return (x * x + y - c11) * (x * x + y - c11) + (x + y * y - c7) * (x + y * y - c7);
  }

  // f_xx = 4(x² + y − 11) + 8x² + 2, f_xy = 4(x + y), f_yy = 2 + 4(x + y² − 7) + 8y².
  static void hessian(const Bound&, double x, double y, double h[3]) {
    h[0] = 4.0 * (x * x + y - 11.0) + 8.0 * x * x + 2.0;
    h[1] = 4.0 * (x + y);
    h[2] = 2.0 + 4.0 * (x + y * y - 7.0) + 8.0 * y * y;
  }

  // The four zeros (computed offline to 200 bits with mpmath, rounded to the nearest double).
  static std::vector<Minimum> minima(const Bound&) {
    return {{3.0, 2.0, 0.0, true},
            {-2.805118086952745, 3.131312518250573, 0.0, true},
            {-3.779310253377747, -3.2831859912861696, 0.0, true},
            {3.5844283403304917, -1.8481265269644036, 0.0, true}};
  }
};

}  // namespace gs::objectives::catalog
