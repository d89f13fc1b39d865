// Deterministic atan, atan2, log1p, sinh, tanh, cbrt and hypot (core/detmath.hpp), from gs::dm's
// exp, log and pow and IEEE arithmetic only.
#include <cmath>

#include "core/detmath.hpp"

namespace gs::dm {
namespace {

constexpr double kHalfPi = 1.5707963267948966;
constexpr double kPi = 3.141592653589793;

}  // namespace

// atan: |x| > 1 via pi/2 - atan(1/x); then two half-angle reductions
// atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))) bring |t| below tan(pi/16) ~ 0.199, where the
// Taylor series to t^29 is below 1e-21 relative.
double atan(double x) {
  if (std::isnan(x)) return x;
  const bool negative = x < 0;
  double t = negative ? -x : x;
  const bool inverted = t > 1;
  if (inverted) t = 1 / t;
  for (int i = 0; i < 2; ++i) t = t / (1 + std::sqrt(1 + t * t));
  const double t2 = t * t;
  double sum = 0;
  for (int k = 14; k >= 0; --k) sum = (k % 2 == 0 ? 1.0 : -1.0) / (2 * k + 1) + t2 * sum;
  double result = 4 * t * sum;
  if (inverted) result = kHalfPi - result;
  return negative ? -result : result;
}

double atan2(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return x + y;
  if (x == 0 && y == 0) return std::signbit(x) ? (std::signbit(y) ? -kPi : kPi) : y;
  if (std::fabs(x) >= std::fabs(y)) {
    const double base = atan(y / x);
    if (x > 0) return base;
    return y >= 0 ? base + kPi : base - kPi;
  }
  const double base = -atan(x / y);
  return y > 0 ? base + kHalfPi : base - kHalfPi;
}

// log(1 + x) with the correction u = 1 + x, log(u) * x / (u - 1) (Goldberg): accurate for small x.
double log1p(double x) {
  const double u = 1 + x;
  if (u == 1) return x;
  return log(u) * x / (u - 1);
}

// sinh: Taylor series for |x| < 0.5 (terms to x^17, below 1e-19 relative), (e^x - e^-x)/2 beyond.
double sinh(double x) {
  if (std::fabs(x) < 0.5) {
    const double x2 = x * x;
    double sum = 0, term_denominator = 1;
    double coefficients[9];
    for (int k = 0; k < 9; ++k) {
      coefficients[k] = 1 / term_denominator;
      term_denominator *= (2 * k + 2) * (2 * k + 3);
    }
    for (int k = 8; k >= 0; --k) sum = coefficients[k] + x2 * sum;
    return x * sum;
  }
  const double e = exp(x);
  return (e - 1 / e) / 2;
}

double tanh(double x) {
  if (std::fabs(x) < 0.5) {
    const double s = sinh(x);
    return s / std::sqrt(1 + s * s);
  }
  if (std::fabs(x) > 20) return x > 0 ? 1.0 : -1.0;
  const double e = exp(-2 * std::fabs(x));
  const double result = (1 - e) / (1 + e);
  return x > 0 ? result : -result;
}

// cbrt: pow(|x|, 1/3) and one Newton step, with the sign of x.
double cbrt(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double a = std::fabs(x);
  double r = pow(a, 1.0 / 3.0);
  r = r - (r * r * r - a) / (3 * r * r);
  return x < 0 ? -r : r;
}

double hypot(double a, double b) {
  const double m = std::fmax(std::fabs(a), std::fabs(b));
  if (m == 0 || std::isinf(m)) return m;
  const double p = a / m, q = b / m;
  return m * std::sqrt(p * p + q * q);
}

}  // namespace gs::dm
