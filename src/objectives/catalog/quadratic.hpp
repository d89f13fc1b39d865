// The ill-conditioned quadratic ½(u² + κw²) with principal axes rotated by θ:
// u = x cos θ − y sin θ, w = x sin θ + y cos θ (the textbook model of gradient descent's
// condition-number dependence; e.g. Nocedal & Wright, Numerical Optimization, §3.3).
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Quadratic : EntryBase {
  static ObjectiveInfo info() {
    return {"quadratic", "Ill-conditioned quadratic",
            R"(\tfrac12\left(u^2 + \kappa\,w^2\right),\quad u = x\cos\theta - y\sin\theta,\ )"
            R"(w = x\sin\theta + y\cos\theta,\ \theta = \text{angle}\cdot\pi/180)",
            "A convex quadratic with condition number kappa whose principal axes are rotated by "
            "angle degrees; minimum f(0, 0) = 0.",
            {{"kappa", 10.0, 1.0, 1e4, "condition number: curvature along w over curvature along u"},
             {"angle", 0.0, -180.0, 180.0, "rotation of the principal axes, in degrees"}},
            {-3.0, 3.0, -3.0, 3.0},
            {-2.5, 1.5}};
  }
  // kappa, and the cos and sin of the rotation through gs::dm.
  static Bound bind(const std::vector<double>& p) {
    const double theta = p[1] * kPi / 180.0;
    return {p[0], gs::dm::cos(theta), gs::dm::sin(theta)};
  }

  template <class W>
  static W evaluate(const Bound& p, W x, W y, W* g) {
    const double kappa = p[0], c = p[1], s = p[2];
    const W C = lit<W>(c), S = lit<W>(s);
    const W u = C * x - S * y;
    const W w = S * x + C * y;
    if (g) {
      g[0] = C * u + lit<W>(kappa * s) * w;
      g[1] = lit<W>(-s) * u + lit<W>(kappa * c) * w;
    }
    return lit<W>(0.5) * (u * u + lit<W>(kappa) * w * w);
  }

  // Constant: f_xx = c² + κs², f_xy = (κ − 1)sc, f_yy = s² + κc² (eigenvalues 1 along u, κ along w).
  static void hessian(const Bound& p, double, double, double h[3]) {
    const double kappa = p[0], c = p[1], s = p[2];
    h[0] = c * c + kappa * s * s;
    h[1] = kappa * s * c - c * s;
    h[2] = s * s + kappa * c * c;
  }

  static std::vector<Minimum> minima(const Bound&) { return {{0.0, 0.0, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
