// Value and analytic gradient of each objective (internal to src/objectives).
//
// Each function returns f(x, y) and, when g is non-null, writes the gradient
// to g[0], g[1]. The value expression is the same whether or not the gradient
// is requested, so value() and value_and_gradient() agree bit for bit. Where
// DESIGN.md or the engine fixes the evaluation order of a gradient, the code
// spells it exactly that way (left to right, no reassociation).
// Sources of the standard forms: Rosenbrock (1960), Beale (1958),
// Himmelblau (1972), Rastrigin (1974), Ackley (1987), Styblinski & Tang
// (1990), Goldstein & Price (1971); see also Jamil & Yang, "A literature
// survey of benchmark functions for global optimisation problems" (2013).
#pragma once

#include <cmath>

#include "core/detmath.hpp"

namespace gs::objectives::formulas {

constexpr double kPi = 0x1.921fb54442d18p+1;
constexpr double kTwoPi = 0x1.921fb54442d18p+2;
constexpr double kE = 0x1.5bf0a8b145769p+1;  // gs::dm::exp(1.0)

// (a - x)^2 + b (y - x^2)^2
inline double rosenbrock(double a, double b, double x, double y, double* g) {
  if (g) {
    g[0] = -2.0 * (a - x) - 4.0 * b * x * (y - x * x);
    g[1] = 2.0 * b * (y - x * x);
  }
  return (a - x) * (a - x) + b * (y - x * x) * (y - x * x);
}

// (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2
inline double beale(double x, double y, double* g) {
  const double t1 = 1.5 - x + x * y;
  const double t2 = 2.25 - x + x * y * y;
  const double t3 = 2.625 - x + x * y * y * y;
  if (g) {
    g[0] = 2.0 * t1 * (y - 1.0) + 2.0 * t2 * (y * y - 1.0) + 2.0 * t3 * (y * y * y - 1.0);
    g[1] = 2.0 * t1 * x + 4.0 * t2 * x * y + 6.0 * t3 * x * y * y;
  }
  return t1 * t1 + t2 * t2 + t3 * t3;
}

// (x^2 + y - 11)^2 + (x + y^2 - 7)^2
inline double himmelblau(double x, double y, double* g) {
  if (g) {
    g[0] = 4.0 * x * (x * x + y - 11.0) + 2.0 * (x + y * y - 7.0);
    g[1] = 2.0 * (x * x + y - 11.0) + 4.0 * y * (x + y * y - 7.0);
  }
  return (x * x + y - 11.0) * (x * x + y - 11.0) + (x + y * y - 7.0) * (x + y * y - 7.0);
}

// (x + 2y - 7)^2 + (2x + y - 5)^2
inline double booth(double x, double y, double* g) {
  const double p = x + 2.0 * y - 7.0;
  const double q = 2.0 * x + y - 5.0;
  if (g) {
    g[0] = 2.0 * p + 4.0 * q;
    g[1] = 4.0 * p + 2.0 * q;
  }
  return p * p + q * q;
}

// 1/2 (u^2 + kappa w^2), u = c x - s y, w = s x + c y (c, s: cos, sin of the angle)
inline double quadratic(double kappa, double c, double s, double x, double y, double* g) {
  const double u = c * x - s * y;
  const double w = s * x + c * y;
  if (g) {
    g[0] = c * u + kappa * s * w;
    g[1] = -s * u + kappa * c * w;
  }
  return 0.5 * (u * u + kappa * w * w);
}

// x^2 - y^2
inline double saddle(double x, double y, double* g) {
  if (g) {
    g[0] = 2.0 * x;
    g[1] = -2.0 * y;
  }
  return x * x - y * y;
}

// 2A + sum_i (x_i^2 - A cos(2 pi x_i))
inline double rastrigin(double a, double x, double y, double* g) {
  if (g) {
    g[0] = 2.0 * x + kTwoPi * a * gs::dm::sin(kTwoPi * x);
    g[1] = 2.0 * y + kTwoPi * a * gs::dm::sin(kTwoPi * y);
  }
  return 2.0 * a + (x * x - a * gs::dm::cos(kTwoPi * x)) + (y * y - a * gs::dm::cos(kTwoPi * y));
}

// -20 exp(-0.2 sqrt((x^2 + y^2)/2)) - exp((cos 2 pi x + cos 2 pi y)/2) + e + 20,
// evaluated as 20 (1 - e1) + (e - e2) so that f(0, 0) is exactly 0. The
// gradient of the cone term is taken as 0 at the origin.
inline double ackley(double x, double y, double* g) {
  const double r = std::sqrt(0.5 * (x * x + y * y));
  const double e1 = gs::dm::exp(-0.2 * r);
  const double e2 = gs::dm::exp(0.5 * (gs::dm::cos(kTwoPi * x) + gs::dm::cos(kTwoPi * y)));
  if (g) {
    const double cone = r > 0.0 ? 2.0 * e1 / r : 0.0;
    g[0] = cone * x + kPi * gs::dm::sin(kTwoPi * x) * e2;
    g[1] = cone * y + kPi * gs::dm::sin(kTwoPi * y) * e2;
  }
  return 20.0 * (1.0 - e1) + (kE - e2);
}

// 1/2 sum_i (x_i^4 - 16 x_i^2 + 5 x_i)
inline double styblinski_tang(double x, double y, double* g) {
  if (g) {
    g[0] = 2.0 * x * x * x - 16.0 * x + 2.5;
    g[1] = 2.0 * y * y * y - 16.0 * y + 2.5;
  }
  return 0.5 * ((x * x * x * x - 16.0 * x * x + 5.0 * x) + (y * y * y * y - 16.0 * y * y + 5.0 * y));
}

// [1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
//   * [30 + (2x-3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]
inline double goldstein_price(double x, double y, double* g) {
  const double s = x + y + 1.0;
  const double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
  const double q = 2.0 * x - 3.0 * y;
  const double r = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
  const double a = 1.0 + s * s * p;
  const double b = 30.0 + q * q * r;
  if (g) {
    const double da = 2.0 * s * p + s * s * (-14.0 + 6.0 * x + 6.0 * y);  // same for x and y
    const double dbx = 4.0 * q * r + q * q * (-32.0 + 24.0 * x - 36.0 * y);
    const double dby = -6.0 * q * r + q * q * (48.0 - 36.0 * x + 54.0 * y);
    g[0] = da * b + a * dbx;
    g[1] = da * b + a * dby;
  }
  return a * b;
}

// 0.1 (x^2 + y^2) - exp(-2((x+1)^2 + y^2)) - 3 exp(-((x-1.5)^2 + y^2)/2):
// a gentle bowl minus a narrow shallow Gaussian dip at (-1, 0) (width 0.5)
// and a wide deep one at (1.5, 0) (width 1).
inline double local_minima(double x, double y, double* g) {
  const double e1 = gs::dm::exp(-2.0 * ((x + 1.0) * (x + 1.0) + y * y));
  const double e2 = gs::dm::exp(-0.5 * ((x - 1.5) * (x - 1.5) + y * y));
  if (g) {
    g[0] = 0.2 * x + 4.0 * (x + 1.0) * e1 + 3.0 * (x - 1.5) * e2;
    g[1] = 0.2 * y + 4.0 * y * e1 + 3.0 * y * e2;
  }
  return 0.1 * (x * x + y * y) - e1 - 3.0 * e2;
}

}  // namespace gs::objectives::formulas
