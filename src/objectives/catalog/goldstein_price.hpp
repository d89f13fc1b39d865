// Goldstein & Price, "On descent from local minima", Mathematics of Computation 25 (1971):
// [1 + (x+y+1)² (19 − 14x + 3x² − 14y + 6xy + 3y²)] · [30 + (2x−3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²)].
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct GoldsteinPrice : EntryBase {
  static ObjectiveInfo info() {
    return {"goldstein_price", "Goldstein-Price",
            R"(\left[1 + (x + y + 1)^2\left(19 - 14x + 3x^2 - 14y + 6xy + 3y^2\right)\right])"
            R"(\left[30 + (2x - 3y)^2\left(18 - 32x + 12x^2 + 48y - 36xy + 27y^2\right)\right])",
            "Goldstein-Price (1971): steep walls and values over six orders of magnitude; global "
            "minimum f(0, -1) = 3, local minima f(-0.6, -0.4) = 30, f(1.8, 0.2) = 84, f(1.2, 0.8) = 840.",
            {},
            {-2.0, 2.0, -2.0, 2.0},
            {-1.0, 1.0}};
  }

  template <class W>
  static W evaluate(const Bound&, W x, W y, W* g) {
    const W one = lit<W>(1.0), two = lit<W>(2.0), three = lit<W>(3.0), six = lit<W>(6.0);
    const W s = x + y + one;
    const W p = lit<W>(19.0) - lit<W>(14.0) * x + three * x * x - lit<W>(14.0) * y + six * x * y + three * y * y;
    const W q = two * x - three * y;
    const W r = lit<W>(18.0) - lit<W>(32.0) * x + lit<W>(12.0) * x * x + lit<W>(48.0) * y - lit<W>(36.0) * x * y +
                lit<W>(27.0) * y * y;
    const W a = one + s * s * p;
    const W b = lit<W>(30.0) + q * q * r;
    if (g) {
      const W da = two * s * p + s * s * (lit<W>(-14.0) + six * x + six * y);  // same for x and y
      const W dbx = lit<W>(4.0) * q * r + q * q * (lit<W>(-32.0) + lit<W>(24.0) * x - lit<W>(36.0) * y);
      const W dby = lit<W>(-6.0) * q * r + q * q * (lit<W>(48.0) - lit<W>(36.0) * x + lit<W>(54.0) * y);
      g[0] = da * b + a * dbx;
      g[1] = da * b + a * dby;
    }
    return a * b;
  }

  static std::vector<Minimum> minima(const Bound&) {
    return {{0.0, -1.0, 3.0, true}, {-0.6, -0.4, 30.0, false}, {1.8, 0.2, 84.0, false}, {1.2, 0.8, 840.0, false}};
  }
};

}  // namespace gs::objectives::catalog
