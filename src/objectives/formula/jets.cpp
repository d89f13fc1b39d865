// Values, first and second derivatives and domains of the formula language's operations.
#include "objectives/formula/jets.hpp"

#include <cmath>

#include "core/detmath.hpp"

namespace gs::formula {
namespace {

constexpr double kLn2 = 0.6931471805599453;
constexpr double kLn10 = 2.302585092994046;

double sigmoid(double u) {
  if (u >= 0) return 1 / (1 + dm::exp(-u));
  const double e = dm::exp(u);
  return e / (1 + e);
}

double softplus(double u) {
  if (u > 36) return u + dm::exp(-u);
  if (u < -36) return dm::exp(u);
  return dm::log1p(dm::exp(u));
}

double asin_value(double u) { return dm::atan2(u, std::sqrt((1 - u) * (1 + u))); }
double acos_value(double u) { return dm::atan2(std::sqrt((1 - u) * (1 + u)), u); }

bool is_integer(double v) { return std::isfinite(v) && std::trunc(v) == v; }

// a^b for real b with a^b's derivatives in a; b*(b-1) = 0 gives exact zeros (no 0 * inf).
Jet2 power_jet(double a, double b, bool derivatives, bool b_varies) {
  Jet2 j{dm::pow(a, b), 0, 0, 0, 0, 0};
  if (!derivatives) return j;
  j.da = b == 0 ? 0 : b * dm::pow(a, b - 1);
  j.daa = b * (b - 1) == 0 ? 0 : b * (b - 1) * dm::pow(a, b - 2);
  if (b_varies) {
    const double log_a = dm::log(a);
    j.db = j.f * log_a;
    j.dbb = j.db * log_a;
    j.dab = dm::pow(a, b - 1) * (1 + b * log_a);
  }
  return j;
}

}  // namespace

Jet1 unary_jet(Op op, double u, bool derivatives) {
  Jet1 j{0, 0, 0};
  switch (op) {
    case Op::Neg: j = {-u, -1, 0}; break;
    case Op::Sin: {
      const double s = dm::sin(u);
      j = {s, derivatives ? dm::cos(u) : 0, -s};
      break;
    }
    case Op::Cos: {
      const double c = dm::cos(u);
      j = {c, derivatives ? -dm::sin(u) : 0, -c};
      break;
    }
    case Op::Tan: {
      const double c = dm::cos(u), t = dm::sin(u) / c;
      j = {t, 1 / (c * c), 2 * t / (c * c)};
      break;
    }
    case Op::Asin: {
      const double r = 1 / std::sqrt((1 - u) * (1 + u));
      j = {asin_value(u), r, u * r * r * r};
      break;
    }
    case Op::Acos: {
      const double r = 1 / std::sqrt((1 - u) * (1 + u));
      j = {acos_value(u), -r, -u * r * r * r};
      break;
    }
    case Op::Atan: {
      const double q = 1 / (1 + u * u);
      j = {dm::atan(u), q, -2 * u * q * q};
      break;
    }
    case Op::Sinh: {
      const double e = dm::exp(u);
      const double s = dm::sinh(u);
      j = {s, derivatives ? (e + 1 / e) / 2 : 0, s};
      break;
    }
    case Op::Cosh: {
      const double e = dm::exp(u);
      const double c = (e + 1 / e) / 2;
      j = {c, derivatives ? dm::sinh(u) : 0, c};
      break;
    }
    case Op::Tanh: {
      const double t = dm::tanh(u), s = 1 - t * t;
      j = {t, s, -2 * t * s};
      break;
    }
    case Op::Exp: {
      const double e = dm::exp(u);
      j = {e, e, e};
      break;
    }
    case Op::Log: j = {dm::log(u), 1 / u, -1 / (u * u)}; break;
    case Op::Log2: j = {dm::log(u) / kLn2, 1 / (u * kLn2), -1 / (u * u * kLn2)}; break;
    case Op::Log10: j = {dm::log(u) / kLn10, 1 / (u * kLn10), -1 / (u * u * kLn10)}; break;
    case Op::Sqrt: {
      const double r = std::sqrt(u);
      j = {r, derivatives ? 0.5 / r : 0, derivatives ? -0.25 / (r * u) : 0};
      break;
    }
    case Op::Cbrt: {
      const double r = dm::cbrt(u);
      j = {r, derivatives ? 1 / (3 * r * r) : 0, derivatives ? -2 / (9 * r * r * r * r * r) : 0};
      break;
    }
    case Op::Abs: j = {std::fabs(u), u > 0 ? 1.0 : (u < 0 ? -1.0 : 0.0), 0}; break;
    case Op::Sign: j = {u > 0 ? 1.0 : (u < 0 ? -1.0 : (std::isnan(u) ? u : 0.0)), 0, 0}; break;
    case Op::Sigmoid: {
      const double s = sigmoid(u), d = s * (1 - s);
      j = {s, d, d * (1 - 2 * s)};
      break;
    }
    case Op::Softplus: {
      const double s = sigmoid(u);
      j = {softplus(u), s, s * (1 - s)};
      break;
    }
    case Op::Relu: j = {u > 0 ? u : (std::isnan(u) ? u : 0.0), u > 0 ? 1.0 : 0.0, 0}; break;
    default: j = {std::nan(""), 0, 0}; break;
  }
  if (!derivatives) j.d = j.dd = 0;
  return j;
}

Jet2 binary_jet(Op op, double a, double b, bool derivatives, bool b_varies) {
  Jet2 j{0, 0, 0, 0, 0, 0};
  switch (op) {
    case Op::Add: j = {a + b, 1, 1, 0, 0, 0}; break;
    case Op::Sub: j = {a - b, 1, -1, 0, 0, 0}; break;
    case Op::Mul: j = {a * b, b, a, 0, 1, 0}; break;
    case Op::Div: {
      const double q = a / b;
      j = {q, 1 / b, -q / b, 0, -1 / (b * b), 2 * q / (b * b)};
      break;
    }
    case Op::Pow:
    case Op::PowFn: return power_jet(a, b, derivatives, b_varies);
    case Op::Atan2: {
      const double r2 = a * a + b * b;
      j = {dm::atan2(a, b), b / r2, -a / r2, -2 * a * b / (r2 * r2), (a * a - b * b) / (r2 * r2),
           2 * a * b / (r2 * r2)};
      break;
    }
    case Op::Hypot: {
      const double h = dm::hypot(a, b);
      const double h3 = h * h * h;
      j = {h, a / h, b / h, b * b / h3, -a * b / h3, a * a / h3};
      break;
    }
    case Op::Min: j = {a <= b ? a : b, a <= b ? 1.0 : 0.0, a <= b ? 0.0 : 1.0, 0, 0, 0}; break;
    case Op::Max: j = {a >= b ? a : b, a >= b ? 1.0 : 0.0, a >= b ? 0.0 : 1.0, 0, 0, 0}; break;
    default: j = {std::nan(""), 0, 0, 0, 0, 0}; break;
  }
  if (!derivatives) j.da = j.db = j.daa = j.dab = j.dbb = 0;
  if (!b_varies) j.db = j.dab = j.dbb = 0;
  return j;
}

bool in_domain(Op op, double a, double b) {
  switch (op) {
    case Op::Log: case Op::Log2: case Op::Log10: return a > 0;
    case Op::Sqrt: return a >= 0;
    case Op::Asin: case Op::Acos: return a >= -1 && a <= 1;
    case Op::Div: return b != 0;
    case Op::Pow: case Op::PowFn: return a >= 0 || is_integer(b);
    default: return true;
  }
}

}  // namespace gs::formula

namespace gs::formula {

std::string domain_exit_message(Op op, int column, bool argument_outside, bool value_finite) {
  const std::string name(op_name(op));
  const std::string where = " at column " + std::to_string(column);
  if (!argument_outside) return name + (value_finite ? " has no finite derivative" : " has no finite value") + where;
  switch (op) {
    case Op::Log: case Op::Log2: case Op::Log10: return name + " of a number ≤ 0" + where;
    case Op::Sqrt: return "sqrt of a negative number" + where;
    case Op::Asin: case Op::Acos: return name + " of a number outside [−1, 1]" + where;
    case Op::Div: return "division by 0" + where;
    case Op::Pow: case Op::PowFn: return "a negative number to a non-integer power" + where;
    default: return name + " outside its domain" + where;
  }
}

}  // namespace gs::formula
