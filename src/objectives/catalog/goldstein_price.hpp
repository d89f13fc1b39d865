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

  // The product rule on f = a·b twice, with a and b, their factors s, p, q, r and their first
  // derivatives as in evaluate. a's second derivatives are all 2p + 4s(−14 + 6x + 6y) + 6s² (p's
  // are all 6); b's: b_xx = 8r + 8q r_x + 24q², b_xy = −12r + 4q r_y − 6q r_x − 36q²,
  // b_yy = 18r − 12q r_y + 54q².
  static void hessian(const Bound&, double x, double y, double h[3]) {
    const double s = x + y + 1.0;
    const double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
    const double q = 2.0 * x - 3.0 * y;
    const double r = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
    const double a = 1.0 + s * s * p;
    const double b = 30.0 + q * q * r;
    const double dp = -14.0 + 6.0 * x + 6.0 * y;  // p_x = p_y
    const double rx = -32.0 + 24.0 * x - 36.0 * y;
    const double ry = 48.0 - 36.0 * x + 54.0 * y;
    const double da = 2.0 * s * p + s * s * dp;  // a_x = a_y
    const double dbx = 4.0 * q * r + q * q * rx;
    const double dby = -6.0 * q * r + q * q * ry;
    const double dda = 2.0 * p + 4.0 * s * dp + 6.0 * s * s;  // a_xx = a_xy = a_yy
    const double dbxx = 8.0 * r + 8.0 * q * rx + 24.0 * q * q;
    const double dbxy = -12.0 * r + 4.0 * q * ry - 6.0 * q * rx - 36.0 * q * q;
    const double dbyy = 18.0 * r - 12.0 * q * ry + 54.0 * q * q;
    h[0] = dda * b + 2.0 * da * dbx + a * dbxx;
    h[1] = dda * b + da * dby + da * dbx + a * dbxy;
    h[2] = dda * b + 2.0 * da * dby + a * dbyy;
  }

  static std::vector<Minimum> minima(const Bound&) {
    return {{0.0, -1.0, 3.0, true}, {-0.6, -0.4, 30.0, false}, {1.8, 0.2, 84.0, false}, {1.2, 0.8, 840.0, false}};
  }
};

}  // namespace gs::objectives::catalog
