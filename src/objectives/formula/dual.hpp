// A second-order dual number over (x, y): a value with its gradient and Hessian, and the chain
// rule that carries them through one- and two-argument operations.
#pragma once

#include <cmath>

#include "objectives/formula/functions.hpp"

namespace gs::formula {

struct Dual {
  double v = 0;                       // value
  double gx = 0, gy = 0;              // gradient
  double hxx = 0, hxy = 0, hyy = 0;   // Hessian (symmetric)

  static Dual constant(double value) { return {value}; }
  static Dual variable_x(double value) { return {value, 1, 0}; }
  static Dual variable_y(double value) { return {value, 0, 1}; }
  bool varies() const { return gx != 0 || gy != 0 || hxx != 0 || hxy != 0 || hyy != 0; }
  bool finite() const {
    return std::isfinite(v) && std::isfinite(gx) && std::isfinite(gy) && std::isfinite(hxx) &&
           std::isfinite(hxy) && std::isfinite(hyy);
  }
};

// f(u): gradient f' g, Hessian f' H + f'' g g^T.
inline Dual chain(const Jet1& j, const Dual& u) {
  return {j.f,
          j.d * u.gx,
          j.d * u.gy,
          j.d * u.hxx + j.dd * u.gx * u.gx,
          j.d * u.hxy + j.dd * u.gx * u.gy,
          j.d * u.hyy + j.dd * u.gy * u.gy};
}

// f(a, b): gradient f_a g_a + f_b g_b, Hessian f_a H_a + f_b H_b + f_aa g_a g_a^T
// + f_ab (g_a g_b^T + g_b g_a^T) + f_bb g_b g_b^T. Zero partials contribute nothing (so an
// infinite partial times a zero one never makes NaN).
inline Dual chain(const Jet2& j, const Dual& a, const Dual& b) {
  const auto term = [](double c, double p) { return c == 0 || p == 0 ? 0.0 : c * p; };
  Dual r{j.f};
  r.gx = term(j.da, a.gx) + term(j.db, b.gx);
  r.gy = term(j.da, a.gy) + term(j.db, b.gy);
  r.hxx = term(j.da, a.hxx) + term(j.db, b.hxx) + term(j.daa, a.gx * a.gx) + term(j.dab, 2 * a.gx * b.gx) +
          term(j.dbb, b.gx * b.gx);
  r.hxy = term(j.da, a.hxy) + term(j.db, b.hxy) + term(j.daa, a.gx * a.gy) +
          term(j.dab, a.gx * b.gy + b.gx * a.gy) + term(j.dbb, b.gx * b.gy);
  r.hyy = term(j.da, a.hyy) + term(j.db, b.hyy) + term(j.daa, a.gy * a.gy) + term(j.dab, 2 * a.gy * b.gy) +
          term(j.dbb, b.gy * b.gy);
  return r;
}

}  // namespace gs::formula
