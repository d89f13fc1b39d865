// Value and gradient of the 2-D objectives on double lanes (W = double or simd::F64x2), for the
// sweep engine, where each lane is a run at its own point.
//
// The polynomial objectives are written out again here on lanes: the same expressions as
// objectives/formulas.hpp, term for term and in the same evaluation order (a constant such as
// 4.0·b is formed in double first, as there), so every lane has the bits of Objective::value_and_gradient
// at its point (tests/cpp/sweep_objective_test.cpp checks every objective bit for bit). The
// transcendental objectives (rastrigin, ackley, local_minima) have no lane form: the engine calls
// Objective::value_and_gradient lane by lane for them (gs::dm is scalar).
#pragma once

#include "core/simd.hpp"
#include "objectives/objective.hpp"

namespace gs::sweep {

enum class LaneObjective {
  Rosenbrock,
  Beale,
  Himmelblau,
  Booth,
  Quadratic,
  Saddle,
  StyblinskiTang,
  GoldsteinPrice,
  PerLane,  // no lane form: Objective::value_and_gradient on each lane
};

// Which lane form an objective has, and its parameters (the quadratic's cos and sin of the angle
// computed as the Objective computes them).
struct ObjectiveLanes {
  LaneObjective kind = LaneObjective::PerLane;
  double p0 = 0, p1 = 0;  // rosenbrock a, b; quadratic kappa
  double c = 1, s = 0;    // quadratic: cos, sin of the rotation
};

ObjectiveLanes objective_lanes(const objectives::Objective& objective);

namespace lanes {

template <class W>
inline W k(double x) {
  return simd::broadcast<W>(x);
}

// (a - x)^2 + b (y - x^2)^2
template <class W>
inline W rosenbrock(double a, double b, W x, W y, W& gx, W& gy) {
  const W A = k<W>(a), B = k<W>(b);
  gx = k<W>(-2.0) * (A - x) - k<W>(4.0 * b) * x * (y - x * x);
  gy = k<W>(2.0 * b) * (y - x * x);
  return (A - x) * (A - x) + B * (y - x * x) * (y - x * x);
}

// (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2
template <class W>
inline W beale(W x, W y, W& gx, W& gy) {
  const W one = k<W>(1.0), two = k<W>(2.0);
  const W t1 = k<W>(1.5) - x + x * y;
  const W t2 = k<W>(2.25) - x + x * y * y;
  const W t3 = k<W>(2.625) - x + x * y * y * y;
  gx = two * t1 * (y - one) + two * t2 * (y * y - one) + two * t3 * (y * y * y - one);
  gy = two * t1 * x + k<W>(4.0) * t2 * x * y + k<W>(6.0) * t3 * x * y * y;
  return t1 * t1 + t2 * t2 + t3 * t3;
}

// (x^2 + y - 11)^2 + (x + y^2 - 7)^2
template <class W>
inline W himmelblau(W x, W y, W& gx, W& gy) {
  const W two = k<W>(2.0), four = k<W>(4.0), c11 = k<W>(11.0), c7 = k<W>(7.0);
  gx = four * x * (x * x + y - c11) + two * (x + y * y - c7);
  gy = two * (x * x + y - c11) + four * y * (x + y * y - c7);
  return (x * x + y - c11) * (x * x + y - c11) + (x + y * y - c7) * (x + y * y - c7);
}

// (x + 2y - 7)^2 + (2x + y - 5)^2
template <class W>
inline W booth(W x, W y, W& gx, W& gy) {
  const W two = k<W>(2.0), four = k<W>(4.0);
  const W p = x + two * y - k<W>(7.0);
  const W q = two * x + y - k<W>(5.0);
  gx = two * p + four * q;
  gy = four * p + two * q;
  return p * p + q * q;
}

// 1/2 (u^2 + kappa w^2), u = c x - s y, w = s x + c y
template <class W>
inline W quadratic(double kappa, double c, double s, W x, W y, W& gx, W& gy) {
  const W C = k<W>(c), S = k<W>(s), K = k<W>(kappa);
  const W u = C * x - S * y;
  const W w = S * x + C * y;
  gx = C * u + k<W>(kappa * s) * w;
  gy = k<W>(-s) * u + k<W>(kappa * c) * w;
  return k<W>(0.5) * (u * u + K * w * w);
}

// x^2 - y^2
template <class W>
inline W saddle(W x, W y, W& gx, W& gy) {
  gx = k<W>(2.0) * x;
  gy = k<W>(-2.0) * y;
  return x * x - y * y;
}

// 1/2 sum_i (x_i^4 - 16 x_i^2 + 5 x_i)
template <class W>
inline W styblinski_tang(W x, W y, W& gx, W& gy) {
  const W two = k<W>(2.0), c16 = k<W>(16.0), c25 = k<W>(2.5), c5 = k<W>(5.0);
  gx = two * x * x * x - c16 * x + c25;
  gy = two * y * y * y - c16 * y + c25;
  return k<W>(0.5) * ((x * x * x * x - c16 * x * x + c5 * x) + (y * y * y * y - c16 * y * y + c5 * y));
}

// [1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)] * [30 + (2x-3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]
template <class W>
inline W goldstein_price(W x, W y, W& gx, W& gy) {
  const W one = k<W>(1.0), two = k<W>(2.0), three = k<W>(3.0), six = k<W>(6.0);
  const W s = x + y + one;
  const W p = k<W>(19.0) - k<W>(14.0) * x + three * x * x - k<W>(14.0) * y + six * x * y + three * y * y;
  const W q = two * x - three * y;
  const W r = k<W>(18.0) - k<W>(32.0) * x + k<W>(12.0) * x * x + k<W>(48.0) * y - k<W>(36.0) * x * y + k<W>(27.0) * y * y;
  const W a = one + s * s * p;
  const W b = k<W>(30.0) + q * q * r;
  const W da = two * s * p + s * s * (k<W>(-14.0) + six * x + six * y);
  const W dbx = k<W>(4.0) * q * r + q * q * (k<W>(-32.0) + k<W>(24.0) * x - k<W>(36.0) * y);
  const W dby = k<W>(-6.0) * q * r + q * q * (k<W>(48.0) - k<W>(36.0) * x + k<W>(54.0) * y);
  gx = da * b + a * dbx;
  gy = da * b + a * dby;
  return a * b;
}

}  // namespace lanes

// f at (x, y) on every lane, and its gradient, for an objective with a lane form (kind != PerLane).
template <LaneObjective K, class W>
inline W value_and_gradient(const ObjectiveLanes& o, W x, W y, W& gx, W& gy) {
  if constexpr (K == LaneObjective::Rosenbrock) return lanes::rosenbrock(o.p0, o.p1, x, y, gx, gy);
  else if constexpr (K == LaneObjective::Beale) return lanes::beale(x, y, gx, gy);
  else if constexpr (K == LaneObjective::Himmelblau) return lanes::himmelblau(x, y, gx, gy);
  else if constexpr (K == LaneObjective::Booth) return lanes::booth(x, y, gx, gy);
  else if constexpr (K == LaneObjective::Quadratic) return lanes::quadratic(o.p0, o.c, o.s, x, y, gx, gy);
  else if constexpr (K == LaneObjective::Saddle) return lanes::saddle(x, y, gx, gy);
  else if constexpr (K == LaneObjective::StyblinskiTang) return lanes::styblinski_tang(x, y, gx, gy);
  else return lanes::goldstein_price(x, y, gx, gy);
}

}  // namespace gs::sweep
