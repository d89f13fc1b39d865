// Value and analytic gradient of each objective (internal to src/objectives and src/sweep).
//
// Each function returns f(x, y) and, when g is non-null, writes the gradient
// to g[0], g[1]. The value expression is the same whether or not the gradient
// is requested, so value() and value_and_gradient() agree bit for bit. Where
// the registry (docs/schema.md) or the engine fixes the evaluation order of a gradient, the code
// spells it exactly that way (left to right, no reassociation).
// The polynomial objectives are templates over the lane type W: double for one
// point (Objective), simd::F64x2 for the sweep engine's lanes, one run per lane
// (sweep/objective_lanes.hpp). A constant enters as lit<W>(c), with products of
// constants such as 4.0·b formed in double first exactly as the left-to-right
// double expression forms them, so every lane has the bits of the scalar call.
// The transcendental ones (gs::dm is scalar) are double only.
// Sources of the standard forms: Rosenbrock (1960), Beale (1958),
// Himmelblau (1972), Rastrigin (1974), Ackley (1987), Styblinski & Tang
// (1990), Goldstein & Price (1971); see also Jamil & Yang, "A literature
// survey of benchmark functions for global optimisation problems" (2013).
#pragma once

#include <cmath>

#include "core/detmath.hpp"
#include "core/simd.hpp"

namespace gs::objectives::formulas {

constexpr double kPi = 0x1.921fb54442d18p+1;
constexpr double kTwoPi = 0x1.921fb54442d18p+2;
constexpr double kE = 0x1.5bf0a8b145769p+1;  // gs::dm::exp(1.0)

// The constant c as a W: c itself for double, c in every lane of a vector.
template <class W>
inline W lit(double c) {
  return simd::broadcast<W>(c);
}

// (a - x)^2 + b (y - x^2)^2
template <class W>
inline W rosenbrock(double a, double b, W x, W y, W* g) {
  const W A = lit<W>(a);
  if (g) {
    g[0] = lit<W>(-2.0) * (A - x) - lit<W>(4.0 * b) * x * (y - x * x);
    g[1] = lit<W>(2.0 * b) * (y - x * x);
  }
  return (A - x) * (A - x) + lit<W>(b) * (y - x * x) * (y - x * x);
}

// (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2
template <class W>
inline W beale(W x, W y, W* g) {
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

// (x^2 + y - 11)^2 + (x + y^2 - 7)^2
template <class W>
inline W himmelblau(W x, W y, W* g) {
  const W two = lit<W>(2.0), four = lit<W>(4.0), c11 = lit<W>(11.0), c7 = lit<W>(7.0);
  if (g) {
    g[0] = four * x * (x * x + y - c11) + two * (x + y * y - c7);
    g[1] = two * (x * x + y - c11) + four * y * (x + y * y - c7);
  }
  return (x * x + y - c11) * (x * x + y - c11) + (x + y * y - c7) * (x + y * y - c7);
}

// (x + 2y - 7)^2 + (2x + y - 5)^2
template <class W>
inline W booth(W x, W y, W* g) {
  const W two = lit<W>(2.0), four = lit<W>(4.0);
  const W p = x + two * y - lit<W>(7.0);
  const W q = two * x + y - lit<W>(5.0);
  if (g) {
    g[0] = two * p + four * q;
    g[1] = four * p + two * q;
  }
  return p * p + q * q;
}

// 1/2 (u^2 + kappa w^2), u = c x - s y, w = s x + c y (c, s: cos, sin of the angle)
template <class W>
inline W quadratic(double kappa, double c, double s, W x, W y, W* g) {
  const W C = lit<W>(c), S = lit<W>(s);
  const W u = C * x - S * y;
  const W w = S * x + C * y;
  if (g) {
    g[0] = C * u + lit<W>(kappa * s) * w;
    g[1] = lit<W>(-s) * u + lit<W>(kappa * c) * w;
  }
  return lit<W>(0.5) * (u * u + lit<W>(kappa) * w * w);
}

// x^2 - y^2
template <class W>
inline W saddle(W x, W y, W* g) {
  if (g) {
    g[0] = lit<W>(2.0) * x;
    g[1] = lit<W>(-2.0) * y;
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
template <class W>
inline W styblinski_tang(W x, W y, W* g) {
  const W two = lit<W>(2.0), c16 = lit<W>(16.0), c25 = lit<W>(2.5), c5 = lit<W>(5.0);
  if (g) {
    g[0] = two * x * x * x - c16 * x + c25;
    g[1] = two * y * y * y - c16 * y + c25;
  }
  return lit<W>(0.5) * ((x * x * x * x - c16 * x * x + c5 * x) + (y * y * y * y - c16 * y * y + c5 * y));
}

// [1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
//   * [30 + (2x-3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]
template <class W>
inline W goldstein_price(W x, W y, W* g) {
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
